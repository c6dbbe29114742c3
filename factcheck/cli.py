"""The command line: parses options and calls the library. Exit codes: 0 clean, 1 findings at
or above --fail-on, 2 usage error, unreadable input or invalid reference data."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import FactcheckError
from .files import atomic_write, discover
from .formats import FORMATS, Style, render
from .models import Report, Severity
from .pipeline import Checker, Options, run
from .read import DEFAULT_MAX_BYTES, Document, decode
from .refs import ReferenceIndex
from .rules import rules as all_rules

FailOn = Enum("FailOn", {n: n for n in ("error", "warning", "info", "never")}, type=str)  # type: ignore[misc]
MinSeverity = Enum("MinSeverity", {n: n for n in ("error", "warning", "info")}, type=str)  # type: ignore[misc]
Format = Enum("Format", {n: n for n in FORMATS}, type=str)  # type: ignore[misc]


class DefaultGroup(TyperGroup):
    """Routes `factcheck PATH...` to the `check` command; subcommands keep their names."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(cls=DefaultGroup, add_completion=False, no_args_is_help=True, help="Fact-check the numbers in news copy.")
refs_app = typer.Typer(no_args_is_help=True, help="Inspect and validate reference data.")
app.add_typer(refs_app, name="refs")


def fail(error: FactcheckError | str) -> typer.Exit:
    """Print a one-line error and return the exit to raise (code 2)."""
    typer.echo(f"factcheck: error: {error}", err=True)
    return typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Fact-check the numbers in news copy against curated reference data."""


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"--date {value!r} is not a YYYY-MM-DD date") from None


def _read_stdin(name: str, encoding: str | None) -> Document:
    text, used = decode(sys.stdin.buffer.read(), name, encoding)
    return Document.from_text(text, path=name, encoding=used)


def exit_code(report: Report, fail_on: str) -> int:
    """1 when any finding is at or above the --fail-on severity, else 0."""
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(f.severity.rank >= threshold for file in report.files for f in file.findings))


@app.command("check")
def check_command(
    paths: Annotated[list[str], typer.Argument(help="Articles: files, folders (*.txt, *.md found recursively) or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,  # type: ignore[attr-defined]
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date YYYY-MM-DD (default: from the article, else today).")] = None,
    refs: Annotated[Optional[list[Path]], typer.Option("--refs", help="Reference CSV file or folder, instead of the bundled data (repeatable).")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")] = FailOn.error,  # type: ignore[attr-defined]
    min_severity: Annotated[MinSeverity, typer.Option("--min-severity", help="Show findings at or above this severity.")] = MinSeverity.info,  # type: ignore[attr-defined]
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode articles with this encoding instead of detecting it.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse articles larger than this.")] = DEFAULT_MAX_BYTES,
    stdin_filename: Annotated[str, typer.Option("--stdin-filename", help="Name to report for stdin.")] = "<stdin>",
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the text output.")] = False,
) -> None:
    """Check the figures in articles (the default command)."""
    options = Options(published=_date(date), refs=tuple(refs or ()), encoding=encoding, max_bytes=max_bytes)
    try:
        targets = discover(paths)
        checker = Checker(options)
    except FactcheckError as exc:
        raise fail(exc) from None
    report, errors = run(targets, checker, stdin=lambda: _read_stdin(stdin_filename, encoding))
    for error in errors:
        typer.echo(f"factcheck: error: {error}", err=True)
    color = not no_color and output is None and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    rendered = render(report, format.value, Style(color=color, min_severity=Severity(min_severity.value).rank))
    if output is not None:
        try:
            atomic_write(output, rendered)
        except OSError as exc:
            raise fail(f"{output}: cannot write report: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(rendered)
    raise typer.Exit(2 if errors else exit_code(report, fail_on.value))


@app.command("rules")
def rules_command() -> None:
    """List the rules: id, default severity and what each finds."""
    for rule in all_rules():
        typer.echo(f"{rule.id:<22} {rule.severity.value:<8} {rule.summary}")


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the JSON report."""
    from .schema import schema_json

    typer.echo(schema_json(), nl=False)


def _load(paths: list[Path] | None) -> ReferenceIndex:
    try:
        return ReferenceIndex.load(paths or None)
    except FactcheckError as exc:
        raise fail(exc) from None


@refs_app.command("check")
def refs_check(paths: Annotated[Optional[list[Path]], typer.Argument(help="CSV files or folders (default: bundled data).")] = None) -> None:
    """Validate reference data; every problem is printed with file and line."""
    from .refcheck import problems

    found = problems(paths or None)
    for problem in found:
        typer.echo(str(problem), err=True)
    if found:
        raise typer.Exit(2)
    index = _load(paths)
    typer.echo(f"ok: {len(index.rows)} rows in {len(index.series)} series from {len(index.files)} files")


@refs_app.command("list")
def refs_list(paths: Annotated[Optional[list[Path]], typer.Argument(help="CSV files or folders (default: bundled data).")] = None) -> None:
    """List the reference series: metric, location, subject, source, date range, rows."""
    index = _load(paths)
    typer.echo(f"{'metric':<11} {'location':<14} {'subject':<16} {'source':<28} {'from':<10} {'to':<10} rows")
    for (metric, location, subject, source, _), rows in sorted(index.series.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
        typer.echo(f"{metric:<11} {location or '-':<14} {subject or '-':<16} {source:<28} {rows[0].as_of!s:<10} {rows[-1].as_of!s:<10} {len(rows)}")
