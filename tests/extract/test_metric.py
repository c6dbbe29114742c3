"""What a figure counts, read on the dependency parse (extract/metric.py, extract/fate.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.describe import is_country
from factcheck.extract.metric import Reading, on_parse
from factcheck.extract.syntax import anchor
from factcheck.language.parse import parse_spans
from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 6, 1)


def reading(sentence: str, figure: str) -> Reading:
    """The parse's reading of the first occurrence of figure in sentence."""
    (parse,) = parse_spans(sentence, [(0, len(sentence))])
    start = sentence.index(figure)
    spot = anchor(parse, start, start + len(figure))
    assert spot is not None
    return on_parse(sentence, spot, is_country)


def metric_of(checker: Checker, sentence: str, figure: str) -> str:
    claims = check(sentence, published=PUBLISHED, checker=checker).claims
    return next(c.metric for c in claims if figure in c.text)


@pytest.mark.parametrize(
    ("sentence", "figure", "metric"),
    [
        ("A further 45 people died overnight in Gaza, the ministry said.", "45", "killed"),
        ("Rescuers pulled 40 bodies from the rubble.", "40", "killed"),
        ("The fighting in Sudan has claimed at least 500 lives.", "500", "killed"),
        ("The storm cost 12 lives along the coast.", "12", "killed"),
        ("The death toll in the province climbed to 1,312 on Sunday.", "1,312", "killed"),
        ("Medics put the number of wounded at 2,750.", "2,750", "injured"),
        ("The number killed was 300, the governor said.", "300", "killed"),
        ("Local officials put the dead at 95.", "95", "killed"),
        ("Twenty-one miners were killed, 30 injured and 12 kidnapped in the raid.", "30", "injured"),
        ("Twenty-one miners were killed, 30 injured and 12 kidnapped in the raid.", "12", "hostages"),
        ("Some 2,000 villagers remain unaccounted for after the landslide.", "2,000", "missing"),
        ("At least 80 fishermen are feared to have drowned.", "80", "missing"),
        ("Dozens of sailors are feared dead after the ferry sank.", "Dozens", "missing"),
        ("Nearly 9,000 residents were left homeless by the fire.", "9,000", "displaced"),
        ("The floods have forced 15,000 families from their homes.", "15,000", "displaced"),
        ("About 70,000 people fled the capital for towns in the north.", "70,000", "displaced"),
        ("About 70,000 people fled across the border.", "70,000", "refugees"),
        ("Some 600,000 people have fled to neighbouring countries.", "600,000", "refugees"),
        ("More than 150,000 people have crossed into Uganda this year.", "150,000", "refugees"),
        ("Nearly 40,000 people have fled Myanmar since March.", "40,000", "refugees"),
        ("Thousands fled Kherson city for the surrounding villages.", "Thousands", "displaced"),
        ("Gunmen abducted 27 passengers from a bus.", "27", "hostages"),
        ("The militia released 14 of the 40 aid workers it kidnapped in May.", "14", "hostages"),
        ("The army freed 37 prisoners from the camp.", "37", "detained"),
        ("Police detained more than 1,100 students on campuses.", "1,100", "detained"),
        ("More than 600 activists remain behind bars.", "600", "detained"),
        ("The rebels are holding 57 hostages, 20 of whom are believed dead.", "57", "hostages"),
        ("The rebels are holding 57 hostages, 20 of whom are believed dead.", "20", "killed"),
        ("The bodies of three hostages were recovered from a tunnel.", "three", "killed"),
        ("Some 3,200 soldiers have been killed or captured since June.", "3,200", "fighters"),
        ("A mine killed six soldiers and wounded nine others.", "six", "killed"),
        ("Militants killed 19 soldiers at a checkpoint.", "19", "killed"),
        ("The country will send 800 police officers to the mission.", "800", "fighters"),
        ("The commission documented 41 cases of enforced disappearance.", "41", "missing"),
        ("The commission documented 208 arrests of journalists.", "208", "detained"),
    ],
)
def test_metric_on_the_parse(checker: Checker, sentence: str, figure: str, metric: str) -> None:
    assert metric_of(checker, sentence, figure) == metric


