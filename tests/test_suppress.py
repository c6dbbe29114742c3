"""Inline suppressions, in Markdown and plain text, through the library and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.pipeline import Checker, Options
from factcheck.read.document import Document
from factcheck.read.suppress import scan

FIXTURES = Path(__file__).parent / "fixtures"
REFS = ["--refs", str(FIXTURES / "refs")]
KILLED = "More than 45,000 Palestinians have been killed in Gaza, according to Palestinian health authorities."
GAP = "An estimated 2.6 million people have been displaced by fighting in Myanmar."


@pytest.fixture(scope="module")
def fixture_checker() -> Checker:
    return Checker(Options(refs=(FIXTURES / "refs",), published=dt.date(2024, 7, 27)))


def positions(text: str, needle: str) -> list[tuple[int, int]]:
    """Expected (line, column) of every occurrence, counted independently of the tool."""
    out, start = [], 0
    while (at := text.find(needle, start)) >= 0:
        before = text[:at]
        out.append((before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1))
        start = at + 1
    return out


def test_markdown_draft_reports_only_unsuppressed_prose_figures(runner: CliRunner) -> None:
    path = FIXTURES / "formats" / "draft.md"
    text = path.read_text(encoding="utf-8")
    result = runner.invoke(app, [*REFS, "--format", "json", str(path)])
    file = json.loads(result.stdout)["files"][0]
    assert file["published"] == "2024-07-27" and file["published_from"] == "article"
    got = [(c["text"], c["line"], c["column"]) for c in file["claims"]]
    (killed,) = positions(text, "More than 45,000")
    (gap,) = positions(text, "an estimated 2.6 million")
    assert got == [("More than 45,000", *killed), ("an estimated 2.6 million", *gap)]
    for claim in file["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
    assert {(f["rule"], f["line"], f["column"]) for f in file["findings"]} == {
        ("contradicted-figure", *killed), ("attribution-gap", *gap),
    }
    assert result.exit_code == 1


def _claims(checker: Checker, text: str, path: str = "a.md") -> list[str]:
    return [c.text for c in checker.check_document(Document.from_text(text, path=path)).claims]


def _rules(checker: Checker, text: str, path: str = "a.md") -> list[str]:
    return [f.rule for f in checker.check_document(Document.from_text(text, path=path)).findings]


def test_ignore_applies_to_the_next_line_only(fixture_checker: Checker) -> None:
    text = f"<!-- factcheck: ignore -->\n{KILLED}\n\n{KILLED}\n"
    assert _claims(fixture_checker, text) == ["More than 45,000"]
    lines = [c.line for c in fixture_checker.check_document(Document.from_text(text, path="a.md")).claims]
    assert lines == [4]


def test_off_and_on(fixture_checker: Checker) -> None:
    text = f"{GAP}\n\n<!-- factcheck: off -->\n{KILLED}\n\n{KILLED}\n<!-- factcheck: on -->\n\n{KILLED}\n"
    report = fixture_checker.check_document(Document.from_text(text, path="a.md"))
    assert [c.line for c in report.claims] == [1, 9]
    assert [c.id for c in report.claims] == ["c1", "c2"]  # ids stay contiguous


def test_rule_scoped_disable_and_enable(fixture_checker: Checker) -> None:
    text = f"<!-- factcheck: disable attribution-gap -->\n{GAP}\n\n{KILLED}\n<!-- factcheck: enable attribution-gap -->\n\n{GAP}\n"
    report = fixture_checker.check_document(Document.from_text(text, path="a.md"))
    assert [c.line for c in report.claims] == [2, 4, 7]  # figures still reported
    assert [(f.rule, f.line) for f in report.findings] == [("contradicted-figure", 4), ("attribution-gap", 7)]


def test_rule_scoped_ignore(fixture_checker: Checker) -> None:
    text = f"<!-- factcheck: ignore attribution-gap, source-mismatch -->\n{GAP}\n"
    assert _claims(fixture_checker, text) == ["An estimated 2.6 million"]
    assert _rules(fixture_checker, text) == []


def test_plain_text_needs_the_comment_on_a_line_of_its_own(fixture_checker: Checker) -> None:
    own_line = f"Published: 2024-07-27\n\n  <!-- factcheck: ignore -->  \n{KILLED}\n"
    assert _claims(fixture_checker, own_line, "a.txt") == []
    inline = f"Published: 2024-07-27\n\nNote <!-- factcheck: ignore --> here.\n{KILLED}\n"
    assert _claims(fixture_checker, inline, "a.txt") == ["More than 45,000"]
    assert _claims(fixture_checker, inline, "a.md") == []  # in Markdown a comment may stand inline


def test_comments_inside_code_are_not_suppressions(fixture_checker: Checker) -> None:
    text = f"```\n<!-- factcheck: off -->\n```\n\n{KILLED}\n\n`<!-- factcheck: ignore -->`\n{KILLED}\n"
    assert _claims(fixture_checker, text) == ["More than 45,000", "More than 45,000"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_any_line_ending(fixture_checker: Checker, newline: str) -> None:
    text = newline.join(["<!-- factcheck: ignore -->", KILLED, "", KILLED, ""])
    report = fixture_checker.check_document(Document.from_text(text, path="a.txt"))
    assert [(c.line, c.column) for c in report.claims] == [(4, 1)]


def test_unknown_directives_are_ignored() -> None:
    doc = Document.from_text("<!-- factcheck: sometimes -->\n<!-- factcheck:off-->\ntext\n", path="a.md")
    quiet = scan(doc)
    assert quiet.hides_figure(len(doc.text) - 2, 3)


def test_html_files_honour_comments(fixture_checker: Checker) -> None:
    text = f"<p><!-- factcheck: ignore --></p>\n<p>{KILLED}</p>\n<p>{KILLED}</p>\n"
    assert len(_claims(fixture_checker, text, "a.html")) == 1
