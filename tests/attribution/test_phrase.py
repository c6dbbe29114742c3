"""Source phrases on the parse (``attribution/phrase.py``): the short name, the phrase as written."""

from __future__ import annotations

import pytest

from factcheck.attribution.phrase import Speaker, speaker
from factcheck.read.document import Document


def subject_of(text: str, word: str) -> Speaker | None:
    """The speaker named by the subject of ``word`` in a one-sentence text."""
    doc = Document.from_text(text)
    parse = doc.parse(0)
    verb = next(t for t in parse if t.text == word)
    subject = next(t for t in parse.children(verb) if t.dep == "nsubj")
    return speaker(parse, doc.checked, subject)


@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        ("The club's general manager, David Feder, said 300 fans were hurt.", "David Feder", "The club's general manager, David Feder"),
        ("Lena Kraus, head of the regional health authority, said 57 patients were in intensive care.", "Lena Kraus", "Lena Kraus, head of the regional health authority"),
        ("The monitor, based in Geneva, said 210 civilians had been killed.", "monitor", "The monitor"),
        ("A doctor who treated the wounded said 35 people had been brought in.", "doctor", "A doctor"),
        ("Peace Watch, a settlement monitor, said 26 outposts were built.", "Peace Watch", "Peace Watch, a settlement monitor"),
        ("Health Minister Noor Haddad said 12 clinics had closed.", "Health Minister Noor Haddad", "Health Minister Noor Haddad"),
    ],
)
def test_short_name_and_phrase_as_written(text: str, name: str, phrase: str) -> None:
    found = subject_of(text, "said")
    assert found is not None and (found.name, found.phrase) == (name, phrase)


def test_through_the_library(claims_of) -> None:
    (claim,) = claims_of("The club's general manager, David Feder, said 300 fans were hurt.")
    assert (claim.source, claim.source_phrase) == ("David Feder", "The club's general manager, David Feder")


def test_a_figure_is_what_is_counted_not_who_speaks() -> None:
    assert subject_of("Some 300 residents said the water rose 2 metres.", "said") is None


def test_a_few_people_named_by_number_do_speak() -> None:
    found = subject_of("Two senior diplomats said 323 pilgrims had died.", "said")
    assert found is not None and found.name == "Two senior diplomats"


def test_pronouns_are_left_to_resolve() -> None:
    found = subject_of("It said 52 people were missing.", "said")
    assert found is not None and (found.name, found.reference) == ("it", "pronoun")


def test_organisations_named_inside_a_phrase_are_kept_as_mentions() -> None:
    found = subject_of("Ana Ruiz, a spokeswoman for the UN water agency, said 8 wells were dry.", "said")
    assert found is not None and found.name == "Ana Ruiz" and "UN water agency" in found.mentions


def test_a_restrictive_participle_with_its_agent_stays_in_the_name() -> None:
    found = subject_of("A study commissioned by the health board estimated that 4,000 people had died.", "estimated")
    assert found is not None and found.name == "study commissioned by the health board"


def test_a_persons_affiliation_is_not_part_of_the_name() -> None:
    found = subject_of("Mira Osei of the UN refugee agency said 900 people had crossed.", "said")
    assert found is not None and found.name == "Mira Osei"


def test_a_relative_clause_anywhere_in_the_phrase_is_dropped() -> None:
    text = "The health ministry in the capital, which has been criticised for its slow count, said 140 people had died."
    found = subject_of(text, "said")
    assert found is not None and (found.name, found.phrase) == ("health ministry in the capital", "The health ministry in the capital")


def test_a_data_noun_subject_names_its_owner(claims_of) -> None:
    (claim,) = claims_of("The agency's latest report said 1.2 million children were out of school.")
    assert (claim.source, claim.source_phrase) == ("agency", "The agency's latest report")
