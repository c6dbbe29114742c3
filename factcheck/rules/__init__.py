"""The rule registry: each rule is a module with a stable id, a severity and its docs.

A rule module defines ``RULE`` (a ``Rule``) and ``check(claim, context) -> str | None``,
returning the finding's message or None. ``factcheck rules``, SARIF's rule table and the
README are generated from this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from factcheck.models import Claim
from factcheck.reference.index import ReferenceIndex
from factcheck.rules import attribution_gap, contradicted_figure, outdated_figure, source_mismatch, unverifiable_figure
from factcheck.rules.base import Rule

__all__ = ["REGISTRY", "Context", "Registered", "Rule", "rules"]


@dataclass(frozen=True)
class Context:
    """What rules may consult besides the claim."""

    index: ReferenceIndex
    contested: frozenset[str]


@dataclass(frozen=True)
class Registered:
    rule: Rule
    check: Callable[[Claim, Context], str | None]


def _registered(module: ModuleType) -> Registered:
    return Registered(module.RULE, module.check)


REGISTRY: dict[str, Registered] = {
    r.rule.id: r
    for r in map(
        _registered,
        (contradicted_figure, outdated_figure, attribution_gap, source_mismatch, unverifiable_figure),
    )
}


def rules() -> list[Rule]:
    """Every rule, in registry order."""
    return [r.rule for r in REGISTRY.values()]
