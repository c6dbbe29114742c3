"""The kind of event a figure's copy names ("the earthquake", "floods", "the cyclone"): the
series of one event (a disaster, an epidemic, a wave of explosions) judge only figures about that
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


class Events:
    """The kinds of event named in a document's sentences, each sentence searched once."""

    def __init__(self, text: str, sentences: Sequence[Sentence], headline: Sentence | None) -> None:
        self.text = text
        self.sentences = sentences
        self.headline = headline
        self._named: dict[int, str | None] = {}

    def _in(self, sentence: Sentence) -> str | None:
        if sentence.index not in self._named:
            kinds, pattern = _kinds()
            m = pattern.search(self.text[sentence.start:sentence.end].replace("-", " "))
            self._named[sentence.index] = kinds.get(" ".join(m.group(0).lower().split())) if m else None
        return self._named[sentence.index]

    def of(self, index: int) -> str | None:
        """The kind of event named nearest the figure in sentences[index]: in its sentence,
        the sentence before it in the paragraph, the headline, or the lead sentence."""
        sentences, headline = self.sentences, self.headline
        sentence = sentences[index]
        places: list[Sentence] = [sentence]
        if index > 0 and sentences[index - 1].paragraph == sentence.paragraph and sentences[index - 1] is not headline:
            places.append(sentences[index - 1])
        if headline is not None:
            places.append(headline)
        lead = next((s for s in sentences if s is not headline), None)
        if lead is not None:
            places.append(lead)
        return next((kind for kind in map(self._in, places) if kind is not None), None)
