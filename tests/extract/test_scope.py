"""How a figure relates to the running total of what it counts (extract/scope.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import Scope
from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 6, 1)


def scope_of(checker: Checker, text: str, figure: str) -> Scope:
    claims = check(text, published=PUBLISHED, checker=checker).claims
    return next(c.scope for c in claims if c.text.endswith(figure))


@pytest.mark.parametrize(
    ("text", "figure", "scope"),
    [
        # increments: an addition, a day's or a short period's count, one event's
        ("A further 45 people died overnight in Gaza, the ministry said.", "45", Scope.increment),
        ("Another 19 civilians were killed in the city.", "19", Scope.increment),
        ("Officials reported 1,300 new cases of cholera.", "1,300", Scope.increment),
        ("Shelling killed 14 people in Kharkiv on Saturday, the governor said.", "14", Scope.increment),
        ("At least 62 people were killed in the past 24 hours.", "62", Scope.increment),
        ("Fighting killed 30 people yesterday in the east.", "30", Scope.increment),
        ("Twelve people died in an air strike on a market.", "Twelve", Scope.increment),
        ("A drone strike on the convoy killed nine aid workers.", "nine", Scope.increment),
        ("About 1,400 refugees cross the border every day.", "1,400", Scope.increment),
        ("The toll rose by 11 to 569.", "11", Scope.increment),
        # totals: running totals, also when dated ("on Saturday" of the report or of the toll)
        ("The death toll rose to 20,674 on Saturday, the ministry said.", "20,674", Scope.total),
        ("The ministry said on Saturday that 20,674 people had been killed since October.", "20,674", Scope.total),
        ("The toll has risen from 558 to 569.", "558", Scope.total),
        ("The toll has risen from 558 to 569.", "569", Scope.total),
        ("Israeli strikes have killed more than 35,000 people in Gaza.", "35,000", Scope.total),
        ("The earthquake killed at least 2,000 people.", "2,000", Scope.total),
        ("More than 950 were kidnapped and another 902 were injured.", "902", Scope.total),
        # subsets: parts of a larger count
        ("About 200,000 refugees are in Poland alone.", "200,000", Scope.subset),
        ("Some 1.1 million Sudanese have fled to neighbouring states.", "1.1 million", Scope.subset),
        ("At least 21 civilians, three of them children, were killed.", "three", Scope.subset),
        ("The strike killed 40 people, including 12 children.", "12", Scope.subset),
        ("At least 323 of the dead were Egyptians.", "323", Scope.subset),
        ("The group released 24 of the 240 people it abducted.", "24", Scope.subset),
        ("Hamas holds 101 hostages, of whom 35 are believed dead.", "35", Scope.subset),
        ("Among the dead were 50 children.", "50", Scope.subset),
        ("Dozens of people are feared dead.", "Dozens", Scope.total),
        # shares: proportions
        ("Nearly 85% of the population has been displaced.", "85%", Scope.share),
        ("One in five children is malnourished.", "One in five", Scope.share),
    ],
)
def test_scope(checker: Checker, text: str, figure: str, scope: Scope) -> None:
    assert scope_of(checker, text, figure) is scope


def test_a_breakdown_of_the_figure_before_is_a_subset(checker: Checker) -> None:
    text = "The war has killed 60,000 people, the ministry said. They include at least 40,000 civilians."
    claims = check(text, published=PUBLISHED, checker=checker).claims
    assert [(c.text, c.metric, c.scope) for c in claims] == [
        ("60,000", "killed", Scope.total), ("at least 40,000", "killed", Scope.subset),
    ]


def test_scope_is_in_the_json_report(checker: Checker) -> None:
    report = check("A further 45 people died overnight in Gaza, the ministry said.", published=PUBLISHED, checker=checker)
    assert report.claims[0].model_dump(mode="json")["scope"] == "increment"
