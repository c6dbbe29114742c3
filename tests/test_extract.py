from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import Qualifier
from factcheck.pipeline import Checker

PUBLISHED = dt.date(2024, 7, 27)

def figures(checker: Checker, text: str) -> list:
    from factcheck.pipeline import check

    return check(text, published=PUBLISHED, checker=checker).claims

@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("More than 39,000 people were killed.", "More than 39,000", Qualifier.more_than),
        ("Some 250 others were abducted.", "Some 250", Qualifier.approx),
        ("An estimated 2.6 million people have been displaced.", "An estimated 2.6 million", Qualifier.approx),
        ("Nearly 500 people died.", "Nearly 500", Qualifier.nearly),
        ("At least 20 people died.", "At least 20", Qualifier.at_least),
        ("Fewer than 100 people were hurt.", "Fewer than 100", Qualifier.less_than),
        ("No more than 30 people were hurt.", "No more than 30", Qualifier.at_most),
        ("Up to 1.9 million people were displaced.", "Up to 1.9 million", Qualifier.up_to),
        ("Between 10 and 15 people were killed.", "Between 10 and 15", Qualifier.range),
        ("Hundreds of people were injured.", "Hundreds", Qualifier.at_least),
        ("Tens of thousands of people fled.", "Tens of thousands", Qualifier.at_least),
        ("Around 135,000 people have fled.", "Around 135,000", Qualifier.approx),
        ("Roughly 1.2 million people were uprooted.", "Roughly 1.2 million", Qualifier.approx),
        ("Approximately 60 percent voted.", "Approximately 60 percent", Qualifier.approx),
        ("Almost 40% of migrants go hungry.", "Almost 40%", Qualifier.nearly),
        ("Close to 450,000 people have fled.", "Close to 450,000", Qualifier.nearly),
        ("Turnout was just under 59%.", "just under 59%", Qualifier.nearly),
        ("Over 70,000 people were injured.", "Over 70,000", Qualifier.more_than),
        ("Upwards of 19,000 people were arrested.", "Upwards of 19,000", Qualifier.more_than),
        ("In excess of 1.4 million people were displaced.", "In excess of 1.4 million", Qualifier.more_than),
        ("No fewer than 23 people were shot dead.", "No fewer than 23", Qualifier.at_least),
        ("Under 20% of clinics work.", "Under 20%", Qualifier.less_than),
        ("As many as 750 people were on board.", "As many as 750", Qualifier.up_to),
        ("The strike killed 50 or more people.", "50 or more", Qualifier.at_least),
        ("Police arrested 1,000+ people.", "1,000+", Qualifier.more_than),
        ("Adding 10-14 days to voyages.", "10-14", Qualifier.range),
        ("Another 10 to 15 centimetres of rain fell.", "10 to 15", Qualifier.range),
    ],
)
def test_qualifiers_join_the_span(checker: Checker, sentence: str, text: str, qualifier: Qualifier) -> None:
    (claim,) = figures(checker, sentence)
    assert claim.text == text
    assert claim.qualifier is qualifier

def test_range_values(checker: Checker) -> None:
    (claim,) = figures(checker, "Between 10 and 15 million people were affected.")
    assert (claim.value, claim.high) == (10e6, 15e6)
    (claim,) = figures(checker, "Two or three boats sank.")
    assert (claim.text, claim.value, claim.high) == ("Two or three", 2, 3)


def test_a_change_is_not_a_range(checker: Checker) -> None:
    claims = figures(checker, "Brent crude fell 2.4% to $80.86 a barrel.")
    assert [(c.text, c.metric) for c in claims] == [("2.4%", "percent"), ("$80.86", "money")]


def test_over_a_period_is_not_a_qualifier(checker: Checker) -> None:
    (claim,) = figures(checker, "The money will be paid over four years.")
    assert (claim.text, claim.qualifier) == ("four years", Qualifier.exact)
    (claim,) = figures(checker, "The embargo has lasted for over 60 years.")
    assert (claim.text, claim.qualifier) == ("over 60 years", Qualifier.more_than)


