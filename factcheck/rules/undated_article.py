"""undated-article: the article states no publication date, so today's date was used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Extraction, Finding, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.pipeline import Options
    from factcheck.rules import Context

RULE = Rule(
    id="undated-article",
    name="Undated article",
    severity=Severity.info,
    summary="The article states no publication date, so its figures were judged as of today.",
    description=(
        "Figures are judged against the reference data current on the publication date. This article has "
        "no date in its front matter (date:) or first lines, and none was given with --date, so today's date "
        "was used: in an archive run an old article's figures are then called outdated against data published "
        "after it. Give the date (front matter 'date: 2024-07-27', a dateline, or --date) to judge it as of then."
    ),
)


def check(claim: Claim, context: Context) -> str | None:
    """A file-level rule: nothing to say about a single figure (see ``check_file``)."""
    return None


def check_file(extraction: Extraction, options: Options) -> list[Finding]:
    """One finding at the top of an undated article that has figures (their verdicts depend on the date)."""
    if extraction.published_from != "today" or not extraction.figures or RULE.id in options.disabled:
        return []
    message = f"no publication date in the article or on the command line: its figures were judged as of today, {extraction.published}"
    return [Finding(
        rule=RULE.id, severity=options.severities.get(RULE.id, RULE.severity), claim="",
        line=1, column=1, end_line=1, end_column=1, message=message,
    )]
