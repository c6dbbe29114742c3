from __future__ import annotations

from factcheck.language.segment import sentences


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "The war began on Oct. 7 in southern Israel. Mr. Smith said 20 died. The U.S. agreed."
    assert _texts(text) == ["The war began on Oct. 7 in southern Israel.", "Mr. Smith said 20 died.", "The U.S. agreed."]


def test_lines_and_paragraphs() -> None:
    text = "Headline here\n\nFirst sentence. Second one.\nNew paragraph line."
    found = sentences(text)
    assert [text[s.start:s.end] for s in found] == ["Headline here", "First sentence.", "Second one.", "New paragraph line."]
    assert [s.paragraph for s in found] == [0, 1, 1, 2]


def test_hard_wrapped_text_is_joined() -> None:
    line = "Officials said that more than 40,000 people had been killed in the war, according to"
    text = "\n".join([line, "Gaza's health ministry, which does not distinguish civilians from fighters in its", "count of the dead.", line, "the ministry."])
    first = _texts(text)[0]
    assert first.endswith("count of the dead.") and "Gaza's health ministry" in first


def test_quotes_close_sentences() -> None:
    assert _texts('"We will not stop," she said. Then 12 left.') == ['"We will not stop," she said.', "Then 12 left."]


def test_a_scale_letter_after_digits_is_not_an_initial() -> None:
    assert _texts("Donors pledged $3m. Another 40 gave food.") == ["Donors pledged $3m.", "Another 40 gave food."]
    assert _texts("Officials met J. Smith.") == ["Officials met J. Smith."]
