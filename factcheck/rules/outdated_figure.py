"""outdated-figure: the figure matches an earlier row, but a newer one was current at publication."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.judge.wording import compared, dated
from factcheck.models import Claim, Reason, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

RULE = Rule(
    id="outdated-figure",
    name="Outdated figure",
    severity=Severity.warning,
    summary="The figure was right once, but a newer figure was current at the publication date.",
    description=(
        "The figure fits an earlier row of the same reference series, but a newer row dated on or "
        "before the publication date differs. Update the figure to the one current then (the finding "
        "suggests it), or date it ('as of March')."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    if claim.reason is not Reason.fits_earlier or claim.reference is None or claim.current is None:
        return None
    earlier, current = context.row(claim.reference), context.row(claim.current)
    return f"{compared(claim, current)}: outdated, it matches {dated(earlier)}; the figure current then was {current.describe()}"
