"""The command line: parses options and calls the library.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, unreadable input,
invalid configuration or reference data, or a report that cannot be written, 3 an internal
error (a bug: one line, never a traceback; the other articles' results are still reported)."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer._click import exceptions as click_exceptions  # typer's own click: its exceptions are these
from typer.core import TyperGroup

from factcheck import __version__
from factcheck.cli import archive, lsp, refs, serve
from factcheck.cli.common import EXIT_INPUT, EXIT_INTERNAL, Progress, fail, internal, plain_metavars, write_stdout
from factcheck.config import resolve as resolve_config
from factcheck.errors import FactcheckError, InputError, InputWarning, InternalError
from factcheck.models import Report, Severity
from factcheck.parallel import default_jobs
from factcheck.pipeline import Checker, run
from factcheck.read.decode import DEFAULT_MAX_BYTES, decode_text
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
FORMAT_HELP = "Output format: " + ", ".join(FORMATS) + "."


class DefaultGroup(TyperGroup):
    """Routes `factcheck PATH...` to the `check` command; subcommands keep their names. Every
    error is one line: a usage error with a hint (exit 2), a bug as an internal error (exit 3)."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """Ctrl-C: one line and exit 130 (reports are written atomically, so none is half-written)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            typer.echo("factcheck: interrupted", err=True)
            raise typer.Exit(130) from None

    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any,
    ) -> Any:
        plain_metavars(self)
        try:
            code = super().main(
                args=args, prog_name="factcheck", complete_var=complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra,
            )
        except click_exceptions.NoArgsIsHelpError as exc:
            exc.show()
            code = exc.exit_code
        except click_exceptions.UsageError as exc:
            typer.echo(f"factcheck: error: {' '.join(exc.format_message().split())}", err=True)
            if exc.ctx is not None:
                typer.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
            code = exc.exit_code
        except click_exceptions.ClickException as exc:
            typer.echo(f"factcheck: error: {' '.join(exc.format_message().split())}", err=True)
            code = exc.exit_code
        except typer.Abort:
            typer.echo("factcheck: aborted", err=True)
            code = 1
        except Exception as exc:  # noqa: BLE001 - a bug: one line and exit 3, never a traceback
            code = internal(exc)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=DefaultGroup, add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help="Fact-check the numbers in news copy.",
)


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


def _read_stdin(name: str, encoding: str | None, max_bytes: int, warnings: list[FactcheckError]) -> Document:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is over the limit of {max_bytes} bytes (--max-bytes)", name)
    decoded = decode_text(data, name, encoding)
    warning = decoded.warning(name)
    if warning is not None:
        warnings.append(warning)
    return Document.from_text(decoded.text, path=name, encoding=decoded.encoding)


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


def _write(target: Path | None, text: str) -> None:
    """The report to a file (atomically; a device or FIFO in place) or to standard output."""
    if target is None:
        write_stdout(text)
        return
    try:
        atomic_write(target, text)
    except OSError as exc:
        raise fail(f"{exc.filename or target}: cannot write report: {exc.strerror or exc}") from None


