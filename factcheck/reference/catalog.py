"""Naming, finding and dating series: what ``refs list``, ``refs show`` and ``refs stale`` print.

A series is named by its key, parts joined by '/': ``metric/location/subject/source``, then
``since PERIOD_START`` and the definition when it has them (an empty part is '-'):
``killed/Gaza/Palestinians/Gaza Ministry of Health/since 2023-10-07``. A query names a series
by that name, or by some of its parts (``killed/Gaza``, ``members/NATO``), case-insensitively.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import RefRow, SeriesKey

TIMELESS_METRICS = frozenset({"years"})  # a start year never needs refreshing


def series_id(key: SeriesKey) -> str:
    metric, location, subject, source, since, definition = key
    parts = [metric, location or "-", subject or "-", source]
    if since is not None:
        parts.append(f"since {since}")
    if definition:
        parts.append(definition)
    return "/".join(parts)


def _parts(key: SeriesKey) -> set[str]:
    metric, location, subject, source, since, definition = key
    parts = {metric, location, subject, source, definition, *definition.split()}
    if since is not None:
        parts |= {str(since), f"since {since}"}
    return {p.lower() for p in parts if p}


def find(index: ReferenceIndex, query: str) -> list[SeriesKey]:
    """The series a query names: the one whose name it is, else every series having each of
    its '/'-separated parts."""
    wanted = " ".join(query.split()).lower()
    exact = [k for k in index.series if series_id(k).lower() == wanted]
    if exact:
        return exact
    terms = [t.strip() for t in wanted.split("/") if t.strip() and t.strip() != "-"]
    if not terms:
        return []
    return [k for k in index.series if all(t in _parts(k) for t in terms)]


@dataclass(frozen=True)
class Stale:
    key: SeriesKey
    newest: RefRow
    age: int  # days from the newest row to the date asked about


def stale(index: ReferenceIndex, on: dt.date, days: int) -> list[Stale]:
    """Series whose newest row (on or before on) is more than days older than on, oldest first.
    Start years are never stale; a series with no row by then is not listed."""
    out: list[Stale] = []
    for key, rows in index.series.items():
        if key[0] in TIMELESS_METRICS:
            continue
        known = [r for r in rows if r.as_of <= on]
        if not known:
            continue
        age = (on - known[-1].as_of).days
        if age > days:
            out.append(Stale(key, known[-1], age))
    return sorted(out, key=lambda s: (-s.age, series_id(s.key)))
