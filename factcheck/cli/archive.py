"""`factcheck archive ...`: extract an archive once into a store, re-judge it, report on it."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.common import fail
from factcheck.errors import FactcheckError, InputError, InternalError
from factcheck.read.decode import DEFAULT_MAX_BYTES

app = typer.Typer(no_args_is_help=True, help="Extract an archive once into a Parquet store, re-judge it when the data changes, report on it.")

EngineName = Enum("EngineName", {n: n for n in ("local", "dask")}, type=str)  # type: ignore[misc]
ReportFormat = Enum("ReportFormat", {n: n for n in ("markdown", "html", "json")}, type=str)  # type: ignore[misc]

STORE_HELP = "The archive store folder (Parquet files)."
ENGINE_HELP = "local: processes on this machine; dask: a dask.distributed cluster (--scheduler, else a LocalCluster)."


def _engine_options(engine: Enum, scheduler: str | None, workers: int | None, default: int) -> tuple[str, int]:
    _require_pyarrow()
    if scheduler and engine.value != "dask":
        raise fail("--scheduler needs --engine dask")
    if engine.value == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise fail("--engine dask needs dask.distributed: pip install 'factcheck[archive]'") from None
    return engine.value, workers or default


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise fail("factcheck archive needs pyarrow: pip install 'factcheck[archive]'") from None


@app.command("extract")
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Articles: files, folders (*.txt, *.md found recursively) or globs.")],
    store: Annotated[Path, typer.Option("--store", help=STORE_HELP)],
    dates: Annotated[Optional[Path], typer.Option("--dates", help="CSV of publication dates: columns path,published (paths relative to the CSV).")] = None,
    engine: Annotated[EngineName, typer.Option("--engine", help=ENGINE_HELP)] = EngineName.local,  # type: ignore[attr-defined]
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Address of a dask scheduler (tcp://HOST:8786).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes (local, or a LocalCluster) [default: all cores].")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per task and per part file.")] = 64,
    refs: Annotated[Optional[list[Path]], typer.Option("--refs", help="Reference data whose aliases extraction uses, instead of the bundled data (repeatable).")] = None,
    extra_refs: Annotated[Optional[list[Path]], typer.Option("--extra-refs", help="Reference data added to the bundled (or --refs) data (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: factcheck.toml or pyproject.toml found upward).")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode articles with this encoding instead of detecting it.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=0, help="Refuse articles larger than this.")] = DEFAULT_MAX_BYTES,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Extract again the articles whose stored extraction failed.")] = False,
) -> None:
    """Extract every article not stored yet; an unchanged article is never parsed again."""
    from factcheck.archive.engine import open_engine
    from factcheck.archive.extract import extract_archive, read_dates
    from factcheck.archive.store import Store
    from factcheck.archive.version import extractor_version
    from factcheck.config import resolve
    from factcheck.parallel import default_jobs
    from factcheck.pipeline import Checker
    from factcheck.read.discover import Selector, discover, split_errors

    kind, count = _engine_options(engine, scheduler, workers, default_jobs())
    problems: list[InputError] = []
    try:
        settings = resolve(paths, config).override(refs=refs, extra_refs=extra_refs)
        targets = discover(paths, Selector(settings.include, settings.exclude, settings.root), problems)
        checker = Checker(settings.options(encoding=encoding, max_bytes=max_bytes))
        published = read_dates(dates) if dates is not None else None
        extractor_version()  # loads the language model here first: a missing model is one line, before any worker starts
        archive = Store(store, create=True)
        with archive.lock(), open_engine(kind, count, checker.options.model_dump_json(), scheduler) as running:
            done = extract_archive(archive, targets, checker, running, published, batch_size, retry_failed)
    except FactcheckError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(f"{exc.filename or store}: cannot write the store: {exc.strerror or exc}") from None
    errors, skipped = split_errors([*problems, *done.errors], paths)
    for error in errors:
        typer.echo(f"factcheck: {'internal error' if isinstance(error, InternalError) else 'error'}: {error}", err=True)
    for warning in skipped:
        typer.echo(f"factcheck: warning: {warning}; skipped", err=True)
    typer.echo(
        f"{done.articles} article{'' if done.articles == 1 else 's'}: {done.extracted} extracted ({done.figures} figures), {done.reused} already stored, "
        f"{len(errors) + len(skipped)} failed; {done.parts} part files written to {store}"
    )
    raise typer.Exit(3 if any(isinstance(e, InternalError) for e in errors) else 2 if errors else 0)


@app.command("judge")
def judge_command(
    store: Annotated[Path, typer.Option("--store", help=STORE_HELP)],
    refs: Annotated[Optional[list[Path]], typer.Option("--refs", help="Reference CSV file or folder, instead of the bundled data (repeatable).")] = None,
    extra_refs: Annotated[Optional[list[Path]], typer.Option("--extra-refs", help="Reference data added to the bundled (or --refs) data (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: factcheck.toml or pyproject.toml found upward).")] = None,
    engine: Annotated[EngineName, typer.Option("--engine", help=ENGINE_HELP)] = EngineName.local,  # type: ignore[attr-defined]
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Address of a dask scheduler (tcp://HOST:8786).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes [default: 1, this process: judging is cheap].")] = None,
) -> None:
    """Judge the stored claims against the reference data; only what changed is judged again."""
    from factcheck.archive.engine import open_engine
    from factcheck.archive.judge import judge_archive
    from factcheck.archive.store import Store
    from factcheck.config import resolve
    from factcheck.pipeline import Checker

    kind, count = _engine_options(engine, scheduler, workers, 1)
    try:
        settings = resolve(["."], config).override(refs=refs, extra_refs=extra_refs)
        checker = Checker(settings.options())
        archive = Store(store)
        with archive.lock(), open_engine(kind, count, checker.options.model_dump_json(), scheduler, model=False) as running:
            done = judge_archive(archive, checker, running)
    except InternalError as exc:
        fail(exc)
        raise typer.Exit(3) from None
    except FactcheckError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(f"{exc.filename or store}: cannot write the store: {exc.strerror or exc}") from None
    how = f"{done.full} judged whole, {done.judged_parts - done.full} for {done.changed} changed series" if done.judged_parts else "all up to date"
    typer.echo(f"{done.judged} of {done.claims} stored claims judged; {done.judged_parts} of {done.parts} parts written ({how})")


@app.command("report")
def report_command(
    store: Annotated[Path, typer.Option("--store", help=STORE_HELP)],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.markdown,  # type: ignore[attr-defined]
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows in the ranked tables (series, articles, rows).")] = 20,
) -> None:
    """The discrepancy report over the whole archive: rules, series, articles, timeline, rows."""
    import sys

    _require_pyarrow()
    from factcheck.archive.report import render
    from factcheck.archive.store import Store
    from factcheck.report.output import atomic_write

    try:
        text, warnings = render(Store(store), format.value, top)
    except FactcheckError as exc:
        raise fail(exc) from None
    for warning in warnings:
        typer.echo(f"factcheck: warning: {warning}", err=True)
    try:
        if output is not None:
            atomic_write(output, text)
        else:
            sys.stdout.write(text)
    except OSError as exc:
        raise fail(f"{exc.filename or output}: cannot write report: {exc.strerror or exc}") from None
