"""Reference data: rows, aliases and the index of series (reading CSVs is ``refcsv``).

A *series* is the rows sharing (metric, location, subject, source, period_start), ordered by
``as_of``. The index is built once per run and answers "which series could a figure about
metric M in place L be compared with" from two dictionary look-ups, never a scan of all rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .errors import ReferenceDataError

ALIAS_KINDS = ("source", "location", "metric", "subject", "demonym")
ALIASES_FILE = "aliases.csv"
FAIR_BOUND = 1.25

SeriesKey = tuple[str, str, str, str, "dt.date | None"]


T = TypeVar("T")


class RefRow(NamedTuple):
    """One reference row; ``file`` and ``line`` say where it came from (header = line 1).

    A named tuple rather than a pydantic model: rows are validated column by column while
    loading (``refcsv.parse_rows``), and 100,000 of them must build in a fraction of a second."""

    file: str
    line: int
    metric: str
    location: str
    subject: str
    value: float
    low: float | None
    high: float | None
    as_of: dt.date
    period_start: dt.date | None
    source: str
    source_url: str
    notes: str = ""

    @property
    def series(self) -> SeriesKey:
        return (self.metric, self.location, self.subject, self.source, self.period_start)

    @property
    def bounds(self) -> tuple[float, float]:
        """The values the source's statement allows: a point, a range, or a limit."""
        if self.low is not None and self.high is not None:
            return self.low, self.high
        if self.high is not None:
            return self.high / 2, self.high
        if self.low is not None:
            return self.low, self.low * FAIR_BOUND
        return self.value, self.value

    def describe(self) -> str:
        """The reference as the source stated it: '39,175', 'up to 1,900,000', '10-15'."""
        if self.low is not None and self.high is not None:
            return f"{fmt(self.low, self.metric)}-{fmt(self.high, self.metric)}"
        if self.high is not None:
            return f"up to {fmt(self.high, self.metric)}"
        if self.low is not None:
            return f"more than {fmt(self.low, self.metric)}"
        return fmt(self.value, self.metric)


def fmt(value: float, metric: str | None = None) -> str:
    """A number as a reader writes it: 39,175 / 2.6 / 0.5, and a calendar year as 1962."""
    if metric == "years" and value == int(value) and 1000 <= value < 10000:
        return str(int(value))
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


@dataclass
class Aliases:
    """Canonical names for sources, locations, metrics and subjects (case-insensitive), and
    demonyms: the places whose people a group name stands for ("Palestinians" -> Gaza)."""

    table: dict[str, dict[str, str]] = field(default_factory=lambda: {k: {} for k in ALIAS_KINDS})
    lines: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    demonyms: dict[str, set[str]] = field(default_factory=dict)
    _by_canonical: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def add(self, kind: str, alias: str, canonical: str, where: tuple[str, int] = ("", 0)) -> None:
        key = _key(alias)
        self._by_canonical.pop(kind, None)
        self._derived.clear()
        self.table[kind][key] = canonical.strip()
        self.lines[(kind, key)] = where
        if kind == "demonym":
            self.demonyms.setdefault(key, set()).add(canonical.strip())

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
        by_canonical = self._by_canonical.get(kind)
        if by_canonical is None:  # built once per kind: known() runs for every source cue
            by_canonical = self._by_canonical[kind] = {}
            for canonical in self.table[kind].values():
                by_canonical.setdefault(_key(canonical), canonical)
        return by_canonical.get(key)

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """A table derived from the aliases, built once and rebuilt after any ``add``."""
        if name not in self._derived:
            self._derived[name] = build()
        return self._derived[name]  # type: ignore[no-any-return]

    def people_of(self, group: str) -> set[str]:
        """The places whose people a group name stands for (empty when unknown)."""
        return self.demonyms.get(_key(group), set())


@lru_cache(maxsize=1 << 16)
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
            out.extend(sorted(p for p in path.rglob("*.csv") if p.is_file() and not _hidden(p, path)))
        elif path.is_file():
            out.append(path)
        else:
            raise ReferenceDataError("no such reference file or folder", path)
    return out


def alias_files(files: list[Path]) -> list[Path]:
    """The aliases files of a run, in loading order: the bundled one first (unless it is
    among files already), then those among files."""
    bundled = bundled_path() / ALIASES_FILE
    named = [p for p in files if p.name == ALIASES_FILE]
    first = [bundled] if bundled.is_file() and not any(p.resolve() == bundled.resolve() for p in named) else []
    return first + named


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


class ReferenceIndex:
    """All reference rows and aliases of a run, indexed by metric and by (metric, location)."""

    def __init__(self, rows: list[RefRow], aliases: Aliases, files: list[Path]) -> None:
        self.rows = rows
        self.aliases = aliases
        self.files = files
        by_metric: dict[str, list[RefRow]] = defaultdict(list)
        series: dict[SeriesKey, list[RefRow]] = defaultdict(list)
        for row in rows:
            by_metric[row.metric].append(row)
            series[row.series].append(row)
        self._by_metric = dict(by_metric)
        self.series: dict[SeriesKey, list[RefRow]] = {}
        places: dict[tuple[str, str], list[SeriesKey]] = defaultdict(list)
        for key in sorted(series, key=lambda k: tuple(str(p) for p in k)):
            self.series[key] = sorted(series[key], key=lambda r: r.as_of)
            places[(key[0], key[1])].append(key)
        self._by_place = dict(places)

    @classmethod
    def load(cls, paths: Iterable[Path | str] | None = None) -> ReferenceIndex:
        """Load every CSV under paths (default: the bundled data); aliases.csv holds aliases.

        The bundled aliases (names of places, sources, metrics) are always loaded first, so
        your own data files can use the usual names; your aliases.csv adds to or overrides them."""
        chosen = [Path(p) for p in paths] if paths else [bundled_path()]
        files = csv_files(chosen)
        if not any(p.name != ALIASES_FILE for p in files):
            raise ReferenceDataError("no reference CSV files found", ", ".join(map(str, chosen)))
        from .cache import cached  # a built index is cached on disk, keyed by files and code

        inputs = [*files, *(p for p in alias_files(files) if p not in files)]
        code = [Path(__file__).with_name(name) for name in ("refs.py", "refcsv.py", "places.py")]
        return cached("refs", inputs, code, lambda: cls._build(files), cls)

    @classmethod
    def _build(cls, files: list[Path]) -> ReferenceIndex:
        """Read, validate and index files (what ``load`` caches)."""
        from .refcsv import load_aliases, load_rows

        aliases = Aliases()
        for path in alias_files(files):
            load_aliases(path, aliases)
        rows: list[RefRow] = []
        for path in files:
            if path.name != ALIASES_FILE:
                rows.extend(load_rows(path, aliases))
        return cls(rows, aliases, files)

    def candidates(self, metric: str) -> list[RefRow]:
        """Every row of a metric."""
        return self._by_metric.get(metric, [])

    def series_at(self, metric: str, location: str | None) -> list[tuple[SeriesKey, list[RefRow]]]:
        """The series of a metric in a place, plus those with no place (memberships)."""
        keys = self._by_place.get((metric, location), []) if location else []
        keys = keys + self._by_place.get((metric, ""), [])
        return [(k, self.series[k]) for k in keys]

    def sources_for(self, metric: str, location: str | None) -> list[str]:
        """Sources with a series for metric (in location, when given)."""
        if location:
            return sorted({k[3] for k, _ in self.series_at(metric, location)})
        return sorted({r.source for r in self.candidates(metric)})

