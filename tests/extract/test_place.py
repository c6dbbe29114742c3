"""Where a figure's counted thing is, read on the parse (extract/place.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 6, 1)


def place_of(checker: Checker, text: str, figure: str) -> str | None:
    claims = check(text, published=PUBLISHED, checker=checker).claims
    return next(c.location for c in claims if c.text.endswith(figure))


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        # the figure's own clause, with the counted noun's modifiers
        ("A further 45 people died overnight in Gaza, the ministry said.", "45", "Gaza"),
        ("Israel will free 150 Palestinian women held in Israeli jails.", "150", "Israel"),
        ("More than 3,500 Ukrainian soldiers are believed to be held in Russian captivity.", "3,500", "Russia"),
        # not the reporting clause's place
        ("Speaking in Kenya on Monday, the envoy said 8,000 people had fled the fighting in Sudan.", "8,000", "Sudan"),
        # fleeing refugees are placed where they come from, not where they went
        ("More than 3 million refugees have fled Ukraine for Poland and Romania.", "3 million", "Ukraine"),
        ("Nearly 2 million Sudanese have fled to neighbouring countries, including Chad and Egypt.", "2 million", "Sudan"),
        # refugees who are somewhere are placed there, and so are those who went to one country
        ("Some 600,000 Syrian refugees live in Jordan.", "600,000", "Jordan"),
        ("About 500,000 Sudanese have crossed into Chad, the agency said.", "500,000", "Chad"),
        ("More than 1 million refugees from Ukraine have entered Poland.", "1 million", "Poland"),
        ("Nearly 90,000 Rohingya have fled to Bangladesh this month.", "90,000", "Bangladesh"),
        ("Some 40,000 Syrians fled Lebanon for Syria in a week.", "40,000", "Syria"),
        # a people counted by its name, in a clause that names no place, is of its home
        ("Strikes hit Gaza City overnight. About 1,100 Israelis died in the raid that started the war.", "1,100", "Israel"),
        ("Shelling went on in Gaza. Over 40 Palestinians were killed, medics said.", "40", "Gaza"),
        # a country that acts on another is not where the counted people are
        ("Fighting went on in Ukraine after Russia's full-scale invasion. Officials counted 600 dead.", "600", "Ukraine"),
        ("Mali's army said fighting went on near the Algerian border. About 70 militants died.", "70", "Mali"),
        ("Israeli strikes have killed 300 people overnight, medics said.", "300", None),
        # a dateline's capital breaks a tie the headline does not
        ("KYIV - Talks between Ukraine and Russia stalled. About 50 people died.", "50", "Ukraine"),
    ],
)
def test_place_on_the_parse(checker: Checker, text: str, figure: str, place: str | None) -> None:
    assert place_of(checker, text, figure) == place


def test_examples_in_an_inclusion_are_not_the_place(checker: Checker) -> None:
    text = "The Sudan war has driven 2 million people to neighbouring countries, including Chad, Egypt and Libya."
    assert place_of(checker, text, "2 million") == "Sudan"
