"""The ``Rule`` record that every rule module declares (kept apart to avoid import cycles)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import Severity


@dataclass(frozen=True)
class Rule:
    """A rule's stable id, display name, default severity and documentation."""

    id: str
    name: str
    severity: Severity
    summary: str
    description: str
