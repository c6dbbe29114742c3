"""A discrepancy report in Markdown that an editor can paste into a ticket.

Per article: the discrepancies (figures with findings, each quoted in its sentence with the
reference it was checked against), then a table of every figure. Text from the article is
escaped, so markup in it (``<script>``, ``|``, ``*``) is shown, never interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING

from factcheck.judge.verdict import fmt
from factcheck.models import Claim, FileReport, Finding, Reference, Report
from factcheck.report.text import summary_line

if TYPE_CHECKING:
    from factcheck.report import Style

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"\A([#>+=-])")
_SPACE = re.compile(r"\s+")
_SAFE_URL = re.compile(r"https?://[^\s<>]+\Z")
PUBLISHED_FROM = {"option": "given with --date", "article": "from the article", "today": "no date in the article: today's date"}


def escape(text: str) -> str:
    """Backslash-escape the Markdown punctuation that acts mid-line; fold whitespace."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def link(url: str) -> str:
    return f"<{url}>" if _SAFE_URL.match(url) else escape(url)


def reference(ref: Reference | None, metric: str | None = None, escaped: Callable[[str], str] = escape) -> str:
    """'40,005 as of 2024-08-15, Gaza Ministry of Health (gaza_war.csv:26)', names escaped."""
    if ref is None:
        return ""
    return f"{fmt(ref.value, metric)} as of {ref.as_of}, {escaped(ref.source)} ({escaped(PurePath(ref.file).name)}:{ref.row})"


def quoted(claim: Claim) -> str:
    """The sentence with the figure in bold; a leading '#', '>', '-' or '+' is escaped too."""
    text = " ".join(claim.text.split())
    at = claim.sentence.find(text)
    if at < 0:
        out = escape(claim.sentence)
    else:
        end = at + len(text)
        out = f"{escape(claim.sentence[:at])}**{escape(text)}**{escape(claim.sentence[end:])}"
    return _LINE_START.sub(r"\\\1", out.strip())


def _discrepancy(number: int, claim: Claim, findings: list[Finding]) -> list[str]:
    worst = max(findings, key=lambda f: f.severity.rank)
    lines = [
        f"{number}. **{worst.severity.value}**: {escape(claim.text)} ({claim.verdict.value}), "
        f"line {claim.line}, column {claim.column}",
        "",
        f"   > {quoted(claim)}",
        "",
    ]
    for f in findings:
        lines.append(f"   - **{f.severity.value}** `{f.rule}`: {escape(f.message)}")
    if claim.current is not None:
        lines.append(f"   - current reference: {reference(claim.current, claim.metric)} {link(claim.current.source_url)}")
    if claim.reference is not None and claim.reference != claim.current:
        lines.append(f"   - matching reference: {reference(claim.reference, claim.metric)} {link(claim.reference.source_url)}")
    lines.append("")
    return lines


def _file(report: FileReport) -> list[str]:
    findings: dict[str, list[Finding]] = {}
    for f in report.findings:
        findings.setdefault(f.claim, []).append(f)
    lines = [
        f"## {escape(report.path)}",
        "",
        f"Published {report.published or 'unknown'} ({PUBLISHED_FROM[report.published_from]}). "
        f"{len(report.claims)} figure{'s' if len(report.claims) != 1 else ''}, "
        f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}.",
        "",
    ]
    ids = {c.id for c in report.claims}
    notes = [f for f in report.findings if f.claim not in ids]  # about the file, not a figure
    for f in notes:
        lines.append(f"- **{f.severity.value}** `{f.rule}` (line {f.line}): {escape(f.message)}")
    lines.extend([""] if notes else [])
    lines.extend(["### Discrepancies", ""])
    flagged = [c for c in report.claims if c.id in findings]
    for number, claim in enumerate(flagged, 1):
        lines.extend(_discrepancy(number, claim, findings[claim.id]))
    if not flagged:
        lines.extend(["None.", ""])
    lines.extend(["### Figures", ""])
    if not report.claims:
        return [*lines, "No figures found.", ""]
    lines.append("| line:col | figure | verdict | metric | place | source | reference | findings |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for c in report.claims:
        rules = ", ".join(f"`{f.rule}`" for f in findings.get(c.id, []))
        lines.append(
            f"| {c.line}:{c.column} | {escape(c.text)} | {c.verdict.value} | {c.metric} | {escape(c.location or '')} "
            f"| {escape(c.source or '')} | {reference(c.current, c.metric)} | {rules} |"
        )
    return [*lines, ""]


def render(report: Report, style: Style) -> str:
    lines = ["# Fact-check report", "", summary_line(report) + ".", ""]
    for file_report in report.files:
        lines.extend(_file(file_report))
    return "\n".join(lines).rstrip("\n") + "\n"
