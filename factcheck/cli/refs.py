"""`factcheck refs ...`: inspect, validate, extend and refresh reference data."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from html import escape
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.common import fail
from factcheck.errors import FactcheckError
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import RefRow, SeriesKey

app = typer.Typer(no_args_is_help=True, help="Inspect, validate, extend and refresh reference data.")

Paths = Annotated[Optional[list[Path]], typer.Argument(help="CSV files or folders (default: the bundled data).", show_default=False)]
Extra = Annotated[
    Optional[list[Path]],
    typer.Option("--extra-refs", help="CSV file or folder added to the data (repeatable).", show_default=False, metavar="PATH"),
]


class ShowFormat(str, Enum):
    text = "text"
    html = "html"


def _load(paths: list[Path] | None, extra: list[Path] | None = None) -> ReferenceIndex:
    try:
        return ReferenceIndex.load(paths or None, extra or ())
    except FactcheckError as exc:
        raise fail(exc) from None


def _date(text: str | None, option: str) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise fail(f"{option}: {text!r} is not a YYYY-MM-DD date") from None


@app.command("check")
def refs_check(paths: Paths = None, extra: Extra = None) -> None:
    """Validate reference data against its table schema and rules; every problem is printed with file and line."""
    from factcheck.reference.validate import problems

    found = problems(paths or None, extra=extra or ())
    for problem in found:
        typer.echo(str(problem), err=True)
    if found:
        raise typer.Exit(2)
    index = _load(paths, extra)
    files = len(index.files)
    typer.echo(f"ok: {len(index.rows)} rows in {len(index.series)} series from {files} file{'' if files == 1 else 's'}")


@app.command("list")
def refs_list(paths: Paths = None, extra: Extra = None) -> None:
    """List the reference series: metric, location, subject, source, period start, date range, rows, definition."""
    index = _load(paths, extra)
    typer.echo(f"{'metric':<11} {'location':<14} {'subject':<18} {'source':<28} {'since':<10} {'from':<10} {'to':<10} {'rows':>4}  definition")
    for key, rows in sorted(index.series.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
        metric, location, subject, source, since, definition = key
        record = " (record)" if key in index.record else ""
        typer.echo(
            f"{metric:<11} {location or '-':<14} {subject or '-':<18} {source:<28} {since or '-'!s:<10} "
            f"{rows[0].as_of!s:<10} {rows[-1].as_of!s:<10} {len(rows):>4}  {definition or '-'}{record}"
        )


@app.command("stale")
def refs_stale(
    paths: Paths = None,
    extra: Extra = None,
    days: Annotated[int, typer.Option("--days", min=0, help="List series whose newest row is more than this many days old.")] = 30,
    date: Annotated[Optional[str], typer.Option("--date", help="The date to measure from, YYYY-MM-DD (default: today).", metavar="YYYY-MM-DD")] = None,
) -> None:
    """List the series whose newest row is older than --days before --date: what a desk should refresh."""
    from factcheck.reference.catalog import series_id, stale

    on = _date(date, "--date")
    index = _load(paths, extra)
    found = stale(index, on, days)
    for item in found:
        row = item.newest
        typer.echo(f"{item.age:>5} days  {row.as_of}  {row.describe():>14}  {series_id(item.key)}  ({row.file}:{row.line})")
    total = sum(1 for k in index.series if k[0] != "years")
    typer.echo(f"{len(found)} of {total} series have no row in the {days} days before {on}")


def _rows_table(rows: list[RefRow]) -> list[str]:
    lines = [f"{'as_of':<10}  {'value':>16}  {'source':<28}  where"]
    for r in rows:
        lines.append(f"{r.as_of!s:<10}  {r.describe():>16}  {r.source:<28}  {r.file}:{r.line}  {r.source_url}")
    return lines


def _one(index: ReferenceIndex, query: str) -> SeriesKey:
    from factcheck.reference.catalog import find, series_id

    keys = find(index, query)
    if len(keys) == 1:
        return keys[0]
    if not keys:
        raise fail(f"no series matches {query!r}: see factcheck refs list")
    for key in keys:
        typer.echo(f"  {series_id(key)}", err=True)
    raise fail(f"{len(keys)} series match {query!r}: name one of them (shown above)")


@app.command("show")
def refs_show(
    series: Annotated[str, typer.Argument(help="The series: metric/location/subject/source..., or enough of its parts (killed/Gaza).", show_default=False)],
    paths: Paths = None,
    extra: Extra = None,
    format: Annotated[ShowFormat, typer.Option("--format", help="text (a table) or html (a page with the table and a chart).")] = ShowFormat.text,
) -> None:
    """Print one series as a table, or with --format html as a page with a chart."""
    from factcheck.reference.catalog import series_id
    from factcheck.reference.definition import describe

    index = _load(paths, extra)
    key = _one(index, series)
    rows = index.series[key]
    about = [f"definition: {key[5]} ({describe(key[5])})"] if key[5] else []
    if key in index.record:
        about.append("series of record")
    if format is ShowFormat.html:
        typer.echo(_html(series_id(key), rows, about), nl=False)
        return
    typer.echo(series_id(key) + (f"  [{'; '.join(about)}]" if about else ""))
    for line in _rows_table(rows):
        typer.echo(line)


def _html(name: str, rows: list[RefRow], about: list[str]) -> str:
    """A self-contained page: the series as a table and as a chart (report.chart, the newest row marked)."""
    from factcheck.judge.verdict import as_reference
    from factcheck.models import Claim, Verdict
    from factcheck.report.chart import svg

    newest = rows[-1]
    label = f"{newest.describe()} as of {newest.as_of}"
    marker = Claim.model_validate({
        "start": 0, "end": 1, "value": newest.value, "metric": newest.metric, "id": "newest", "line": 1, "column": 1,
        "end_line": 1, "end_column": 2, "text": label, "sentence": label, "verdict": Verdict.supported, "message": "",
        "reference": as_reference(newest),
    })
    series = [r for r in map(as_reference, rows) if r is not None]
    cells = "".join(
        f"<tr><td>{r.as_of}</td><td class=\"num\">{escape(r.describe())}</td><td>{escape(r.source)}</td>"
        f"<td><a href=\"{escape(r.source_url)}\">{escape(r.source_url)}</a></td><td>{escape(r.file)}:{r.line}</td>"
        f"<td>{escape(r.notes)}</td></tr>"
        for r in rows
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(name)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
        ".num{text-align:right}</style></head><body>\n"
        f"<h1>{escape(name)}</h1>\n"
        + (f"<p>{escape('; '.join(about))}</p>\n" if about else "")
        + svg(series, marker, None, label=f"{name}: {len(rows)} rows")
        + "\n<table><tr><th>as_of</th><th>value</th><th>source</th><th>source_url</th><th>where</th><th>notes</th></tr>"
        + cells + "</table>\n</body></html>\n"
    )


@app.command("add")
def refs_add(
    path: Annotated[Path, typer.Argument(help="The CSV to append the row to (created with the standard header if missing).", show_default=False)],
    metric: Annotated[str, typer.Option("--metric", help="What is counted (killed, displaced, members...).", show_default=False)],
    value: Annotated[str, typer.Option("--value", help="The figure.", show_default=False)],
    as_of: Annotated[str, typer.Option("--as-of", help="YYYY-MM-DD: when the figure became current.", metavar="YYYY-MM-DD", show_default=False)],
    source: Annotated[str, typer.Option("--source", help="Who published the figure.", show_default=False)],
    source_url: Annotated[str, typer.Option("--source-url", help="The https page the figure was confirmed from.", show_default=False)],
    location: Annotated[str, typer.Option("--location", help="The place (empty for memberships).")] = "",
    subject: Annotated[str, typer.Option("--subject", help="Who is counted, or the organisation.")] = "",
    low: Annotated[str, typer.Option("--low", help="Lower bound of a range, or alone for 'more than'.")] = "",
    high: Annotated[str, typer.Option("--high", help="Upper bound of a range, or alone for 'up to'.")] = "",
    period_start: Annotated[str, typer.Option("--period-start", help="YYYY-MM-DD: start of a cumulative count.", metavar="YYYY-MM-DD")] = "",
    definition: Annotated[str, typer.Option("--definition", help="What the series counts: tokens such as 'inside current'.")] = "",
    record: Annotated[bool, typer.Option("--record", help="Mark the series of record for unattributed figures.")] = False,
    notes: Annotated[str, typer.Option("--notes", help="What is counted, caveats, how the row was confirmed.")] = "",
    refs: Annotated[
        Optional[list[Path]], typer.Option("--refs", help="Data to check duplicates and conflicts against, instead of the bundled data.", metavar="PATH"),
    ] = None,
    extra: Extra = None,
) -> None:
    """Append a validated row to a CSV, atomically; refuses duplicates and conflicts. Prints the series before and after."""
    from factcheck.reference.append import plan
    from factcheck.report.output import atomic_write

    cells = {
        "metric": metric, "location": location, "subject": subject, "value": value, "low": low, "high": high,
        "as_of": as_of, "period_start": period_start, "source": source, "source_url": source_url, "notes": notes,
        "definition": definition, "record": "yes" if record else "",
    }
    made, found = plan(path, cells, refs or (), extra or ())
    if made is None:
        for problem in found:
            typer.echo(f"factcheck: error: {problem}", err=True)
        raise typer.Exit(2)
    from factcheck.reference.catalog import series_id

    typer.echo(f"series {series_id(made.row.series)}")
    typer.echo("before:" if made.before else "before: (a new series)")
    for line in _rows_table(made.before)[1:] if made.before else []:
        typer.echo(f"  {line}")
    typer.echo("after:")
    for line in _rows_table(made.after)[1:]:
        typer.echo(("+ " if line.startswith(str(made.row.as_of)) and f"{made.row.file}:{made.row.line}" in line else "  ") + line)
    try:
        atomic_write(made.path, made.text)
    except OSError as exc:
        raise fail(f"{path}: cannot write: {exc.strerror or exc}") from None
    typer.echo(f"added {made.path}:{made.row.line}")
