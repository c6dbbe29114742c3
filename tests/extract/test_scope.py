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
        # one event's count, or the latest few events'
        ("More than 300 killed in the latest attacks on the province", "300", Scope.increment),
        ("Eleven guards died in the attack, the police said.", "Eleven", Scope.increment),
        ("Four people died in the Wagner attack on a bus in the capital.", "Four", Scope.increment),
        # a period's count: a past month, a period of events, a day's toll
        ("Last month, 4,000 people crossed into Chad.", "4,000", Scope.increment),
        ("A week of fighting left 120 people dead in the city.", "120", Scope.increment),
        ("Tuesday's toll of 64 was the highest in weeks.", "64", Scope.increment),
        ("Police said 60 people were arrested in the raid.", "60", Scope.increment),
        ("At least 70 people were killed in the bombardment of the old town.", "70", Scope.increment),
        ("Nine militiamen died in clashes on Friday.", "Nine", Scope.increment),
        ("The raids left 23 dead.", "23", Scope.increment),
        ("Six people were injured when a missile hit a bus.", "Six", Scope.increment),
        ("A drone killed four soldiers near the town.", "four", Scope.increment),
        ("About 30 pupils were killed when their school collapsed.", "30", Scope.increment),
        ("Eight crew are missing after pirates sank the tanker.", "Eight", Scope.increment),
        ("At least 600 people were killed in a wave of violence in the north.", "600", Scope.increment),
        ("A landmine killed two farmers and wounded five others.", "five", Scope.increment),
        ("Shelling killed 90 people and wounded 300 others in the space of 48 hours.", "90", Scope.increment),
        ("Some 8,000 people reached the camp within three days.", "8,000", Scope.increment),
        ("Between 40 and 50 civilians were killed each month.", "Between 40 and 50", Scope.increment),
        ("The army will draft 3,000 men a month.", "3,000", Scope.increment),
        # totals: running totals, also when dated ("on Saturday" of the report or of the toll)
        ("The death toll rose to 20,674 on Saturday, the ministry said.", "20,674", Scope.total),
        ("The ministry said on Saturday that 20,674 people had been killed since October.", "20,674", Scope.total),
        ("The toll has risen from 558 to 569.", "558", Scope.total),
        ("The toll has risen from 558 to 569.", "569", Scope.total),
        ("Israeli strikes have killed more than 35,000 people in Gaza.", "35,000", Scope.total),
        ("The earthquake killed at least 2,000 people.", "2,000", Scope.total),
        ("More than 950 were kidnapped and another 902 were injured.", "902", Scope.total),
        # the event of its own toll, a campaign's running total, a state on a day
        ("Russia's bombardment of the region has killed 9,000 civilians.", "9,000", Scope.total),
        ("Air strikes have killed 12,000 people in the province.", "12,000", Scope.total),
        ("Gunmen took 180 hostages in the March 3 attack on the town.", "180", Scope.total),
        ("Gunmen took 180 hostages in the March 3 attack. About 900 people were killed in the attack.", "900", Scope.total),
        ("About 900 people were killed in the raid that started the war.", "900", Scope.total),
        ("Some 800 people were killed in the Wagner attack, the agency said.", "800", Scope.total),
        ("More than 20,000 people were killed when two earthquakes struck the region.", "20,000", Scope.total),
        ("Some 5,000 people were missing in the valley on Monday after the flood.", "5,000", Scope.total),
        ("A year on, the crackdown has left 300 people dead.", "300", Scope.total),
        ("About 2,500 patients had waited more than a year.", "2,500", Scope.total),
        # subsets: parts of a larger count
        ("About 200,000 refugees are in Poland alone.", "200,000", Scope.subset),
        ("In Khartoum alone, 1,800 people have been killed.", "1,800", Scope.subset),
        ("Of the 240 hostages, 105 have been released.", "105", Scope.subset),
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
