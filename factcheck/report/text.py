"""Terminal output, grouped by file: each figure in its sentence with its verdict and findings,
then a summary line ("0 errors, 2 warnings, 1 info in 5 figures in 2 files").

With ``--min-severity`` above info only the figures with a finding shown are listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.judge.verdict import fmt
from factcheck.models import Claim, FileReport, Finding, Report, Verdict

if TYPE_CHECKING:
    from factcheck.report import Style

_COLORS = {
    Verdict.supported: "32", Verdict.contradicted: "31", Verdict.outdated: "33", Verdict.unverifiable: "2",
    "error": "31", "warning": "33", "info": "36", "path": "1",
}


def _paint(text: str, key: object, style: Style) -> str:
    code = _COLORS.get(key)  # type: ignore[call-overload]
    return f"\x1b[{code}m{text}\x1b[0m" if style.color and code else text


def _marked(claim: Claim, style: Style) -> str:
    sentence, text = claim.sentence, " ".join(claim.text.split())
    at = sentence.find(text)
    if at < 0:
        return sentence
    return sentence[:at] + _paint(f"[{text}]", claim.verdict, style) + sentence[at + len(text):]


def _file(report: FileReport, style: Style) -> list[str]:
    lines = [f"{_paint(report.path, 'path', style)} (published {report.published or 'unknown'}, from {report.published_from})"]
    findings: dict[str, list[Finding]] = {}
    for finding in report.findings:
        findings.setdefault(finding.claim, []).append(finding)
    ids = {c.id for c in report.claims}
    for finding in (f for f in report.findings if f.claim not in ids):  # about the file, not a figure
        severity = _paint(finding.severity.value, finding.severity.value, style)
        lines.append(f"{report.path}:{finding.line}:{finding.column}: {severity} {finding.rule}: {finding.message}")
    claims = report.claims if style.min_severity <= 1 else [c for c in report.claims if c.id in findings]
    for claim in claims:
        verdict = _paint(claim.verdict.value, claim.verdict, style)
        about = ", ".join(x for x in (claim.metric, claim.location, f"source: {claim.source}" if claim.source else "no source") if x)
        lines.append(f"{report.path}:{claim.line}:{claim.column}: {verdict}: {' '.join(claim.text.split())} ({about})")
        lines.append(f"    {_marked(claim, style)}")
        if claim.current is not None:
            ref = claim.current
            lines.append(f"    reference: {fmt(ref.value, claim.metric)} as of {ref.as_of}, {ref.source} ({ref.source_url})")
        for finding in findings.get(claim.id, []):
            lines.append(f"    {_paint(finding.severity.value, finding.severity.value, style)} {finding.rule}: {finding.message}")
    if not report.claims:
        lines.append("    no figures found")
    elif not claims:
        lines.append("    no findings shown")
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