@pytest.mark.parametrize(
    ("sentence", "figure", "metric"),
    [
        ("Volunteers saved 500 lives during the heatwave.", "500", None),  # lives saved are not lost
        ("Some 300 migrants have arrived in Spain by boat this month.", "300", None),  # arrival, not flight
        ("The measles outbreak killed 70 children and sickened 5,000.", "5,000", "count"),
        ("The country has a population of 11 million.", "11 million", "count"),
    ],
)
def test_what_the_parse_does_not_count_as_a_casualty(sentence: str, figure: str, metric: str | None) -> None:
    assert reading(sentence, figure).metric == metric


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("At least 62 people were killed within 24 hours.", "24"),
        ("The flood killed 200 people in 40 districts.", "40"),
    ],
)
def test_a_time_or_place_is_not_what_the_fate_counts(checker: Checker, sentence: str, figure: str) -> None:
    assert reading(sentence, figure).settled
    assert metric_of(checker, sentence, figure) == "count"


def test_dead_hostages_are_not_hostages_taken(checker: Checker) -> None:
    text = "Israel says 120 hostages are still held in Gaza, of whom at least 37 are dead."
    claims = {c.text: c for c in check(text, published=PUBLISHED, checker=checker).claims}
    held, dead = claims["120"], claims["at least 37"]
    assert (held.metric, held.subject) == ("hostages", "hostages")
    assert (dead.metric, dead.subject) == ("killed", "hostages")
    text = "The army recovered the bodies of six hostages on Saturday."
    (six,) = check(text, published=PUBLISHED, checker=checker).claims
    assert (six.metric, six.subject) == ("killed", "hostages")


def test_a_measure_with_nothing_of_its_own_refers_back() -> None:
    text = "Officials said 4,000 people had fled, while aid groups put the number at 6,000."
    assert reading(text, "6,000") == Reading(refers_back=True)
    text = "Some 900 people fled the town, and 300 had reached the coast by Friday."
    assert reading(text, "300").refers_back


def test_the_parse_reading_comes_before_the_word_cues(checker: Checker) -> None:
    # the words alone read "displaced" (the nearest cue before the figure); the parse knows
    # the noun is refugees and the displacement belongs to the other figure
    text = "The war displaced 9 million people inside the country and 2 million refugees abroad."
    assert metric_of(checker, text, "2 million") == "refugees"
    # a broken parse ("soldiers" as the subject of "said") leaves the cue right before the figure
    text = "Kyiv will free 12 soldiers, officials said on Monday."
    assert metric_of(checker, text, "12") == "detained"


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        # held in custody: the detained, or hostages held by armed men
        ("Police were still holding 23 student activists.", "23", "detained"),
        ("Gunmen were holding 40 villagers in the forest.", "40", "hostages"),
        ("The party is holding 12 rallies this week.", "12", "count"),
        # found again: no longer missing
        ("About 200 people remain missing, and another 300 who had been reported missing have since been found.",
         "300", "count"),
        # a bare count of what the sentence before counted
        ("Jordan hosts 650,000 Syrian refugees. The agency says it has registered 410,000.", "410,000", "refugees"),
        ("At least 30 miners died in the collapse. The total has reached 41, the union said.", "41", "killed"),
        ("At least 30 miners died in the collapse.\n\nThe union has registered 41.", "41", "count"),
        # a definite bare number restates the figure of that value before it
        ("Rebels seized 17 passengers. They gave mediators a list of the 17.", "17", "hostages"),
        # "the victims" break down the death toll, also inside a quotation
        ("The toll rose to 320 on Monday, and 900 people were wounded. \"Among the victims are 40 children,\" he said.",
         "40", "killed"),
    ],
)
def test_reading_from_the_discourse(checker: Checker, text: str, figure: str, metric: str) -> None:
    claims = check(text, published=PUBLISHED, checker=checker).claims
    found = [c for c in claims if c.text == figure]
    assert found and found[-1].metric == metric
