"""contradicted-figure: the reference data current at publication contradicts the figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Severity, Verdict
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

RULE = Rule(
    id="contradicted-figure",
    name="Contradicted figure",
    severity=Severity.error,
    summary="The figure disagrees with the reference series current at the publication date.",
    description=(
        "The figure was compared with the newest reference row on or before the publication date "
        "(the attributed source's own series when there is one), allowing for the precision it is "
        "written with and its qualifier, and it does not fit: wrong, understated ('more than 1,000' "
        "for 45,000) or overstated. Correct the figure or attribute it to the source whose figure it is."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    return claim.message if claim.verdict is Verdict.contradicted else None
