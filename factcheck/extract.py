"""Extract stage: the checkable figures of a document, each a view into its text.

Numbers come from ``numbers``; this stage decides which are *claims* (not referential
numerals such as "the two countries", not a bare "one"), joins ranges, reads qualifiers,
and asks ``context`` what each figure counts, who and where, and ``dates`` since when.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import replace

from . import context, dates
from .models import Figure, Qualifier
from .numbers import SPAN_COMPOUNDS, Number, find_numbers
from .places import Gazetteer
from .read import Document
from .refs import Aliases
from .segment import Sentence, sentences

_QUALIFIERS = (
    (Qualifier.at_most, r"at most|no more than|a maximum of|not more than"),
    (Qualifier.at_least, r"at least|no fewer than|no less than|a minimum of|not less than"),
    (Qualifier.more_than, r"more than|over|upwards of|in excess of|above|just over|well over|greater than|exceeding|beyond"),
    (Qualifier.nearly, r"nearly|almost|close to|just under|just shy of|approaching|not quite"),
    (Qualifier.less_than, r"fewer than|less than|under|below|just below"),
    (Qualifier.up_to, r"up to|as many as|as much as"),
    (Qualifier.approx, r"some|about|around|roughly|approximately|an estimated|estimated|an approximate|approx\.|circa|c\.|almost exactly|a reported|an average of|on average"),
)
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?P<q>" + "|".join(f"(?P<{q.value}>{p})" for q, p in _QUALIFIERS) + r")[ \u00a0]+$", re.I
)
_QUALIFIER_AFTER = re.compile(r"(?P<more>\+| or more\b| and more\b| plus\b)|(?P<approx> or so\b)|(?P<less> or (?:fewer|less)\b)", re.I)
_DETERMINER = re.compile(r"(?:\b(?:the|these|those|both|its|their|his|her|our|your|my|all|first|last|other|next)|'s|\u2019s)[ \u00a0]+$", re.I)
_RANGE_JOIN = re.compile(r"[ \u00a0]*(?:-|\u2013|\u2014|to|and|or)[ \u00a0]*$", re.I)
_PERSON_AFTER_ONE = re.compile(
    r"[ \u00a0]+(?:(?:more|other|further|additional) )?(?:person|child|man|woman|soldier|civilian|journalist|hostage|"
    r"fighter|officer|worker|policeman|Palestinian|Israeli|Ukrainian|Russian|citizen|resident|migrant|refugee|patient)\b",
    re.I,
)
_NOUN_AFTER_YEAR = re.compile(r"[ \u00a0]+(?:people|[a-z]+s)\b")
_YEARS_WORD = re.compile(r"[ \u00a0]+years?\b", re.I)
_REFERENTIAL_MAX = 12
_MAX_NUMBERS_PER_DOC = 20000


def extract(
    doc: Document, aliases: Aliases, gazetteer: Gazetteer, published: dt.date | None,
    organisations: context.Organisations | None = None,
) -> list[Figure]:
    """Every claim-like figure of doc, in text order, with qualifier, metric, subject, place and period."""
    text = doc.checked
    sents = sentences(text)
    if not sents:
        return []
    starts = [s.start for s in sents]
    numbers = find_numbers(text)[:_MAX_NUMBERS_PER_DOC]
    headline = sents[0] if sents[0].paragraph == 0 and not text[sents[0].end - 1:sents[0].end] in ".!?" else None
    figures: list[Figure] = []
    i = 0
    while i < len(numbers):
        number = numbers[i]
        index = max(0, bisect_right(starts, number.start) - 1)
        sentence = sents[index]
        partner = numbers[i + 1] if i + 1 < len(numbers) else None
        joined = _join_range(text, number, partner, sentence)
        i += 2 if joined else 1
        high = None
        if joined is not None:
            number, high = joined
        elif not _is_claim(text, number, sentence):
            continue
        figures.append(_figure(text, number, high, sents, index, aliases, gazetteer, headline, published, organisations))
    return figures


def _is_claim(text: str, number: Number, sentence: Sentence) -> bool:
    before = text[max(sentence.start, number.start - 30):number.start]
    if number.compound:
        return number.compound in SPAN_COMPOUNDS
    if number.unit or number.percent or number.vague:
        return True
    if number.words and number.value == 1 and not _PERSON_AFTER_ONE.match(text, number.end):
        return False
    if number.value <= _REFERENTIAL_MAX and _DETERMINER.search(before) and not _QUALIFIER_BEFORE.search(before):
        return False
    if 1800 <= number.value <= 2100 and number.step >= 1 and not number.words:
        after = text[number.end:number.end + 12]
        return bool(re.search(r"\b(?:since|in|from|until|till|by|of)\s+$", before)) and not _NOUN_AFTER_YEAR.match(after)
    return True


def _join_range(text: str, first: Number, second: Number | None, sentence: Sentence) -> tuple[Number, float] | None:
    """'between 10 and 15', '10-15', '10 to 15', 'two or three' as one number with a high end."""
    if second is None or second.start >= sentence.end or second.start - first.end > 6:
        return None
    gap = text[first.end:second.start]
    m = _RANGE_JOIN.match(gap)
    if not m or first.percent and not second.percent and gap.strip() not in ("-", "\u2013", "to"):
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


def _qualifier(text: str, number: Number, sentence_start: int) -> tuple[Qualifier, int, int]:
    """(qualifier, new start, new end): qualifier words join the figure's span."""
    start, end = number.start, number.end
    m = _QUALIFIER_BEFORE.search(text, max(sentence_start, start - 25), start)
    after = _QUALIFIER_AFTER.match(text, end)
    if m:
        qualifier = Qualifier(next(k for k, v in m.groupdict().items() if v and k != "q"))
        start = m.start()
        article = re.search(r"\b[Aa]n?[ \u00a0]+$", text[max(sentence_start, start - 3):start])
        if qualifier is Qualifier.approx and article and m.group("q").lower().startswith("estimated"):
            start -= len(article.group(0))
        return qualifier, start, end
    if after:
        if after.group("more"):
            return (Qualifier.more_than if after.group(0) == "+" else Qualifier.at_least), start, after.end()
        if after.group("approx"):
            return Qualifier.approx, start, after.end()
        return Qualifier.at_most, start, after.end()
    if number.vague:
        return Qualifier.at_least, start, end
    return Qualifier.exact, start, end


