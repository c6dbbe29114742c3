"""The command line: parses options and calls the library. Exit codes: 0 clean, 1 findings at
or above --fail-on, 2 usage error, unreadable input or invalid reference data."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from factcheck import __version__
from factcheck.cli import refs
from factcheck.cli.common import fail
from factcheck.config import resolve as resolve_config
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Report, Severity
from factcheck.parallel import default_jobs
from factcheck.pipeline import Checker, run
from factcheck.read.decode import DEFAULT_MAX_BYTES, decode
from factcheck.read.discover import Selector, discover, split_errors
from factcheck.read.document import Document
from factcheck.report import FORMATS, Style, baseline, render, use_color
from factcheck.report.chart import series_lookup
from factcheck.report.output import atomic_write, refuse_overwrite
from factcheck.report.report_dir import report_names, write_reports
from factcheck.rules import rules as all_rules

FailOn = Enum("FailOn", {n: n for n in ("error", "warning", "info", "never")}, type=str)  # type: ignore[misc]
MinSeverity = Enum("MinSeverity", {n: n for n in ("error", "warning", "info")}, type=str)  # type: ignore[misc]
Format = Enum("Format", {n: n for n in FORMATS}, type=str)  # type: ignore[misc]


class DefaultGroup(TyperGroup):
    """Routes `factcheck PATH...` to the `check` command; subcommands keep their names."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        """Ctrl-C: one line and exit 130 (reports are written atomically, so none is half-written)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            typer.echo("factcheck: interrupted", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(cls=DefaultGroup, add_completion=False, no_args_is_help=True, help="Fact-check the numbers in news copy.")


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


def _read_stdin(name: str, encoding: str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is over the limit of {max_bytes} bytes (--max-bytes)", name)
    text, used = decode(data, name, encoding)
    return Document.from_text(text, path=name, encoding=used)


def _encoding(name: str | None) -> str | None:
    if name is not None:
        try:
            text_encoding = getattr(codecs.lookup(name), "_is_text_encoding", True)
        except LookupError:
            text_encoding = False
        if not text_encoding:
            raise fail(f"--encoding {name!r} is not a known text encoding")
    return name


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
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity [default: error].")] = None,
    min_severity: Annotated[Optional[MinSeverity], typer.Option("--min-severity", help="Show findings at or above this severity [default: info].")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")] = None,
    report_dir: Annotated[Optional[Path], typer.Option("--report-dir", help="Also write a Markdown and an HTML report per article into this folder.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: factcheck.toml or pyproject.toml found upward).")] = None,
    baseline_file: Annotated[Optional[Path], typer.Option("--baseline", help="Do not report findings recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record all current findings in this baseline file.")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode articles with this encoding instead of detecting it.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=0, help="Refuse articles larger than this.")] = DEFAULT_MAX_BYTES,
    stdin_filename: Annotated[str, typer.Option("--stdin-filename", help="Name to report for stdin.")] = "<stdin>",
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the text output.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for many articles [default: all cores].")] = None,
) -> None:
    """Check the figures in articles (the default command)."""
    published = _date(date)
    encoding = _encoding(encoding)
    problems: list[InputError] = []
    try:
        settings = resolve_config(paths, config).override(
            refs=refs, fail_on=fail_on.value if fail_on else None, min_severity=min_severity.value if min_severity else None,
        )
        targets = discover(paths, Selector(settings.include, settings.exclude, settings.root), problems)
        checker = Checker(settings.options(published=published, encoding=encoding, max_bytes=max_bytes))
        known = baseline.load(baseline_file) if baseline_file is not None else None
    except FactcheckError as exc:
        raise fail(exc) from None
    rich = format.value == "html" or report_dir is not None
    texts: dict[str, str] | None = {} if rich else None
    report, run_errors = run(targets, checker, stdin=lambda: _read_stdin(stdin_filename, encoding, max_bytes), texts=texts, jobs=jobs or default_jobs())
    errors, skipped = split_errors(problems + run_errors, paths)
    for error in errors:
        typer.echo(f"factcheck: error: {error}", err=True)
    for warning in skipped:
        typer.echo(f"factcheck: warning: {warning}; skipped", err=True)
    if errors and not report.files:
        raise typer.Exit(2)  # nothing was checked: no empty report to show
    written = [p for p in (output, write_baseline) if p is not None]
    if report_dir is not None:
        written += [report_dir / f"{n}{s}" for n in report_names([f.path for f in report.files]) for s in (".md", ".html")]
    try:
        refuse_overwrite(targets, written)
        report = baseline.settle(report, known, write_baseline)
    except FactcheckError as exc:
        raise fail(exc) from None
    style = Style(
        color=use_color(output is None and sys.stdout.isatty(), no_color, os.environ),
        min_severity=Severity(settings.min_severity).rank, texts=texts or {},
        series=series_lookup(checker.index) if rich else None,
    )
    rendered = render(report, format.value, style)
    try:
        if output is not None:
            atomic_write(output, rendered)
        if report_dir is not None:
            write_reports(report, report_dir, replace(style, color=False))
    except OSError as exc:
        raise fail(f"{exc.filename or output}: cannot write report: {exc.strerror or exc}") from None
    if output is None:
        sys.stdout.write(rendered)
    raise typer.Exit(2 if errors else exit_code(report, settings.fail_on))


@app.command("config")
def config_command(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Where to search upward from (default: the current folder).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file to use instead of searching.")] = None,
) -> None:
    """Print the effective configuration, as a factcheck.toml."""
    try:
        settings = resolve_config(paths or ["."], config)
    except FactcheckError as exc:
        raise fail(exc) from None
    typer.echo(settings.to_toml(), nl=False)


@app.command("rules")
def rules_command() -> None:
    """List the rules: id, default severity and what each finds."""
    for rule in all_rules():
        typer.echo(f"{rule.id:<22} {rule.severity.value:<8} {rule.summary}")


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the JSON report."""
    from factcheck.schema import schema_json

    typer.echo(schema_json(), nl=False)


# Subcommand groups, each a module of its own with a typer app.
app.add_typer(refs.app, name="refs")
