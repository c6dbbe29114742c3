"""Ranges and qualifiers through the whole pipeline: what a reader takes a phrase to claim."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 7, 27)


def claims(checker: Checker, text: str) -> list[tuple[str, float, float | None, str]]:
    return [(c.text, c.value, c.high, c.qualifier.value) for c in check(text, published=PUBLISHED, checker=checker).claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Between 40 and 55 people drowned.", ("Between 40 and 55", 40, 55, "range")),
        ("From 2,000 to 2,400 families fled.", ("From 2,000 to 2,400", 2000, 2400, "range")),
        ("Officials said 3-4 million people need aid.", ("3-4 million", 3e6, 4e6, "range")),
        ("Officials said 3\u20134 million people need aid.", ("3\u20134 million", 3e6, 4e6, "range")),
        ("Salaries of 8k-12k were offered.", ("8k-12k", 8000, 12000, "range")),
        ("Some 30 through 45 homes burned.", ("Some 30 through 45", 30, 45, "range")),
        ("Rescuers found eight or nine bodies.", ("eight or nine", 8, 9, "range")),
        ("Rescuers found 212 or 214 bodies.", ("212 or 214", 212, 214, "range")),
        ("The blaze destroyed between 1 and 2 million trees.", ("between 1 and 2 million", 1e6, 2e6, "range")),
        ("More than 60 and fewer than 80 people were hurt.", ("More than 60 and fewer than 80", 60, 80, "range")),
        ("At most 90 and at least 70 people were hurt.", ("At most 90 and at least 70", 70, 90, "range")),
        ("Between 12 and more than 20 people were hurt.", ("Between 12 and more than 20", 12, 20, "range")),
    ],
)
def test_ranges(checker: Checker, sentence: str, expected: tuple[str, float, float | None, str]) -> None:
    assert claims(checker, sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The toll rose from 300 to 450.", [("300", 300, None, "exact"), ("450", 450, None, "exact")]),
        ("Claims rose by 9,000 to 1.2 million.", [("9,000", 9000, None, "exact"), ("1.2 million", 1.2e6, None, "exact")]),
    ],
)
def test_changes_are_not_ranges(checker: Checker, sentence: str, expected: list[tuple[str, float, float | None, str]]) -> None:
    assert claims(checker, sentence) == expected


def test_two_years_are_not_a_range(checker: Checker) -> None:
    assert [c for c in claims(checker, "Floods hit the valley in 2019 or 2020 as well.") if c[2] is not None] == []


@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("The toll exceeds 3,000.", "exceeds 3,000", "more_than"),
        ("The toll surpassed 3,000.", "surpassed 3,000", "more_than"),
        ("The toll topped 3,000.", "topped 3,000", "more_than"),
        ("The toll is likely to pass 3,000.", "pass 3,000", "more_than"),
        ("Upwards of 500 homes burned.", "Upwards of 500", "more_than"),
        ("In excess of 500 homes burned.", "In excess of 500", "more_than"),
        ("500 or more homes burned.", "500 or more", "at_least"),
        ("About 500 or more homes burned.", "About 500 or more", "at_least"),
        ("The toll stands at 500 and counting.", "500 and counting", "at_least"),
        ("No fewer than 500 homes burned.", "No fewer than 500", "at_least"),
        ("At most 500 homes burned.", "At most 500", "at_most"),
        ("500 or fewer homes burned.", "500 or fewer", "at_most"),
        ("As many as 500 homes burned.", "As many as 500", "up_to"),
        ("Just under 500 homes burned.", "Just under 500", "nearly"),
        ("The death toll is estimated at 800.", "estimated at 800", "approx"),
        ("It had an average of 800 visitors.", "800", "exact"),
        ("The parliament passed 12 laws.", "12", "exact"),
        ("A toll of more than 30 or equal to it.", "more than 30 or equal to it", "at_least"),
    ],
)
def test_qualifiers(checker: Checker, sentence: str, text: str, qualifier: str) -> None:
    got = [(c[0], c[3]) for c in claims(checker, sentence)]
    assert got == [(text, qualifier)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Between 10 and more than 15 people were killed.",
        "The toll was 10-between 10 and 44 people.",
        "They found two-an estimated 51.2 tonnes.",
        "His score is 300 or greater than 290 in all.",
        "It was 5 and more than 7 and at most 9 or fewer.",
    ],
)
def test_joined_qualified_figures_never_crash(checker: Checker, sentence: str) -> None:
    found = check(sentence, published=PUBLISHED, checker=checker).claims
    ends = [0] + [c.end for c in found]
    assert all(c.start >= end for c, end in zip(found, ends))
    assert found
