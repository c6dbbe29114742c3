"""Output formats: one module per format, each with ``render(report, style) -> str``.

A format only renders: ``shown`` applies ``--min-severity`` (the summary then counts what is
shown); the exit code is decided on the whole report elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.models import Reference, Report
from factcheck.report import github, html, json_format, line, markdown, sarif, text

__all__ = ["FORMATS", "Style", "render", "shown", "use_color"]


@dataclass(frozen=True)
class Style:
    """How to render, and what a format may need besides the report.

    ``texts`` maps a report path to the article's original text (the HTML format shows the
    article); ``series`` gives the whole reference series a reference row belongs to (the
    HTML format charts it). Both are optional: without them the HTML is less rich.
    """

    color: bool = False
    min_severity: int = 1
    texts: Mapping[str, str] = field(default_factory=dict)
    series: Callable[[Reference], Sequence[Reference]] | None = None


FORMATS: dict[str, Callable[[Report, Style], str]] = {
    "text": text.render,
    "line": line.render,
    "json": json_format.render,
    "markdown": markdown.render,
    "html": html.render,
    "sarif": sarif.render,
    "github": github.render,
}


def shown(report: Report, min_severity: int) -> Report:
    """The report with only findings at or above min_severity (rank), summary recounted."""
    if min_severity <= 1:
        return report
    return Report.of([
        f.model_copy(update={"findings": [x for x in f.findings if x.severity.rank >= min_severity]})
        for f in report.files
    ])


def use_color(isatty: bool, no_color_flag: bool, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, never with --no-color or a non-empty NO_COLOR (no-color.org)."""
    return isatty and not no_color_flag and not environ.get("NO_COLOR")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_FORMATS = frozenset({"json", "sarif"})


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def printable(report: Report) -> Report:
    """The report with control characters (an article's or a reference file's terminal escapes)
    replaced by U+FFFD, so that printing or ``cat``-ing a report cannot drive the terminal.
    JSON formats need no scrubbing: their encoder escapes control characters."""
    data = report.model_dump()
    scrubbed = _scrub(data)
    return report if scrubbed == data else Report.model_validate(scrubbed)


def render(report: Report, name: str, style: Style | None = None) -> str:
    style = style or Style()
    report = shown(report, style.min_severity)
    return FORMATS[name](report if name in _JSON_FORMATS else printable(report), style)
