"""Who or what a figure counts, with the parse (extract/subject.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 6, 1)


def described(checker: Checker, text: str, figure: str) -> tuple[str, str | None]:
    claims = check(text, published=PUBLISHED, checker=checker).claims
    claim = next(c for c in claims if c.text.endswith(figure))
    return claim.metric, claim.subject


@pytest.mark.parametrize(
    ("text", "figure", "metric", "subject"),
    [
        ("At least 323 of the dead were Egyptians.", "323", "killed", "Egyptians"),
        ("Sixty people were killed, police said. Of those, 40 were children.", "40", "killed", "children"),
        ("The fighting has claimed at least 500 lives.", "500", "killed", "people"),
        ("Rescuers pulled 40 bodies from the rubble.", "40", "killed", "people"),
        ("Israel says 120 hostages remain in Gaza, of whom 37 are dead.", "37", "killed", "hostages"),
        ("The army recovered the bodies of six hostages.", "six", "killed", "hostages"),
        ("About 1 million Rohingya live in camps in Bangladesh.", "1 million", "count", "Rohingya"),
        ("Officials said 30 displaced people were killed in the strike.", "30", "killed", "people"),
        ("Four seriously wounded soldiers died in hospital.", "Four", "killed", "soldiers"),
        ("Some 60 elderly people were evacuated.", "60", "displaced", "elderly people"),
    ],
)
def test_subject(checker: Checker, text: str, figure: str, metric: str, subject: str | None) -> None:
    assert described(checker, text, figure) == (metric, subject)


def test_a_copula_complement_is_not_taken_for_a_figure_with_its_own_noun(checker: Checker) -> None:
    assert described(checker, "Some 40 people were children.", "40")[1] == "people"
