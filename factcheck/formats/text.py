"""Plain terminal output: each figure in its sentence with its verdict, then a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..match import fmt
from ..models import Claim, FileReport, Report, Verdict

if TYPE_CHECKING:
    from . import Style

_COLORS = {
    Verdict.supported: "32", Verdict.contradicted: "31", Verdict.outdated: "33", Verdict.unverifiable: "2",
    "error": "31", "warning": "33", "info": "36",
}


def _paint(text: str, key: object, style: Style) -> str:
    code = _COLORS.get(key)  # type: ignore[call-overload]
    return f"\x1b[{code}m{text}\x1b[0m" if style.color and code else text


def _marked(claim: Claim, style: Style) -> str:
    sentence = claim.sentence
    at = sentence.find(claim.text)
    if at < 0:
        return sentence
    mark = _paint(f"[{claim.text}]", claim.verdict, style) if style.color else f"[{claim.text}]"
    return sentence[:at] + mark + sentence[at + len(claim.text):]


def _file(report: FileReport, style: Style) -> list[str]:
    lines = [f"{report.path} (published {report.published or 'unknown'}, from {report.published_from})"]
    findings = {}
    for finding in report.findings:
        if finding.severity.rank >= style.min_severity:
            findings.setdefault(finding.claim, []).append(finding)
    for claim in report.claims:
        verdict = _paint(claim.verdict.value, claim.verdict, style)
        about = ", ".join(x for x in (claim.metric, claim.location, f"source: {claim.source}" if claim.source else "no source") if x)
        lines.append(f"{report.path}:{claim.line}:{claim.column}: {verdict}: {claim.text} ({about})")
        lines.append(f"    {_marked(claim, style)}")
        if claim.current is not None:
            ref = claim.current
            lines.append(f"    reference: {fmt(ref.value)} as of {ref.as_of}, {ref.source} ({ref.source_url})")
        for finding in findings.get(claim.id, []):
            lines.append(f"    {_paint(finding.severity.value, finding.severity.value, style)} {finding.rule}: {finding.message}")
    if not report.claims:
        lines.append("    no figures found")
    return lines


def summary_line(report: Report) -> str:
    s = report.summary
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"
    return (
        f"{plural(s.errors, 'error')}, {plural(s.warnings, 'warning')}, {plural(s.infos, 'info')} "
        f"in {plural(s.claims, 'figure')} in {plural(s.files, 'file')}"
    )


def render(report: Report, style: Style) -> str:
    out: list[str] = []
    for file_report in report.files:
        out.extend(_file(file_report, style))
        out.append("")
    out.append(summary_line(report))
    return "\n".join(out) + "\n"
