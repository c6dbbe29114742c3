"""The ``Document``: an article's text, its checkable prose, line map, sentences and parses.

Like a spaCy ``Doc``, a document owns its text and the annotations on it: sentences are split
once (``sentences``), and the sentences that hold figures are parsed once, on request
(``parsed``); every span handed between stages is a view (start, end) into ``text``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from factcheck.language.parse import Parse, parse_spans
from factcheck.language.segment import Sentence, after_dateline, sentences
from factcheck.read.markup import prose

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Document:
    """A decoded article. ``text`` is the original; ``checked`` is the prose to check."""

    path: str
    text: str
    kind: str = "text"
    encoding: str = "utf-8"
    checked: str = ""
    front_matter: dict[str, str] = field(default_factory=dict)
    _parses: dict[int, Parse] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", kind: str | None = None, encoding: str = "utf-8") -> Document:
        kind = kind or kind_of(path)
        checked, front = prose(text, kind)
        return cls(path=path, text=text, kind=kind, encoding=encoding, checked=checked, front_matter=front)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of the checked prose, split once and shared by every stage."""
        return sentences(self.checked)

    def parsed(self, indices: Iterable[int]) -> dict[int, Parse]:
        """The parses of these sentences (by index); each sentence is parsed once, those not
        parsed yet together in one batch. A dateline opening a sentence ("SANAA, Yemen -- ") is
        left out of its parse: the parser would make the city the sentence's subject."""
        wanted = sorted(set(indices))
        missing = [i for i in wanted if i not in self._parses]
        if missing:
            spans = [(after_dateline(self.checked, s.start, s.end), s.end) for s in (self.sentences[i] for i in missing)]
            self._parses.update(zip(missing, parse_spans(self.checked, spans)))
        return {i: self._parses[i] for i in wanted}

    def parse(self, index: int) -> Parse:
        """The parse of sentence ``index`` (parsed now if it was not yet)."""
        return self.parsed((index,))[index]

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


def kind_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"
