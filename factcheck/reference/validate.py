"""``factcheck refs check``: every problem in reference data, each with file and line.

Checked: readable UTF-8 CSV, required columns, unknown columns, empty required cells,
numbers, YYYY-MM-DD dates (real calendar days, not in the future), the table schema's patterns
and enums (``schemas/*.schema.json``: http(s) source URLs, ``record``), definitions (known
tokens, one per dimension), low <= value <= high, period_start <= as_of, formula-like cells,
duplicate rows, conflicting rows (same series and date, different values), two series of
record for one metric, place, subject and definition, unknown metrics and places, and aliases
(unknown kinds, empty names, an alias mapped two ways, metric aliases to unknown metrics,
demonyms of unknown places).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import ReferenceDataError
from factcheck.language.gazetteer import countries
from factcheck.models import METRICS
from factcheck.reference.aliases import Aliases, _key
from factcheck.reference.csvfile import OPTIONAL, REQUIRED, alias_records, parse_rows, read_frame
from factcheck.reference.index import ALIASES_FILE, alias_files, data_files
from factcheck.reference.rows import RefRow

Problems = list[ReferenceDataError]


def _data_rows(path: Path, aliases: Aliases, found: Problems) -> list[RefRow]:
    try:
        frame, unknown = read_frame(path, REQUIRED, OPTIONAL)
    except ReferenceDataError as exc:
        found.append(exc)
        return []
    if unknown:
        found.append(ReferenceDataError(f"unknown column(s): {', '.join(unknown)} (ignored when checking articles)", path, 1))
    rows, problems = parse_rows(path, frame, aliases)
    found.extend(problems)
    return rows


def _aliases(files: list[Path], found: Problems) -> tuple[Aliases, list[tuple[str, str, str, int, Path]]]:
    """The aliases of a run (bundled ones first, as when loading) and the records of files."""
    aliases = Aliases()
    ours: list[tuple[str, str, str, int, Path]] = []
    for path in alias_files(files):
        try:
            records, problems = alias_records(path)
        except ReferenceDataError as exc:
            found.append(exc)
            continue
        if path in files:
            found.extend(problems)
            ours.extend((*r, path) for r in records)
        for kind, alias, canonical, line in records:
            earlier = aliases.lines.get((kind, _key(alias)))
            previous = aliases.table[kind].get(_key(alias))
            if path in files and earlier and earlier[0] == str(path) and previous is not None and previous != canonical and kind != "demonym":
                found.append(ReferenceDataError(
                    f"{kind} alias {alias!r} maps to {canonical!r} here but to {previous!r} at line {earlier[1]}", path, line,
                ))
            aliases.add(kind, alias, canonical, (str(path), line))
    return aliases, ours


def _places(aliases: Aliases) -> set[str]:
    names = {n.lower() for n in countries()} | {c.lower() for c in countries().values()}
    names |= set(aliases.table["location"]) | {c.lower() for c in aliases.table["location"].values()}
    return names


def _check_rows(rows: list[RefRow], aliases: Aliases, found: Problems, today: dt.date) -> None:
    seen: dict[tuple, RefRow] = {}
    places = _places(aliases)
    metrics = set(METRICS) | set(aliases.table["metric"].values())
    for row in rows:
        key = (*row.series, row.as_of)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = row
        elif (earlier.value, earlier.low, earlier.high) == (row.value, row.low, row.high):
            found.append(ReferenceDataError(f"duplicate of {earlier.file}:{earlier.line}", row.file, row.line))
        else:
            found.append(ReferenceDataError(
                f"conflicts with {earlier.file}:{earlier.line}: same series and date, value {row.describe()} vs {earlier.describe()}",
                row.file, row.line,
            ))
        if row.metric not in metrics:
            found.append(ReferenceDataError(
                f"unknown metric {row.metric!r}: use one of {', '.join(METRICS)}, or map it with a metric alias", row.file, row.line,
            ))
        if row.location and row.location.lower() not in places:
            found.append(ReferenceDataError(
                f"unknown location {row.location!r}: not a country name nor a location alias, so no figure can match it",
                row.file, row.line,
            ))
        if row.as_of > today:
            found.append(ReferenceDataError(f"as_of {row.as_of} is in the future", row.file, row.line))


def record_scope(row: RefRow) -> tuple[str, str, str, str, str]:
    """What a series of record is the record of: metric, place, subject, period start and
    definition (a period's count, 'deaths in 2024', has a record of its own each period)."""
    return (row.metric, row.location, row.subject, f"since {row.period_start}" if row.period_start else "", row.definition)


def _check_record(rows: list[RefRow], found: Problems) -> None:
    """At most one series of record per metric, place, subject, period and definition."""
    first: dict[tuple[str, ...], RefRow] = {}
    for row in rows:
        if not row.record:
            continue
        what = record_scope(row)
        earlier = first.setdefault(what, row)
        if earlier.series != row.series:
            described = "/".join(p or "-" for p in what if p)
            found.append(ReferenceDataError(
                f"a second series of record for {described}: {earlier.source}'s series ({earlier.file}:{earlier.line}) is "
                "already the record; mark one series only, or give them different definitions", row.file, row.line,
            ))


def _check_aliases(records: list[tuple[str, str, str, int, Path]], rows: list[RefRow], aliases: Aliases, found: Problems) -> None:
    metrics = set(METRICS) | {r.metric for r in rows}
    places = _places(aliases)
    for kind, alias, canonical, line, path in records:
        if kind == "metric" and aliases.canonical("metric", canonical) not in metrics:
            found.append(ReferenceDataError(
                f"metric alias {alias!r} maps to unknown metric {canonical!r} (not in the vocabulary nor used by any row)", path, line
            ))
        if kind == "demonym" and canonical.lower() not in places:
            found.append(ReferenceDataError(f"demonym {alias!r} names unknown location {canonical!r}", path, line))


def problems(paths: Iterable[Path] | None = None, today: dt.date | None = None, extra: Iterable[Path] = ()) -> Problems:
    """All problems found in the reference data under paths (default: the bundled data) and extra."""
    found: Problems = []
    try:
        files = data_files(paths, extra)
    except ReferenceDataError as exc:
        return [exc]
    aliases, records = _aliases(files, found)
    rows: list[RefRow] = []
    for path in files:
        if path.name != ALIASES_FILE:
            rows.extend(_data_rows(path, aliases, found))
    _check_rows(rows, aliases, found, today or dt.date.today())
    _check_record(rows, found)
    _check_aliases(records, rows, aliases, found)
    return sorted(found, key=lambda e: (e.path or "", e.line or 0))
