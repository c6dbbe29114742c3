"""Match stage: compare each figure with the reference series current at publication.

Tolerance comes from the figure itself: the step it is rounded to ("39,000" -> 1,000) and its
qualifier; ``accepted`` turns both into the interval of reference values the figure is a
fair statement of, and a reference row fits when its own interval (a point, a range or a
limit) meets it. Which series a figure is compared with: ``candidate_series`` (metric,
place, subject, period, publication date) and ``match`` (the attributed source first). The
README section "How a figure is judged" documents all of it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from .models import Figure, Qualifier, Reference, Verdict
from .refs import FAIR_BOUND, Aliases, RefRow, ReferenceIndex, SeriesKey, _key, fmt

__all__ = ["Outcome", "accepted", "as_reference", "candidate_series", "fmt", "match", "same_source", "subject_fits", "supports"]

GENERIC_SUBJECTS = frozenset({"", "people", "persons", "individuals", "others", "residents", "inhabitants"})
PERIOD_SLACK = dt.timedelta(days=31)  # "since April 2023" resolves to the 1st
GROWING_METRICS = frozenset({"killed", "injured"})
_STOP = frozenset({"the", "of", "in", "for", "and", "on", "s", "to", "by", "a", "an", "at"})
_RANK = {Verdict.supported: 0, Verdict.outdated: 1, Verdict.unverifiable: 2, Verdict.contradicted: 3}


@dataclass(frozen=True)
class Outcome:
    """A verdict with the row it rests on and the row current at publication."""

    verdict: Verdict
    message: str
    reference: RefRow | None = None
    current: RefRow | None = None


def accepted(figure: Figure) -> tuple[float, float]:
    """The reference values the figure, as written, is a fair statement of (inclusive)."""
    v, q = figure.value, figure.qualifier
    step = max(figure.step, 1e-9)
    half = step / 2
    if figure.vague:
        return v, v * (100 / 12 if v == 12 else 10) - 1e-9
    if q is Qualifier.range:
        return v - half, (figure.high if figure.high is not None else v) + half
    if q is Qualifier.approx:
        spread = max(step, 0.05 * abs(v))
        return v - spread, v + spread
    if q is Qualifier.nearly:
        return v - max(step, 0.1 * abs(v)), v + half
    if q is Qualifier.more_than:
        return v - half, max(v * FAIR_BOUND, v + step)
    if q is Qualifier.at_least:
        return v, max(v * FAIR_BOUND, v + step)
    if q is Qualifier.less_than:
        return min(v / FAIR_BOUND, v - step), v + half
    if q is Qualifier.at_most:
        return min(v / FAIR_BOUND, v - step), v
    if q is Qualifier.up_to:
        return v / 2, v + half
    return v - half, v + half


def supports(figure: Figure, ref: float | tuple[float, float]) -> tuple[bool, str]:
    """Whether the figure is a fair statement of a reference value (or range); and why not."""
    low, high = (ref, ref) if isinstance(ref, (int, float)) else ref
    lo, hi = accepted(figure)
    eps = 1e-9 * max(1.0, abs(lo), abs(hi))
    if high < lo - eps:
        overstates = figure.qualifier in (Qualifier.less_than, Qualifier.at_most)
        return False, ("the figure is too high a limit for the reference" if overstates else "the reference is below that")
    if low > hi + eps:
        understates = figure.vague or figure.qualifier in (Qualifier.more_than, Qualifier.at_least)
        return False, ("it understates the reference" if understates else "the reference is above that")
    return True, ""


def fits(figure: Figure, row: RefRow) -> tuple[bool, str]:
    """Whether a reference row (a point, a range or a limit) fits the figure."""
    return supports(figure, row.bounds)


def _words(name: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", name.lower().replace("'s", "")) if w not in _STOP}


def _stem(word: str) -> str:
    """A crude stem so that 'Sudanese'/'Sudan' and 'Israeli'/'Israel' compare equal."""
    for suffix in ("ese", "ian", "i", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def same_source(a: str | None, b: str | None, aliases: Aliases | None = None) -> bool:
    """Whether two source names are the same body: equal once aliases are applied, or one
    name's content words (at least two, crudely stemmed) all in the other ('Sudan's health
    ministry', 'Sudanese Ministry of Health')."""
    if not a or not b:
        return False
    if aliases is not None:
        a, b = aliases.canonical("source", a) or a, aliases.canonical("source", b) or b
    if _key(a) == _key(b):
        return True
    wa, wb = _words(a), _words(b)
    return min(len(wa), len(wb)) >= 2 and (wa <= wb or wb <= wa)


