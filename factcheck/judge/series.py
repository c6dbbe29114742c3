"""Which reference series a figure may be compared with."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from factcheck.models import Figure
from factcheck.reference.aliases import Aliases, _key
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import RefRow, SeriesKey
from factcheck.reference.sources import same_body, source_name

GENERIC_SUBJECTS = frozenset({"", "people", "persons", "individuals", "others", "residents", "inhabitants"})


PERIOD_SLACK = dt.timedelta(days=31)  # "since April 2023" resolves to the 1st

GRACE = dt.timedelta(days=1)
"""The grace of a day: copy quotes the figure of the day before publication (the update may
come out after it was written). A figure that fits a row dated on or one day before the
publication date is never "outdated", and a growing toll whose newest row is that recent may
already have moved on."""

# A series counted from a date (an event, a war) says nothing about copy that gives no period
# and is published more than a year after its newest row: it may be about a later event
# ("floods have killed 800 this monsoon", three years after the series of an earlier flood);
# nor does a stock ("those at the date": refugees hosted), which may have moved either way.
HORIZON = dt.timedelta(days=365)


def same_source(a: str | None, b: str | None, aliases: Aliases | None = None) -> bool:
    """Whether two source names are the same body: equal once aliases are applied, or one
    name's content words (at least two, crudely stemmed) all in the other ('Sudan's health
    ministry', 'Sudanese Ministry of Health'); ``reference.sources`` defines it."""
    if not a or not b:
        return False
    return same_body(source_name(a, aliases), source_name(b, aliases))


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
    if _people(subject, metric) and _people(subject, metric) == _people(row_subject, metric):
        return True  # "Sudanese" and "Sudanese refugees", in a host country's series
    return whole(row_subject, metric, place, aliases) and whole(subject, metric, place, aliases)


def _people(subject: str | None, metric: str) -> str:
    """A subject without its metric's noun ("Sudanese refugees" -> "sudanese"), singular:
    what names the people counted. Empty for a subject that is only the noun."""
    words = _key(subject or "").split()
    if words and _singular(words[-1]) == _singular(metric):
        words = words[:-1]
    return _singular(" ".join(words))


def period_fits(row_start: dt.date | None, start: dt.date | None) -> bool:
    return row_start is not None and start is not None and abs(row_start - start) <= PERIOD_SLACK


@dataclass(frozen=True)
class Placement:
    """Where a figure is judged: ``location``; ``host`` is the place the copy names when the
    figure was moved from it to the place its subject's demonym names ("1.3 million Syrians in
    Jordan" is judged in Syria, host Jordan): then it is a part of that place's count. A place
    of the same people (Gazans in the Palestinian territories) is no host."""

    location: str | None
    host: str | None = None


def placement(figure: Figure, index: ReferenceIndex) -> Placement:
    """The place a figure is judged in: its own (canonical) place, or, when that place has no
    series of the metric and the subject is one place's people ("Gazans", "Syrians"), that
    place: "1.9 million Gazans" is about Gaza wherever the copy places them."""
    aliases = index.aliases
    location = aliases.canonical("location", figure.location) if figure.location else None
    people = aliases.people_of(aliases.canonical("subject", figure.subject) or "")
    if len(people) == 1 and not index.has_place(figure.metric, location):
        home = next(iter(people))
        return Placement(home, location if location and not aliases.same_people(home, location) else None)
    return Placement(location)


def about(subject: str, place: str, aliases: Aliases) -> bool:
    """Whether a series' subject names a place ("Sudanese refugees in Chad" names Chad)."""
    if aliases.canonical("location", subject) == place:
        return True
    return re.search(rf"\b{re.escape(_key(place))}\b", _key(subject)) is not None


def series_for(figure: Figure, index: ReferenceIndex, place: Placement | None = None) -> dict[SeriesKey, list[RefRow]]:
    """Every series of the figure's metric, place (``placement``, unless given), subject and
    period, at any date."""
    aliases = index.aliases
    location = (place or placement(figure, index)).location
    subject = aliases.canonical("subject", figure.subject)
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


def live(figure: Figure, series: dict[SeriesKey, list[RefRow]], published: dt.date | None) -> dict[SeriesKey, list[RefRow]]:
    """The cut series that can judge a figure with no period of its own: a series counted from
    a date, or a stock (``current``), only while its newest row is within ``HORIZON`` of
    publication; any other series at any date."""
    if figure.period_start is None and published is not None:
        return {k: rows for k, rows in series.items() if not _ends(k) or published - rows[-1].as_of <= HORIZON}
    return series


def _ends(key: SeriesKey) -> bool:
    """Whether a series' figures stop meaning anything a while after its newest row."""
    return key[4] is not None or "current" in key[5].split()


def cut(series: dict[SeriesKey, list[RefRow]], published: dt.date | None) -> dict[SeriesKey, list[RefRow]]:
    """Each series cut at the publication date; series with no row by then left out."""
    out: dict[SeriesKey, list[RefRow]] = {}
    for key, rows in series.items():
        cut = rows if published is None else rows[: bisect_right(rows, published, key=lambda r: r.as_of)]
        if cut:
            out[key] = cut
    return out