@app.command("check")
def check_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Articles: files, folders (*.txt, *.md found recursively), globs, or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", metavar="FORMAT", help=FORMAT_HELP)] = Format.text,  # type: ignore[attr-defined]
    date: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Publication date (default: from the article, else today).")] = None,
    refs: Annotated[Optional[list[Path]], typer.Option("--refs", metavar="PATH", help="Reference CSV file or folder, instead of the bundled data (repeatable).")] = None,
    extra_refs: Annotated[Optional[list[Path]], typer.Option("--extra-refs", metavar="PATH", help="Reference CSV file or folder added to the data (repeatable).")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", metavar="SEVERITY", help="Exit 1 when a finding is at or above this: error, warning, info or never [default: error].")] = None,
    min_severity: Annotated[Optional[MinSeverity], typer.Option("--min-severity", metavar="SEVERITY", help="Show findings at or above this: error, warning or info [default: info].")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file (atomically).")] = None,
    report_dir: Annotated[Optional[Path], typer.Option("--report-dir", metavar="DIR", help="Also write a Markdown and an HTML report per article into this folder.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Configuration file (default: factcheck.toml or pyproject.toml found upward).")] = None,
    baseline_file: Annotated[Optional[Path], typer.Option("--baseline", metavar="FILE", help="Do not report findings recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", metavar="FILE", help="Record all current findings in this baseline file.")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", metavar="NAME", help="Decode articles with this encoding instead of detecting it.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", metavar="N", min=0, help="Refuse articles larger than N bytes [default: 10 MB].", show_default=False)] = DEFAULT_MAX_BYTES,
    stdin_filename: Annotated[str, typer.Option("--stdin-filename", metavar="NAME", help="Name to report for stdin [default: <stdin>].", show_default=False)] = "<stdin>",
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the text output.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes for many articles [default: all cores].")] = None,
) -> None:
    """Check the figures in articles (the default command)."""
    published = _date(date)
    encoding = _encoding(encoding)
    problems: list[FactcheckError] = []
    try:
        settings = resolve_config(paths, config).override(
            refs=refs, extra_refs=extra_refs, fail_on=fail_on.value if fail_on else None,
            min_severity=min_severity.value if min_severity else None,
        )
        targets = discover(paths, Selector(settings.include, settings.exclude, settings.root), problems)  # type: ignore[arg-type]
        checker = Checker(settings.options(published=published, encoding=encoding, max_bytes=max_bytes))
        known = baseline.load(baseline_file) if baseline_file is not None else None
    except FactcheckError as exc:
        raise fail(exc) from None
    rich = format.value == "html" or report_dir is not None
    texts: dict[str, str] | None = {} if rich else None
    progress = Progress()
    try:
        report, run_errors = run(
            targets, checker, stdin=lambda: _read_stdin(stdin_filename, encoding, max_bytes, problems), texts=texts,
            jobs=jobs or default_jobs(), progress=progress,
        )
    finally:
        progress.clear()
    errors, warnings = split_errors(problems + run_errors, paths)
    for error in errors:
        typer.echo(f"factcheck: {'internal error' if isinstance(error, InternalError) else 'error'}: {error}", err=True)
    for warning in warnings:
        typer.echo(f"factcheck: warning: {warning}{'' if isinstance(warning, InputWarning) else '; skipped'}", err=True)
    failed = EXIT_INTERNAL if any(isinstance(e, InternalError) for e in errors) else EXIT_INPUT if errors else None
    if failed is not None and not report.files:
        raise typer.Exit(failed)  # nothing was checked: no empty report to show
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
    _write(output, render(report, format.value, style))
    if report_dir is not None:
        try:
            write_reports(report, report_dir, replace(style, color=False))
        except OSError as exc:
            raise fail(f"{exc.filename or report_dir}: cannot write report: {exc.strerror or exc}") from None
    raise typer.Exit(failed if failed is not None else exit_code(report, settings.fail_on))


@app.command("render")
def render_command(
    report_file: Annotated[Path, typer.Argument(metavar="REPORT", help="A JSON report (factcheck --format json), or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", metavar="FORMAT", help=FORMAT_HELP)] = Format.text,  # type: ignore[attr-defined]
    min_severity: Annotated[MinSeverity, typer.Option("--min-severity", metavar="SEVERITY", help="Show findings at or above this: error, warning or info.")] = MinSeverity.info,  # type: ignore[attr-defined]
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of standard output.")] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the text output.")] = False,
) -> None:
    """Render a saved JSON report in another format, without checking again."""
    from pydantic import ValidationError

    from factcheck.read.decode import read_bytes

    try:
        data = sys.stdin.buffer.read() if str(report_file) == "-" else read_bytes(report_file, 1 << 30, InputError, "report file")
        report = Report.model_validate_json(data)
    except FactcheckError as exc:
        raise fail(exc) from None
    except (ValidationError, ValueError, RecursionError) as exc:
        first = exc.errors()[0] if isinstance(exc, ValidationError) else {"loc": (), "msg": str(exc)}
        where = ".".join(str(p) for p in first["loc"])
        raise fail(f"{report_file}: not a factcheck JSON report ({where + ': ' if where else ''}{first['msg']})") from None
    style = Style(color=use_color(output is None and sys.stdout.isatty(), no_color, os.environ), min_severity=Severity(min_severity.value).rank)
    _write(output, render(report, format.value, style))


@app.command("config")
def config_command(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="[PATH]...", help="Where to search upward from (default: the current folder).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Configuration file to use instead of searching.")] = None,
) -> None:
    """Print the effective configuration, as a factcheck.toml."""
    try:
        settings = resolve_config(paths or ["."], config)
    except FactcheckError as exc:
        raise fail(exc) from None
    typer.echo(settings.to_toml(), nl=False)


@app.command("rules")
def rules_command(
    docs: Annotated[Optional[Path], typer.Option("--docs", metavar="DIR", help="Write the rule pages (docs/rules) into DIR instead of listing.")] = None,
) -> None:
    """List the rules: id, default severity and what each finds."""
    if docs is not None:
        from factcheck.report.rule_docs import write

        try:
            written = write(docs)
        except OSError as exc:
            raise fail(f"{exc.filename or docs}: cannot write: {exc.strerror or exc}") from None
        typer.echo(f"wrote {len(written)} pages to {docs}")
        return
    for rule in all_rules():
        typer.echo(f"{rule.id:<22} {rule.severity.value:<8} {rule.summary}")


@app.command("schema")
def schema_command(
    config: Annotated[bool, typer.Option("--config", help="The configuration file's schema instead of the JSON report's.")] = False,
) -> None:
    """Print the JSON Schema of the JSON report (or, with --config, of factcheck.toml)."""
    if config:
        from factcheck.config import config_schema_json

        typer.echo(config_schema_json(), nl=False)
        return
    from factcheck.schema import schema_json

    typer.echo(schema_json(), nl=False)


# Subcommand groups, each a module of its own with a typer app.
app.add_typer(refs.app, name="refs")
app.add_typer(archive.app, name="archive")
app.command("serve")(serve.serve)
app.command("lsp")(lsp.lsp)
