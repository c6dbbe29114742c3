"""The judge: compare a figure with the reference series that fit it, and say why.

Tolerance comes from the figure itself (``tolerance``); which series may judge it from its
metric, place, subject and period (``series``), its scope and what the series count
(``definition``). ``match`` returns an ``Outcome``: the verdict, a ``Reason`` code the rules
decide on, and the rows used. A contradiction is strong evidence (``Reason.contradicted``)
only when the figure's own source's series, or for an unattributed figure the series of
record, contradicts it, decisively whatever the figure counts, at a known publication date.
The README section "How a figure is judged" documents all of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.judge.definition import Fit, comparable_scope, fit, reading
from factcheck.judge.series import GRACE, HORIZON, about, cut, live, period_fits, placement, series_for
from factcheck.judge.tolerance import accepted, fits, side
from factcheck.judge.wording import compared, dated
from factcheck.models import Figure, Reason, Reference, Verdict
from factcheck.reference.definition import tokens
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import RefRow, SeriesKey, fmt

__all__ = ["GROWING_METRICS", "Outcome", "as_reference", "fmt", "match"]

GROWING_METRICS = frozenset({"killed", "injured"})

_RANK = {Verdict.supported: 0, Verdict.outdated: 1, Verdict.unverifiable: 2, Verdict.contradicted: 3}


@dataclass(frozen=True)
class Outcome:
    """A verdict, why (a stable code), and the rows it rests on.

    ``reference``: the row the verdict rests on; ``current``: the newest row of that series at
    publication; ``other``: another series' row the verdict names (one supporting the figure
    when its own series contradicts it, or the first row of a series with no row yet).
    ``message`` is the judge's one-line account for the report; rules write their own."""

    verdict: Verdict
    reason: Reason
    message: str
    reference: RefRow | None = None
    current: RefRow | None = None
    other: RefRow | None = None


@dataclass(frozen=True)
class _Judged:
    """One series' verdict on a figure."""

    key: SeriesKey
    verdict: Verdict
    reference: RefRow
    current: RefRow
    newer: str = ""  # why the figure may be newer than the data (verdict unverifiable)


GROWTH_WINDOW = dt.timedelta(days=30)


def _recent(row: RefRow, published: dt.date | None) -> bool:
    """Whether a row is dated on or one day before publication (``GRACE``)."""
    return published is not None and published - row.as_of <= GRACE


def _rising(row: RefRow) -> bool:
    """Whether a row's series says it is a rising cumulative count: its definition says
    ``cumulative`` and it is a toll (``GROWING_METRICS``) or a running total since a date (not
    hostages taken, a fixed count). A series with no definition is judged as before."""
    if tokens(row.definition).get("time") != "cumulative":
        return False
    return row.metric in GROWING_METRICS or row.period_start is not None


def _newer(figure: Figure, rows: list[RefRow], published: dt.date | None) -> str:
    """Why a figure above a growing series' newest row may simply be newer than the data ('' if
    it may not): the series has one row so its growth is unknown, or the figure lies within
    twice the series' recent daily growth (``_growth``) since its newest row, counting at least one day when
    that row is within ``GRACE`` of publication (a same-day update may be out already)."""
    current = rows[-1]
    if published is None or side(figure, current.bounds) != "above":
        return ""
    if _rising(current) and len(rows) == 1:
        return "the series has only this row by publication, so how fast it grows is unknown: the figure may be newer than the data"
    if len(rows) < 2:
        return ""
    previous = rows[-2]
    if current.period_start is None and current.metric not in GROWING_METRICS and not _rising(current):
        return ""
    recent = _rising(current) and _recent(current, published)
    days, span = (published - current.as_of).days, (current.as_of - previous.as_of).days
    if recent:
        days = max(days, 1)
    if days <= 0 or span <= 0 or current.value <= previous.value:
        return ""
    rate = _growth(rows)
    if accepted(figure)[0] > current.bounds[1] + 2 * rate * days:
        return ""
    if recent:
        return f"the newest row is dated {current.as_of}, within {GRACE.days} day of publication, and the figure is within a day or two of its growth: it may be a newer update"
    return f"at about {fmt(round(rate))} a day since then it may be newer than the data"


