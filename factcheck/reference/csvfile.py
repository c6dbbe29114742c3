"""Reading reference CSVs: pandas reads them, every cell is checked column by column.

``parse_rows`` validates a whole frame with set look-ups, one regex per column and one parse
per distinct date, then builds ``RefRow`` tuples directly: no per-row model validation, so
100,000 rows load in well under a second. Every problem is a ``ReferenceDataError`` with file
and line; ``load_rows`` raises the first, ``factcheck refs check`` reports them all.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import ReferenceDataError
from factcheck.reference import tableschema
from factcheck.reference.aliases import ALIAS_KINDS, Aliases, _key
from factcheck.reference.definition import parse as parse_definition
from factcheck.reference.rows import RefRow

if TYPE_CHECKING:
    import pandas as pd

# The columns, their types and constraints come from the shipped table schema (schemas/rows.schema.json).
FIELDS = tableschema.names("rows")
REQUIRED = tableschema.names("rows", required=True)
OPTIONAL = tableschema.names("rows", required=False)
NUMBERS = tableschema.names("rows", type="number")
DATES = tableschema.names("rows", type="date")
ALIAS_COLUMNS = tableschema.names("aliases")
_FORMULA_START = ("=", "+", "@")
_FORMULA = re.compile(r"^[=+@]", re.M)
_TRAILING_SPACE = re.compile(r"\s$", re.M)
_NUMBER = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def read_frame(path: Path, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[str]]:
    """A CSV as a frame of stripped strings with a 'line' column, and its unknown columns.

    Raises when the file cannot be read or a required column is missing (line 1)."""
    import pandas as pd  # heavy import, paid only when CSVs are read

    try:
        frame = pd.read_csv(
            path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True, skip_blank_lines=False,
        )
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except pd.errors.EmptyDataError:
        raise ReferenceDataError("empty file: expected a header row", path, 1) from None
    except pd.errors.ParserError as exc:
        where = re.search(r"\bline (\d+)", str(exc))
        raise ReferenceDataError(f"malformed CSV: {str(exc).strip()}", path, int(where.group(1)) if where else None) from None
    except OSError as exc:
        raise ReferenceDataError(f"cannot read: {exc.strerror or exc}", path) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        hint = " (is the delimiter a comma?)" if len(frame.columns) == 1 else ""
        raise ReferenceDataError(f"missing column(s): {', '.join(missing)}{hint}", path, 1)
    unknown = [c for c in frame.columns if c not in columns + optional]
    frame = frame[[c for c in frame.columns if c in columns + optional]].copy()
    for name in frame.columns:
        if _TRAILING_SPACE.search("\n".join(frame[name].tolist())):
            frame[name] = frame[name].str.strip()
    for name in optional:
        if name not in frame.columns:
            frame[name] = ""
    frame["line"] = _lines(path, len(frame))
    blank = (frame.drop(columns="line") == "").all(axis=1)
    return frame[~blank], unknown


def _not_utf8(path: Path) -> ReferenceDataError:
    """The error for a CSV that is not UTF-8, with the line and byte of the first bad byte
    (pandas decodes in chunks, so its own offset is not the file's)."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReferenceDataError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path, raw.count(b"\n", 0, exc.start) + 1)
    return ReferenceDataError("not UTF-8 text", path)


def _lines(path: Path, records: int) -> list[int]:
    """The file line of each record: header + 1 + index, unless a quoted cell spans lines."""
    raw = path.read_bytes()
    physical = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    if physical == records + 1 or b"\"" not in raw:
        return list(range(2, records + 2))
    import csv
    import io

    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), skipinitialspace=True)
    starts: list[int] = []
    next(reader, None)
    line = reader.line_num + 1
    for _ in reader:
        starts.append(line)
        line = reader.line_num + 1
    return (starts + list(range(line, line + records)))[:records]


def parse_rows(path: Path, frame: pd.DataFrame, aliases: Aliases | None = None) -> tuple[list[RefRow], list[ReferenceDataError]]:
    """Check a data frame column by column; the valid rows (names made canonical through
    aliases) and every problem, each with file and line.

    Each check runs over a whole column (set look-ups, one regex over the joined column, a
    parse per distinct date), so the cost per row is a few list operations."""
    cols = {c: frame[c].tolist() for c in FIELDS}
    lines: list[int] = frame["line"].tolist()
    errors: dict[int, list[str]] = {}

    def flag(i: int, message: str) -> None:
        errors.setdefault(i, []).append(message)

    for column in REQUIRED:
        if "" in cols[column]:
            for i, text in enumerate(cols[column]):
                if not text:
                    flag(i, f"column {column!r}: must not be empty")
    for column in (c for c in FIELDS if c not in NUMBERS):
        if _FORMULA.search("\n".join(cols[column])):
            for i, text in enumerate(cols[column]):
                if text[:1] in _FORMULA_START and text:
                    flag(i, f"column {column!r} holds a formula-like cell {text[:30]!r}")
    for field in tableschema.constrained("rows"):
        if field.name != "definition":  # checked below, with the vocabulary's own messages
            for i, message in tableschema.column_problems(field, cols[field.name]).items():
                flag(i, message)
    numbers = {c: _numbers(cols[c], c, flag) for c in NUMBERS}
    dates = {c: _dates(cols[c], c, flag) for c in DATES}
    definitions = _definitions(cols["definition"], flag)
    value, low, high = numbers["value"], numbers["low"], numbers["high"]
    for i in (i for i, v in enumerate(low) if v is not None):
        if value[i] is not None and low[i] > value[i]:  # type: ignore[operator]
            flag(i, f"column 'low': {cols['low'][i]} is above the value {cols['value'][i]}")
    for i in (i for i, v in enumerate(high) if v is not None):
        if value[i] is not None and high[i] < value[i]:  # type: ignore[operator]
            flag(i, f"column 'high': {cols['high'][i]} is below the value {cols['value'][i]}")
    as_of, period = dates["as_of"], dates["period_start"]
    for i in (i for i, d in enumerate(period) if d is not None):
        if as_of[i] is not None and period[i] > as_of[i]:  # type: ignore[operator]
            flag(i, f"column 'period_start': {cols['period_start'][i]} is after as_of {cols['as_of'][i]}")
    names = {c: _canonical(cols[c], c, aliases) for c in ("metric", "location", "subject", "source")}
    built = zip(
        [str(path)] * len(lines), lines, names["metric"], names["location"], names["subject"], value, low, high,
        as_of, period, names["source"], cols["source_url"], cols["notes"], definitions, [r == "yes" for r in cols["record"]],
    )
    if errors:
        built = (r for i, r in enumerate(built) if i not in errors)  # type: ignore[assignment]
    rows = list(map(partial(tuple.__new__, RefRow), built))
    problems = [ReferenceDataError(m, path, lines[i]) for i in sorted(errors) for m in errors[i]]
    return rows, problems


