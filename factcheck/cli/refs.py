"""`factcheck refs ...`: inspect and validate reference data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.common import fail
from factcheck.errors import FactcheckError
from factcheck.reference.index import ReferenceIndex

app = typer.Typer(no_args_is_help=True, help="Inspect and validate reference data.")


def _load(paths: list[Path] | None) -> ReferenceIndex:
    try:
        return ReferenceIndex.load(paths or None)
    except FactcheckError as exc:
        raise fail(exc) from None


@app.command("check")
def refs_check(paths: Annotated[Optional[list[Path]], typer.Argument(help="CSV files or folders (default: bundled data).")] = None) -> None:
    """Validate reference data; every problem is printed with file and line."""
    from factcheck.reference.validate import problems

    found = problems(paths or None)
    for problem in found:
        typer.echo(str(problem), err=True)
    if found:
        raise typer.Exit(2)
    index = _load(paths)
    files = len(index.files)
    typer.echo(f"ok: {len(index.rows)} rows in {len(index.series)} series from {files} file{'' if files == 1 else 's'}")


@app.command("list")
def refs_list(paths: Annotated[Optional[list[Path]], typer.Argument(help="CSV files or folders (default: bundled data).")] = None) -> None:
    """List the reference series: metric, location, subject, source, period start, date range, rows."""
    index = _load(paths)
    typer.echo(f"{'metric':<11} {'location':<14} {'subject':<18} {'source':<28} {'since':<10} {'from':<10} {'to':<10} rows")
    for (metric, location, subject, source, since), rows in sorted(index.series.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
        typer.echo(
            f"{metric:<11} {location or '-':<14} {subject or '-':<18} {source:<28} {since or '-'!s:<10} "
            f"{rows[0].as_of!s:<10} {rows[-1].as_of!s:<10} {len(rows)}"
        )
