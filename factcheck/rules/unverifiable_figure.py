"""unverifiable-figure: no reference series can judge the figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.judge.definition import fit, reading
from factcheck.judge.wording import compared, dated, why
from factcheck.models import Claim, Reason, Scope, Severity
from factcheck.reference.definition import describe
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

RULE = Rule(
    id="unverifiable-figure",
    name="Unverifiable figure",
    severity=Severity.info,
    summary="No reference series can judge this figure, so it was not checked.",
    description=(
        "No reference row matches the figure's metric, place, subject and period on or before the "
        "publication date; or the figure is a part, an increment or a share that is not compared with a "
        "total; or the series count something else (people inside the country against a figure that may "
        "include those abroad); or the figure lies above a growing series' latest row by no more than the "
        "series has been growing since (it may be newer than the data); or the only series that fit count "
        "from a date (an event, a war) or count a stock, and end more than a year before publication, while "
        "the figure gives no period (it may be about a later event, or the stock have moved). The figure may well be right; "
        "it needs a human check, or a reference row added to the data (see reference_data/README.md)."
    ),
)

_SCOPES = {Scope.increment: "a count for one period or event", Scope.subset: "a part of a larger count", Scope.share: "a share"}


def check(claim: Claim, context: Context) -> str | None:
    reason = claim.reason
    if reason is Reason.no_series or (reason is Reason.no_row_yet and claim.current is None and claim.other is None):
        where = f" in {claim.location}" if claim.location else ""
        return f"no reference series for '{claim.metric}'{where}: check {claim.text!r} by hand"
    by_hand = f"check {claim.text!r} by hand"
    if reason is Reason.no_row_yet and claim.other is not None:
        first = context.row(claim.other)
        if claim.current is None:
            return f"no reference row by the publication date: the earliest is {dated(first)}, {first.source}: {by_hand}"
        row = context.row(claim.current)
        return f"{compared(claim, row)}: {why(claim, row)}, but it may be a figure of a series with no row yet ({first.source}, from {first.as_of}): {by_hand}"
    if reason is Reason.series_ended and claim.other is not None:
        last = context.row(claim.other)
        return (
            f"the only series for {claim.text!r} end {dated(last)} ({last.source}), more than a year before "
            f"publication: the figure may be about a later event, or the count have moved; {by_hand}"
        )
    if claim.current is None:
        return None
    row = context.row(claim.current)
    if reason is Reason.may_be_newer:
        if len([r for r in context.index.series_of(row) if r.as_of <= row.as_of]) == 1:
            return f"{compared(claim, row)}: above the only reference row by then, and how fast the count grows is unknown: it may be newer than the data; {by_hand}"
        return f"{compared(claim, row)}: above the latest reference of a growing count, which may have risen since: it may be newer than the data; {by_hand}"
    if reason is Reason.not_comparable and claim.scope is Scope.total and claim.location:
        return (
            f"{claim.text!r} counts people of {row.location} in {claim.location}, a part of {row.location}'s count: "
            f"not compared with {row.source}'s {dated(row)}; {by_hand}"
        )
    if reason is Reason.not_comparable:
        what = _SCOPES.get(claim.scope, claim.scope.value)
        return f"{claim.text!r} is {what}, not a running total: not compared with {row.source}'s {dated(row)}; {by_hand}"
    if reason is Reason.other_definition:
        counts = describe(row.definition) or "something else"
        if fit(reading(claim, context.index), row.series).comparable:
            return f"{compared(claim, row)}: {why(claim, row)}, but {row.source}'s series counts {counts} and the figure may count more or less: {by_hand}"
        return f"{row.source}'s series counts {counts}, not what {claim.text!r} counts: not compared ({dated(row)}); {by_hand}"
    return None
