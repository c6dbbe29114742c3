"""Output formats: one module per format, each with ``render(report, style) -> str``.

A format only renders: ``shown`` applies ``--min-severity`` (the summary then counts what is
shown); the exit code is decided on the whole report elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.models import Reference, Report
from factcheck.report import checkstyle, csv_format, github, gitlab, html, json_format, junit, line, markdown, sarif, summary, text

__all__ = ["FORMATS", "Style", "defuse", "printable", "render", "shown", "use_color"]


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
    "junit": junit.render,
    "gitlab": gitlab.render,
    "checkstyle": checkstyle.render,
    "csv": csv_format.render,
    "summary": summary.render,
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
    """Colour on a terminal, or when FORCE_COLOR is set (not to 0 or false: force-color.org);
    never with --no-color or a non-empty NO_COLOR (no-color.org)."""
    if no_color_flag or environ.get("NO_COLOR"):
        return False
    force = environ.get("FORCE_COLOR")
    if force is not None and force != "":
        return force.strip().lower() not in ("0", "false", "no", "off")
    return isatty


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_JSON_FORMATS = frozenset({"json", "sarif", "gitlab"})
_XML_FORMATS = frozenset({"junit", "checkstyle"})
_WHITESPACE_FIELDS = frozenset({"text", "sentence", "source_phrase"})
_COMMAND_LINE = re.compile(r"^([ \t]*):(?=:)", re.M)


def _scrub(value: Any, key: str = "") -> Any:
    if isinstance(value, str):
        if key in _WHITESPACE_FIELDS:
            value = value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
        return _CONTROL.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _scrub(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, key) for v in value]
    return value


def printable(report: Report) -> Report:
    """The report with control characters (an article's or a reference file's terminal escapes,
    line breaks in a file name, bidirectional overrides such as U+202E) replaced by U+FFFD, so
    that printing or ``cat``-ing a report cannot drive the terminal, reorder what it shows or
    start a line of its own. JSON formats need no scrubbing: their encoder escapes them."""
    data = report.model_dump()
    scrubbed = _scrub(data)
    return report if scrubbed == data else Report.model_validate(scrubbed)


def printable_text(text: str) -> str:
    """An article's text for display: control and bidirectional characters (not tabs or line
    breaks) replaced by U+FFFD, one for one, so offsets into it still hold."""
    return _HIDDEN.sub("\ufffd", text)


def defuse(out: str, name: str) -> str:
    """No line of a report is a CI workflow command: GitHub's runner reads ``::command`` at the
    start of a line (after blanks) and ``##[command]`` anywhere. In JSON and XML the first
    character is written as an escape (the same data); elsewhere a zero-width space splits it."""
    if name == "github":
        return out
    if name in _JSON_FORMATS:
        return out.replace("##[", "#\\u0023[")
    if name in _XML_FORMATS:
        return _COMMAND_LINE.sub(r"\1&#58;", out).replace("##[", "&#35;#[")
    return _COMMAND_LINE.sub("\\1:\u200b", out).replace("##[", "#\u200b#[")


def render(report: Report, name: str, style: Style | None = None) -> str:
    style = style or Style()
    report = shown(report, style.min_severity)
    if name not in _JSON_FORMATS:
        report = printable(report)
        if style.texts:
            style = replace(style, texts={k: printable_text(v) for k, v in style.texts.items()})
    return defuse(FORMATS[name](report, style), name)
