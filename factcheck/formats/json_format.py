"""The JSON report, schema version 1: the pydantic models serialised, keys in model order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Report

if TYPE_CHECKING:
    from . import Style


def render(report: Report, style: Style) -> str:
    shown = report.model_copy(
        update={
            "files": [
                f.model_copy(update={"findings": [x for x in f.findings if x.severity.rank >= style.min_severity]})
                for f in report.files
            ]
        }
    )
    return shown.model_dump_json(indent=2) + "\n"
