"""What a figure counts, in the vocabulary of series definitions, and which series fit it.

A figure's *reading* on each dimension is the set of tokens it may count under: "refugees"
are abroad; "displaced" is inside the country or both; an unqualified count of people killed
counts everyone; a hostage count may be of those taken, still held, held alive or released. A
figure attributed to a source with series of its own takes that source's definition (UNHCR's
"displaced" counts people abroad too). A series fits a figure when its token on every
dimension it states is a possible reading. A contradiction is *decisive* on definitions only
when every reading agrees on its direction: a figure above a narrower series may simply count
more (a total that includes refugees, against a count inside the country); a figure below a
wider series may count fewer (hostages still held, against hostages taken).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from factcheck.judge.series import period_fits, whole
from factcheck.models import Figure, Scope
from factcheck.reference.aliases import _key
from factcheck.reference.definition import DIMENSIONS, relation, tokens
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import SeriesKey

Reading = dict[str, frozenset[str]]

_ALL: Reading = {dim: frozenset(options) for dim, options in DIMENSIONS.items()}
_ACCUMULATE = frozenset({"killed", "injured", "agreements", "aid", "money"})  # counts that only grow: never a stock


@dataclass(frozen=True)
class Fit:
    """How a series' definition fits a figure: comparable at all, and whether a figure above
    (below) the series' value contradicts it whatever the figure counts."""

    comparable: bool
    above_decisive: bool = True
    below_decisive: bool = True


def reading(figure: Figure, index: ReferenceIndex, own: Collection[SeriesKey] | None = None) -> Reading:
    """The tokens the figure may count under, per dimension; own: the series of the figure's
    source for its metric (``ReferenceIndex.series_from``), when the caller has them."""
    read = dict(_ALL)
    subject = _key(figure.subject or "")
    words = set(subject.replace("-", " ").split())
    place = figure.location
    if figure.metric == "refugees" or words & {"refugee", "refugees"}:
        read["place"] = frozenset({"abroad"})
    elif figure.metric == "displaced":
        read["place"] = frozenset({"inside"} if words & {"internally", "idps", "idp"} else {"inside", "both"})
    if words & {"civilian", "civilians"}:
        read["people"] = frozenset({"civilians"})
    elif whole(figure.subject, figure.metric, place, index.aliases):
        read["people"] = frozenset({"all"})
    read["event"] = frozenset({figure.event}) if figure.event else frozenset()  # the kind of event the copy names
    if figure.scope is Scope.increment:
        read["time"] = frozenset({"period"})
    else:
        read["time"] = frozenset({"cumulative"} if figure.metric in _ACCUMULATE else {"cumulative", "current"})
    for dim, tokens_of_own in own_definition(figure, index, own).items():
        narrowed = read[dim] & tokens_of_own
        if narrowed:
            read[dim] = narrowed
    return read


def own_definition(figure: Figure, index: ReferenceIndex, own: Collection[SeriesKey] | None = None) -> dict[str, frozenset[str]]:
    """The tokens the figure's source uses for its own series of the metric (in the figure's
    place when it has some there), per dimension every one of them states; own as in ``reading``."""
    if own is None:
        own = index.series_from(figure.metric, figure.canonical_source or figure.source)
    if not own:
        return {}
    location = index.aliases.canonical("location", figure.location) if figure.location else None
    here = [k for k in own if k[1] and k[1] == location]
    chosen = here or list(own)
    out: dict[str, frozenset[str]] = {}
    for dim in DIMENSIONS:
        stated = [tokens(k[5]).get(dim) for k in chosen]
        if stated and None not in stated:
            out[dim] = frozenset(t for t in stated if t is not None)
    return out


def fit(read: Reading, key: SeriesKey, same_period: bool = False) -> Fit:
    """How the series key's definition fits a figure read as read; same_period when the
    figure counts from the series' own period start ("since January"), so that a running
    total and a period's count are then the same count."""
    above = below = True
    for dim, token in tokens(key[5]).items():
        options = frozenset({token}) if dim == "time" and same_period else read[dim]
        if token not in options:
            return Fit(False, False, False)
        relations = {relation(option, token) for option in options}
        above = above and relations <= {"same", "narrower"}
        below = below and relations <= {"same", "wider"}
    return Fit(True, above, below)


def comparable_scope(figure: Figure, key: SeriesKey) -> bool:
    """Whether a figure of its scope may be judged against a series: a total against any but a
    period's count; an increment only against a period's count of its own period; a subset
    never; a share only when the metric is itself a share (percent)."""
    time = tokens(key[5]).get("time")
    if figure.scope is Scope.total or (figure.scope is Scope.share and figure.metric == "percent"):
        return True
    if figure.scope is Scope.increment:
        return time == "period" and period_fits(key[4], figure.period_start)
    return False
