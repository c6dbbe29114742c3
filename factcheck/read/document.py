"""The ``Document``: an article's text, its checkable prose, line map and sentences."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from factcheck.language.segment import Sentence, sentences
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

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", kind: str | None = None, encoding: str = "utf-8") -> Document:
        kind = kind or kind_of(path)
        checked, front = prose(text, kind)
        return cls(path=path, text=text, kind=kind, encoding=encoding, checked=checked, front_matter=front)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of the checked prose, split once and shared by every stage."""
        return sentences(self.checked)

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
