"""Which numbers are claims: tests/corpus/README.md's "Not claims", "Years" and "Ordinals"."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 7, 27)


def texts(checker: Checker, text: str, published: dt.date = PUBLISHED) -> list[str]:
    return [c.text for c in check(text, published=published, checker=checker).claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a year after since/in that dates a past event is a claim
        ("Cuba has been under a US embargo since 1962.", ["1962"]),
        ("The revolution overthrew the Shah's regime in 1979.", ["1979"]),
        ("Amkor, founded in 1968, makes chips.", ["1968"]),
        ("The programme comes after the country defaulted on its debt in 2022 amid a crisis.", ["2022"]),
        # ... but not another figure's reference period, a date, an attribute or a plan
        ("Turnout fell to 59%, down from 66% in 2019.", ["59%", "66%"]),
        ("Up from just three in 2014, 23 allies now meet the target.", ["three", "23"]),
        ("In 2019, more than 100 people died when a boat capsized.", ["more than 100"]),
        ("He has served two terms since 2012.", ["two"]),
        ("The war began in April 2023.", []),
        ("The 2014 abduction shocked the world.", []),
        ("Leaders will return to the issue in early 2025.", []),
        ("Inflation will average 2.6% in 2026.", ["2.6%"]),
        ("The second summit, in 2016, raised $2 billion.", ["$2 billion"]),
    ],
)
def test_years(checker: Checker, sentence: str, expected: list[str]) -> None:
    assert texts(checker, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "It was their sixth meeting since June 23.",
        "Ministers met for the 57th meeting of the council.",
        "Sweden became the alliance's 32nd member.",
        "It was the 49th exchange since the war began.",
    ],
)
def test_ordinals_are_never_claims(checker: Checker, sentence: str) -> None:
    assert texts(checker, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two countries signed a pact.", []),
        ("The world's two biggest economies met.", []),
        ("Ahead of Saturday's two summits, ministers met.", []),
        ("She arrived with her four children.", ["four"]),
        ("The RSF controls four of Darfur's five state capitals.", ["four", "five"]),
        ("Leaders of the Group of Seven met.", []),
        ("One of the leaders spoke.", []),
        ("One person was killed.", ["One"]),
        ("He was freed two days before the vote.", []),
        ("Investment rose in the first nine months of the year.", []),
        ("Aid will be paid over the next four years.", ["four years"]),
        ("It takes effect one year after notice is given.", ["one year"]),
        ("Israel agreed to a four-day truce.", ["four-day"]),
        ("Two-thirds of voters agreed.", ["Two-thirds"]),
        ("Inflation rose 20.6% in January from the previous month.", ["20.6%"]),
        ("A wildfire burned about 15 kilometres from the city.", []),
        ("The quake struck 40 km northwest of Herat.", []),
        ("The boat sank 75 nautical miles south of Crete.", []),
        ("The two countries share a 1,000-kilometre border.", ["1,000-kilometre"]),
        ("Runners covered 42 kilometres in the heat.", ["42"]),
    ],
)
def test_not_claims_and_hard_cases(checker: Checker, sentence: str, expected: list[str]) -> None:
    assert texts(checker, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the window another figure is counted in names a period, like "the first nine months"
        ("Shelling killed 30 people in the past 24 hours.", ["30"]),
        ("Troops killed 20 people in the space of 48 hours.", ["20"]),
        ("Talks lasted 12 hours.", ["12"]),
        # a ratio or a frequency
        ("One soldier is freed for every four prisoners.", ["One"]),
        ("Trains leave every 10 minutes.", []),
        # the speakers of a statement are not a figure anyone checks
        ("Two Western diplomats told reporters that 35 people had died.", ["35"]),
        ("Three officials said 40 people were killed.", ["40"]),
        ("Three witnesses were killed.", ["Three"]),
        # a definite number of events or members states a figure, unlike "the two countries"
        ("The toll rose to 20, up from the nine deaths the group reported.", ["20", "nine"]),
        ("All five EU members will pay.", ["five"]),
        ("The two dead were buried.", []),
        # a number inside a name
        ("She is a veteran of the 77 Generation student union.", []),
        ("Police arrested 12 Hamas supporters.", ["12"]),
        ("More than 200 UNRWA staff have been killed.", ["More than 200"]),
        ("The bank approved a $5 million World Bank loan.", ["$5 million"]),
    ],
)
def test_numbers_that_count_nothing(checker: Checker, sentence: str, expected: list[str]) -> None:
    assert texts(checker, sentence) == expected
