"""Appending one validated row to a reference CSV (``factcheck refs add``).

The row is checked as ``refs check`` would check it, against the file it goes into and the
run's other data (the bundled data, or ``--refs``, plus ``--extra-refs``): no duplicate, no
conflicting row (same series and date, another value), no second series of record. The
caller then writes ``Plan.text`` atomically (``report.output.atomic_write``: a temporary file
renamed into place), so the file is never left half-written, whatever happens to the process.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import ReferenceDataError
from factcheck.reference.csvfile import FIELDS, load_rows
from factcheck.reference.index import ALIASES_FILE, ReferenceIndex
from factcheck.reference.rows import RefRow
from factcheck.reference.validate import problems, record_scope


@dataclass(frozen=True)
class Plan:
    """What adding a row will do: the file's new text, the row (at its line) and its series."""

    path: Path
    text: str
    row: RefRow
    before: list[RefRow] = field(default_factory=list)
    after: list[RefRow] = field(default_factory=list)


def _header(text: str) -> list[str]:
    first = next(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")), [])
    return [c.strip().lower() for c in first]


def _line(columns: Sequence[str], cells: Mapping[str, str], newline: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerow([cells.get(c, "") for c in columns])
    return out.getvalue()


def _own_aliases(path: Path) -> list[Path]:
    aliases = path.parent / ALIASES_FILE
    return [aliases] if aliases.is_file() and path.name != ALIASES_FILE else []


def plan(
    path: Path, cells: Mapping[str, str], refs: Sequence[Path] = (), extra: Sequence[Path] = (), today: dt.date | None = None,
) -> tuple[Plan | None, list[ReferenceDataError]]:
    """The plan for appending a row of cells to path, or every reason not to."""
    path = Path(path)
    if path.name == ALIASES_FILE or path.suffix.lower() != ".csv":
        return None, [ReferenceDataError("rows are added to a data CSV (*.csv other than aliases.csv)", path)]
    cells = {k: " ".join(v.split()) for k, v in cells.items() if v and v.strip()}
    exists = path.exists()
    if exists:
        found = problems([path, *_own_aliases(path)], today=today)
        if found:
            return None, [ReferenceDataError(f"fix the file first: {p}", path) for p in found]
        old = path.read_bytes().decode("utf-8")
        columns = _header(old)
        missing = [c for c in cells if c not in columns]
        if missing:
            return None, [ReferenceDataError(
                f"column(s) {', '.join(missing)} not in the file's header: add them to the header (empty on the other rows) first",
                path, 1,
            )]
    else:
        old, columns = "", list(FIELDS)
    newline = "\r\n" if "\r\n" in old.split("\n", 1)[0] + "\n" else "\n"
    if not exists:
        head = _line(columns, {c: c for c in columns}, newline)
    else:
        head = old if old.endswith("\n") else old + newline
    line = head.count("\n") + 1
    row_text = _line(columns, cells, newline)
    try:
        index = ReferenceIndex.load(refs or None, [*extra, *([path] if exists else []), *_own_aliases(path)])
    except ReferenceDataError as exc:
        return None, [exc]
    row, found = _check_row(path, columns, row_text, line, index, today)
    if row is None:
        return None, found
    series = list(index.series.get(row.series, []))
    clashes = _clashes(row, series, index)
    if clashes:
        return None, clashes
    after = sorted([*series, row], key=lambda r: r.as_of)
    return Plan(path, head + row_text, row, series, after), []


def _check_row(
    path: Path, columns: Sequence[str], row_text: str, line: int, index: ReferenceIndex, today: dt.date | None,
) -> tuple[RefRow | None, list[ReferenceDataError]]:
    """The new row read and checked on its own (names made canonical), problems placed at path:line."""
    with tempfile.TemporaryDirectory(prefix="factcheck-add-") as folder:
        probe = Path(folder) / path.name
        probe.write_text(_line(columns, {c: c for c in columns}, "\n") + row_text.rstrip("\r\n") + "\n", encoding="utf-8")
        found = problems([probe, *_own_aliases(path)], today=today)
        mine = [ReferenceDataError(p.message, path, line) for p in found if p.path == str(probe)]
        others = [p for p in found if p.path != str(probe)]
        if mine or others:
            return None, mine + others
        (row,) = load_rows(probe, index.aliases)
    return row._replace(file=str(path), line=line), []


def _clashes(row: RefRow, series: list[RefRow], index: ReferenceIndex) -> list[ReferenceDataError]:
    out: list[ReferenceDataError] = []
    for earlier in series:
        if earlier.as_of != row.as_of:
            continue
        if (earlier.value, earlier.low, earlier.high) == (row.value, row.low, row.high):
            out.append(ReferenceDataError(f"duplicate of {earlier.file}:{earlier.line}: not added", row.file, row.line))
        else:
            out.append(ReferenceDataError(
                f"conflicts with {earlier.file}:{earlier.line}: same series and date, value {row.describe()} vs "
                f"{earlier.describe()}: not added", row.file, row.line,
            ))
    if row.record:
        what = record_scope(row)
        for key in index.record:
            first = index.series[key][0]
            if record_scope(first) == what and key != row.series:
                out.append(ReferenceDataError(
                    f"{first.source}'s series ({first.file}:{first.line}) is already the series of record for "
                    f"{'/'.join(p for p in what if p)}: not added", row.file, row.line,
                ))
    return out
