from __future__ import annotations

import pickle

from factcheck.language.parse import Parse, Token, parse_spans
from factcheck.read.document import Document


def test_tokens_are_views_into_the_text_across_line_breaks_and_blanks() -> None:
    text = "Fighting has displaced some 6.7 million people,\n  the agency   said."
    (parse,) = parse_spans(text, [(0, len(text))])
    assert [t.text for t in parse] == [text[t.start:t.end] for t in parse]
    assert [t.text for t in parse][-3:] == ["agency", "said", "."]
    said = next(t for t in parse if t.text == "said")
    assert said.is_root and parse.root() == said
    agency = next(t for t in parse if t.text == "agency")
    assert parse.head(agency) == said and agency.dep == "nsubj"


def test_tree_navigation() -> None:
    text = "The ministry said 45 people died overnight in Gaza."
    (parse,) = parse_spans(text, [(0, len(text))])
    died = next(t for t in parse if t.text == "died")
    assert died.dep == "ccomp" and parse.head(died).text == "said"
    assert text[slice(*parse.extent(died))] == "45 people died overnight in Gaza"
    assert [t.text for t in parse.ancestors(parse.token_at(text.index("45")) or died)] == ["people", "died", "said"]
    assert parse.token_at(text.index(" 45")) is None  # a space between tokens
    assert parse.head_of_span(text.index("45"), text.index("died")).text == "people"


def test_document_parses_each_sentence_once_and_offsets_are_document_offsets() -> None:
    doc = Document.from_text("No figure here. Rescuers pulled 40 bodies from the rubble. Then rain.")
    first = doc.parsed([1])
    again = doc.parsed([1, 1])
    assert first[1] is again[1]
    bodies = next(t for t in first[1] if t.text == "bodies")
    assert doc.checked[bodies.start:bodies.end] == "bodies"
    assert doc.parse(1) is first[1]


def test_a_parse_is_plain_data() -> None:
    parse = Parse(0, 5, (Token(0, 0, 5, "Hello", "hello", "INTJ", "UH", "ROOT", 0),))
    copy = pickle.loads(pickle.dumps(parse))
    assert copy == parse and copy.children(copy.tokens[0]) == ()
