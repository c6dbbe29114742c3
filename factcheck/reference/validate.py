"""``factcheck refs check``: every problem in reference data, each with file and line.

Checked: readable UTF-8 CSV, required columns, unknown columns, empty required cells,
numbers, YYYY-MM-DD dates (real calendar days, not in the future), low <= value <= high,
period_start <= as_of, formula-like cells, http(s) source URLs, duplicate rows, conflicting
rows (same series and date, different values), unknown metrics and places, and aliases
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
from factcheck.reference.index import ALIASES_FILE, alias_files, bundled_path, csv_files
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
        if not row.source_url.startswith(("https://", "http://")) or len(row.source_url) < 12 or " " in row.source_url:
            found.append(ReferenceDataError(f"source_url {row.source_url!r} is not an http(s) URL", row.file, row.line))
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


def problems(paths: Iterable[Path] | None = None, today: dt.date | None = None) -> Problems:
    """All problems found in the reference data under paths (default: the bundled data)."""
    found: Problems = []
    try:
        files = csv_files([Path(p) for p in paths] if paths else [bundled_path()])
    except ReferenceDataError as exc:
        return [exc]
    if not any(p.name != ALIASES_FILE for p in files):
        return [ReferenceDataError("no reference CSV files found", ", ".join(str(p) for p in (paths or [bundled_path()])))]
    aliases, records = _aliases(files, found)
    rows: list[RefRow] = []
    for path in files:
        if path.name != ALIASES_FILE:
            rows.extend(_data_rows(path, aliases, found))
    _check_rows(rows, aliases, found, today or dt.date.today())
    _check_aliases(records, rows, aliases, found)
    return sorted(found, key=lambda e: (e.path or "", e.line or 0))