def _figure(
    text: str, number: Number, high: float | None, sents: list[Sentence], index: int,
    aliases: Aliases, gazetteer: Gazetteer, headline: Sentence | None, published: dt.date | None,
    organisations: context.Organisations | None,
) -> Figure:
    sentence = sents[index]
    qualifier, start, end = _qualifier(text, number, sentence.start)
    if high is not None:
        qualifier = Qualifier.range
        between = re.search(r"\bbetween[ \u00a0]+$", text[max(sentence.start, start - 9):start], re.I)
        if between:
            start -= len(between.group(0))
    metric = context.metric_of(text, number, sentence, end)
    metric = aliases.canonical("metric", metric) or metric
    years_word = _YEARS_WORD.match(text, end) if metric == "years" else None
    if years_word:
        end = years_word.end()
    subject = context.subject_of(text, end, sentence.end, metric)
    if metric == "members" and organisations is not None:
        subject = organisations.nearest_before(text, sentence.end, max(0, sentence.start - 2000))
    location = context.location_of(text, sents, index, number, gazetteer, headline)
    period = dates.period_start(text[start:sentence.end], published) if metric != "years" else None
    return Figure(
        start=start, end=end, value=number.value, high=high, qualifier=qualifier, step=number.step,
        vague=number.vague, unit=number.unit, metric=metric, subject=subject,
        location=location, period_start=period, sentence_start=sentence.start, sentence_end=sentence.end,
    )
