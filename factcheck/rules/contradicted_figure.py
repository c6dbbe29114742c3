"""contradicted-figure: on strong evidence, the reference data current at publication contradicts the figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.judge.wording import compared, dated, why
from factcheck.models import Claim, Reason, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

RULE = Rule(
    id="contradicted-figure",
    name="Contradicted figure",
    severity=Severity.error,
    summary="The figure disagrees with its own source's series (or the series of record) current at the publication date.",
    description=(
        "The figure was compared with the newest reference row on or before a known publication date of the "
        "attributed source's own series (for an unattributed figure, the series of record), allowing for the "
        "precision it is written with and its qualifier, and it does not fit whatever the figure counts: wrong, "
        "understated ('more than 1,000' for 45,000) or overstated. Correct the figure (the finding suggests the "
        "current one) or attribute it to the source whose figure it is. Weaker evidence (another source's "
        "series, a guessed date) is a doubtful-figure warning instead."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    if claim.reason is not Reason.contradicted or claim.current is None:
        return None
    row = context.row(claim.current)
    message = f"{compared(claim, row)}: {why(claim, row)}"
    if claim.other is not None:
        other = context.row(claim.other)
        message += f"; it matches {other.source}'s figure ({dated(other)})"
    return message
