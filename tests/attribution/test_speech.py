"""Cues on the parse (``attribution/speech.py``): who a reporting verb, "according to", a data
noun or a reporting relative clause names, and which figures it covers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        ("Flooding has killed 42 people in the province, the regional governor said on Sunday.", "42", "regional governor"),
        ("The interior ministry told reporters that 18 officers had been wounded.", "18", "interior ministry"),
        ("The relief agency estimated that 60,000 families had lost their homes.", "60,000", "relief agency"),
        ("The army reported 12 deaths among its troops.", "12", "army"),
        ("Aid groups warned that 3 million people could face hunger by winter.", "3 million", "Aid groups"),
        ("The charity fears 200 more people are trapped under the rubble.", "200", "charity"),
        ("Police confirmed that 31 suspects were arrested overnight.", "31", "Police"),
        ("The national meteorological office has recorded 14 heat deaths this week.", "14", "national meteorological office"),
        ("The civil defence agency put the death toll at 73.", "73", "civil defence agency"),
    ],
)
def test_the_subject_of_a_reporting_verb_gives_the_figure_in_its_complement(sources, text: str, figure: str, source: str) -> None:
    assert (figure, source) in sources(text)



@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("At least 90 people have died, said Amara Osei, a spokeswoman for the fire service.", "Amara Osei"),
        ("Thousands of families were uprooted, say UN officials.", "UN officials"),
        ("Some 5,000 households were cut off, say district officials.", "district officials"),
    ],
)
def test_a_subject_after_its_verb(sources, text: str, source: str) -> None:
    assert [s for _, s in sources(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("More than 400 homes were destroyed, according to the housing ministry.", "housing ministry"),
        ("At least 26 people drowned, according to figures compiled by the coast guard.", "coast guard"),
        ("The ministry's tally of 318 dead includes 40 children.", "ministry"),
        ("The monitor's count stood at 512 on Friday.", "monitor"),
        ("By the charity's count, 2,300 people have fled the valley.", "charity"),
        ("Some 40% of households surveyed by the agency said they had run out of food.", "agency"),
    ],
)
def test_data_cues_name_whose_figures_they_are(sources, text: str, source: str) -> None:
    found = sources(text)
    assert found and all(s == source for _, s in found)



def test_the_figure_a_relative_clause_reports(sources) -> None:
    text = "The toll rose to 60, the governor said, up from the 41 announced by the police on Tuesday."
    assert sources(text) == [("60", "governor"), ("41", "police")]


@pytest.mark.parametrize(
    "text",
    [
        "The fighting in the north has claimed at least 500 lives.",
        "The army ordered 30 air strikes on the town.",
        "The government unveiled $200 million for reconstruction.",
        "Donors pledged $1.5 billion at the conference.",
        "The storm killed 14 people on the coast.",
        "Rescuers pulled 40 bodies from the river.",
        "Employers added 120,000 jobs in May, up from 95,000 in April.",
        "The province expects to receive 2 million vaccine doses next year.",
    ],
)
def test_an_action_is_not_speech(sources, text: str) -> None:
    found = sources(text)
    assert found and all(s is None for _, s in found)


def test_speech_covers_the_clause_it_reports_not_its_own_subject(sources) -> None:
    text = "Close to 70% of the farmers the agency interviewed said they had lost 30 cattle."
    assert [s for _, s in sources(text)] == ["agency", "agency"]


def test_a_reporting_verb_set_off_after_the_clause_covers_what_continues_it(sources) -> None:
    text = "The refugee agency said 200,000 people had fled the fighting, while some 80,000 went to Chad."
    assert sources(text) == [("200,000", "refugee agency"), ("some 80,000", "refugee agency")]
    text = "Some 70 people were killed, the agency said, and 150 have been wounded."
    assert [s for _, s in sources(text)] == ["agency", "agency"]


def test_a_circumstance_is_not_part_of_the_report(sources) -> None:
    text = "A team of 12 engineers arrived on Friday, local media reported, as the city weighs hiring 300 more."
    assert sources(text) == [("12", "local media"), ("300", None)]


def test_a_dateline_is_no_speaker(sources) -> None:
    text = "KANDALA, Norland -- The port authority said 14 ships were stranded."
    assert sources(text) == [("14", "port authority")]


def test_a_cue_inside_a_quotation_is_the_quotation_speakers(sources) -> None:
    text = '"The ministry said 300 died," the doctor told reporters.'
    assert sources(text) == [("300", "doctor")]
