"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

Escaping follows the runner (actions/toolkit): in the message ``%``, CR and LF are
percent-encoded; in properties ``:`` and ``,`` too. Columns are sent only when the figure
starts and ends on one line, as GitHub ignores them otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Finding, Report, Severity
from factcheck.rules import REGISTRY

if TYPE_CHECKING:
    from factcheck.report import Style

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def title(rule_id: str) -> str:
    registered = REGISTRY.get(rule_id)
    return f"{registered.rule.name} ({rule_id})" if registered else rule_id


def command(path: str, finding: Finding) -> str:
    props = [("file", path), ("line", str(finding.line))]
    if finding.line == finding.end_line:
        props.append(("col", str(finding.column)))
    props.append(("endLine", str(finding.end_line)))
    if finding.line == finding.end_line:
        props.append(("endColumn", str(finding.end_column)))
    props.append(("title", title(finding.rule)))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(report: Report, style: Style) -> str:
    return "".join(f"{command(file.path, f)}\n" for file in report.files for f in file.findings)
