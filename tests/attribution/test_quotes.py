"""Quotations (``attribution/quotes.py``): a figure inside one belongs to its speaker."""

from __future__ import annotations

from factcheck.attribution.quotes import quotations
from factcheck.read.document import Document


def test_speaker_after_or_before_the_quotation(sources) -> None:
    assert sources('"We have recovered 48 bodies so far," the fire chief told reporters.') == [("48", "fire chief")]
    assert sources('The fire chief told reporters: "We have recovered 48 bodies so far."') == [("48", "fire chief")]


def test_a_quotation_runs_on_with_its_speaker(sources) -> None:
    text = '"The water came at night," said Tomas Berg, the town\'s mayor. "At least 20 houses were swept away."'
    assert sources(text) == [("At least 20", "Tomas Berg")]


def test_a_quotation_does_not_lend_its_speaker_across_paragraphs(sources) -> None:
    text = '"Nothing is left," the mayor said.\n\n"We counted 30 houses," a resident added.'
    assert sources(text) == [("30", "resident")]


def test_the_reporters_voice_resumes_after_a_quotation(sources) -> None:
    text = '"There are about 70 bodies under the rubble," the rescue leader told reporters. The toll in the next province stands at 20.'
    assert sources(text) == [("about 70", "rescue leader"), ("20", None)]


def test_quotations_pair_per_paragraph() -> None:
    text = 'He said "one" and "two".\n\nShe said "three'
    doc = Document.from_text(text)
    spans = [doc.checked[a:b] for a, b in quotations(doc.checked, doc.sentences)]
    assert spans == ['"one"', '"two"', '"three']
