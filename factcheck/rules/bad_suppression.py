"""bad-suppression: a factcheck comment that silences nothing (a mistyped directive or rule)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Finding, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.pipeline import Options
    from factcheck.read.document import Document
    from factcheck.read.suppress import Suppressions
    from factcheck.rules import Context

RULE = Rule(
    id="bad-suppression",
    name="Bad suppression comment",
    severity=Severity.warning,
    summary="A factcheck comment has a typo: it silences nothing.",
    description=(
        "A comment such as '<!-- factcheck: igonre -->' or '<!-- factcheck: ignore atribution-gap -->' looks "
        "like a suppression but is not one: the directive (ignore, off, on, disable, enable) or a rule id is "
        "misspelt, so the figures it was meant to silence are still checked. Fix the spelling (factcheck rules "
        "lists the rule ids) or delete the comment."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    """A file-level rule: nothing to say about a single figure (see ``check_file``)."""
    return None


def check_file(doc: Document, quiet: Suppressions, options: Options) -> list[Finding]:
    """One finding per mistyped factcheck comment, at the comment."""
    if RULE.id in options.disabled:
        return []
    severity = options.severities.get(RULE.id, RULE.severity)
    out = []
    for offset, message in quiet.problems:
        line, column = doc.position(offset)
        out.append(Finding(rule=RULE.id, severity=severity, claim="", line=line, column=column, end_line=line, end_column=column, message=message))
    return out
