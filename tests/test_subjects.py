"""Who or what a figure counts: tests/corpus/README.md's "Subject" rules."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.subject import noun_phrase
from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 7, 27)
DEMONYMS = {"chinese", "russian", "egyptian", "palestinian", "indian"}


def _phrase(text: str) -> str | None:
    phrase = noun_phrase(text, 0, len(text), lambda w: w.lower() in DEMONYMS)
    return phrase.text if phrase else None


@pytest.mark.parametrize(
    ("after", "subject"),
    [
        (" Palestinians have been killed", "Palestinians"),
        (" Chinese military aircraft and 19 ships", "Chinese military aircraft"),
        (" Chinese coast guard vessels were spotted", "Chinese coast guard vessels"),
        (" women and children held hostage", "women and children"),
        (" soldiers and police officers to take control", "soldiers and police officers"),
        (" crew members in Yemen", "crew members"),
        (" prisoners of war on Wednesday", "prisoners of war"),
        (" memorandums of understanding on Tuesday", "memorandums of understanding"),
        (" new outposts had been set up", "outposts"),
        (" strong aftershocks.", "aftershocks"),
        (" Boeing jets grounded", "jets"),
        (" Boeing 737 MAX 9 jets would remain grounded", "jets"),
        (" Hamas fighters were killed", "fighters"),
        (" African countries gathered", "African countries"),
        (" displaced people are sheltering", "people"),
        (" others were abducted", "people"),
        (" dead, thousands jailed", "people"),
        (" Timorese would share", "Timorese"),
        (" people, the ministry said", "people"),
        (", the ministry said", None),
        (" as rains return", None),
        (" in the capital", None),
    ],
)
def test_noun_phrase(after: str, subject: str | None) -> None:
    assert _phrase(after) == subject


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Herat earthquakes kill more than 2,000, Taliban says", ["people"]),
        ("57.4 percent of Argentines were poor in January, up from 49.5 percent in December.", ["Argentines", "Argentines"]),
        ("The party won 58.6% of the vote.", [None]),
        ("Lawmakers approved the bill by 195 votes to 106.", ["votes", "votes"]),
        ("More than 7.7 million Venezuelans have left. Colombia hosts about 2.9 million of them.", ["Venezuelans", "Venezuelans"]),
        ("The bloc granted candidate status to Georgia, bringing the number of candidates to nine.", ["candidates"]),
        ("The 10-member Association of Southeast Asian Nations met.", ["ASEAN"]),
        ("Inflation in the 20-nation euro zone fell to 2.9 per cent.", ["euro zone", None]),
        ("ECOWAS members met. Their exit leaves the 15-member bloc with 12 members.", ["ECOWAS", "ECOWAS"]),
        ("A four-day truce and a 543-seat house and a 200,000-square-metre plant.", ["days", "seats", "square metres"]),
        ("Japan pledged $4.5bn in aid.", [None]),
    ],
)
def test_subject(checker: Checker, text: str, subjects: list[str | None]) -> None:
    assert [c.subject for c in check(text, published=PUBLISHED, checker=checker).claims] == subjects
