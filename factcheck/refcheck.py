"""``factcheck refs check``: every problem in reference data, each with file and line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from .errors import ReferenceDataError
from .models import METRICS
from .refs import (
    ALIAS_COLUMNS, ALIAS_KINDS, ALIASES_FILE, OPTIONAL, REQUIRED, RefRow, _check_formula, _read_table,
    bundled_path, csv_files,
)


def _rows(path: Path, found: list[ReferenceDataError]) -> list[RefRow]:
    rows: list[RefRow] = []
    try:
        for record in _read_table(path, REQUIRED, OPTIONAL):
            line = int(record.pop("line"))
            try:
                _check_formula(path, record | {"line": str(line)})
                rows.append(RefRow(file=str(path), line=line, **record))
            except ReferenceDataError as exc:
                found.append(exc)
            except ValidationError as exc:
                for err in exc.errors():
                    column = ".".join(str(p) for p in err["loc"]) or "row"
                    found.append(ReferenceDataError(f"column {column!r}: {err['msg']}", path, line))
    except ReferenceDataError as exc:
        found.append(exc)
    return rows


def _aliases(path: Path, found: list[ReferenceDataError]) -> list[tuple[str, str, str, int]]:
    out: list[tuple[str, str, str, int]] = []
    try:
        for record in _read_table(path, ALIAS_COLUMNS):
            line = int(record["line"])
            if record["kind"] not in ALIAS_KINDS:
                found.append(ReferenceDataError(f"kind {record['kind']!r} is not one of {', '.join(ALIAS_KINDS)}", path, line))
            elif not record["alias"] or not record["canonical"]:
                found.append(ReferenceDataError("alias and canonical must not be empty", path, line))
            else:
                out.append((record["kind"], record["alias"], record["canonical"], line))
    except ReferenceDataError as exc:
        found.append(exc)
    return out


def problems(paths: Iterable[Path] | None = None) -> list[ReferenceDataError]:
    """All problems found in the reference data under paths (default: the bundled data)."""
    found: list[ReferenceDataError] = []
    try:
        files = csv_files([Path(p) for p in paths] if paths else [bundled_path()])
    except ReferenceDataError as exc:
        return [exc]
    rows: list[RefRow] = []
    aliases: list[tuple[str, str, str, int, Path]] = []
    for path in files:
        if path.name == ALIASES_FILE:
            aliases.extend((*a, path) for a in _aliases(path, found))
        else:
            rows.extend(_rows(path, found))
    seen: dict[tuple, RefRow] = {}
    for row in rows:
        key = (*row.series, row.as_of)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = row
        elif earlier.value == row.value:
            found.append(ReferenceDataError(f"duplicate of {earlier.file}:{earlier.line}", row.file, row.line))
        else:
            found.append(ReferenceDataError(
                f"conflicts with {earlier.file}:{earlier.line}: same series and date, value {row.value:g} vs {earlier.value:g}",
                row.file, row.line,
            ))
        if not row.source_url.startswith(("https://", "http://")):
            found.append(ReferenceDataError(f"source_url {row.source_url!r} is not an http(s) URL", row.file, row.line))
    metrics = set(METRICS) | {r.metric for r in rows}
    for kind, alias, canonical, line, path in aliases:
        if kind == "metric" and canonical not in metrics:
            found.append(ReferenceDataError(
                f"metric alias {alias!r} maps to unknown metric {canonical!r} (not in the vocabulary nor used by any row)", path, line
            ))
    return sorted(found, key=lambda e: (e.path or "", e.line or 0))
