"""Extract stage: the checkable figures of a document, each a view into its text.

Numbers come from ``quantity``; ``claimhood`` decides which are claims; this stage joins
ranges, reads qualifiers, parses the sentences that hold figures (once, in one batch: the
document keeps the parses for attribution), and asks ``describe`` what each figure counts and
who, ``place`` where, ``period`` since when and ``scope`` how it relates to the running total.
A headline figure that restates a body figure takes its metric; a breakdown of a casualty
figure counts what it counted.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter

from factcheck.errors import InputError
from factcheck.extract.claimhood import counts_nothing, is_claim
from factcheck.extract.describe import Organisations, describe
from factcheck.extract.event import Events
from factcheck.extract.period import period_start
from factcheck.extract.place import location_of
from factcheck.extract.qualifier import read_qualifier
from factcheck.extract.quantity import Number, find_numbers
from factcheck.extract.ranges import join_range, range_start
from factcheck.extract.scope import scope_of
from factcheck.extract.stated import stated_on
from factcheck.extract.syntax import anchor
from factcheck.language.gazetteer import Gazetteer
from factcheck.language.parse import Parse
from factcheck.language.segment import Sentence
from factcheck.models import CONTESTED_METRICS, Figure, Qualifier, Scope
from factcheck.read.document import Document
from factcheck.reference.aliases import Aliases

_YEARS_WORD = re.compile(r"[ \u00a0]+years?\b", re.I)
_SAME_PERIOD = re.compile(r"\b(?:over|in|during) the same period\b", re.I)
_NOT_A_LIST = re.compile(r"[;:()\u2014]|\b(?:but|while|whereas|compared|against|up from|down from|since)\b", re.I)
MAX_NUMBERS = 10_000
MAX_PARSED_FIGURES = 24  # a "sentence" with more figures is a table or a list: read from its words only
MIN_CHARS_PER_NUMBER = 25  # news copy has one number every 40-80 characters; "1,1,1,..." one every 2
_DIGIT_RUN = re.compile(r"\d+")


def extract(
    doc: Document, aliases: Aliases, gazetteer: Gazetteer, published: dt.date | None,
    organisations: Organisations | None = None,
) -> list[Figure]:
    """Every claim-like figure of doc, in text order, with qualifier, metric, subject, place and period."""
    text = doc.checked
    sents = doc.sentences
    if not sents:
        return []
    starts = [s.start for s in sents]
    runs = sum(1 for _ in _DIGIT_RUN.finditer(text))  # at C speed, before the slower grammar
    numbers = [] if _dump(text, runs) else find_numbers(text)
    if _dump(text, max(runs, len(numbers))):
        raise InputError(
            f"more than {MAX_NUMBERS:,} numbers, one every {len(text) // max(runs, len(numbers))} characters: "
            "a data file rather than an article (check it in parts)", doc.path,
        )
    headline = sents[0] if sents[0].paragraph == 0 and text[sents[0].end - 1:sents[0].end] not in ".!?" else None
    kept: list[tuple[Number, float | None, int]] = []
    i = 0
    while i < len(numbers):
        number = numbers[i]
        index = max(0, bisect_right(starts, number.start) - 1)
        sentence = sents[index]
        partner = numbers[i + 1] if i + 1 < len(numbers) else None
        joined = join_range(text, number, partner, sentence)
        i += 2 if joined else 1
        if joined is not None:
            kept.append((joined[0], joined[1], index))
        elif is_claim(text, number, sentence, _neighbours(numbers, i - 1, sentence), published):
            kept.append((number, None, index))
    per_sentence = Counter(index for _, _, index in kept)
    parses = doc.parsed(i for i, n in per_sentence.items() if n <= MAX_PARSED_FIGURES) if kept else {}
    kept = [k for k in kept if k[2] not in parses or k[1] is not None or not counts_nothing(parses[k[2]], k[0])]
    figures: list[Figure] = []
    events = Events(text, sents, headline)
    for k, (number, high, index) in enumerate(kept):
        limit = kept[k + 1][0].start if k + 1 < len(kept) and kept[k + 1][2] == index else sents[index].end
        figure = _figure(
            text, number, high, sents, index, limit, figures, aliases, gazetteer, headline, published, organisations,
            events, parses.get(index),
        )
        figures.append(figure)
    return _inherited_metrics(text, _headline_metrics(figures, headline))


def _listed_with(text: str, previous: Figure, start: int, sentence: Sentence) -> bool:
    """A figure listed after one counted over a period, in the same sentence ("2,400 were
    killed between Jan. 1 and Aug. 15, more than 950 were kidnapped and another 902 were
    injured"): it is counted over the same period."""
    if previous.period_start is None or previous.sentence_start != sentence.start:
        return False
    gap = text[previous.end:start]
    return len(gap) <= 150 and _NOT_A_LIST.search(gap) is None and ("," in gap or " and " in gap)


def _dump(text: str, numbers: int) -> bool:
    """A data dump, not an article: over MAX_NUMBERS numbers, as densely packed as a table's."""
    return numbers > MAX_NUMBERS and len(text) < numbers * MIN_CHARS_PER_NUMBER


def _neighbours(numbers: list[Number], at: int, sentence: Sentence) -> list[Number]:
    """The numbers of the sentence around numbers[at]."""
    lo, hi = at, at
    while lo > 0 and numbers[lo - 1].start >= sentence.start:
        lo -= 1
    while hi + 1 < len(numbers) and numbers[hi + 1].start < sentence.end:
        hi += 1
    return numbers[lo:hi + 1]


def _figure(
    text: str, number: Number, high: float | None, sents: list[Sentence], index: int, limit: int,
    earlier: list[Figure], aliases: Aliases, gazetteer: Gazetteer, headline: Sentence | None,
    published: dt.date | None, organisations: Organisations | None, events: Events, parse: Parse | None = None,
) -> Figure:
    sentence = sents[index]
    spot = anchor(parse, number.start, number.end) if parse is not None else None
    floor = max(sentence.start, earlier[-1].end if earlier else 0)  # a qualifier never reaches into the figure before
    qualifier, start, end = read_qualifier(text, number, floor, limit)
    if high is not None:
        qualifier = Qualifier.range
        start = range_start(text, start, floor)
    described = describe(text, number, start, end, sentence, limit, earlier, gazetteer, organisations, spot)
    metric = aliases.canonical("metric", described.metric) or described.metric
    years_word = _YEARS_WORD.match(text, end) if metric == "years" and not number.compound else None
    if years_word:
        end = years_word.end()
    location = location_of(text, sents, index, start, end, limit, metric, gazetteer, headline, described.refers_to, spot)
    period = None
    listed = False
    if metric != "years":
        period = period_start(text[end:sentence.end], published, text[sentence.start:start])
        if period is None and earlier and _SAME_PERIOD.search(text, end, sentence.end):
            period = earlier[-1].period_start
        listed = period is None and bool(earlier) and _listed_with(text, earlier[-1], start, sentence)
    scope = scope_of(
        text, start, end, sentence.start, sentence.end, metric, number.percent or number.share, spot, earlier,
        cumulative=period is not None,
    )
    if listed and scope is Scope.total:
        period = earlier[-1].period_start  # a listed figure of its own day or event keeps its own scope
    return Figure(
        start=start, end=end, value=number.value, high=high, qualifier=qualifier, step=number.step,
        vague=number.vague, unit=number.unit, metric=metric, subject=described.subject,
        location=location, period_start=period, stated=stated_on(spot, published), event=events.of(index),
        sentence_start=sentence.start, sentence_end=sentence.end, scope=scope,
        unreadable=number.unreadable,
    )


BREAKDOWN = re.compile(
    r"[\"'\u201c\u2018(]?(?:(?:They|These|Those|The dead|The victims|The casualties) (?:include|included|includes|were)\b"
    r"|(?:Among|Of) (?:them|those|these|the dead|the victims|the casualties|the wounded|the injured)\b)",
    re.I,
)
_VICTIMS = re.compile(r"[\"'\u201c\u2018(]?(?:Among|Of|The) (?:the )?(?:victims|casualties)\b", re.I)
_INHERITING = frozenset({"count"})
_BLANK_LINE = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")


def breaks_down(text: str, previous: Figure, figure: Figure) -> bool:
    """Whether figure opens the next sentence of the paragraph with a breakdown of previous
    ("... killed 60 people. They include at least 40 civilians.")."""
    gap = text[previous.sentence_end:figure.sentence_start]
    return (
        previous.sentence_end <= figure.sentence_start and BREAKDOWN.match(text, figure.sentence_start) is not None
        and _BLANK_LINE.search(gap) is None
    )


def _inherited_metrics(text: str, figures: list[Figure]) -> list[Figure]:
    """A breakdown of a casualty figure counts what that figure counted, and is a part of it."""
    out: list[Figure] = []
    before: Figure | None = None  # the last figure of an earlier sentence
    for f in figures:
        if out and out[-1].sentence_start != f.sentence_start:
            before = out[-1]
        if before is not None and before.metric in CONTESTED_METRICS and breaks_down(text, before, f):
            update: dict[str, object] = {"scope": Scope.subset}
            if f.metric in _INHERITING:
                update["metric"] = _broken_down(text, out, before, f).metric
            f = f.model_copy(update=update)
        out.append(f)
    return out


def _broken_down(text: str, out: list[Figure], last: Figure, figure: Figure) -> Figure:
    """The figure a breakdown breaks down: the last one of the sentence before, but for "the
    victims" or "the casualties" that sentence's death toll when it gives one ("The toll rose
    to 569 ... and 1,800 were wounded. Among the victims are 50 children")."""
    if _VICTIMS.match(text, figure.sentence_start):
        for f in reversed(out):
            if f.sentence_start < last.sentence_start:
                break
            if f.sentence_start == last.sentence_start and f.metric == "killed":
                return f
    return last


def _headline_metrics(figures: list[Figure], headline: Sentence | None) -> list[Figure]:
    """A headline figure restating a body figure (same value and unit) takes the body's metric."""
    if headline is None:
        return figures
    body = [f for f in figures if f.sentence_start > headline.start]
    out = []
    for f in figures:
        if f.sentence_start == headline.start:
            twin = next((b for b in body if b.value == f.value and b.unit == f.unit and b.high == f.high), None)
            if twin is not None and twin.metric != f.metric and f.metric in ("count", "aid", "money"):
                f = f.model_copy(update={"metric": twin.metric, "subject": f.subject or twin.subject})
        out.append(f)
    return out
