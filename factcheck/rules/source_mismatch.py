"""source-mismatch: the figure is attributed to one source but matches another's series."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.judge.wording import dated
from factcheck.models import Claim, Reason, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

# Facts of record (when something began, how many members a bloc has) belong to no one's count.
RECORD_METRICS = frozenset({"years", "members"})

RULE = Rule(
    id="source-mismatch",
    name="Source mismatch",
    severity=Severity.warning,
    summary="The figure is attributed to a source whose own data does not hold it; another source's does.",
    description=(
        "The attributed source has no reference series for this figure, but another source's series "
        "supports it: the figure is probably that source's. Check the attribution, or say whose "
        "figure it is ('the UN, citing the health ministry'). Facts of record (years, member "
        "counts) are not checked for this."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    if claim.reason is not Reason.fits_other_source or claim.reference is None or claim.metric in RECORD_METRICS:
        return None
    row = context.row(claim.reference)
    return f"{claim.text!r} is attributed to {claim.source!r}, which has no series for it; it is {row.source}'s figure ({dated(row)})"
