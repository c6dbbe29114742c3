"""Coreference (``attribution/resolve.py``): pronouns and descriptions take the nearest
compatible source."""

from __future__ import annotations

import pytest

from factcheck.attribution.resolve import Resolver, canonical_source
from factcheck.reference.index import ReferenceIndex


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("The Mountain Rescue Service said 19 climbers were missing. It added that 6 had been found dead.", "Mountain Rescue Service"),
        ("Rana Obi, the mayor, said 80 homes had burned. She said 12 people were injured.", "Rana Obi"),
        ("The International Committee for Relief said 2,000 people had fled. The committee said 300 were children.", "International Committee for Relief"),
        ("The Red Sea Monitoring Network said 11 ships had been attacked. The network said 4 crew members were killed.", "Red Sea Monitoring Network"),
        ("The Refugee Support Office said 90,000 people had crossed the border. The agency said 1,200 arrived on Monday.", "Refugee Support Office"),
        ("Ana Ruiz, a spokeswoman for the Coastal Water Office, said 8 wells were dry. The office said 3 more would close.", "Coastal Water Office"),
    ],
)
def test_pronouns_and_descriptions_take_the_nearest_compatible_source(sources, text: str, second: str) -> None:
    assert sources(text)[1][1] == second


def test_he_takes_a_person_it_an_organisation(sources) -> None:
    text = "Omar Tal, a spokesman for the Northern Aid Group, said 40 trucks arrived. It said 12 more were waiting. He said 5 drivers were hurt."
    assert [s for _, s in sources(text)] == ["Omar Tal", "Northern Aid Group", "Omar Tal"]


def test_a_description_of_an_organisation_never_takes_a_person(sources) -> None:
    text = "Ministry spokesman Karim Said said 30 people died. The ministry said 70 were wounded."
    found = sources(text)
    assert found[1][1] != found[0][1]


def test_a_name_beside_a_description_continues_the_earlier_source(sources) -> None:
    text = "The European naval mission said 4 sailors were missing. Ten were rescued, according to the mission, Operation Seaguard."
    assert [s for _, s in sources(text)] == ["European naval mission", "European naval mission"]


def test_resolver_unit(index: ReferenceIndex) -> None:
    r = Resolver(index.aliases)
    r.remember("Mountain Rescue Service", 0, 0)
    r.remember("Rana Obi", 1, 0)
    assert r.resolve("it", "pronoun", False, 0, []) == "Mountain Rescue Service"
    assert r.resolve("she", "pronoun", False, 0, []) == "Rana Obi"
    assert r.resolve("service", "name", True, 0, []) == "Mountain Rescue Service"
    assert r.resolve("", "elided", False, 0, ["Rana Obi"]) == "Rana Obi"


def test_canonical_source_through_aliases(index: ReferenceIndex) -> None:
    assert canonical_source(index.aliases, "Palestinian health authorities") == "Gaza Ministry of Health"
    assert canonical_source(index.aliases, "Nobody Known Here") == "Nobody Known Here"
