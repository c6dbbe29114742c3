"""attribution-gap: a contested figure (a death toll, a displacement count...) with no source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

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


_MAX_SOURCES = 6


def check(claim: Claim, context: Context) -> str | None:
    if claim.source or claim.metric not in context.contested:
        return None
    message = f"{claim.text!r} ({claim.metric}) is not attributed to any source"
    sources = context.index.sources_for(claim.metric, claim.location)
    if not sources:
        return message
    named = ", ".join(sources[:_MAX_SOURCES]) + (f" and {len(sources) - _MAX_SOURCES} more" if len(sources) > _MAX_SOURCES else "")
    place = f" for {claim.location}" if claim.location else ""
    return f"{message}; sources with a '{claim.metric}' series{place}: {named}"
