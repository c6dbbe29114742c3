"""doubtful-figure: a reference series disagrees with the figure, on evidence too weak for an error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.judge.verdict import below_every_row
from factcheck.judge.wording import compared, dated, why
from factcheck.models import Claim, Reason, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

RULE = Rule(
    id="doubtful-figure",
    name="Doubtful figure",
    severity=Severity.warning,
    summary="A reference series disagrees with the figure, on evidence too weak for an error.",
    description=(
        "The figure does not fit a reference series, but the evidence is not strong enough for an error: the "
        "series is another source's (not the attributed source's own, nor for an unattributed figure the series "
        "of record), whose definition of what is counted may differ; or the article has no publication date, so "
        "the figure was judged as of today; or the figure is lower than every figure the series has had, so it "
        "may be an earlier one or count a part of the total (a day's toll, one strike's). Check whose figure it "
        "is and what it counts, attribute it, or give the publication date."
    ),
)

_REASONS = (Reason.contradicted_other, Reason.contradicted_undated, Reason.below_series)


def check(claim: Claim, context: Context) -> str | None:
    if claim.reason not in _REASONS or claim.current is None:
        return None
    row = context.row(claim.current)
    said = f"{compared(claim, row)}: {why(claim, row)}"
    if claim.reason is Reason.below_series:
        rows = [r for r in context.index.series_of(row) if r.as_of <= row.as_of]
        if below_every_row(claim, rows):
            return (
                f"{said}; but it is lower than every figure of {row.source}'s series since {rows[0].as_of}: it may be an "
                "earlier figure, or count a part of the total (one day, one strike, one place)"
            )
        return (
            f"{said}; but {row.source}'s series passed through it between two earlier figures: it may be an earlier "
            "figure from between them, or count a part of the total (one day, one strike, one place)"
        )
    if claim.reason is Reason.contradicted_undated:
        if claim.other is not None:
            other = context.row(claim.other)
            said += f"; it matches {other.source}'s figure ({dated(other)})"
        return f"{said}; but the publication date was guessed (none in the article): give the date to judge it as of then"
    if claim.source:
        return f"{said}; {row.source}'s series is not that of the source it is attributed to ({claim.source!r}), and its definition may differ"
    return f"{said}; {row.source}'s series is not the series of record for it, and its definition may differ: attribute the figure"
