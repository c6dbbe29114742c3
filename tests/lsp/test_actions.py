"""Diagnostics and code actions on offsets: suppression comments that the suppression scanner
honours, the replacement figure, and positions in every encoding a client may choose."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.lsp.actions import actions, problems, replacement, suppression
from factcheck.lsp.positions import Lines
from factcheck.models import Claim, FileReport, Finding, Reference, Severity, Verdict
from factcheck.read import suppress
from factcheck.read.document import Document

CURRENT = Reference(file="toll.csv", row=3, value=39175, as_of=dt.date(2024, 7, 27), source="Gaza Ministry of Health",
                    source_url="https://example.org/gaza")


def claim(text: str, start: int, verdict: Verdict = Verdict.contradicted, suggestion: str | None = None, **extra: object) -> Claim:
    fields: dict[str, object] = dict(
        id="c1", start=start, end=start + len(text), value=45000, line=1, column=start + 1, end_line=1, end_column=start + len(text) + 1,
        text=text, sentence=text, verdict=verdict, message="m", metric="killed", current=CURRENT, reference=CURRENT, suggestion=suggestion,
    )
    fields.update(extra)
    return Claim.model_validate(fields)


def report(c: Claim, *rules: str) -> FileReport:
    findings = [Finding(rule=r, severity=Severity.error, claim=c.id, line=c.line, column=c.column, end_line=c.end_line,
                        end_column=c.end_column, message=f"{r} message") for r in rules]
    return FileReport(path="a.md", published=dt.date(2024, 8, 1), published_from="option", claims=[c], findings=findings)


def silenced(text: str, kind: str, offset: int, rule: str) -> frozenset[str]:
    edit = suppression(text, kind, offset, rule)
    assert edit is not None
    new = text[:edit.start] + edit.new_text + text[edit.end:]
    moved = offset + (len(edit.new_text) - (edit.end - edit.start) if edit.start <= offset else 0)
    doc = Document.from_text(new, path="a.md" if kind == "markdown" else "a.txt")
    return suppress.scan(doc).muted(moved, doc.line_of(moved))


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Intro.\n\nMore than 45,000 died.\n", "markdown", "Intro.\n\n<!-- factcheck: ignore contradicted-figure -->\nMore than 45,000 died.\n"),
    ("A long paragraph\nwith More than 45,000 died.\n", "markdown", "A long paragraph <!-- factcheck: ignore contradicted-figure -->\nwith More than 45,000 died.\n"),
    ("A long paragraph\nwith More than 45,000 died.\n", "text", "A long paragraph\n<!-- factcheck: ignore contradicted-figure -->\nwith More than 45,000 died.\n"),
    ("  - item\n  - More than 45,000 died.\r\n", "text", "  - item\n  <!-- factcheck: ignore contradicted-figure -->\n  - More than 45,000 died.\r\n"),
    ("```\ncode\n```\nMore than 45,000 died.", "markdown", "```\ncode\n```\n<!-- factcheck: ignore contradicted-figure -->\nMore than 45,000 died."),
    ("<!-- factcheck: ignore attribution-gap -->\nMore than 45,000 died.\n", "markdown",
     "<!-- factcheck: ignore attribution-gap, contradicted-figure -->\nMore than 45,000 died.\n"),
])
def test_suppression_comment_is_placed_where_the_scanner_reads_it(text: str, kind: str, expected: str) -> None:
    offset = text.index("More than")
    edit = suppression(text, kind, offset, "contradicted-figure")
    assert edit is not None
    assert text[:edit.start] + edit.new_text + text[edit.end:] == expected
    assert "contradicted-figure" in silenced(text, kind, offset, "contradicted-figure")


def test_no_suppression_offered_when_the_line_is_already_ignored() -> None:
    text = "<!-- factcheck: ignore contradicted-figure -->\nMore than 45,000 died.\n"
    assert suppression(text, "markdown", text.index("More"), "contradicted-figure") is None


@pytest.mark.parametrize(("text", "step", "suggestion", "new"), [
    ("More than 45,000", 1000, None, "More than 39,175"),
    ("45000", 1, None, "39175"),
    ("about 1.9 million", 100000, None, "39,175"),  # the current value would read 0.0 million
    ("More than 45,000", 1000, "More than 39,000", "More than 39,000"),
    ("tens of thousands", 10000, None, "39,175"),
])
def test_replacement_uses_the_suggestion_else_the_current_figure(text: str, step: float, suggestion: str | None, new: str) -> None:
    c = claim(text, 10, suggestion=suggestion, step=step)
    edit = replacement(c)
    assert edit is not None
    assert (edit.start, edit.end, edit.new_text) == (10, 10 + len(text), new)


def test_replacement_keeps_a_scaled_figure_in_its_style() -> None:
    current = CURRENT.model_copy(update={"value": 2_625_000})
    edit = replacement(claim("about 1.9 million", 0, current=current, step=100000))
    assert edit is not None and edit.new_text == "about 2.6 million"


def test_no_replacement_for_supported_or_unreferenced_figures() -> None:
    assert replacement(claim("45,000", 0, verdict=Verdict.supported)) is None
    assert replacement(claim("45,000", 0, current=None, reference=None)) is None


def test_problems_carry_rule_severity_reference_and_link() -> None:
    c = claim("More than 45,000", 4)
    (p,) = problems(report(c, "contradicted-figure"))
    assert (p.start, p.end, p.rule, p.severity, p.link) == (4, 20, "contradicted-figure", Severity.error, "https://example.org/gaza")
    assert p.message == "contradicted-figure message\nreference: 39,175 as of 2024-07-27, Gaza Ministry of Health"
    unsafe = c.model_copy(update={"current": CURRENT.model_copy(update={"source_url": "javascript:alert(1)"}), "reference": None})
    assert problems(report(unsafe, "contradicted-figure"))[0].link is None


def test_actions_only_for_figures_under_the_cursor() -> None:
    text = "Toll: More than 45,000 died.\n"
    c = claim("More than 45,000", 6)
    rep = report(c, "contradicted-figure", "attribution-gap")
    assert actions(rep, text, "markdown", 0, 2) == []
    found = actions(rep, text, "markdown", 10, 10)
    assert [a.title.split(" ")[0] for a in found] == ["Replace", "Ignore", "Ignore"]
    assert found[0].preferred and {a.rule for a in found[1:]} == {"contradicted-figure", "attribution-gap"}


@pytest.mark.parametrize(("encoding", "column"), [("utf-16", 5), ("utf-32", 4), ("utf-8", 7)])
def test_positions_in_each_encoding(encoding: str, column: int) -> None:
    text = "one\r\nab\U0001f642 x\u2028y\rlast"
    lines = Lines(text, encoding)
    offset = text.index("x")
    assert lines.position(offset) == (1, column)
    assert lines.offset(1, column) == offset
    assert lines.position(text.index("last")) == (2, 0)  # U+2028 is not a line break in LSP; CR is
    assert lines.offset(1, 999) == text.rindex("\r")  # past the end of a line: its end
    assert lines.offset(99, 0) == len(text)
