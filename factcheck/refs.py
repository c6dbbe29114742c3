"""Reference data: load curated CSVs (pandas), validate rows (pydantic), index series.

A *series* is the rows sharing (metric, location, subject, source, period_start), ordered by
``as_of``. The index is built once per run and answers "which rows could a figure about
metric M in place L be compared with" without scanning all rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import ReferenceDataError

REQUIRED = ("metric", "location", "value", "as_of", "source", "source_url")
OPTIONAL = ("subject", "low", "high", "period_start", "notes")
ALIAS_COLUMNS = ("kind", "alias", "canonical")
ALIAS_KINDS = ("source", "location", "metric", "subject")
ALIASES_FILE = "aliases.csv"
_FORMULA_START = ("=", "+", "@")


class RefRow(BaseModel):
    """One validated reference row; ``file`` and ``line`` say where it came from."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int
    metric: str
    location: str
    subject: str = ""
    value: float
    low: float | None = None
    high: float | None = None
    as_of: dt.date
    period_start: dt.date | None = None
    source: str
    source_url: str
    notes: str = ""

    @field_validator("low", "high", "period_start", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("metric", "source", "source_url")
    @classmethod
    def _required(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    @field_validator("as_of", "period_start", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        if isinstance(value, str) and value and not _is_iso(value):
            raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
        return value

    @property
    def series(self) -> tuple[str, str, str, str, dt.date | None]:
        return (self.metric, self.location, self.subject, self.source, self.period_start)


def _is_iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@dataclass
class Aliases:
    """Canonical names for sources, locations, metrics and subjects (case-insensitive)."""

    table: dict[str, dict[str, str]] = field(default_factory=lambda: {k: {} for k in ALIAS_KINDS})
    lines: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)

    def add(self, kind: str, alias: str, canonical: str, where: tuple[str, int] = ("", 0)) -> None:
        key = _key(alias)
        self.table[kind][key] = canonical.strip()
        self.lines[(kind, key)] = where

    def canonical(self, kind: str, name: str | None) -> str | None:
        """The canonical name for name, or name itself (stripped) when no alias maps it."""
        if name is None:
            return None
        return self.table[kind].get(_key(name), name.strip())

    def known(self, kind: str, name: str | None) -> str | None:
        """The canonical name only when an alias or canonical entry knows name."""
        if name is None:
            return None
        key = _key(name)
        if key in self.table[kind]:
            return self.table[kind][key]
        return next((c for c in self.table[kind].values() if _key(c) == key), None)


def _key(name: str) -> str:
    key = " ".join(name.lower().replace("\u2019", "'").split())
    return key[4:] if key.startswith("the ") else key


def bundled_path() -> Path:
    """The folder of the reference data installed with the package (or of a source checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "reference_data"
    return installed if installed.is_dir() else here.parent / "reference_data"


def csv_files(paths: Iterable[Path]) -> list[Path]:
    """Every CSV named, or found under a named folder, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.csv") if p.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise ReferenceDataError("no such reference file or folder", path)
    return out


def _read_table(path: Path, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
    """Rows of a CSV as dicts of strings, with 'line' set to the file line (header = 1)."""
    import pandas as pd  # heavy import, paid only when CSVs are read

    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True)
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path) from None
    except pd.errors.EmptyDataError:
        raise ReferenceDataError("empty file: expected a header row", path, 1) from None
    except pd.errors.ParserError as exc:
        raise ReferenceDataError(f"malformed CSV: {str(exc).strip()}", path) from None
    except OSError as exc:
        raise ReferenceDataError(f"cannot read: {exc.strerror or exc}", path) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        hint = " (is the delimiter a comma?)" if len(frame.columns) == 1 else ""
        raise ReferenceDataError(f"missing column(s): {', '.join(missing)}{hint}", path, 1)
    unknown = [c for c in frame.columns if c not in columns + optional]
    if unknown:
        raise ReferenceDataError(f"unknown column(s): {', '.join(unknown)}", path, 1)
    for index, record in enumerate(frame.to_dict("records")):
        record = {k: (v.strip() if isinstance(v, str) else "") for k, v in record.items()}
        record["line"] = str(index + 2)
        yield record


def _check_formula(path: Path, record: dict[str, str]) -> None:
    for column, value in record.items():
        if value.startswith(_FORMULA_START) and column not in ("value", "low", "high", "line"):
            raise ReferenceDataError(f"column {column!r} holds a formula-like cell {value[:30]!r}", path, int(record["line"]))


def load_aliases(path: Path, aliases: Aliases) -> None:
    for record in _read_table(path, ALIAS_COLUMNS):
        line = int(record["line"])
        _check_formula(path, record)
        if record["kind"] not in ALIAS_KINDS:
            raise ReferenceDataError(f"kind {record['kind']!r} is not one of {', '.join(ALIAS_KINDS)}", path, line)
        if not record["alias"] or not record["canonical"]:
            raise ReferenceDataError("alias and canonical must not be empty", path, line)
        aliases.add(record["kind"], record["alias"], record["canonical"], (str(path), line))


def load_rows(path: Path) -> list[RefRow]:
    rows: list[RefRow] = []
    for record in _read_table(path, REQUIRED, OPTIONAL):
        line = int(record.pop("line"))
        _check_formula(path, record | {"line": str(line)})
        try:
            rows.append(RefRow(file=str(path), line=line, **record))
        except ValidationError as exc:
            err = exc.errors()[0]
            column = ".".join(str(p) for p in err["loc"]) or "row"
            raise ReferenceDataError(f"column {column!r}: {err['msg']}", path, line) from None
    return rows


class ReferenceIndex:
    """All reference rows and aliases of a run, indexed by metric."""

    def __init__(self, rows: list[RefRow], aliases: Aliases, files: list[Path]) -> None:
        self.rows = rows
        self.aliases = aliases
        self.files = files
        self._by_metric: dict[str, list[RefRow]] = defaultdict(list)
        for row in rows:
            self._by_metric[row.metric].append(row)

    @classmethod
    def load(cls, paths: Iterable[Path | str] | None = None) -> ReferenceIndex:
        """Load every CSV under paths (default: the bundled data); aliases.csv holds aliases."""
        chosen = [Path(p) for p in paths] if paths else [bundled_path()]
        files = csv_files(chosen)
        if not files:
            raise ReferenceDataError("no reference CSV files found", ", ".join(map(str, chosen)))
        aliases = Aliases()
        rows: list[RefRow] = []
        for path in files:
            if path.name == ALIASES_FILE:
                load_aliases(path, aliases)
            else:
                rows.extend(load_rows(path))
        rows = [r.model_copy(update=_canonical_fields(r, aliases)) for r in rows]
        return cls(rows, aliases, files)

    def candidates(self, metric: str) -> list[RefRow]:
        return self._by_metric.get(metric, [])

    @cached_property
    def series(self) -> dict[tuple[str, str, str, str, dt.date | None], list[RefRow]]:
        out: dict[tuple[str, str, str, str, dt.date | None], list[RefRow]] = defaultdict(list)
        for row in self.rows:
            out[row.series].append(row)
        for rows in out.values():
            rows.sort(key=lambda r: r.as_of)
        return dict(out)

    def sources_for(self, metric: str, location: str | None) -> list[str]:
        """Sources with a series for metric (in location, when given)."""
        return sorted({r.source for r in self.candidates(metric) if not location or r.location in ("", location)})


def _canonical_fields(row: RefRow, aliases: Aliases) -> dict[str, str]:
    return {
        "metric": aliases.canonical("metric", row.metric) or row.metric,
        "location": aliases.canonical("location", row.location) or "",
        "subject": aliases.canonical("subject", row.subject) or "",
        "source": aliases.canonical("source", row.source) or row.source,
    }
