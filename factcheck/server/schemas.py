"""The request and response bodies of the HTTP API (they make the OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT = Literal["json", "markdown", "html", "sarif", "text", "line", "github"]
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "sarif": "application/sarif+json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "line": "text/plain; charset=utf-8",
    "github": "text/plain; charset=utf-8",
}
DEFAULT_PATH = "<text>"


class CheckRequest(BaseModel):
    """One article to check; the same report as ``factcheck --format FORMAT [--date D] PATH``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    text: str = Field(description="The article, as it would be in the file (Markdown, plain text or HTML).")
    published: dt.date | None = Field(default=None, description="Publication date YYYY-MM-DD (as --date); default: the article's date, else today.")
    path: str = Field(
        default=DEFAULT_PATH, min_length=1, max_length=4096,
        description="The name reported for the article; its suffix (.md, .txt, .html) says how to read the text.",
    )
    format: FORMAT = Field(default="json", description="Report format: json (the CLI's JSON, byte for byte), markdown, html, sarif, text, line or github.")
    min_severity: Literal["error", "warning", "info"] | None = Field(default=None, description="Show findings at or above this severity (as --min-severity).")


class Problem(BaseModel):
    """Every error response: the status, one line saying what is wrong, and details if any."""

    status: int
    error: str
    detail: list[dict[str, Any]] | None = None


class RuleInfo(BaseModel):
    id: str
    name: str
    severity: str = Field(description="The severity this server reports it with (configuration applied).")
    default_severity: str
    enabled: bool
    summary: str
    description: str


class ReferenceSummary(BaseModel):
    files: list[str]
    rows: int
    series: int


class ResultsSummary(BaseModel):
    entries: int = Field(description="Reports kept for repeated identical requests.")
    hits: int
    misses: int


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    pid: int
    generation: int = Field(description="How many times this process has loaded its reference data (1 at start).")
    loaded_at: str
    reference: ReferenceSummary
    results: ResultsSummary


class Reloaded(BaseModel):
    reloaded: bool
    generation: int
    reference: ReferenceSummary
    workers: str = Field(description="'this process' (one worker), or 'every worker'.")
