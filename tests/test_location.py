"""Where a figure's counted thing is: tests/corpus/README.md's "Location" rules."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 7, 27)


def places(checker: Checker, text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.location) for c in check(text, published=PUBLISHED, checker=checker).claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli attacks have killed 1,900 people in Lebanon.", [("1,900", "Lebanon")]),
        ("Russia launched some 90 missiles at Ukraine overnight.", [("some 90", "Ukraine")]),
        ("Fighting displaced 3 million people across Mali, Burkina Faso and Niger.", [("3 million", None)]),
        ("Morocco accepted help from four countries: Spain, Qatar and Kenya.", [("four", "Morocco")]),
        ("Germany pledged 244 million euros. The UN says 25 million people in Sudan need aid.",
         [("244 million euros", None), ("25 million", "Sudan")]),
        ("Japan pledged $4.5bn in aid to Ukraine.", [("$4.5bn", "Ukraine")]),
        ("The 27-member European Union met in France.", [("27-member", None)]),
        ("They will free 150 Palestinian women held in Israeli jails.", [("150", "Israel")]),
        ("Fighting flared in Myanmar. The army bombed villages in Myanmar. An estimated 2.6 million people have been displaced.",
         [("An estimated 2.6 million", "Myanmar")]),
        ("Mali, Burkina Faso and Niger left. The bloc has 350 million people.", [("350 million", None)]),
        ("Fewer than 100 trucks a day have entered Gaza since Israel took control of the crossing, compared with about 500 a day.",
         [("Fewer than 100", "Gaza"), ("about 500", "Gaza")]),
    ],
)
def test_location(checker: Checker, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert places(checker, text) == expected


def test_headline_figure_takes_the_lead_paragraphs_place(checker: Checker) -> None:
    text = "Dozens dead as boat capsizes\n\nGOMA - At least 78 people drowned on Lake Kivu in the Democratic Republic of the Congo."
    assert places(checker, text) == [("Dozens", "Democratic Republic of the Congo"), ("At least 78", "Democratic Republic of the Congo")]


def test_a_tie_goes_to_the_headlines_place(checker: Checker) -> None:
    text = ("EU announces package for Egypt\n\nThe EU announced a package for Egypt, hit by the wars in Gaza and Sudan.\n\n"
            "It includes 5 billion euros in loans.")
    assert places(checker, text)[-1] == ("5 billion euros", "Egypt")
