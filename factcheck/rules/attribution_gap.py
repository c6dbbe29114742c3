"""attribution-gap: a contested figure (a death toll, a displacement count...) with no source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Claim, Severity
from .base import Rule

if TYPE_CHECKING:
    from . import Context

RULE = Rule(
    id="attribution-gap",
    name="Attribution gap",
    severity=Severity.warning,
    summary="A contested figure is stated without saying who it comes from.",
    description=(
        "Casualty, displacement, detention, hostage and fighter counts are contested: readers need "
        "to know whose count it is. Attribute the figure ('according to ...', '... said'). The "
        "contested metrics are configurable (contested-metrics)."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    if claim.source or claim.metric not in context.contested:
        return None
    sources = context.index.sources_for(claim.metric, claim.location)
    hint = f"; sources with a '{claim.metric}' series{' for ' + claim.location if claim.location else ''}: {', '.join(sources)}" if sources else ""
    return f"{claim.text!r} ({claim.metric}) is not attributed to any source{hint}"
