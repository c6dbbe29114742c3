"""unverifiable-figure: no reference series covers the figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Severity, Verdict
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

RULE = Rule(
    id="unverifiable-figure",
    name="Unverifiable figure",
    severity=Severity.info,
    summary="No reference series covers this figure, so it was not checked.",
    description=(
        "No reference row matches the figure's metric, place, subject and period on or before the "
        "publication date, or the figure lies above a growing series' latest row by no more than the "
        "series has been growing since (it may be newer than the data). The figure may well be right; "
        "it needs a human check, or a reference row added to the data (see reference_data/README.md)."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    if claim.verdict is not Verdict.unverifiable:
        return None
    if claim.message and not claim.message.startswith("no reference series covers"):
        return f"{claim.message}: check {claim.text!r} by hand"
    where = f" in {claim.location}" if claim.location else ""
    return f"no reference series for '{claim.metric}'{where}: check {claim.text!r} by hand"
