"""Sentence and paragraph segmentation of news prose, in linear time.

A sentence ends at ``.``, ``!`` or ``?`` (plus closing quotes or brackets) before white
space and a capital, digit or quote, unless the word before the stop is a known
abbreviation ("Oct.", "Mr.", "U.S.") or a single initial. A line break ends a sentence and a
paragraph unless the next line starts in lower case, or the text is hard-wrapped (most lines
of similar width) and the line runs to that width without a closing stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt cmdr adm maj gov sen rep rev st jr sr co corp inc ltd
    no nos vs etc approx est dept univ fig jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun u.s u.n u.k e.u a.m p.m i.e e.g mt ft pres""".split()
)
_STOP = re.compile(r"(?<![.!?])[.!?]+[\"'\u2019\u201d)\]]*(?=\s+[\"'\u2018\u201c(\[]?[A-Z0-9])")
_BREAK = re.compile(r"(?<![ \t])[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*")
# Longer sentences are cut: no news sentence is this long, and per-figure work scans its sentence.
MAX_SENTENCE = 1000
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,12})$")


# A dateline or a live blog's time stamp opening a sentence: "GAZA -- ", "SANAA, Yemen -- ",
# "PORTO ALEGRE, Brazil, May 10 - ", "11:15 - ". Not part of the sentence's grammar.
DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z0-9][\w .'-]{0,30}?){0,3}|\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?)\s*(?:--|\u2014|\u2013|-)\s"
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the sentence text[start:end] begins once a dateline opening it is left out."""
    m = DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


@dataclass(frozen=True)
class Sentence:
    """A view (start, end) into a document's text; ``paragraph`` counts from 0."""

    start: int
    end: int
    paragraph: int
    index: int


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, stop - 13), stop)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if m.start() > 0 and text[m.start() - 1].isdigit():
        return False  # "$3m." or "1.5bn." ends a sentence: a scale, not an initial
    return word in ABBREVIATIONS or len(word) == 1


def _hard_wrapped(text: str) -> int:
    """The wrap width when text looks hard-wrapped (most lines 50-100 characters), else 0."""
    lengths = sorted(len(line) for line in text.splitlines() if line.strip())
    if len(lengths) < 4:
        return 0
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    return p90 if 50 <= p90 <= 100 and sum(1 for n in lengths if n >= 0.6 * p90) >= 3 else 0


def _line_ends(text: str) -> list[tuple[int, int, bool]]:
    """(break start, break end, is paragraph break) for each break that ends a sentence."""
    out: list[tuple[int, int, bool]] = []
    width = _hard_wrapped(text)
    line_start = 0
    for m in _BREAK.finditer(text):
        nxt = text[m.end():m.end() + 1]
        blank = m.group(0).count("\n") + m.group(0).count("\r") - m.group(0).count("\r\n") > 1
        prev = text[max(line_start, m.start() - 1):m.start()]
        wrapped = width and m.start() - line_start >= 0.6 * width and prev not in (".", "!", "?", ":", '"', "\u201d")
        line_start = m.end()
        if blank or not nxt or not (nxt.islower() or nxt.isdigit() or wrapped):
            out.append((m.start(), m.end(), True))
    return out


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences with paragraph numbers; spans exclude surrounding space.
    (A ``Document`` keeps its own: ``Document.sentences``.)"""
    cuts: list[tuple[int, int, bool]] = []
    for m in _STOP.finditer(text):
        if not _is_abbreviation(text, m.start()):
            cuts.append((m.end(), m.end(), False))
    cuts.extend(_line_ends(text))
    cuts.sort()
    out: list[Sentence] = []
    start, paragraph, seen = 0, 0, False
    for cut_start, cut_end, new_paragraph in cuts + [(len(text), len(text), True)]:
        seen = _add(out, text, start, cut_start, paragraph) or seen
        if new_paragraph and seen:
            paragraph, seen = paragraph + 1, False
        start = max(start, cut_end)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> bool:
    """Append text[start:end] trimmed; a run longer than MAX_SENTENCE (a table, a pasted log)
    is cut at white space into pieces, so that work per figure stays bounded by it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    added = False
    while end - start > MAX_SENTENCE:
        space = max(text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE), text.rfind("\t", start + MAX_SENTENCE // 2, start + MAX_SENTENCE))
        cut = space if space > start else start + MAX_SENTENCE
        added = _add(out, text, start, cut, paragraph) or added
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, paragraph, len(out)))
        return True
    return added
