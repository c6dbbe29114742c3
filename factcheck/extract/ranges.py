"""Ranges: two numbers joined into one figure with a high end ("between 10 and 15", "10-15",
"10 to 15", "two or three"), the scale shared ("1-2 million")."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.extract.quantity import Number
from factcheck.language.segment import Sentence

_RANGE_JOIN = re.compile(r"[ \u00a0]*(?:-|\u2013|\u2014|to|and|or)[ \u00a0]*$", re.I)


def join_range(text: str, first: Number, second: Number | None, sentence: Sentence) -> tuple[Number, float] | None:
    """'between 10 and 15', '10-15', '10 to 15', 'two or three' as one number with a high end."""
    if second is None or second.start >= sentence.end or second.start - first.end > 6:
        return None
    if (first.percent or second.percent) and (first.unit or second.unit) or first.compound:
        return None  # "fell 2.4% to $80.86" is a change, not a range
    if first.percent and not second.percent or first.unit and second.unit and first.unit != second.unit:
        return None
    gap = text[first.end:second.start]
    m = _RANGE_JOIN.match(gap)
    if not m or (second.percent and not first.percent and gap.strip() not in ("-", "\u2013", "to")):
        return None
    word = gap.strip().lower()
    between = re.search(r"\bbetween[ \u00a0]+$", text[max(0, first.start - 9):first.start], re.I)
    if word == "and" and not between:
        return None
    if word == "to" and re.search(r"\bfrom[ \u00a0]+$", text[max(0, first.start - 6):first.start], re.I):
        return None
    if word == "or" and not (first.words and second.words):
        return None
    low = first.value
    if second.step > first.step * 100 and low < second.value / second.step * 10:
        factor = second.step if second.step >= 1000 else 1
        low = first.value * factor
    if not low < second.value:
        return None
    scaled_step = first.step * (low / first.value) if first.value else first.step
    merged = replace(
        first, end=second.end, value=low, step=min(scaled_step, second.step), words=first.words and second.words,
        percent=second.percent, unit=second.unit or first.unit, compound=second.compound,
    )
    return merged, second.value


