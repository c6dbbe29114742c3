"""Checkstyle XML, the format reviewdog reads (``reviewdog -f=checkstyle``): a ``<file>`` per
article, an ``<error>`` per finding with line, column, severity, message and the rule as
``source`` (``factcheck.<rule>``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Report, Severity
from factcheck.report.junit import attr

if TYPE_CHECKING:
    from factcheck.report import Style

SEVERITIES = {Severity.error: "error", Severity.warning: "warning", Severity.info: "info"}


def render(report: Report, style: Style) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">']
    for file in report.files:
        if not file.findings:
            lines.append(f"  <file name={attr(file.path)}/>")
            continue
        lines.append(f"  <file name={attr(file.path)}>")
        for f in file.findings:
            lines.append(
                f'    <error line="{f.line}" column="{f.column}" severity="{SEVERITIES[f.severity]}" '
                f"message={attr(f.message)} source={attr('factcheck.' + f.rule)}/>"
            )
        lines.append("  </file>")
    lines.append("</checkstyle>")
    return "\n".join(lines) + "\n"