def _singular(key: str) -> str:
    return key[:-1] if key.endswith("s") and not key.endswith("ss") and len(key) > 3 else key


def _generic(subject: str, metric: str, aliases: Aliases) -> bool:
    key = _key(subject)
    return key in GENERIC_SUBJECTS or key == metric or aliases.canonical("metric", key) == metric


def subject_fits(row_subject: str, subject: str | None, metric: str, place: str | None, aliases: Aliases) -> bool:
    """Whether a series about row_subject can verify a figure about subject.

    Generic subjects ('people', the metric's own noun: 'hostages', 'refugees') match each
    other; a group named after a place's people ('Palestinians' in Gaza, a demonym in the
    aliases) counts as generic there; any other subject ('children', 'civilians',
    'Americans') must be the series' own subject. Member counts must name the organisation;
    start years are matched by their value instead."""
    if metric == "years":
        return True
    if metric == "members":
        return not row_subject or _key(subject or "") == _key(row_subject)
    s = subject or ""
    if _singular(_key(s)) == _singular(_key(row_subject)):
        return True
    people = {p for p in (place,) if p}
    row_whole = _generic(row_subject, metric, aliases) or bool(aliases.people_of(row_subject) & people)
    fig_whole = _generic(s, metric, aliases) or bool(aliases.people_of(s) & people)
    return row_whole and fig_whole


def _period_fits(row_start: dt.date | None, start: dt.date | None) -> bool:
    return row_start is not None and start is not None and abs(row_start - start) <= PERIOD_SLACK


def _series(figure: Figure, index: ReferenceIndex) -> dict[SeriesKey, list[RefRow]]:
    """Every series of the figure's metric, place, subject and period, at any date."""
    aliases = index.aliases
    location = aliases.canonical("location", figure.location) if figure.location else None
    subject = aliases.canonical("subject", figure.subject)
    people = aliases.people_of(subject or "")
    if len(people) == 1 and not any(k[1] for k, _ in index.series_at(figure.metric, location)):
        location = next(iter(people))  # "1.9 million Gazans" is about Gaza wherever the copy places it
    found = {
        key: rows for key, rows in index.series_at(figure.metric, location)
        if subject_fits(key[2], subject, figure.metric, key[1] or location, aliases)
    }
    if figure.period_start is None:
        return found
    same = {k: rows for k, rows in found.items() if _period_fits(k[4], figure.period_start)}
    return same or {k: rows for k, rows in found.items() if k[4] is None}


def candidate_series(figure: Figure, index: ReferenceIndex, published: dt.date | None) -> dict[SeriesKey, list[RefRow]]:
    """Rows that could verify the figure, grouped by series, each list ordered by as_of and
    cut at the publication date. A figure with a period ('since Oct. 7') takes the series of
    that period, or else series with no period, never series of another period."""
    return _cut(_series(figure, index), published)


def _cut(series: dict[SeriesKey, list[RefRow]], published: dt.date | None) -> dict[SeriesKey, list[RefRow]]:
    """Each series cut at the publication date; series with no row by then left out."""
    out: dict[SeriesKey, list[RefRow]] = {}
    for key, rows in series.items():
        cut = rows if published is None else rows[: bisect_right(rows, published, key=lambda r: r.as_of)]
        if cut:
            out[key] = cut
    return out


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
