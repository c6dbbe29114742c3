"""One line per finding, ``path:line:col: severity rule: message``, for editors and grep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Report

if TYPE_CHECKING:
    from factcheck.report import Style


def render(report: Report, style: Style) -> str:
    lines = [
        f"{file.path}:{f.line}:{f.column}: {f.severity.value} {f.rule}: {' '.join(f.message.split())}"
        for file in report.files
        for f in file.findings
    ]
    return "".join(f"{x}\n" for x in lines)
