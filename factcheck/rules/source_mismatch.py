"""source-mismatch: the figure is attributed to one source but matches another's series."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Claim, Severity, Verdict
from .base import Rule

if TYPE_CHECKING:
    from . import Context

RULE = Rule(
    id="source-mismatch",
    name="Source mismatch",
    severity=Severity.warning,
    summary="The figure is attributed to a source whose own data does not hold it; another source's does.",
    description=(
        "The attributed source has no series for this figure, but another source's series supports "
        "it: the figure is probably that source's. Check the attribution."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    if not claim.source or claim.reference is None or claim.verdict is not Verdict.supported:
        return None
    if claim.canonical_source == claim.reference.source:
        return None
    return (
        f"{claim.text!r} is attributed to {claim.source!r} but matches the series of "
        f"{claim.reference.source} ({claim.reference.as_of})"
    )
