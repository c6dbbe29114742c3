"""What a figure counts: tests/corpus/README.md's "Metric" rules, through the extract stage."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 7, 27)


def metrics(checker: Checker, text: str) -> list[tuple[str, str]]:
    return [(c.text, c.metric) for c in check(text, published=PUBLISHED, checker=checker).claims]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("At least 20 people were killed.", "killed"),
        ("Thousands dead in Libya's Derna.", "killed"),
        ("Another 1,600 deaths are under investigation.", "killed"),
        ("The death toll from the floods rose to 107 on Friday.", "killed"),
        ("Police shot dead no fewer than 23 people.", "killed"),
        ("Iran has executed seven men.", "killed"),
        ("At least 78 people drowned.", "killed"),
        ("The quake killed 30 and injured 9,240.", "killed"),
        ("Sixty-two people were wounded.", "injured"),
        ("More than 160,000 people have been forced from their homes.", "displaced"),
        ("Around 135,000 people have fled fighting.", "displaced"),
        ("More than 500,000 people were sheltering in evacuation centres.", "displaced"),
        ("Nearly 2 million have fled across the borders into Chad.", "refugees"),
        ("More than 7.7 million Venezuelans have left their country.", "refugees"),
        ("Egypt hosts nearly half a million registered refugees.", "refugees"),
        ("Some 10,000 others remain missing.", "missing"),
        ("Police have arrested more than 2,500 people.", "detained"),
        ("Nearly 20,000 of them remain behind bars.", "detained"),
        ("More than 3,500 soldiers are held in Russian captivity.", "detained"),
        ("Gunmen abducted more than 280 pupils.", "hostages"),
        ("An estimated 240 hostages were taken to Gaza.", "hostages"),
        ("Fifteen children were seized from a school.", "hostages"),
        ("The ELN released three oil workers who had been held captive.", "hostages"),
        ("The ELN has about 5,800 fighters.", "fighters"),
        ("Kenya will lead a force of 1,000 police officers.", "fighters"),
        ("Canada has deployed 350 soldiers.", "fighters"),
        ("The junta will conscript 5,000 people a month.", "fighters"),
        ("Some 14,000 fighters have been killed or taken prisoner.", "fighters"),
        ("The strikes have killed at least 17 fighters.", "killed"),
        ("Azerbaijan will release 32 servicemen.", "detained"),
        ("India and the UAE signed eight memorandums of understanding.", "agreements"),
        ("Delegations would sign 93 documents on trade.", "agreements"),
        ("The 27-member European Union met.", "members"),
        ("The bloc will have 12 members.", "members"),
        ("Rescuers freed its 25 crew members.", "detained"),
        ("Up to 300 trucks carrying food will enter Gaza.", "aid"),
        ("Donors pledged $2.1bn in aid.", "aid"),
        ("Germany also committed $100m.", "aid"),
        ("Ireland announced a $3m grant for water supplies.", "aid"),
        ("The IMF approved a $2.9bn loan.", "aid"),
        ("The miner took out a $2.9bn loan.", "money"),
        ("The bill sought to raise $2.7bn in taxes.", "money"),
        ("Inflation rose to 12 per cent.", "percent"),
        ("The embargo has lasted for 60 years.", "years"),
        ("Israel occupied the West Bank in 1967.", "years"),
        ("A 10-year security agreement was signed.", "years"),
        ("A 1,000-strong force arrived.", "fighters"),
        ("Rescuers pulled 104 survivors from the water.", "count"),
        ("None of the 177 passengers were hurt.", "count"),
    ],
)
def test_metric(checker: Checker, sentence: str, metric: str) -> None:
    claims = metrics(checker, sentence)
    assert claims[0][1] == metric, claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sixty-two people were wounded, twenty-two of them critically.", [("Sixty-two", "injured"), ("twenty-two", "injured")]),
        ("Fewer than 100 aid trucks a day enter, compared with about 500 a day before the war.",
         [("Fewer than 100", "aid"), ("about 500", "aid")]),
        ("A strike killed at least 32 people, including 11 children.", [("at least 32", "killed"), ("11", "killed")]),
        ("Eritrean troops, tens of thousands of whom fought in the war, remain.", [("tens of thousands", "fighters")]),
        ("More than 160,000 people have been displaced, and nearly 1.5 million have been affected.",
         [("More than 160,000", "displaced"), ("nearly 1.5 million", "count")]),
        ("Twenty-three allies spend 2% of GDP, up from just three in 2014.",
         [("Twenty-three", "count"), ("2%", "percent"), ("three", "count")]),
    ],
)
def test_figures_that_refer_back(checker: Checker, text: str, expected: list[tuple[str, str]]) -> None:
    assert metrics(checker, text) == expected


def test_a_decimal_between_toll_and_figure_keeps_the_cue(checker: Checker) -> None:
    text = "The toll from the magnitude 6.8 quake in the Atlas mountains has risen to 2,946."
    assert metrics(checker, text)[-1] == ("2,946", "killed")
