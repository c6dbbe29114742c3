"""Output formats: one module per format, each with ``render(report, style) -> str``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Report
from . import json_format, text

__all__ = ["FORMATS", "Style", "render"]


@dataclass(frozen=True)
class Style:
    """How to render: colour on or off, and the least severity to show."""

    color: bool = False
    min_severity: int = 1


FORMATS: dict[str, Callable[[Report, Style], str]] = {
    "text": text.render,
    "json": json_format.render,
}


def render(report: Report, name: str, style: Style | None = None) -> str:
    return FORMATS[name](report, style or Style())
