"""JUnit XML, for CI test reports (GitLab, Jenkins, Azure): a test suite per article, a test
case per figure (and one for the article itself when a finding is about the file). A finding
at error or warning severity fails its test case; info findings are written to its output."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from factcheck.models import Finding, Report, Severity

if TYPE_CHECKING:
    from factcheck.report import Style

FAILING = frozenset({Severity.error, Severity.warning})


def text(value: str) -> str:
    return xml_escape(value)


def attr(value: str) -> str:
    """An attribute value, quoted; line breaks and tabs as character references (kept, not folded)."""
    return quoteattr(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


def _case(name: str, classname: str, path: str, line: int, findings: list[Finding]) -> list[str]:
    head = f"    <testcase name={attr(name)} classname={attr(classname)} file={attr(path)} line=\"{line}\" time=\"0\""
    if not findings:
        return [head + "/>"]
    out = [head + ">"]
    for f in findings:
        if f.severity in FAILING:
            detail = f"{f.severity.value} {f.rule} at {path}:{f.line}:{f.column}: {f.message}"
            out.append(f"      <failure type={attr(f.rule)} message={attr(f.message)}>{text(detail)}</failure>")
    infos = [f for f in findings if f.severity not in FAILING]
    if infos:
        notes = "\n".join(f"{f.severity.value} {f.rule} at {path}:{f.line}:{f.column}: {f.message}" for f in infos)
        out.append(f"      <system-out>{text(notes)}</system-out>")
    out.append("    </testcase>")
    return out


def render(report: Report, style: Style) -> str:
    suites: list[str] = []
    total = failed = 0
    for file in report.files:
        by_claim: dict[str, list[Finding]] = {}
        for f in file.findings:
            by_claim.setdefault(f.claim, []).append(f)
        ids = {c.id for c in file.claims}
        cases: list[str] = []
        count = fails = 0
        about_file = [f for claim, found in by_claim.items() if claim not in ids for f in found]
        if about_file:
            cases += _case("the article", file.path, file.path, about_file[0].line, about_file)
            count, fails = count + 1, fails + any(f.severity in FAILING for f in about_file)
        for claim in file.claims:
            found = by_claim.get(claim.id, [])
            name = f"{claim.line}:{claim.column} {' '.join(claim.text.split())} ({claim.metric}, {claim.verdict.value})"
            cases += _case(name, file.path, file.path, claim.line, found)
            count, fails = count + 1, fails + any(f.severity in FAILING for f in found)
        total, failed = total + count, failed + fails
        suites.append(
            f"  <testsuite name={attr(file.path)} tests=\"{count}\" failures=\"{fails}\" errors=\"0\" skipped=\"0\" time=\"0\">"
        )
        suites += cases
        suites.append("  </testsuite>")
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="factcheck" tests="{total}" failures="{failed}" errors="0" skipped="0" time="0">',
    ]
    return "\n".join([*head, *suites, "</testsuites>"]) + "\n"
