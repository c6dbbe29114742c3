from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker
from factcheck.models import Qualifier

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
    ],
)
def test_qualifiers_join_the_span(checker: Checker, sentence: str, text: str, qualifier: Qualifier) -> None:
    (claim,) = figures(checker, sentence)
    assert claim.text == text
    assert claim.qualifier is qualifier

def test_range_values(checker: Checker) -> None:
    (claim,) = figures(checker, "Between 10 and 15 million people were affected.")
    assert (claim.value, claim.high) == (10e6, 15e6)

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