def _growth(rows: list[RefRow]) -> float:
    """The series' recent daily growth: the fastest between two consecutive rows in the
    ``GROWTH_WINDOW`` before its newest (a toll grows in spikes: one day's massacre)."""
    newest = rows[-1].as_of
    rates = [
        (b.value - a.value) / (b.as_of - a.as_of).days
        for a, b in zip(rows, rows[1:])
        if newest - b.as_of <= GROWTH_WINDOW and b.as_of > a.as_of
    ]
    return max(rates, default=0.0)


def _judge(figure: Figure, key: SeriesKey, rows: list[RefRow], published: dt.date | None) -> _Judged:
    """One series' verdict: the current row fits, or one dated within ``GRACE`` of publication
    (supported: the copy may predate the newest update); an earlier row fits (outdated); the
    figure may be newer than the data (unverifiable); else contradicted. Rows are samples of
    a series, so only a row itself dated within the grace is the figure of the day."""
    current = rows[-1]
    if fits(figure, current)[0]:
        return _Judged(key, Verdict.supported, current, current)
    for row in reversed(rows[:-1]):
        if fits(figure, row)[0]:
            return _Judged(key, Verdict.supported if _recent(row, published) else Verdict.outdated, row, current)
    newer = _newer(figure, rows, published)
    if newer:
        return _Judged(key, Verdict.unverifiable, current, current, newer)
    return _Judged(key, Verdict.contradicted, current, current)


def _order(judged: _Judged) -> tuple[int, int, str]:
    return (_RANK[judged.verdict], -judged.current.as_of.toordinal(), judged.current.source)


def _decisive(figure: Figure, judged: _Judged, how: Fit) -> bool:
    """Whether a contradiction holds whatever the figure counts (see ``definition``)."""
    return how.above_decisive if side(figure, judged.current.bounds) == "above" else how.below_decisive


def _newest(series: dict[SeriesKey, list[RefRow]], published: dt.date | None) -> RefRow:
    """The row a figure that was not compared is shown against: the newest at publication of
    the series, else the earliest row of all."""
    found = cut(series, published)
    if found:
        return max((rows[-1] for rows in found.values()), key=lambda r: (r.as_of, r.source))
    return min((rows[0] for rows in series.values()), key=lambda r: (r.as_of, r.source))


def match(figure: Figure, index: ReferenceIndex, published: dt.date | None, known_date: bool = True) -> Outcome:
    """The verdict on one figure: its own source's series first; known_date is False when
    the publication date was guessed (then no contradiction is strong evidence). A figure
    the copy dates before publication (``stated``: "the ministry said on Saturday") is judged
    as of that day, and its message says so."""
    if figure.stated is not None and published is not None and figure.stated < published:
        outcome = _match(figure, index, figure.stated, known_date)
        return replace(outcome, message=f"{outcome.message} (judged as of {figure.stated}, the day the copy dates it to)")
    return _match(figure, index, published, known_date)


