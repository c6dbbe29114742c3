"""Ranges: two numbers joined into one figure with a high end ("between 10 and 15", "10-15",
"10–15", "10 to 15", "from 1,000 to 1,500", "20 through 100", "20~100", "648 or 650", "two
or three"), the scale shared ("1-2 million", "between 1 and 2 million", "5k-20k"), and two
qualified figures that bound one quantity ("more than 20 and fewer than 35", "at most 100
and at least 20", "between 10 and more than 15").

A change is not a range: "rose from 10 to 15", "rose by 13,000 to 1.834 million", "fell
2.4% to $80.86" are two figures (the verbs of change are ``data/change-verbs.txt``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.extract import qualifier
from factcheck.extract.quantity import Number
from factcheck.language.lexicon import words
from factcheck.language.segment import Sentence

_JOIN = re.compile(r"\s{0,3}(?:-|\u2013|\u2014|~|to|and|or|through|thru)\s{0,3}$", re.I)
_BETWEEN = re.compile(r"\bbetween\s{1,3}$", re.I)
_FROM = re.compile(r"\bfrom\s{1,3}$", re.I)
_OPENS = re.compile(r"\b(?:between|from)\s{1,3}$", re.I)
_BY = re.compile(r"\bby\s{1,3}$", re.I)
_PAIR = re.compile(r"\s{0,3}(?:and|but|,|, and|, but)\s{0,3}$", re.I)
_WORD_BEFORE = re.compile(r"(\w+)\s{1,3}(?:(?:\w+)\s{1,3})?$")
MAX_GAP = 40


def _changes() -> frozenset[str]:
    return words("extract", "change-verbs")


def _is_year(n: Number, text: str) -> bool:
    surface = text[n.start:n.end]
    return len(surface) == 4 and surface.isdigit() and 1800 <= n.value <= 2100


def _a_change(text: str, start: int, floor: int) -> bool:
    """A verb of change right before (one word between at most): "rose 5% to", "fell from"."""
    m = _WORD_BEFORE.search(text, max(floor, start - 30), start)
    if m is None:
        return False
    found = re.findall(r"\w+", m.group(0).lower())
    return any(w in _changes() for w in found)


def join_range(text: str, first: Number, second: Number | None, sentence: Sentence) -> tuple[Number, float] | None:
    """Two numbers as one figure with a high end, or None when they are two figures."""
    if second is None or second.start >= sentence.end or second.start - first.end > MAX_GAP:
        return None
    if first.unreadable or second.unreadable or first.compound or first.vague or second.vague:
        return None
    if (first.percent or second.percent) and (first.unit or second.unit):
        return None  # "fell 2.4% to $80.86" is a change, not a range
    if first.percent and not second.percent or first.unit and second.unit and first.unit != second.unit:
        return None
    if _is_year(first, text) and _is_year(second, text):
        return None  # "in 2019 or 2020"
    floor = sentence.start
    q_first, first_start = qualifier.before(text, first.start, first.end, floor)
    q_second, second_start = qualifier.before(text, second.start, second.end, first.end)
    gap = text[first.end:second_start]
    if q_second is not None:
        return _pair(text, first, second, q_first, q_second, gap, first_start)
    m = _JOIN.match(gap)
    if not m:
        return None
    word = gap.strip().lower()
    if second.percent and not first.percent and word not in ("-", "\u2013", "to"):
        return None
    between = _BETWEEN.search(text, max(floor, first_start - 12), first_start)
    if word == "and" and not between:
        return None
    if word == "to" and (_BY.search(text, max(floor, first_start - 6), first_start) or _a_change(text, first_start, floor)):
        return None  # "rose by 13,000 to 1.834 million", "rose 5 to 10"
    from_ = _FROM.search(text, max(floor, first_start - 8), first_start) if word == "to" else None
    if from_ is not None and _a_change(text, from_.start(), floor):
        return None  # "rose from 10 to 15"
    if word == "or" and not (first.words and second.words or second.value <= 2 * first.value):
        return None
    return _merge(first, second)


def range_start(text: str, start: int, floor: int) -> int:
    """Where a range's span starts: "between" and "from" before its low end join it."""
    m = _OPENS.search(text, max(floor, start - 12), start)
    return m.start() if m else start


def _pair(
    text: str, first: Number, second: Number, q_first: object, q_second: object, gap: str, first_start: int,
) -> tuple[Number, float] | None:
    """'more than 20 and fewer than 35', 'at most 100 and at least 20', 'between 10 and more than 15'."""
    if _PAIR.match(gap) is None:
        return None
    if _BETWEEN.search(text, max(0, first_start - 12), first_start) and gap.strip().lower() == "and":
        return _merge(first, second)
    if q_first in qualifier.LOWER and q_second in qualifier.UPPER:
        return _merge(first, second)
    if q_first in qualifier.UPPER and q_second in qualifier.LOWER and second.value < first.value:
        low = replace(second, start=first.start, end=second.end)
        return low, first.value
    return None


def _merge(first: Number, second: Number) -> tuple[Number, float] | None:
    low = first.value
    if second.step > first.step * 100 and low < second.value / second.step * 10:
        factor = second.step if second.step >= 1000 else 1
        low = first.value * factor  # "1-2 million": the scale is shared
    if not low < second.value:
        return None
    scaled_step = first.step * (low / first.value) if first.value else first.step
    merged = replace(
        first, end=second.end, value=low, step=min(scaled_step, second.step), words=first.words and second.words,
        percent=second.percent, unit=second.unit or first.unit, compound=second.compound, share=first.share and second.share,
    )
    return merged, second.value
