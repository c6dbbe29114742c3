"""Source names: one reading of a name, and when two names are the same body."""

from __future__ import annotations

from factcheck.reference.aliases import Aliases
from factcheck.reference.sources import same_body, source_name, stem


def test_names_compare_by_alias_or_by_content_words() -> None:
    aliases = Aliases()
    aliases.add("source", "IDF", "Israeli military")
    assert same_body(source_name("IDF", aliases), source_name("the Israeli military", aliases))
    assert same_body(source_name("Sudan's health ministry"), source_name("Sudanese Ministry of Health"))
    assert not same_body(source_name("Sudanese army"), source_name("Sudanese Ministry of Health"))
    assert not same_body(source_name("UN"), source_name("UN Security Council")), "one content word is not enough"


def test_a_name_is_read_once_into_its_key_and_stems() -> None:
    name = source_name("The Ministry of Health in Gaza")
    assert name.key == "ministry of health in gaza"
    assert name.words == frozenset({"ministry", "health", "gaza"})
    assert stem("Sudanese".lower()) == "sudan" and stem("israeli") == "israel" and stem("un") == "un"
