"""Direct quotations and their speakers.

Quotation marks pair up within a paragraph; an unclosed quotation runs to the paragraph's
end. A figure inside one belongs to the quotation's speaker: the reporting cue that covers
it on the parse ('"We counted 300 bodies," the governor told reporters'), else the cue right
after the quotation or right before it ('X told reporters: "..."'), else the speaker of the
paragraph's previous quotation (a quotation that runs on over several sentences).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.language.segment import Sentence

_QUOTE_CHARS = '"\u201c\u201d'
_NEAR = 400
_BEFORE = re.compile(r"[ ,:]*(?:\S+ *){0,4}")


@dataclass(frozen=True)
class Said:
    """A resolved cue anywhere in the document: its words' span and its source."""

    start: int
    end: int
    source: str | None
    phrase: str | None = None
    relay: str | None = None


def quotations(text: str, sents: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Direct quotations, paired per paragraph, in text order."""
    paragraphs: dict[int, list[int]] = {}
    for s in sents:
        span = paragraphs.setdefault(s.paragraph, [s.start, s.end])
        span[1] = s.end
    out: list[tuple[int, int]] = []
    for start, end in paragraphs.values():
        opened: int | None = None
        for i in range(start, end):
            ch = text[i]
            if ch not in _QUOTE_CHARS:
                continue
            if opened is None and ch != "\u201d":
                opened = i
            elif opened is not None and ch != "\u201c":
                out.append((opened, i + 1))
                opened = None
        if opened is not None:
            out.append((opened, end))
    return sorted(out)


def within(spans: Sequence[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted, not overlapping) that overlap [lo, hi)."""
    starts = [s for s, _ in spans]
    i = max(0, bisect_right(starts, lo) - 1)
    out = []
    while i < len(spans) and spans[i][0] < hi:
        if spans[i][1] > lo:
            out.append(spans[i])
        i += 1
    return out


def enclosing(spans: Sequence[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """The quotation an offset lies strictly inside."""
    inside = [q for q in within(spans, start, start + 1) if q[0] < start < q[1]]
    return inside[0] if inside else None


def adjacent(text: str, quote: tuple[int, int], cues: Sequence[Said]) -> Said | None:
    """The cue right after a quotation (same sentence, nothing but a few words between) or
    right before it, ending in a colon or comma."""
    start, end = quote
    for cue in cues:
        between = text[end:cue.start]
        if cue.source and cue.start >= end and len(between) < 120 and not any(ch in between for ch in '.!?"\u201c\u201d\n\r'):
            return cue
    for cue in cues:
        before = text[cue.end:start]
        if cue.source and cue.end <= start and "\n" not in before and _BEFORE.fullmatch(before) and before.strip().endswith((":", ",")):
            return cue
    return None


def speakers(text: str, quotes: Sequence[tuple[int, int]], sents: Sequence[Sentence], cues: Sequence[Said]) -> dict[tuple[int, int], Said | None]:
    """Each quotation's speaker (cues sorted by start): the adjacent cue, else the previous
    quotation's speaker in the same paragraph."""
    sentence_starts = [s.start for s in sents]
    cue_starts = [c.start for c in cues]
    out: dict[tuple[int, int], Said | None] = {}
    last: dict[int, Said | None] = {}
    for quote in quotes:
        at = bisect_right(sentence_starts, quote[0]) - 1
        paragraph = sents[at].paragraph if at >= 0 else -1
        lo, hi = bisect_right(cue_starts, quote[0] - _NEAR), bisect_right(cue_starts, quote[1] + _NEAR)
        found = adjacent(text, quote, [c for c in cues[lo:hi] if not (quote[0] <= c.start < quote[1])])
        out[quote] = found or last.get(paragraph)
        last[paragraph] = out[quote]
    return out
