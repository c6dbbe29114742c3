"""The one definition of a clause (language/clauses.py), on the parse and in the text."""

from __future__ import annotations

from factcheck.language.clauses import clause_after, clause_around, clause_head, clause_span, segments, text_clause
from factcheck.language.parse import parse_spans


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_on_the_parse_a_clause_is_its_verb_without_the_clauses_inside() -> None:
    text = "The ministry said on Sunday that 45 people died in Gaza."
    (parse,) = parse_spans(text, [(0, len(text))])
    number = parse.token_at(text.index("45"))
    assert number is not None and clause_head(parse, number).text == "died"
    assert text[slice(*clause_span(parse, number))] == "that 45 people died in Gaza"
    lo, hi = clause_around(text, *span_of(text, "45"), 0, len(text), parse)
    assert "said" not in text[lo:hi] and "Gaza" in text[lo:hi]


def test_in_the_text_a_clause_runs_between_breaks() -> None:
    text = "Aid groups said, after the storm, that 300 homes were destroyed; 40 were damaged."
    lo, hi = text_clause(text, *span_of(text, "300"), 0, len(text))
    assert text[lo:hi] == " 300 homes were destroyed"
    assert clause_after(text, text.index("300") + 3, len(text)) == " homes were destroyed"


def test_a_number_with_commas_is_no_break() -> None:
    text = "Officials said 1,250,000 people had fled."
    assert clause_after(text, text.index("1,250,000"), len(text)) == "1,250,000 people had fled."


def test_the_break_word_before_a_figure_is_its_own() -> None:
    text = "Talks resumed, after 12 days of fighting, in Doha."
    lo, hi = text_clause(text, *span_of(text, "12"), 0, len(text))
    assert text[lo:hi] == " after 12 days of fighting"


def test_a_set_off_phrase_of_the_span_alone_belongs_to_the_clause_around_it() -> None:
    text = "Officials said the first summit, in 2016, raised $2 billion."
    lo, hi = text_clause(text, *span_of(text, "2016"), 0, len(text))
    assert text[lo:hi] == "Officials said the first summit, in 2016, raised $2 billion."


def test_an_introductory_phrase_belongs_to_the_clause_after_it() -> None:
    text = "In 2019, more than 100 people died when a ferry sank."
    lo, hi = text_clause(text, *span_of(text, "2019"), 0, len(text))
    assert text[lo:hi] == "In 2019, more than 100 people died "
    text = "In the north, 2019 was the worst year."
    lo, hi = text_clause(text, *span_of(text, "2019"), 0, len(text))
    assert text[lo:hi] == " 2019 was the worst year."


def test_segments_are_the_phrases_between_punctuation() -> None:
    text = "Peace Now, an Israeli watchdog, said (in a report) 26 outposts were built - a record."
    pieces = [text[a:b].strip() for a, b in segments(text, 0, len(text))]
    assert pieces == ["Peace Now", "an Israeli watchdog", "said", "in a report", "26 outposts were built", "a record."]
