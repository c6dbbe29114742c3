from __future__ import annotations

import datetime as dt

from factcheck.pipeline import Checker, check


def sources(checker: Checker, text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.source) for c in check(text, published=dt.date(2024, 7, 27), checker=checker).claims]


def test_according_to_after_the_figure(checker: Checker) -> None:
    text = "More than 39,000 Palestinians have been killed, according to Palestinian health authorities, who do not distinguish."
    assert sources(checker, text) == [("More than 39,000", "Palestinian health authorities")]


def test_one_cue_covers_several_figures(checker: Checker) -> None:
    text = "Hamas attacked on Oct. 7, killing 1,200 people and abducting some 250 others, according to Israeli tallies."
    assert sources(checker, text) == [("1,200", "Israeli tallies"), ("some 250", "Israeli tallies")]


def test_pronoun_carries_the_source(checker: Checker) -> None:
    text = (
        "Israeli officials estimate that some 14,000 fighters have been killed, out of a force they "
        "estimated to number more than 25,000."
    )
    assert sources(checker, text) == [("some 14,000", "Israeli officials"), ("more than 25,000", "Israeli officials")]


def test_short_reference_in_a_later_sentence(checker: Checker) -> None:
    text = "Gaza's Health Ministry said 40,005 people had been killed. The ministry added that 92,401 were wounded."
    assert sources(checker, text) == [("40,005", "Gaza's Health Ministry"), ("92,401", "Gaza's Health Ministry")]


def test_quotation_goes_to_its_speaker(checker: Checker) -> None:
    text = '"We have counted 300 dead," Wong told reporters.'
    assert sources(checker, text) == [("300", "Wong")]


def test_reporter_voice_has_no_source(checker: Checker) -> None:
    text = "The UN said 20 trucks arrived.\n\nAn estimated 2.6 million people have been displaced by fighting."
    assert sources(checker, text)[-1] == ("An estimated 2.6 million", None)


def test_canonical_source_through_aliases(checker: Checker) -> None:
    text = "More than 39,000 people have been killed in Gaza, according to Palestinian health authorities."
    (claim,) = check(text, published=dt.date(2024, 7, 27), checker=checker).claims
    assert claim.canonical_source == "Gaza Ministry of Health"


def test_quotation_continues_with_the_same_speaker(checker: Checker) -> None:
    text = '"Nothing is left," Mayor Lina Sousa said. "Forty homes burned."\n\nThe agency says 12 people died.'
    assert sources(checker, text) == [("Forty", "Mayor Lina Sousa"), ("12", "agency")]


def test_speaker_before_a_quotation(checker: Checker) -> None:
    text = 'Mayor Lina Sousa told reporters: "We have counted 40 bodies."'
    assert sources(checker, text) == [("40", "Mayor Lina Sousa")]


def test_bare_cue_in_the_next_sentence(checker: Checker) -> None:
    text = "Some 300 people died. That is according to the National Emergency Operation Centre."
    assert sources(checker, text) == [("Some 300", "National Emergency Operation Centre")]


def test_bare_cue_does_not_reach_into_a_new_paragraph(checker: Checker) -> None:
    text = "Some 300 people died.\n\nThe figures were provisional, the centre said."
    assert sources(checker, text) == [("Some 300", None)]


def test_citing_names_the_original_source(checker: Checker) -> None:
    text = "A local committee said 56 people were killed in the past week, citing hospital doctors."
    assert sources(checker, text) == [("56", "hospital doctors")]


def test_short_reference_through_source_aliases(checker: Checker) -> None:
    text = (
        "Nearly 90,000 people have fled their homes, according to the International Organization for Migration. "
        "The UN agency said about 1,300 were living in shelters."
    )
    assert sources(checker, text) == [
        ("Nearly 90,000", "International Organization for Migration"),
        ("about 1,300", "International Organization for Migration"),
    ]


def test_it_said_and_elided_subject(checker: Checker) -> None:
    text = "Rescuers pulled eight people out alive, the State Emergency Service said. It put the number of injured at 18 and said at least three people were missing."
    assert [s for _, s in sources(checker, text)] == ["State Emergency Service"] * 3


def test_a_new_source_in_the_same_sentence(checker: Checker) -> None:
    text = "The coast guard said at least 78 people died, and UN agencies said hundreds more were missing."
    assert sources(checker, text) == [("at least 78", "coast guard"), ("hundreds", "UN agencies")]


def test_a_cue_naming_the_toll_reaches_back_across_a_paragraph(checker: Checker) -> None:
    text = (
        "The storm killed at least 12 people and injured more than 300.\n\n"
        "The national disaster agency confirmed the toll on Friday. Roads stayed closed."
    )
    assert sources(checker, text) == [("at least 12", "national disaster agency"), ("more than 300", "national disaster agency")]


def test_a_new_paragraph_without_such_a_cue_does_not_attribute_back(checker: Checker) -> None:
    text = "The storm killed at least 12 people.\n\nThe agency said roads would reopen on Friday."
    assert sources(checker, text) == [("at least 12", None)]


def test_a_breakdown_keeps_the_source_of_the_figure_it_breaks_down(checker: Checker) -> None:
    text = "At least 230 people have been killed, according to an AFP tally. They include at least 40 civilians."
    assert sources(checker, text) == [("At least 230", "AFP"), ("at least 40", "AFP")]
