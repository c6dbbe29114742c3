"""What the editor shows and offers for a checked document, on code-point offsets.

Positions in the protocol (UTF-16 units by default) are the server's business; everything
here works on offsets into the document text, so it is tested without a client.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.judge.suggest import restyle
from factcheck.models import Claim, FileReport, Finding, Severity, Verdict
from factcheck.reference.rows import fmt

SOURCE = "factcheck"
_IGNORE = re.compile(r"<!--\s*factcheck\s*:\s*ignore\b([^>]*)-->\s*\Z", re.I)
_FENCE_OR_RULE = re.compile(r"\s*(```|~~~|---\s*$|\+\+\+\s*$)")
REPLACEABLE = frozenset({Verdict.contradicted, Verdict.outdated})


@dataclass(frozen=True)
class Problem:
    """One diagnostic: a finding on its figure's span, with the reference it was judged by."""

    start: int
    end: int
    severity: Severity
    rule: str
    message: str
    link: str | None
    claim: str


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with new_text."""

    start: int
    end: int
    new_text: str


@dataclass(frozen=True)
class Action:
    title: str
    edit: Edit
    rule: str
    claim: str
    preferred: bool = False


def _reference_line(claim: Claim) -> str | None:
    ref = claim.current or claim.reference
    if ref is None:
        return None
    return f"reference: {fmt(ref.value, claim.metric)} as of {ref.as_of}, {ref.source}"


def problems(report: FileReport) -> list[Problem]:
    """Every finding of the report as a diagnostic on its figure, most severe first per figure."""
    claims = {c.id: c for c in report.claims}
    out: list[Problem] = []
    for finding in sorted(report.findings, key=lambda f: (claims[f.claim].start, -f.severity.rank, f.rule)):
        claim = claims[finding.claim]
        ref = claim.current or claim.reference
        link = ref.source_url if ref is not None and ref.source_url.startswith(("https://", "http://")) else None
        message = finding.message
        extra = _reference_line(claim)
        if extra and extra.removeprefix("reference: ") not in message:
            message += f"\n{extra}"
        out.append(Problem(claim.start, claim.end, finding.severity, finding.rule, message, link, claim.id))
    return out


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end of content, end with the line break) of every line."""
    out: list[tuple[int, int, int]] = []
    for m in re.finditer(r"[^\r\n]*(\r\n|\r|\n|\Z)", text):
        if m.start() == len(text) and out:
            break
        out.append((m.start(), m.start() + len(m.group(0)) - len(m.group(1)), m.end()))
    return out


def _line_break(text: str) -> str:
    m = re.search(r"\r\n|\r|\n", text)
    return m.group(0) if m else "\n"


def suppression(text: str, kind: str, offset: int, rule: str) -> Edit | None:
    """The edit that silences ``rule`` for the figure at ``offset``: ``<!-- factcheck: ignore RULE -->``
    on the line before (see README, Suppressions). An ignore comment already there gets the rule
    added; in Markdown, inside a paragraph, the comment ends the previous line so the paragraph
    stays whole; otherwise it is a line of its own, indented like the figure's line. None when
    the line before already ignores the rule."""
    lines = _lines(text)
    index = max(0, bisect.bisect_right([start for start, _, _ in lines], offset) - 1)
    start, content_end, _ = lines[index]
    if index > 0:
        p_start, p_end, _ = lines[index - 1]
        previous = text[p_start:p_end]
        m = _IGNORE.search(previous)
        if m and (kind != "text" or previous.strip().startswith("<!--")):
            rules = re.findall(r"[A-Za-z][\w-]*", m.group(1))
            if not rules or rule in rules:  # already silenced (all rules, or this one)
                return None
            comment = f"<!-- factcheck: ignore {', '.join([*rules, rule])} -->"
            trail = previous[m.start():].removeprefix(previous[m.start():].rstrip())
            return Edit(p_start + m.start(), p_start + len(previous), comment + trail)
        if kind == "markdown" and previous.strip() and not _FENCE_OR_RULE.match(previous):
            body_end = p_start + len(previous.rstrip())
            return Edit(body_end, body_end, f" <!-- factcheck: ignore {rule} -->")
    line = text[start:content_end]
    indent = line[: len(line) - len(line.lstrip())]
    return Edit(start, start, f"{indent}<!-- factcheck: ignore {rule} -->{_line_break(text)}")


def replacement(claim: Claim) -> Edit | None:
    """Replace a contradicted or outdated figure with the current reference figure: the judge's
    ``suggestion`` when it made one, else the current row's value written the way the figure is
    ("More than 39,000" becomes "More than 39,175"; a figure without digits becomes the value)."""
    if claim.verdict not in REPLACEABLE or claim.current is None:
        return None
    figure = claim.suggestion or restyle(claim.text, claim.current.value, claim.step, claim.metric)
    if figure is None or not re.search(r"[1-9]", figure):
        figure = fmt(claim.current.value, claim.metric)
    if figure == claim.text:
        return None
    return Edit(claim.start, claim.end, figure)


def actions(report: FileReport, text: str, kind: str, start: int, end: int) -> list[Action]:
    """The code actions for the findings whose figure overlaps text[start:end] (a cursor when equal)."""
    claims = {c.id: c for c in report.claims}
    out: list[Action] = []
    offered: set[str] = set()
    findings: list[Finding] = sorted(report.findings, key=lambda f: (claims[f.claim].start, -f.severity.rank, f.rule))
    for finding in findings:
        claim = claims[finding.claim]
        if not (claim.start <= end and start <= claim.end):
            continue
        if claim.id not in offered:
            offered.add(claim.id)
            edit = replacement(claim)
            if edit is not None and claim.current is not None:
                out.append(Action(
                    f"Replace '{text[edit.start:edit.end]}' with '{edit.new_text}' "
                    f"({claim.current.source}, as of {claim.current.as_of})", edit, finding.rule, claim.id, preferred=True,
                ))
        silence = suppression(text, kind, claim.start, finding.rule)
        if silence is not None:
            out.append(Action(f"Ignore {finding.rule} here (<!-- factcheck: ignore {finding.rule} -->)", silence, finding.rule, claim.id))
    return out
