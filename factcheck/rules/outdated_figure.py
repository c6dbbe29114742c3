"""outdated-figure: the figure matches an earlier row, but a newer one was current at publication."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Severity, Verdict
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
        "before the publication date differs. Update the figure to the one current then, or date it "
        "('as of March')."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    return claim.message if claim.verdict is Verdict.outdated else None