def test_headline_figure_takes_the_metric_of_its_body_twin(checker: Checker) -> None:
    text = ("China's 360 billion yuan Africa plan\n\n"
            "BEIJING - Xi pledged 360 billion yuan in financing for Africa over the next three years.")
    claims = figures(checker, text)
    assert [(c.text, c.metric) for c in claims][:2] == [("360 billion yuan", "aid"), ("360 billion yuan", "aid")]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("More than 39,000 Palestinians have been killed in Gaza since Oct. 7.", dt.date(2023, 10, 7)),
        ("Some 10 million people have been displaced since the war began in October 2023.", dt.date(2023, 10, 1)),
        ("At least 226 people have been killed since fighting erupted on May 10.", dt.date(2024, 5, 10)),
        ("Since Oct. 7, more than 600 people have been killed.", dt.date(2023, 10, 7)),
        ("Fires have burned 13.7 million hectares so far this year.", dt.date(2024, 1, 1)),
        ("More than 400 prisoners have died since 2021.", dt.date(2021, 1, 1)),
        ("The ministry counted 1,020 deaths since January.", dt.date(2024, 1, 1)),
    ],
)
def test_period_start(checker: Checker, sentence: str, start: dt.date) -> None:
    (claim,) = figures(checker, sentence)
    assert claim.period_start == start


def test_same_period_carries_the_period(checker: Checker) -> None:
    text = "The group said 26,000 people had been arrested since Feb. 1, 2021. It said 4,468 people had been killed over the same period."
    claims = figures(checker, text)
    assert [c.period_start for c in claims] == [dt.date(2021, 2, 1), dt.date(2021, 2, 1)]

@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("More than 39,000 Palestinians have been killed in Gaza.", "killed"),
        ("Some 14,000 fighters have been killed or taken prisoner.", "fighters"),
        ("The attack left 300 people wounded.", "injured"),
        ("Hamas attacked, killing 1,200 people and abducting some 250 others.", "killed"),
        ("An estimated 2.6 million people have been displaced by fighting.", "displaced"),
        ("Seven memorandums of understanding were signed.", "agreements"),
        ("The 10-member bloc met.", "members"),
        ("Inflation rose to 12 percent.", "percent"),
        ("Donors pledged $3m in aid.", "aid"),
        ("The budget is $3m.", "money"),
        ("He met Castro 22 years ago.", "years"),
        ("The ELN was founded 60 years ago.", "years"),
        ("Police arrested 45 protesters.", "detained"),
    ],
)
def test_metric(checker: Checker, sentence: str, metric: str) -> None:
    claims = figures(checker, sentence)
    assert claims[0].metric == metric

def test_compound_scope_takes_both_figures(checker: Checker) -> None:
    claims = figures(checker, "Hamas attacked Israel on Oct. 7, killing 1,200 people and abducting some 250 others.")
    assert [(c.text, c.metric) for c in claims] == [("1,200", "killed"), ("some 250", "hostages")]

@pytest.mark.parametrize(
    "sentence",
    [
        "The two countries signed a pact on July 27, 2024.",
        "Both sides met at COP28 in Dubai.",
        "It was their sixth meeting since June 23.",
        "The 57th meeting opened at 10:30.",
        "One of the leaders spoke.",
        "A 45-year-old man was arrested under Resolution 2334.",
        "The crisis began in the 1990s.",
    ],
)
def test_non_claims(checker: Checker, sentence: str) -> None:
    assert figures(checker, sentence) == []

def test_years_since_and_in(checker: Checker) -> None:
    claims = figures(checker, "Cuba has been under a US embargo since 1962. The revolution came in 1979.")
    assert [(c.text, c.value, c.metric) for c in claims] == [("1962", 1962, "years"), ("1979", 1979, "years")]

def test_subject_location_and_period(checker: Checker) -> None:
    (claim,) = figures(checker, "More than 39,000 Palestinians have been killed in Gaza since Oct. 7.")
    assert claim.subject == "Palestinians"
    assert claim.location == "Gaza"
    assert claim.period_start == dt.date(2023, 10, 7)

def test_location_from_earlier_sentences(checker: Checker) -> None:
    text = "Fighting flared in Myanmar's Sagaing region. The army bombed villages in Myanmar. An estimated 2.6 million people have been displaced."
    claims = figures(checker, text)
    assert claims[-1].location == "Myanmar"

def test_spans_are_views_into_the_text(checker: Checker) -> None:
    text = "Officials said 1,200 people died and 2.6 million fled; some 250 were taken hostage."
    for claim in figures(checker, text):
        assert text[claim.start:claim.end] == claim.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike killed 60 people in the town. They include at least 40 civilians.", [("60", "killed"), ("at least 40", "killed")]),
        ("Floods killed 60 people. Among the dead were 12 children.", [("60", "killed"), ("12", "killed")]),
        ("Floods killed 60 people.\n\nThey include 40 schools.", [("60", "killed"), ("40", "count")]),
    ],
)
def test_a_breakdown_counts_what_the_previous_figure_counted(checker: Checker, text: str, expected: list) -> None:
    assert [(c.text, c.metric) for c in figures(checker, text)] == expected
