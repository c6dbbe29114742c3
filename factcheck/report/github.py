"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

Escaping follows the runner (actions/toolkit): in the message ``%``, CR and LF are
percent-encoded; in properties ``:`` and ``,`` too. Columns are sent only when the figure
starts and ends on one line, as GitHub ignores them otherwise.

GitHub shows at most 10 annotations of each level per step, so errors come first, then
warnings, then at most 10 notices (the last one saying how many more there are); the title
of each says the publication date the figure was judged at and where it came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import FileReport, Finding, Report, Severity
from factcheck.rules import REGISTRY

if TYPE_CHECKING:
    from factcheck.report import Style

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}
NOTICE_CAP = 10
AS_OF = {"option": "given with --date", "article": "from the article", "today": "today: no date in the article"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def title(rule_id: str, file: FileReport | None = None) -> str:
    registered = REGISTRY.get(rule_id)
    name = f"{registered.rule.name} ({rule_id})" if registered else rule_id
    if file is None:
        return name
    return f"{name}, as of {file.published or 'unknown'} ({AS_OF[file.published_from]})"


def command(path: str, finding: Finding, file: FileReport | None = None) -> str:
    props = [("file", path), ("line", str(finding.line))]
    if finding.line == finding.end_line:
        props.append(("col", str(finding.column)))
    props.append(("endLine", str(finding.end_line)))
    if finding.line == finding.end_line:
        props.append(("endColumn", str(finding.end_column)))
    props.append(("title", title(finding.rule, file)))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(report: Report, style: Style) -> str:
    ordered = sorted(
        ((f.severity.rank, n, file, f) for n, (file, f) in enumerate((file, f) for file in report.files for f in file.findings)),
        key=lambda t: (-t[0], t[1]),
    )
    notices = [t for t in ordered if t[3].severity is Severity.info]
    shown = [t for t in ordered if t[3].severity is not Severity.info]
    hidden = len(notices) - NOTICE_CAP + 1 if len(notices) > NOTICE_CAP else 0
    shown += notices[:len(notices) - hidden]
    lines = [command(file.path, f, file) for _, _, file, f in shown]
    if hidden:
        lines.append(f"::notice title=factcheck::{hidden} more notices are not annotated (GitHub shows {NOTICE_CAP} per step): see the job summary or the full report")
    return "".join(f"{x}\n" for x in lines)
