"""Text that hides digits: a hidden character in a figure leaves its value unchanged or makes the
figure unreadable (a finding), never a different value; no input crashes the run."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.quantity import find_numbers
from factcheck.language.normalize import INVISIBLE, SPACES, view
from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 7, 27)
HIDING = sorted(set(INVISIBLE) | set(SPACES) | {"\n"})
RELEASE = os.environ.get("FACTCHECK_FUZZ") == "release"
PROPERTY = settings(
    max_examples=1500 if RELEASE else 120, derandomize=not RELEASE, database=None, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Articles of our own, each with figures written in a different way.
ARTICLES = [
    "More than 39,000 people have been killed in the enclave, the health ministry said on Monday.",
    "Some 2.6 million people have fled their homes, and a further 45,000 crossed the border, the agency said.",
    "Fifty-two people were injured and three hundred and twelve homes destroyed, officials said.",
    "The fund pledged $4.5bn in aid, and about 12% of it has been paid, according to the donors.",
    "Between 1,200 and 1,500 fighters remain in the city, while up to 7,500 fled north.",
    "Nearly half a million children are out of school and a third of the schools are closed.",
    "One in five households lacks water; tens of thousands of people queue for it every day.",
    "The toll rose to 17,450 on Tuesday, with 390 deaths in the past 24 hours, the ministry said.",
]


def _figures(text: str) -> list[tuple[int, int, float, float | None, str | None]]:
    return [(n.start, n.end, n.value, None, n.unreadable) for n in find_numbers(text)]


@st.composite
def insertion(draw: st.DrawFn) -> tuple[str, int, str, tuple[int, int, float]]:
    text = draw(st.sampled_from(ARTICLES))
    figures = [(s, e, v) for s, e, v, _, why in _figures(text) if why is None]
    start, end, value = draw(st.sampled_from(figures))
    at = draw(st.integers(start, end))
    return text, at, draw(st.sampled_from(HIDING)), (start, end, value)


@PROPERTY
@given(insertion())
def test_a_hidden_character_never_changes_a_value(case: tuple[str, int, str, tuple[int, int, float]]) -> None:
    text, at, char, (start, end, value) = case
    dirty = text[:at] + char + text[at:]
    after = [n for n in find_numbers(dirty) if n.start < end + 1 and start < n.end]
    assert after, (dirty, "the figure is gone")
    for n in after:
        assert n.unreadable is not None or n.value == pytest.approx(value), (dirty, n)


@PROPERTY
@given(insertion())
def test_the_whole_run_never_crashes_and_spans_stay_exact(checker: Checker, case: tuple[str, int, str, tuple[int, int, float]]) -> None:
    text, at, char, _ = case
    dirty = text[:at] + char + text[at:]
    report = check(dirty, published=PUBLISHED, checker=checker)
    last = 0
    for claim in report.claims:
        assert claim.text == dirty[claim.start:claim.end]
        assert claim.start >= last
        last = claim.end
        if claim.unreadable:
            assert claim.verdict.value == "unverifiable"
            assert any(f.rule == "unreadable-figure" and f.claim == claim.id for f in report.findings)


@PROPERTY
@given(insertion())
def test_a_letter_that_looks_like_a_digit_never_gives_a_value(case: tuple[str, int, str, tuple[int, int, float]]) -> None:
    text, _, _, (start, end, value) = case
    digits = [i for i in range(start, end) if text[i] in "01"]
    if not digits:
        return
    for at in digits:
        dirty = text[:at] + ("O" if text[at] == "0" else "l") + text[at + 1:]
        for n in find_numbers(dirty):
            if n.start < end and start < n.end:
                assert n.unreadable is not None or n.value == pytest.approx(value), (dirty, n)


def test_the_view_keeps_every_span_on_the_original() -> None:
    text = "A toll of 39,\u200b000 and 2\u00ad.6 million, \u2212\u20095 and \u0663\u0669 (39\u2009000)."
    for n in find_numbers(text):
        assert text[n.start:n.end].strip() == text[n.start:n.end]
    assert [(text[n.start:n.end], n.value) for n in find_numbers(text) if not n.unreadable] == [
        ("39,\u200b000", 39000), ("2\u00ad.6 million", 2.6e6), ("\u0663\u0669", 39), ("39\u2009000", 39000),
    ]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("a toll of 3\u20099,000 people", "3\u20099,000"),
        ("a toll of 39\u00a0,000 people", "39\u00a0,000"),
        ("a toll of 39,\n000 people", "39,\n000"),
        ("a toll of 3\n9,000 people", "3\n9,000"),
        ("a toll of \u202e000,93\u202c people", "000,93"),
        ("aid of $3\u2009m", "$3\u2009m"),
        ("a toll of two thou\u2009sand people", "two thou\u2009sand"),
    ],
)
def test_unreadable_rather_than_wrong(text: str, surface: str) -> None:
    found = [(text[n.start:n.end], n.unreadable) for n in find_numbers(text)]
    assert [s for s, why in found if why] == [surface]


def test_never_zero_never_a_bare_scale_word() -> None:
    assert [n.value for n in find_numbers("a toll of 39,\n000 people") if not n.unreadable] == []
    assert find_numbers("the figure was in the millions.\nMillion") == [n for n in find_numbers("the figure was in the millions.\nMillion") if n.vague]
    (n,) = find_numbers("an estimated 6.7\nmillion people")
    assert n.value == 6.7e6


def test_a_line_of_years_is_not_a_broken_figure() -> None:
    assert [n.unreadable for n in find_numbers("Deaths by year\n2023\n2024 4,000")] == [None, None, None]


def test_unreadable_figures_are_reported_and_never_judged(checker: Checker) -> None:
    report = check("More than 39.000 people have been killed in Gaza, the health ministry said.", published=PUBLISHED, checker=checker)
    (claim,) = report.claims
    assert claim.unreadable == "ambiguous-separator" and claim.verdict.value == "unverifiable"
    assert [f.rule for f in report.findings if f.claim == claim.id and f.severity.value != "info"] == ["unreadable-figure"]
    assert "contradicted-figure" not in {f.rule for f in report.findings}


def test_view_of_plain_text_is_the_text() -> None:
    plain = view("More than 39,000 people \u2014 \u201cquoted\u201d.")
    assert plain.origin is None and plain.text == "More than 39,000 people \u2014 \u201cquoted\u201d."
