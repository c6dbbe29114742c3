"""The attribute stage (``attribution/stage.py``): its contract with the pipeline and its cost."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from factcheck.attribution import words
from factcheck.attribution.stage import attribute
from factcheck.extract.figures import MAX_PARSED_FIGURES, extract
from factcheck.language.parse import Parse
from factcheck.models import Figure
from factcheck.pipeline import Checker
from factcheck.read.document import Document

TEXT = (
    "The storm hit the coast on Monday.\n\n"
    "At least 40 people died, the disaster agency said. Roads were closed.\n\n"
    "Power was restored in the evening. Officials said 3,000 homes were damaged."
)


def _figures(checker: Checker, doc: Document) -> list[Figure]:
    return extract(doc, checker.index.aliases, checker.gazetteer, None, checker.organisations)


def test_same_figures_in_the_same_order_with_sources_added(checker: Checker) -> None:
    doc = Document.from_text(TEXT)
    figures = _figures(checker, doc)
    out = attribute(doc, figures, checker.index.aliases)
    assert [(f.start, f.end, f.value) for f in out] == [(f.start, f.end, f.value) for f in figures]
    assert [f.source for f in out] == ["disaster agency", "Officials"]
    assert [f.canonical_source for f in out] == ["disaster agency", "Officials"]


def test_one_parse_call_for_the_figure_sentences_only(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document.from_text(TEXT)
    figures = _figures(checker, doc)
    calls: list[list[int]] = []
    original = Document.parsed

    def counting(self: Document, indices: Iterable[int]) -> dict[int, Parse]:
        wanted = sorted(set(indices))
        calls.append(wanted)
        return original(self, wanted)

    monkeypatch.setattr(Document, "parsed", counting)
    attribute(doc, figures, checker.index.aliases)
    with_figures = sorted({s.index for s in doc.sentences for f in figures if f.sentence_start == s.start})
    assert calls == [with_figures]


def test_a_table_like_sentence_is_read_from_its_words(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    """A "sentence" with more than MAX_PARSED_FIGURES figures is a table: neither stage parses it."""
    row = "Counts by district: " + ", ".join(f"{n} homes" for n in range(101, 101 + MAX_PARSED_FIGURES + 1)) + "."
    doc = Document.from_text("Officials said 40 people died. " + row)
    figures = _figures(checker, doc)
    calls: list[list[int]] = []
    original = Document.parsed

    def counting(self: Document, indices: Iterable[int]) -> dict[int, Parse]:
        wanted = sorted(set(indices))
        calls.append(wanted)
        return original(self, wanted)

    monkeypatch.setattr(Document, "parsed", counting)
    out = attribute(doc, figures, checker.index.aliases)
    assert calls == [[0]]
    assert len(out) == len(figures) == MAX_PARSED_FIGURES + 2 and out[0].source == "Officials"


def test_no_figure_no_parse(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document.from_text("The agency said roads would reopen.")

    def fail(self: Document, indices: Iterable[int]) -> dict[int, Parse]:
        raise AssertionError("parsed without a figure")

    monkeypatch.setattr(Document, "parsed", fail)
    assert attribute(doc, [], checker.index.aliases) == []


DATA = Path(words.__file__).parent / "data"


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA.glob("*.txt")))
def test_word_lists_are_data_files(name: str) -> None:
    entries = words.wordlist(name)
    assert entries and all(e == e.lower() or e.isupper() for e in entries)


def test_every_word_list_is_read() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in Path(words.__file__).parent.glob("*.py"))
    assert all(f'"{p.stem}"' in source for p in DATA.glob("*.txt"))


def test_reporting_and_action_verbs_do_not_overlap() -> None:
    assert not (words.action_verbs() & words.reporting_verbs())
