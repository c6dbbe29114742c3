"""Match stage: compare each figure with the reference series current at publication.

Tolerance comes from the figure itself: the step it is rounded to ("39,000" -> 1,000) and
its qualifier. ``supports`` holds the semantics; the README's table documents them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .models import Figure, Qualifier, Reference, Verdict
from .refs import RefRow, ReferenceIndex

GENERIC_SUBJECTS = frozenset({"", "people", "persons", "individuals", "others"})
PERIOD_SLACK = dt.timedelta(days=31)  # "since April 2023" resolves to the 1st
FAIR_BOUND = 1.25


@dataclass(frozen=True)
class Outcome:
    """A verdict with the row it rests on and the row current at publication."""

    verdict: Verdict
    message: str
    reference: RefRow | None = None
    current: RefRow | None = None


def fmt(value: float) -> str:
    """A number as a reader writes it: 39,175 / 2.6 / 0.5."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def supports(figure: Figure, ref: float) -> tuple[bool, str]:
    """Whether the figure, as written, is a fair statement of the reference value; and why not."""
    v, step, q = figure.value, max(figure.step, 1e-9), figure.qualifier
    half = step / 2
    if figure.vague:
        upper = v * (100 / 12 if v == 12 else 10)
        return (v <= ref < upper), ("the reference is below that" if ref < v else "the reference is far above that")
    if q is Qualifier.range:
        high = figure.high if figure.high is not None else v
        return (v - half <= ref <= high + half), "the reference is outside the range"
    if q is Qualifier.exact:
        return (abs(ref - v) <= half), "the reference does not round to it"
    if q is Qualifier.approx:
        return (abs(ref - v) <= max(step, 0.05 * abs(v))), "the reference is not close to it"
    if q is Qualifier.nearly:
        return (v - max(step, 0.1 * abs(v)) <= ref <= v + half), "the reference is not just below it"
    if q in (Qualifier.more_than, Qualifier.at_least):
        if ref < v - (half if q is Qualifier.more_than else 0) - 1e-9:
            return False, "the reference is below that"
        return (ref <= max(v * FAIR_BOUND, v + step)), "it understates the reference"
    if q in (Qualifier.less_than, Qualifier.at_most):
        if ref > v + (half if q is Qualifier.less_than else 0) + 1e-9:
            return False, "the reference is above that"
        return (ref >= min(v / FAIR_BOUND, v - step)), "it overstates the reference"
    if q is Qualifier.up_to:
        return (v * 0.5 <= ref <= v + half), "the reference is not just up to it"
    return False, "unknown qualifier"


def _subject_ok(row: RefRow, subject: str | None, metric: str) -> bool:
    if metric == "members":
        return not row.subject or (subject or "").lower() == row.subject.lower()
    a, b = (subject or "").lower(), row.subject.lower()
    return a == b or a in GENERIC_SUBJECTS or b in GENERIC_SUBJECTS


def _period_ok(row: RefRow, start: dt.date | None) -> bool:
    if start is None or row.period_start is None:
        return True
    return abs(row.period_start - start) <= PERIOD_SLACK


def candidate_series(figure: Figure, index: ReferenceIndex, published: dt.date | None) -> dict[tuple, list[RefRow]]:
    """Rows that could verify the figure, grouped by series, each list ordered by as_of."""
    location = index.aliases.canonical("location", figure.location) if figure.location else None
    subject = index.aliases.canonical("subject", figure.subject)
    out: dict[tuple, list[RefRow]] = {}
    for row in index.candidates(figure.metric):
        if row.location and row.location != location:
            continue
        if not _subject_ok(row, subject, figure.metric) or not _period_ok(row, figure.period_start):
            continue
        if published is not None and row.as_of > published:
            continue
        out.setdefault(row.series, []).append(row)
    for rows in out.values():
        rows.sort(key=lambda r: r.as_of)
    return out


def _judge(figure: Figure, rows: list[RefRow]) -> Outcome:
    current = rows[-1]
    ok, why = supports(figure, current.value)
    if ok:
        return Outcome(Verdict.supported, "", current, current)
    for row in reversed(rows[:-1]):
        if supports(figure, row.value)[0]:
            return Outcome(Verdict.outdated, f"matches the figure of {row.as_of} but {why}", row, current)
    return Outcome(Verdict.contradicted, why, current, current)


def match(figure: Figure, index: ReferenceIndex, published: dt.date | None) -> Outcome:
    """The verdict for one figure, preferring the attributed source's own series."""
    series = candidate_series(figure, index, published)
    if figure.metric == "years":
        series = {k: rows for k, rows in series.items() if any(r.value == figure.value for r in rows)}
    if not series:
        return Outcome(Verdict.unverifiable, "no reference series covers this figure")
    own = {k: v for k, v in series.items() if figure.canonical_source and k[3] == figure.canonical_source}
    pool = own or series
    outcomes = [_judge(figure, rows) for _, rows in sorted(pool.items(), key=lambda kv: (-kv[1][-1].as_of.toordinal(), kv[0][3]))]
    rank = {Verdict.supported: 0, Verdict.outdated: 1, Verdict.contradicted: 2}
    best = min(outcomes, key=lambda o: rank[o.verdict])
    return Outcome(best.verdict, _message(figure, best), best.reference, best.current)


def _message(figure: Figure, outcome: Outcome) -> str:
    assert outcome.current is not None
    shown = fmt(figure.value) if figure.high is None else f"{fmt(figure.value)}-{fmt(figure.high)}"
    cur = outcome.current
    said = f"{shown} ({figure.qualifier.value}) vs {fmt(cur.value)} as of {cur.as_of}, {cur.source}"
    if outcome.verdict is Verdict.supported:
        return said
    if outcome.verdict is Verdict.outdated and outcome.reference is not None:
        ref = outcome.reference
        return f"{said}: outdated, it matches {fmt(ref.value)} as of {ref.as_of}; the figure current then was {fmt(cur.value)}"
    return f"{said}: {outcome.message}"


def as_reference(row: RefRow | None) -> Reference | None:
    if row is None:
        return None
    return Reference(file=row.file, row=row.line, value=row.value, as_of=row.as_of, source=row.source, source_url=row.source_url)
