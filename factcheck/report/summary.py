"""A short Markdown summary: counts per rule and severity, and every error. For a CI job
summary (``$GITHUB_STEP_SUMMARY``) or a pull-request comment."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from factcheck.models import Report, Severity
from factcheck.report.markdown import escape
from factcheck.report.text import summary_line

if TYPE_CHECKING:
    from factcheck.report import Style

ERRORS_LISTED = 100


def render(report: Report, style: Style) -> str:
    counts: Counter[tuple[str, str]] = Counter((f.rule, f.severity.value) for file in report.files for f in file.findings)
    lines = ["## factcheck", "", summary_line(report) + ".", ""]
    undated = sum(file.published_from == "today" for file in report.files)
    if undated:
        lines += [f"{undated} article{'s' if undated != 1 else ''} had no publication date: judged as of today.", ""]
    if counts:
        lines += ["| rule | severity | findings |", "|---|---|---:|"]
        order = {s.value: s.rank for s in Severity}
        for (rule, severity), n in sorted(counts.items(), key=lambda kv: (-order[kv[0][1]], kv[0][0])):
            lines.append(f"| `{rule}` | {severity} | {n} |")
        lines.append("")
    errors = [(file, f) for file in report.files for f in file.findings if f.severity is Severity.error]
    if errors:
        lines += ["### Errors", ""]
        for file, f in errors[:ERRORS_LISTED]:
            lines.append(f"- {escape(file.path)}:{f.line}:{f.column} `{f.rule}`: {escape(f.message)}")
        if len(errors) > ERRORS_LISTED:
            lines.append(f"- ... and {len(errors) - ERRORS_LISTED} more")
        lines.append("")
    return "\n".join(lines)
