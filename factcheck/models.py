"""Pydantic models: the contract between pipeline stages and the JSON report (version 1).

Stages hand each other these models: ``extract`` makes ``Figure``, ``attribute`` adds a
source (``Figure.model_copy``), ``match`` turns each into a ``Claim`` with a verdict, rules
add ``Finding`` and the formats render a ``Report``.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

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


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Figure(_Model):
    """A figure found in a document: a view (start, end) into its text, with its meaning."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    value: float
    high: float | None = None
    qualifier: Qualifier = Qualifier.exact
    step: float = Field(1.0, description="Rounding step the figure is written with (39,000 -> 1000).")
    vague: bool = Field(False, description="A vague quantity such as 'hundreds'.")
    unit: str | None = Field(None, description="ISO currency code for money.")
    metric: str = "count"
    subject: str | None = None
    location: str | None = None
    period_start: dt.date | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    source: str | None = Field(None, description="Who the figure is attributed to, as written.")
    canonical_source: str | None = None


class Reference(_Model):
    """The reference row a claim was compared with."""

    file: str
    row: int = Field(description="1-based line of the row in its CSV file (header is line 1).")
    value: float
    as_of: dt.date
    source: str
    source_url: str


class Claim(_Model):
    """A figure in the report: where it is, what it says, who says so and the verdict."""

    id: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    sentence: str
    value: float
    high: float | None
    qualifier: Qualifier
    unit: str | None = None
    metric: str
    subject: str | None
    location: str | None
    period_start: dt.date | None = None
    source: str | None
    canonical_source: str | None = None
    verdict: Verdict
    reference: Reference | None = None
    current: Reference | None = Field(None, description="The newest row of the series at the publication date.")
    message: str


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
    published_from: Literal["option", "article", "today"]
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
