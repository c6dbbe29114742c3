"""Which reference series a figure may be compared with."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from factcheck.models import Figure
from factcheck.reference.aliases import Aliases, _key
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import RefRow, SeriesKey

GENERIC_SUBJECTS = frozenset({"", "people", "persons", "individuals", "others", "residents", "inhabitants"})


PERIOD_SLACK = dt.timedelta(days=31)  # "since April 2023" resolves to the 1st


_STOP = frozenset({"the", "of", "in", "for", "and", "on", "s", "to", "by", "a", "an", "at"})


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


def whole(subject: str | None, metric: str, place: str | None, aliases: Aliases) -> bool:
    """Whether a subject stands for everyone a metric counts there: a generic subject, or a
    group named after the place's people ('Palestinians' in Gaza)."""
    s = subject or ""
    return _generic(s, metric, aliases) or bool(place and place in aliases.people_of(s))


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
    if _singular(_key(subject or "")) == _singular(_key(row_subject)):
        return True
    return whole(row_subject, metric, place, aliases) and whole(subject, metric, place, aliases)


def period_fits(row_start: dt.date | None, start: dt.date | None) -> bool:
    return row_start is not None and start is not None and abs(row_start - start) <= PERIOD_SLACK


def series_for(figure: Figure, index: ReferenceIndex) -> dict[SeriesKey, list[RefRow]]:
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
    same = {k: rows for k, rows in found.items() if period_fits(k[4], figure.period_start)}
    return same or {k: rows for k, rows in found.items() if k[4] is None}


def candidate_series(figure: Figure, index: ReferenceIndex, published: dt.date | None) -> dict[SeriesKey, list[RefRow]]:
    """Rows that could verify the figure, grouped by series, each list ordered by as_of and
    cut at the publication date. A figure with a period ('since Oct. 7') takes the series of
    that period, or else series with no period, never series of another period."""
    return cut(series_for(figure, index), published)


def cut(series: dict[SeriesKey, list[RefRow]], published: dt.date | None) -> dict[SeriesKey, list[RefRow]]:
    """Each series cut at the publication date; series with no row by then left out."""
    out: dict[SeriesKey, list[RefRow]] = {}
    for key, rows in series.items():
        cut = rows if published is None else rows[: bisect_right(rows, published, key=lambda r: r.as_of)]
        if cut:
            out[key] = cut
    return out