def _match(figure: Figure, index: ReferenceIndex, published: dt.date | None, known_date: bool) -> Outcome:
    if getattr(figure, "unreadable", None) is not None:
        return Outcome(Verdict.unverifiable, Reason.unreadable, "the figure cannot be read safely: not judged")
    if figure.metric not in index.metrics:
        return Outcome(Verdict.unverifiable, Reason.no_series, "no reference series covers this figure")
    place = placement(figure, index)
    series = series_for(figure, index, place)
    if figure.metric == "years":
        series = {k: rows for k, rows in series.items() if any(r.value == figure.value for r in rows)}
    if not series:
        return Outcome(Verdict.unverifiable, Reason.no_series, "no reference series covers this figure")
    if place.host is not None:
        hosted = {k: rows for k, rows in series.items() if about(k[2], place.host, index.aliases)}
        if not hosted:
            row = _newest(series, published)
            return Outcome(
                Verdict.unverifiable, Reason.not_comparable,
                f"a part of {place.location}'s count (its people in {place.host}): not compared with the whole, {dated(row)}, {row.source}",
                row, row,
            )
        series = hosted
    scoped = {k: rows for k, rows in series.items() if comparable_scope(figure, k)}
    if not scoped:
        row = _newest(series, published)
        return Outcome(
            Verdict.unverifiable, Reason.not_comparable,
            f"{figure.scope.value} figure, not compared with the total {dated(row)}, {row.source}", row, row,
        )
    name = figure.canonical_source or figure.source
    mine = index.series_from(figure.metric, name)
    read = reading(figure, index, mine) if any(k[5] for k in scoped) else None
    how = {k: fit(read, k, period_fits(k[4], figure.period_start)) if read is not None else Fit(True) for k in scoped}
    usable = {k: rows for k, rows in scoped.items() if how[k].comparable and tokens(k[5]).get("event") == figure.event}
    if not usable:
        row = _newest(scoped, published)
        return Outcome(
            Verdict.unverifiable, Reason.other_definition,
            f"the series count something else: not compared with {dated(row)}, {row.source}", row, row,
        )
    found = cut(usable, published)
    if not found:
        first = min((rows[0] for rows in usable.values()), key=lambda r: r.as_of)
        return Outcome(
            Verdict.unverifiable, Reason.no_row_yet,
            f"no reference row on or before {published}: the earliest is {dated(first)}, {first.source}", other=first,
        )
    ended, found = found, live(figure, found, published)
    if not found:
        last = max((rows[-1] for rows in ended.values()), key=lambda r: r.as_of)
        return Outcome(
            Verdict.unverifiable, Reason.series_ended,
            f"the series that fit count from a date or count a stock, and end {dated(last)}, {last.source}, more "
            f"than {HORIZON.days} days before publication: the figure may be about a later event, or the count have moved",
            other=last,
        )
    own = {k: rows for k, rows in found.items() if k in mine}
    judged = sorted((_judge(figure, k, rows, published) for k, rows in (own or found).items()), key=_order)
    best = judged[0]
    if best.verdict is Verdict.supported:
        reason = Reason.fits_other_source if name and not own else Reason.fits_current
        message = compared(figure, best.current)
        if best.reference is not best.current:
            message = (
                f"{compared(figure, best.reference)}: the figure of the day before publication; the newer "
                f"{dated(best.current)} came out within a day of publication"
            )
        return Outcome(best.verdict, reason, message, best.reference, best.current)
    if best.verdict is Verdict.outdated:
        message = (
            f"{compared(figure, best.current)}: outdated, it matches {dated(best.reference)}; "
            f"the figure current then was {best.current.describe()}"
        )
        return Outcome(best.verdict, Reason.fits_earlier, message, best.reference, best.current)
    if best.verdict is Verdict.unverifiable:
        message = f"{compared(figure, best.current)}: above the latest reference; {best.newer}"
        return Outcome(best.verdict, Reason.may_be_newer, message, best.reference, best.current)
    return _contradicted(figure, index, judged, own, found, usable, how, known_date, mine)


