"""Reference data: rows, aliases and the index of series (reading CSVs is ``refcsv``).

A *series* is the rows sharing (metric, location, subject, source, period_start), ordered by
``as_of``. The index is built once per run and answers "which series could a figure about
metric M in place L be compared with" from two dictionary look-ups, never a scan of all rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import ReferenceDataError
from factcheck.reference.aliases import Aliases
from factcheck.reference.rows import RefRow, SeriesKey
from factcheck.reference.sources import SourceName, same_body, source_name

ALIASES_FILE = "aliases.csv"


def bundled_path() -> Path:
    """The folder of the reference data installed with the package (or of a source checkout)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "reference_data"
    return installed if installed.is_dir() else package.parent / "reference_data"


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


def data_files(paths: Iterable[Path | str] | None = None, extra: Iterable[Path | str] = ()) -> list[Path]:
    """The CSVs of a run: those under paths (default: the bundled data), then those under
    extra, each once; raises when there is no data file at all."""
    chosen = [Path(p) for p in paths] if paths else [bundled_path()]
    files: list[Path] = []
    seen: set[Path] = set()
    for path in csv_files([*chosen, *(Path(p) for p in extra)]):
        if path.resolve() not in seen:
            seen.add(path.resolve())
            files.append(path)
    if not any(p.name != ALIASES_FILE for p in files):
        raise ReferenceDataError("no reference CSV files found", ", ".join(map(str, chosen)))
    return files


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


class ReferenceIndex:
    """All reference rows and aliases of a run, indexed by metric, by (metric, location) and,
    for each metric, by source (``source_names``: each source read once, at load)."""

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
        metrics: dict[str, list[SeriesKey]] = defaultdict(list)
        for key in sorted(series, key=lambda k: tuple(str(p) for p in k)):
            self.series[key] = sorted(series[key], key=lambda r: r.as_of)
            places[(key[0], key[1])].append(key)
            metrics[key[0]].append(key)
        self._by_place = dict(places)
        self._series_of_metric = dict(metrics)
        self.metrics: frozenset[str] = frozenset(metrics)
        by_source: dict[str, dict[str, list[SeriesKey]]] = defaultdict(dict)
        for key in self.series:
            by_source[key[0]].setdefault(key[3], []).append(key)
        self._sources_of_metric = dict(by_source)
        self.source_names: dict[str, SourceName] = {k[3]: source_name(k[3], aliases) for k in self.series}
        self.record: frozenset[SeriesKey] = frozenset(k for k, rows in self.series.items() if any(r.record for r in rows))
        self._at = {(r.file, r.line): r for r in rows}

    @classmethod
    def load(cls, paths: Iterable[Path | str] | None = None, extra: Iterable[Path | str] = ()) -> ReferenceIndex:
        """Load every CSV under paths (default: the bundled data) and under extra (added to
        them: ``--extra-refs``); aliases.csv holds aliases.

        The bundled aliases (names of places, sources, metrics) are always loaded first, so
        your own data files can use the usual names; your aliases.csv adds to or overrides them."""
        files = data_files(paths, extra)
        from factcheck.cache import cached

        inputs = [*files, *(p for p in alias_files(files) if p not in files)]
        here = Path(__file__).resolve().parent
        code = [
            *(here / n for n in ("rows.py", "aliases.py", "index.py", "csvfile.py", "definition.py", "tableschema.py", "sources.py")),
            *sorted((here / "schemas").glob("*.json")), here.parent / "language" / "gazetteer.py",
        ]
        return cached("refs", inputs, code, lambda: cls._build(files), cls)

    @classmethod
    def _build(cls, files: list[Path]) -> ReferenceIndex:
        """Read, validate and index files (what ``load`` caches)."""
        from factcheck.reference.csvfile import load_aliases, load_rows

        aliases = Aliases()
        for path in alias_files(files):
            load_aliases(path, aliases)
        rows: list[RefRow] = []
        for path in files:
            if path.name != ALIASES_FILE:
                rows.extend(load_rows(path, aliases))
        return cls(rows, aliases, files)

    def row_at(self, file: str, line: int) -> RefRow | None:
        """The row read from file at line (what a ``Reference`` points at)."""
        return self._at.get((file, line))

    def series_of(self, row: RefRow) -> list[RefRow]:
        """Every row of a row's series, by as_of."""
        return self.series.get(row.series, [row])

    def of_metric(self, metric: str) -> list[tuple[SeriesKey, list[RefRow]]]:
        """Every series of a metric, wherever it is."""
        return [(k, self.series[k]) for k in self._series_of_metric.get(metric, [])]

    def series_from(self, metric: str, name: str | None) -> frozenset[SeriesKey]:
        """The series of a metric, anywhere, whose source is the same body as name
        (``reference.sources``); empty when name is."""
        if not name:
            return frozenset()
        wanted = source_name(name, self.aliases)
        return frozenset(
            k for source, keys in self._sources_of_metric.get(metric, {}).items()
            if same_body(self.source_names[source], wanted) for k in keys
        )

    def candidates(self, metric: str) -> list[RefRow]:
        """Every row of a metric."""
        return self._by_metric.get(metric, [])

    def has_place(self, metric: str, location: str | None) -> bool:
        """Whether a place has series of a metric of its own (series with no place not counted)."""
        return bool(location) and (metric, location) in self._by_place

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