def _numbers(texts: list[str], column: str, flag: Callable[[int, str], None]) -> list[float | None]:
    try:
        out: list[float | None] = [float(t) if t else None for t in texts]
    except ValueError:
        out = [_number(t) if t else None for t in texts]
    for i, (text, number) in enumerate(zip(texts, out)):
        if text and (number is None or not math.isfinite(number)):
            out[i] = None
            flag(i, f"column {column!r}: {text!r} is not a number")
    return out


def _definitions(texts: list[str], flag: Callable[[int, str], None]) -> list[str]:
    parsed = {t: parse_definition(t) for t in set(texts)}
    if any(problems for _, problems in parsed.values()):
        for i, text in enumerate(texts):
            for problem in parsed[text][1]:
                flag(i, f"column 'definition': {problem}")
    return [parsed[t][0] for t in texts]


def _dates(texts: list[str], column: str, flag: Callable[[int, str], None]) -> list[dt.date | None]:
    parsed = {t: _date(t) for t in set(texts)}
    if any(d is None and t for t, d in parsed.items()):
        for i, text in enumerate(texts):
            if text and parsed[text] is None:
                flag(i, f"column {column!r}: {text!r} is not a YYYY-MM-DD date")
    return [parsed[t] for t in texts]


def _canonical(texts: list[str], kind: str, aliases: Aliases | None) -> list[str]:
    if aliases is None:
        return texts
    names = {t: _name(kind, t, aliases) if t else "" for t in set(texts)}
    return [names[t] for t in texts]


def _name(kind: str, text: str, aliases: Aliases) -> str:
    """The canonical name; a place not in the aliases may be any ISO form ('Syrian Arab Republic')."""
    if kind == "location" and aliases.known("location", text) is None:
        from factcheck.language.gazetteer import countries

        return countries().get(_key(text), text.strip())
    return aliases.canonical(kind, text) or ""


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return float(text.replace(",", "")) if _NUMBER.fullmatch(text) else None


def _date(text: str) -> dt.date | None:
    if len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def load_rows(path: Path, aliases: Aliases | None = None) -> list[RefRow]:
    """The rows of one data CSV; raises on the first problem, with file and line.

    Columns other than the documented ones are ignored here (``refs check`` reports them)."""
    frame, _ = read_frame(path, REQUIRED, OPTIONAL)
    rows, problems = parse_rows(path, frame, aliases)
    if problems:
        raise problems[0]
    return rows


def alias_records(path: Path) -> tuple[list[tuple[str, str, str, int]], list[ReferenceDataError]]:
    """(kind, alias, canonical, line) for each valid row of an aliases file, and the problems."""
    frame, unknown = read_frame(path, ALIAS_COLUMNS)
    found = [ReferenceDataError(f"unknown column(s): {', '.join(unknown)}", path, 1)] if unknown else []
    out: list[tuple[str, str, str, int]] = []
    for kind, alias, canonical, line in zip(frame["kind"], frame["alias"], frame["canonical"], frame["line"]):
        if kind not in ALIAS_KINDS:
            found.append(ReferenceDataError(f"kind {kind!r} is not one of {', '.join(ALIAS_KINDS)}", path, int(line)))
        elif not alias or not canonical:
            found.append(ReferenceDataError("alias and canonical must not be empty", path, int(line)))
        elif any(v.startswith(_FORMULA_START) for v in (alias, canonical)):
            found.append(ReferenceDataError(f"formula-like cell {(alias if alias.startswith(_FORMULA_START) else canonical)[:30]!r}", path, int(line)))
        else:
            out.append((kind, alias, canonical, int(line)))
    return out, found


def load_aliases(path: Path, aliases: Aliases) -> None:
    records, problems = alias_records(path)
    if problems:
        raise problems[0]
    for kind, alias, canonical, line in records:
        aliases.add(kind, alias, canonical, (str(path), line))
