"""The rule registry: each rule is a module with a stable id, a severity and its docs.

A rule module defines ``RULE`` (a ``Rule``) and ``check(claim, context) -> str | None``,
returning the finding's message or None. A rule decides on the claim's structured fields (its
verdict, ``reason`` code and rows) and writes its own message; it never reads another
module's text (``claim.message`` is the judge's account for the report). ``factcheck rules``,
SARIF's rule table and the README are generated from this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from factcheck.models import Claim, Reference
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import RefRow
from factcheck.rules import (  # bad_suppression, undated_article: file-level rules (H6)
    attribution_gap,
    bad_suppression,
    contradicted_figure,
    doubtful_figure,
    outdated_figure,
    source_mismatch,
    undated_article,
    unreadable_figure,
    unverifiable_figure,
)
from factcheck.rules.base import Rule

__all__ = ["REGISTRY", "Context", "Registered", "Rule", "rules"]


@dataclass(frozen=True)
class Context:
    """What rules may consult besides the claim."""

    index: ReferenceIndex
    contested: frozenset[str]

    def row(self, ref: Reference) -> RefRow:
        """The reference row a claim's ``Reference`` points at (with its range, limits and definition)."""
        found = self.index.row_at(ref.file, ref.row)
        if found is not None:
            return found
        return RefRow(ref.file, ref.row, "", "", "", ref.value, None, None, ref.as_of, None, ref.source, ref.source_url)


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
        (contradicted_figure, outdated_figure, attribution_gap, source_mismatch, unverifiable_figure,
         undated_article, bad_suppression,  # file-level rules (check_file): H6
         doubtful_figure, unreadable_figure),
    )
}


def rules() -> list[Rule]:
    """Every rule, in registry order."""
    return [r.rule for r in REGISTRY.values()]
