"""Text that hides digits: a normalised view for the number grammar, every offset mapped back.

Copy pasted from web pages and word processors carries characters a reader does not see or
reads as something else: zero-width spaces and joiners, soft hyphens, word joiners, byte-order
marks and bidi controls inside a figure ("39,<ZWSP>000"), thin and narrow no-break spaces
(typographic digit grouping, "39 000"), the minus sign U+2212, fullwidth and other-script
digits ("３９", "٣٩"). ``view(text)`` returns the text as a reader sees it:

- invisible characters are removed (a reader sees the digits joined, so does the grammar);
- every kind of space becomes " ", and the positions that held a space other than U+0020 are
  remembered (``odd``): such a space between digits that is not digit grouping makes the
  figure unreadable rather than two figures;
- U+2212 and other minus or hyphen forms become "-", the fraction slash "/", decimal digits of
  any script their ASCII digit;
- a span under a right-to-left override (U+202E up to U+202C, U+2069 or the end of the line)
  that holds a digit is ``unreadable``: it is displayed in an order the text does not have.

``View.span(start, end)`` maps a span of the view back to the original text, so
``text[start:end]`` is always what the copy says. Text with none of these characters (most
copy) is its own view: one scan, no copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_MINUS = "\u2212\ufe63\uff0d\u2010\u2011"
_SLASH = "\u2044\u2215"
_OVERRIDE = re.compile("\u202e[^\u202c\u2069\n\r]*")
_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit of another script
_SPECIAL = re.compile(f"[{INVISIBLE}{SPACES}{_MINUS}{_SLASH}\uff05\uff0c\uff0e]")
_TABLE = (
    {ord(c): " " for c in SPACES} | {ord(c): "-" for c in _MINUS} | {ord(c): "/" for c in _SLASH}
    | {0xFF05: "%", 0xFF0C: ",", 0xFF0E: "."}
)


def _ascii_digit(m: re.Match[str]) -> str:
    return str(unicodedata.digit(m.group(0)))


@dataclass(frozen=True)
class View:
    """The text as a reader sees it, with the way back to the original's offsets."""

    text: str
    origin: tuple[int, ...] | None = None  # origin[i]: the original offset of view character i
    length: int = 0  # the original text's length
    odd: frozenset[int] = frozenset()  # view offsets of spaces other than U+0020
    unreadable: tuple[tuple[int, int, str], ...] = ()  # (start, end, reason), view offsets

    def offset(self, i: int) -> int:
        """The original offset of view offset i (a start)."""
        if self.origin is None:
            return i
        return self.origin[i] if i < len(self.origin) else self.length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of view span [start, end)."""
        if self.origin is None:
            return start, end
        return self.offset(start), (self.origin[end - 1] + 1 if end > start else self.offset(start))


def view(text: str) -> View:
    """The normalised view of text (text itself when nothing in it needs normalising)."""
    if text.isascii() or _SPECIAL.search(text) is None and _OTHER_DIGIT.search(text) is None:
        return View(text, None, len(text))
    overrides = [m.span() for m in _OVERRIDE.finditer(text) if any(c.isdigit() for c in m.group(0))]
    mapped = _OTHER_DIGIT.sub(_ascii_digit, text.translate(_TABLE))
    odd = {i for i, c in enumerate(text) if c in SPACES} if any(c in text for c in SPACES) else set()
    if not any(c in text for c in INVISIBLE):
        return View(mapped, None, len(text), frozenset(odd), tuple((s, e, "bidi-override") for s, e in overrides))
    kept = [i for i, c in enumerate(text) if c not in INVISIBLE]
    index = {o: v for v, o in enumerate(kept)}
    out = "".join(mapped[i] for i in kept)

    def to_view(o: int) -> int:
        while o < len(text) and o not in index:
            o += 1
        return index.get(o, len(out))

    return View(
        out, tuple(kept), len(text), frozenset(index[i] for i in odd),
        tuple((to_view(s), to_view(e), "bidi-override") for s, e in overrides),
    )
