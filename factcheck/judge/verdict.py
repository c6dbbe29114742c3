"""Match stage: compare each figure with the reference series current at publication.

Tolerance comes from the figure itself: the step it is rounded to ("39,000" -> 1,000) and its
qualifier; ``accepted`` turns both into the interval of reference values the figure is a
fair statement of, and a reference row fits when its own interval (a point, a range or a
limit) meets it. Which series a figure is compared with: ``candidate_series`` (metric,
place, subject, period, publication date) and ``match`` (the attributed source first). The
README section "How a figure is judged" documents all of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck.judge.series import _cut, _series, same_source
from factcheck.judge.tolerance import accepted, fits
from factcheck.models import Figure, Reference, Verdict
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import RefRow, SeriesKey, fmt

GROWING_METRICS = frozenset({"killed", "injured"})


_RANK = {Verdict.supported: 0, Verdict.outdated: 1, Verdict.unverifiable: 2, Verdict.contradicted: 3}


@dataclass(frozen=True)
class Outcome:
    """A verdict with the row it rests on and the row current at publication."""

    verdict: Verdict
    message: str
    reference: RefRow | None = None
    current: RefRow | None = None


def _growth(figure: Figure, rows: list[RefRow], published: dt.date | None) -> float | None:
    """The daily growth of a cumulative series, when the figure lies above its latest row
    but within twice that pace since: then it may simply be newer than the data."""
    if published is None or len(rows) < 2:
        return None
    previous, current = rows[-2], rows[-1]
    if current.period_start is None and current.metric not in GROWING_METRICS:
        return None
    days, span = (published - current.as_of).days, (current.as_of - previous.as_of).days
    if days <= 0 or span <= 0 or current.value <= previous.value:
        return None
    rate = (current.value - previous.value) / span
    lo, hi = accepted(figure)
    top = current.bounds[1]
    return rate if hi > top and lo <= top + 2 * rate * days else None


def _judge(figure: Figure, rows: list[RefRow], published: dt.date | None) -> Outcome:
    current = rows[-1]
    ok, why = fits(figure, current)
    if ok:
        return Outcome(Verdict.supported, "", current, current)
    for row in reversed(rows[:-1]):
        if fits(figure, row)[0]:
            return Outcome(Verdict.outdated, "", row, current)
    rate = _growth(figure, rows, published)
    if rate is not None:
        return Outcome(Verdict.unverifiable, f"above the latest reference; at about {fmt(round(rate))} a day since then it may be newer than the data", current, current)
    return Outcome(Verdict.contradicted, why, current, current)


def _order(outcome: Outcome) -> tuple[int, int, str]:
    current = outcome.current
    assert current is not None
    return (_RANK[outcome.verdict], -current.as_of.toordinal(), current.source)


def match(figure: Figure, index: ReferenceIndex, published: dt.date | None) -> Outcome:
    """The verdict for one figure, preferring the attributed source's own series."""
    series = _series(figure, index)
    if figure.metric == "years":
        series = {k: rows for k, rows in series.items() if any(r.value == figure.value for r in rows)}
    found = _cut(series, published)  # candidate_series, without looking the series up again
    if not found:
        return Outcome(Verdict.unverifiable, _uncovered(series, published))
    own = {k: v for k, v in found.items() if same_source(k[3], figure.canonical_source or figure.source, index.aliases)}
    outcomes = sorted((_judge(figure, rows, published) for rows in (own or found).values()), key=_order)
    best = outcomes[0]
    message = _message(figure, best)
    later = [rows[0] for k, rows in series.items() if k not in found]
    if best.verdict is Verdict.contradicted and not own and later:
        first = min(later, key=lambda r: r.as_of)
        message += f", but it may be a figure of a series with no row yet ({first.source}, from {first.as_of})"
        return Outcome(Verdict.unverifiable, message, best.reference, best.current)
    if own and best.verdict is not Verdict.supported:
        others = sorted((_judge(figure, rows, published) for k, rows in found.items() if k not in own), key=_order)
        if others and others[0].verdict is Verdict.supported and others[0].current is not None:
            cur = others[0].current
            message += f"; it matches {cur.source}'s figure ({cur.describe()} as of {cur.as_of})"
    return Outcome(best.verdict, message, best.reference, best.current)


def _uncovered(series: dict[SeriesKey, list[RefRow]], published: dt.date | None) -> str:
    if not series:
        return "no reference series covers this figure"
    first = min((rows[0] for rows in series.values()), key=lambda r: r.as_of)
    return f"no reference row on or before {published}: the earliest is {first.describe()} as of {first.as_of}, {first.source}"


def _shown(figure: Figure) -> str:
    shown = fmt(figure.value, figure.metric)
    if figure.high is not None:
        shown = f"{shown}-{fmt(figure.high, figure.metric)}"
    return f"{shown} ({figure.qualifier.value.replace('_', ' ')})"


def _message(figure: Figure, outcome: Outcome) -> str:
    cur = outcome.current
    assert cur is not None
    said = f"{_shown(figure)} vs {cur.describe()} as of {cur.as_of}, {cur.source}"
    if outcome.verdict is Verdict.supported:
        return said
    if outcome.verdict is Verdict.outdated and outcome.reference is not None:
        ref = outcome.reference
        return f"{said}: outdated, it matches {ref.describe()} as of {ref.as_of}; the figure current then was {cur.describe()}"
    return f"{said}: {outcome.message}"


def as_reference(row: RefRow | None) -> Reference | None:
    if row is None:
        return None
    return Reference(file=row.file, row=row.line, value=row.value, as_of=row.as_of, source=row.source, source_url=row.source_url)
