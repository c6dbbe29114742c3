"""Pydantic models: the contract between pipeline stages and the JSON report (version 1).

Stages hand each other these models: ``extract`` makes a ``Figure`` (what the copy says and
what it counts), ``attribution`` adds who says so (``Figure.model_copy``), the ``judge`` gives
a ``Judgement`` (verdict, reason code, the rows used), and a ``Claim`` is a figure placed in
its file (id, line, column, sentence) with its judgement; rules add ``Finding`` and the
formats render a ``Report``.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1
PublishedFrom = Literal["option", "article", "today"]

METRICS: tuple[str, ...] = (
    "killed", "injured", "displaced", "refugees", "missing", "detained", "hostages",
    "fighters", "agreements", "members", "aid", "money", "percent", "years", "count",
)
CONTESTED_METRICS: tuple[str, ...] = (
    "killed", "injured", "displaced", "refugees", "missing", "detained", "hostages", "fighters",
)


class Qualifier(str, Enum):
    """How a figure bounds the true value."""

    exact = "exact"
    approx = "approx"
    nearly = "nearly"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"
    up_to = "up_to"
    range = "range"


class Verdict(str, Enum):
    supported = "supported"
    contradicted = "contradicted"
    outdated = "outdated"
    unverifiable = "unverifiable"


class Scope(str, Enum):
    """How a figure relates to the running total of what it counts."""

    total = "total"  # a running total ("the toll rose to 45,000")
    increment = "increment"  # a period's or an event's count ("a further 45 died overnight")
    subset = "subset"  # a part of a larger count ("in Poland alone", "of them children")
    share = "share"  # a proportion ("a third of the population", "one in five")


class Reason(str, Enum):
    """Why the judge gave its verdict: a stable code the rules decide on (never its text)."""

    fits_current = "fits-current"  # the current row of the series fits
    fits_earlier = "fits-earlier"  # only an earlier row fits
    fits_other_source = "fits-other-source"  # an attributed figure fits only another source's series (its source has none)
    contradicted = "contradicted"  # its own source's series, or the series of record, contradicts it at a known date
    contradicted_other = "contradicted-other"  # only another source's series contradicts it (its definition may differ)
    contradicted_undated = "contradicted-undated"  # its own or the record series contradicts it, at a guessed publication date
    below_series = "below-series"  # lower than every row its series has had, or between two earlier rows: an earlier figure or a part
    unreadable = "unreadable"  # the figure cannot be read safely (Figure.unreadable): not judged
    other_definition = "other-definition"  # the series that could judge it count something else (or may: not decisive)
    no_series = "no-series"  # no reference series covers the figure
    no_row_yet = "no-row-yet"  # the series has no row by the publication date
    series_ended = "series-ended"  # only series counted from a date fit, and they ended long before publication
    may_be_newer = "may-be-newer"  # above the latest row, within the series' recent growth
    not_comparable = "not-comparable"  # an increment, subset or share is not judged against a total


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Unreadable = Literal["hidden-space", "ambiguous-separator", "homoglyph", "split", "bidi-override"]  # why a figure cannot be read


class Figure(_Model):
    """A figure found in a document: a view (start, end) into its text, with its meaning."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    value: float
    high: float | None = None
    qualifier: Qualifier = Qualifier.exact
    step: float = Field(1.0, description="Rounding step the figure is written with (39,000 -> 1000).")
    vague: bool = Field(False, description="A vague quantity such as 'hundreds'.")
    unreadable: Unreadable | None = Field(
        None, description="Why the figure cannot be read safely ('39.000' in English copy, a hidden space or a letter among its digits); it is reported, never judged.",
    )
    unit: str | None = Field(None, description="ISO currency code for money.")
    metric: str = "count"
    subject: str | None = None
    location: str | None = None
    period_start: dt.date | None = None
    stated: dt.date | None = Field(
        None, description="The day the figure was given, when the copy dates it before publication ('said on Saturday'); it is judged as of then.",
    )
    event: str | None = Field(
        None, description="The kind of event the copy names around the figure ('earthquake', 'flood'): it meets only series of that event.",
    )
    sentence_start: int = 0
    sentence_end: int = 0
    scope: Scope = Scope.total
    source: str | None = Field(None, description="Who the figure is attributed to: the short name ('David Feder').")
    source_phrase: str | None = Field(None, description="The source as written ('The club's general manager, David Feder').")
    relay: str | None = Field(None, description="Who relays the source's figure ('Reuters' in 'Reuters, citing the ministry').")
    canonical_source: str | None = None


class Reference(_Model):
    """The reference row a claim was compared with."""

    file: str
    row: int = Field(description="1-based line of the row in its CSV file (header is line 1).")
    value: float
    as_of: dt.date
    source: str
    source_url: str


class Located(Figure):
    """A figure placed in its file: an id, line and column, the text quoted and its sentence."""

    id: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    sentence: str


class Extraction(_Model):
    """What extraction and attribution make of one document: the input of the judge, and
    what an archive stores so that a document is never read twice."""

    path: str
    published: dt.date | None
    published_from: PublishedFrom
    figures: list[Located]
    muted: dict[str, list[str]] = Field(default_factory=dict, description="Rules silenced per figure id by suppression comments.")
    notes: list[Finding] = Field(default_factory=list, description="Findings about the file, not a figure (claim ''), made while reading it.")


class Claim(Located):
    """A figure in the report: the figure, where it is, and the judge's verdict on it."""

    verdict: Verdict
    reason: Reason = Reason.no_series
    reference: Reference | None = None
    current: Reference | None = Field(None, description="The newest row of the series at the publication date.")
    other: Reference | None = Field(None, description="Another series' row the verdict names: one that supports the figure when its own series does not, or the first row of a series that starts after publication.")
    message: str
    suggestion: str | None = Field(None, description="The current reference figure written in the article's style.")


class Finding(_Model):
    """One rule's finding about one claim: plain data."""

    rule: str
    severity: Severity
    claim: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str


class FileReport(_Model):
    path: str
    published: dt.date | None
    published_from: PublishedFrom
    claims: list[Claim]
    findings: list[Finding]


class Summary(_Model):
    files: int
    claims: int
    errors: int
    warnings: int
    infos: int


class Report(_Model):
    schema_version: Literal[1] = SCHEMA_VERSION
    files: list[FileReport]
    summary: Summary

    @classmethod
    def of(cls, files: list[FileReport]) -> Report:
        """Build a report and its summary from file reports."""
        counts = {s: 0 for s in Severity}
        for report in files:
            for finding in report.findings:
                counts[finding.severity] += 1
        summary = Summary(
            files=len(files),
            claims=sum(len(f.claims) for f in files),
            errors=counts[Severity.error],
            warnings=counts[Severity.warning],
            infos=counts[Severity.info],
        )
        return cls(files=files, summary=summary)
