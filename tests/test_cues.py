from __future__ import annotations

import pytest

from factcheck.attribution.cues import Cue, clean, cues


def found(text: str) -> list[tuple[str, str, str]]:
    return [(c.source, c.position, c.reference) for c in cues(text, 0, len(text))]


def cues_of(text: str) -> list[str]:
    return [c.source for c in cues(text, 0, len(text))]


def one(text: str) -> Cue:
    (cue,) = [c for c in cues(text, 0, len(text)) if c.reference != "elided"]
    return cue


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("More than 39,000 were killed, according to Palestinian health authorities, who do not distinguish.", "Palestinian health authorities"),
        ("At least 12 died, Yonhap said.", "Yonhap"),
        ("Officials say there are 1.4 million refugees.", "Officials"),
        ("The army told reporters that 40 soldiers had surrendered.", "army"),
        ("The junta reported 12 deaths on Monday.", "junta"),
        ("The UN refugee agency estimated that 500,000 had fled.", "UN refugee agency"),
        ("The ministry announced 20 arrests.", "ministry"),
        ("Police confirmed that three people were arrested.", "Police"),
        ("Nearly 2 million have fled, the agency added.", "agency"),
        ("Some 250 were abducted, according to Israeli tallies.", "Israeli tallies"),
        ("Hospital officials' figures show 56 dead.", "Hospital officials"),
        ("Lebanon's state news agency reported 300 arrests, citing security officials.", "security officials"),
        ("Figures from the UN refugee agency show 780,000 refugees.", "UN refugee agency"),
        ("Israeli officials estimate that some 14,000 fighters have been killed.", "Israeli officials"),
        ("Data from the UN humanitarian office showed that 223 trucks crossed.", "UN humanitarian office"),
        ("By Israel's count, about 3,000 trucks have entered.", "Israel"),
        ("At least 230 people have been killed, according to an AFP tally.", "AFP"),
        ("Around 80,000 were evacuated, by the government's count.", "government"),
        ('"We have counted 300 dead," said Ibrahim Adam, a surgeon.', "Ibrahim Adam"),
        ("The toll rose to 50, as reported by Kenya Red Cross.", "Kenya Red Cross"),
        ("Some 40 people died, per the Health Ministry.", "Health Ministry"),
        ("About 300 died, according to the latest UN figures.", "UN"),
    ],
)
def test_every_cue_style_names_its_source(text: str, source: str) -> None:
    sources = [c.source for c in cues(text, 0, len(text)) if c.reference == "name"]
    assert source in sources


def test_citing_outranks_the_reporting_verb() -> None:
    text = "A local committee said 56 people died, citing hospital doctors."
    by_source = {c.source: c for c in cues(text, 0, len(text))}
    assert by_source["hospital doctors"].priority > by_source["local committee"].priority


def test_appositive_name_wins_over_its_description() -> None:
    assert one("Peace Now, an Israeli settlement watchdog, said 26 outposts were built.").source == "Peace Now"
    assert one("Kemal Aydin, the interior minister, said 76 buildings had collapsed.").source == "Kemal Aydin"
    assert one("Some 100 aid trucks entered, UNRWA, the UN agency for Palestinian refugees, said.").source == "UNRWA"


def test_a_list_before_the_subject_is_not_an_appositive() -> None:
    text = "Israeli forces killed 10 in Jenin, Tulkarm and Tubas, the Palestinian health ministry said on Thursday."
    assert one(text).source == "Palestinian health ministry"


def test_relative_clause_between_subject_and_verb() -> None:
    assert one("The R4V platform, which coordinates the response, estimated that 40% cannot afford food.").source == "R4V platform"
    assert cues_of("A resident who asked not to be named said he counted 150 bodies.")[0] == "resident"
    assert one("The exchange was mediated by Qatar, which said 10 swaps had taken place.").source == "Qatar"


def test_position_before_or_after_the_content() -> None:
    assert one("Food inflation slowed to 12%, the bureau said.").position == "post"
    assert one("The bureau said on Monday that food inflation slowed to 12%.").position == "pre"
    assert one("Turnout was 81.8%, the commission said, with 204 million registered.").position == "both"
    assert one("According to the army, 14 villages were reached.").position == "pre"


def test_pronouns_and_elided_subjects_are_marked() -> None:
    assert found("It said 52 people were missing.") == [("it", "pre", "pronoun")]
    assert ("", "pre", "elided") in found("It put the number at 18 and said three were missing.")


def test_not_cues() -> None:
    assert found("An estimated 2.6 million people have been displaced by fighting.") == []
    assert found("More than 300 aftershocks have been recorded.") == []
    assert found("Rescuers searched for 16 people reported missing.") == []
    assert found("It was reviewing reports of civilian casualties.") == []
    assert found("China and African states signed 30 agreements.") == []
    assert found("Output rose to 2 million barrels per day.") == []
    assert found("A donor conference on Monday raised pledges of more than $2 billion.") == []


def test_cues_inside_a_quotation_are_ignored() -> None:
    text = '"The ministry said 300 died," Wong told reporters.'
    assert [c.source for c in cues(text, 0, len(text), [(0, 29)])] == ["Wong"]


def test_clean_drops_cue_words_and_data_nouns() -> None:
    assert clean("the latest figures from the International Organization for Migration") == "International Organization for Migration"
    assert clean("UNRWA estimates") == "UNRWA"
    assert clean("the UN's tally") == "UN"
    assert clean("Israeli tallies") == "Israeli tallies"
    assert clean("a tally of hospital records") == "hospital records"
    assert clean("Kenya itself") == "Kenya"
    assert clean("the National Electoral Institute's quick count") == "National Electoral Institute"
