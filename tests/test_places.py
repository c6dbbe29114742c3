"""The gazetteer: countries from pycountry, everyday forms and nationality words from countryinfo."""

from __future__ import annotations

from factcheck.language.gazetteer import Gazetteer, countries, demonyms


def _found(text: str) -> list[tuple[str, str, bool]]:
    gazetteer = Gazetteer({"Gaza Strip": "Gaza", "Burma": "Myanmar"})
    return [(text[m.start:m.end], m.name, m.demonym) for m in gazetteer.mentions(text)]


def test_iso_names_resolve_to_newsroom_names() -> None:
    assert countries()["russian federation"] == "Russia"
    assert countries()["iran"] == "Iran"
    assert _found("Talks in Viet Nam and the Gaza Strip") == [("Viet Nam", "Vietnam", False), ("Gaza Strip", "Gaza", False)]


def test_everyday_forms_come_from_the_data() -> None:
    assert _found("The UK, the UAE and DR Congo") == [
        ("UK", "United Kingdom", False), ("UAE", "United Arab Emirates", False), ("DR Congo", "Democratic Republic of the Congo", False),
    ]


def test_abbreviations_match_only_as_written_and_names_need_a_capital() -> None:
    assert _found("uk chad in chad") == []


def test_nationality_words_are_demonym_mentions() -> None:
    assert demonyms()["sudanese"] == "Sudan"
    assert demonyms()["american"] == "United States"  # the most populous country using the word
    assert _found("Sudanese refugees and Ukrainians") == [("Sudanese", "Sudan", True), ("Ukrainians", "Ukraine", True)]
    assert Gazetteer().canonical("Ukrainian") == "Ukraine"


def test_demonyms_can_be_left_out() -> None:
    gazetteer = Gazetteer()
    text = "Israeli officials said"
    assert list(gazetteer.mentions(text, demonyms=False)) == []
