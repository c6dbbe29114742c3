"""unverifiable-figure: no reference series covers the figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Claim, Severity, Verdict
from .base import Rule

if TYPE_CHECKING:
    from . import Context

RULE = Rule(
    id="unverifiable-figure",
    name="Unverifiable figure",
    severity=Severity.info,
    summary="No reference series covers this figure, so it was not checked.",
    description=(
        "No reference row matches the figure's metric, place and subject on or before the "
        "publication date. The figure may well be right; it needs a human check, or a reference "
        "series added to the data (see reference_data/README.md)."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    if claim.verdict is not Verdict.unverifiable:
        return None
    where = f" in {claim.location}" if claim.location else ""
    return f"no reference series for '{claim.metric}'{where}: check {claim.text!r} by hand"
