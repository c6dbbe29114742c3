"""The JSON report, schema version 1: the pydantic models serialised, keys in model order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Report

if TYPE_CHECKING:
    from factcheck.report import Style


def render(report: Report, style: Style) -> str:
    return report.model_dump_json(indent=2) + "\n"
