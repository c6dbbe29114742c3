"""The kind of event a figure's copy names ("the earthquake", "floods", "the cyclone"): the
series of one event (a disaster, an epidemic, a protest wave) judge only figures about that
kind of event, and those figures are judged only by such series.

The words are data (``data/event-kinds.txt``); the figure's sentence is read first, then the
sentence before it in its paragraph, then the headline and the lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from factcheck.language.lexicon import entries
from factcheck.language.segment import Sentence
from factcheck.language.trie import alternation


@lru_cache(maxsize=1)
def _kinds() -> tuple[dict[str, str], re.Pattern[str]]:
    """Word (lower case, hyphens as spaces) -> kind, and one pattern finding any word."""
    kinds: dict[str, str] = {}
    for entry in entries("extract", "event-kinds"):
        kind, _, names = entry.partition(":")
        for name in names.split():
            kinds[name.replace("-", " ")] = kind.strip()
    return kinds, re.compile(rf"\b(?:{alternation(kinds)})\b", re.I)


def event_of(text: str, sentences: Sequence[Sentence], index: int, headline: Sentence | None) -> str | None:
    """The kind of event named nearest the figure in sentences[index]: in its sentence, the
    sentence before it in the paragraph, the headline, or the lead sentence."""
    sentence = sentences[index]
    places: list[Sentence] = [sentence]
    if index > 0 and sentences[index - 1].paragraph == sentence.paragraph and sentences[index - 1] is not headline:
        places.append(sentences[index - 1])
    if headline is not None:
        places.append(headline)
    lead = next((s for s in sentences if s is not headline), None)
    if lead is not None:
        places.append(lead)
    kinds, pattern = _kinds()
    for place in places:
        m = pattern.search(text[place.start:place.end].replace("-", " "))
        if m:
            return kinds.get(" ".join(m.group(0).lower().split()))
    return None