def _contradicted(
    figure: Figure, index: ReferenceIndex, judged: list[_Judged], own: dict[SeriesKey, list[RefRow]],
    found: dict[SeriesKey, list[RefRow]], usable: dict[SeriesKey, list[RefRow]], how: dict[SeriesKey, Fit], known_date: bool,
    mine: frozenset[SeriesKey],
) -> Outcome:
    """Every series the figure is judged by contradicts it: how strong is that evidence?

    A fitting series with no row yet (of the figure's own source, when it has series) leaves
    it open; the own or record series contradicting it decisively is strong evidence (weaker
    at a guessed date), unless the figure lies below every row that series has had; another
    series contradicting it decisively is a contradiction by another source; else the series
    may count something else than the figure."""
    name = figure.canonical_source or figure.source
    later = [rows[0] for k, rows in usable.items() if k not in found and (not own or k in mine)]
    best = judged[0]
    if later:
        first = min(later, key=lambda r: r.as_of)
        message = f"{_said(figure, best.current)}, but it may be a figure of a series with no row yet ({first.source}, from {first.as_of})"
        return Outcome(Verdict.unverifiable, Reason.no_row_yet, message, best.reference, best.current, first)
    decisive = [j for j in judged if _decisive(figure, j, how[j.key])]
    authority = [j for j in decisive if own or j.key in index.record]
    strong = [j for j in authority if not _below_history(figure, found[j.key])]
    if authority and not strong:
        best = authority[0]
        first = found[best.key][0]
        message = (
            f"{_said(figure, best.current)}, but it is lower than the series has been since {first.as_of} or lies "
            f"between two of its earlier rows: an earlier figure or a part of it"
        )
        return Outcome(Verdict.contradicted, Reason.below_series, message, best.reference, best.current)
    if strong:
        best = strong[0]
        message = _said(figure, best.current)
        supporter = _supporter(figure, found, own) if own else None
        if supporter is not None:
            message += f"; it matches {supporter.source}'s figure ({dated(supporter)})"
        if not known_date:
            return Outcome(Verdict.contradicted, Reason.contradicted_undated, message + " (at a guessed publication date)", best.reference, best.current, supporter)
        return Outcome(Verdict.contradicted, Reason.contradicted, message, best.reference, best.current, supporter)
    if decisive:
        best = decisive[0]
        whose = "the figure's source's own" if name else "the series of record"
        message = f"{_said(figure, best.current)} ({best.current.source}'s series is not {whose}: its definition may differ)"
        return Outcome(Verdict.contradicted, Reason.contradicted_other, message, best.reference, best.current)
    message = f"{_said(figure, best.current)}, but the series may count something else than the figure"
    return Outcome(Verdict.unverifiable, Reason.other_definition, message, best.reference, best.current)


def below_every_row(figure: Figure, rows: Sequence[RefRow]) -> bool:
    """Whether every value the figure allows lies below every row of the series."""
    floor = min(r.bounds[0] for r in rows)
    return side(figure, (floor, floor)) == "below"


def _below_history(figure: Figure, rows: list[RefRow]) -> bool:
    """Whether the figure lies below every row the series has had by publication, or below its
    current row and between the values of two consecutive earlier rows: then it may be a figure
    from before the data begins or from between two rows (the series passed through it), or a
    part of the count (a day's, one strike's, one place's), rather than a wrong total."""
    if below_every_row(figure, rows):
        return True
    if side(figure, rows[-1].bounds) != "below":
        return False
    return any(
        side(figure, (min(a.bounds[0], b.bounds[0]), max(a.bounds[1], b.bounds[1]))) is None
        for a, b in zip(rows, rows[1:])
    )


def _said(figure: Figure, row: RefRow) -> str:
    return f"{compared(figure, row)}: {fits(figure, row)[1]}"


def _supporter(figure: Figure, found: dict[SeriesKey, list[RefRow]], own: dict[SeriesKey, list[RefRow]]) -> RefRow | None:
    """The current row of another source's series that supports the figure, if any."""
    others = sorted((_judge(figure, k, rows, None) for k, rows in found.items() if k not in own), key=_order)
    return others[0].current if others and others[0].verdict is Verdict.supported else None


def as_reference(row: RefRow | None) -> Reference | None:
    if row is None:
        return None
    return Reference(file=row.file, row=row.line, value=row.value, as_of=row.as_of, source=row.source, source_url=row.source_url)
