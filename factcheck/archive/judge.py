"""``archive judge``: judge the stored figures against the current reference data.

Each part of the store is judged into a verdicts file (one row per figure: verdict, reason,
the rows it rests on, the series it was judged by and the candidate series the judge found
for it) and a findings file, both marked with the *basis* they were judged at (judge code,
rule settings, aliases and reference rows: ``version.basis``). A part already judged at the
current basis is left alone. When only reference rows changed since the part's basis (same
judge, settings and aliases), the series whose rows differ are listed and only the figures
that could use one are judged again (``work._affected``; every figure of a metric that
gained or lost a series); a part with no figure of a changed series' metric is not even read
past that column. Anything else is judged afresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow.compute as pc
import pyarrow.parquet as pq

from factcheck.archive import tables
from factcheck.archive.engine import Engine
from factcheck.archive.store import ARTICLES, FIGURES, FINDINGS, VERDICTS, Store, metadata, read, write
from factcheck.archive.version import basis, judge_state, refs_digest, series_digests, series_metric
from factcheck.archive.work import JudgeTask, judge_task
from factcheck.errors import InternalError
from factcheck.pipeline import Checker


@dataclass
class JudgeRun:
    """What a judge run did."""

    parts: int = 0  # parts in the store
    judged_parts: int = 0  # parts written by this run
    claims: int = 0  # figures stored in those parts
    judged: int = 0  # figures judged by this run
    changed: int = 0  # reference series changed since the previous judgement (incremental parts)
    full: int = 0  # parts judged whole


@dataclass(frozen=True)
class Snapshot:
    state: str
    series: dict[str, str]


def judge_archive(store: Store, checker: Checker, engine: Engine) -> JudgeRun:
    """Bring every part's verdicts and findings up to the current basis."""
    state = judge_state(checker)
    series = series_digests(checker.index)
    current = basis(state, refs_digest(series))
    snapshots: dict[str, Snapshot | None] = {current: Snapshot(state, series)}
    _write_snapshot(store, current, snapshots[current])  # type: ignore[arg-type]
    run = store.run()
    valid: dict[str, str] = {}  # part -> basis of its files, once valid at the current basis
    done = JudgeRun()
    options = checker.options.model_dump_json()
    changed_sets: set[int] = set()

    def tasks() -> Iterator[JudgeTask]:
        for extractor in _extractors(store):
            for name in store.parts(extractor):
                done.parts += 1
                where = store.judged(extractor)
                part = f"{where.name}/{name}"
                files = where / f"{name}{VERDICTS}", where / f"{name}{FINDINGS}"
                own = _basis(*files)
                figures_file = store.extracted(extractor) / f"{name}{FIGURES}"
                done.claims += pq.ParquetFile(figures_file).metadata.num_rows
                bases = {own} | ({run["basis"]} if own is not None and run["parts"].get(part) == own else set())
                if current in bases:
                    valid[part] = own  # type: ignore[assignment]
                    continue
                change = _changed(store, {b for b in bases if b is not None}, snapshots, state, series)
                changed, reshaped = change if change is not None else (None, frozenset())
                if changed is not None:
                    changed_sets.add(len(changed))
                    metrics = sorted({series_metric(s) for s in changed})
                    if not pc.any(pc.is_in(read(figures_file, ["metric"]).column("metric"), value_set=_strings(metrics))).as_py():
                        valid[part] = own  # type: ignore[assignment]
                        continue
                articles = read(store.extracted(extractor) / f"{name}{ARTICLES}")
                articles = articles.filter(pc.is_null(articles.column("error")))
                previous = (read(files[0]), read(files[1])) if changed is not None else None
                done.full += changed is None
                yield JudgeTask(extractor, name, options, articles, read(figures_file), current, previous, changed, reshaped)

    for task, result, error in engine.map(judge_task, tasks()):
        if error is not None:
            raise InternalError.of(error, store.extracted(task.extractor) / f"{task.name}{FIGURES}")
        where = store.judged(task.extractor)
        write(where / f"{task.name}{FINDINGS}", result.findings, {"basis": current}, durable=False)
        write(where / f"{task.name}{VERDICTS}", result.verdicts, {"basis": current}, durable=False)
        valid[f"{where.name}/{task.name}"] = current
        done.judged_parts += 1
        done.judged += result.claims
    done.changed = max(changed_sets, default=0)
    store.write_run({"basis": current, "parts": valid})
    _prune(store, {current, *valid.values()})
    return done


def _extractors(store: Store) -> list[str]:
    """The extractor versions the archive's paths refer to."""
    column = store.paths().column("extractor")
    return sorted({e for e in column.to_pylist() if e})


def _basis(verdicts: Any, findings: Any) -> str | None:
    """The basis both judged files of a part were written at (None: missing or half-written)."""
    if not verdicts.exists() or not findings.exists():
        return None
    a, b = metadata(verdicts).get("basis"), metadata(findings).get("basis")
    return a if a is not None and a == b else None


def _changed(store: Store, bases: set[str], snapshots: dict[str, Snapshot | None], state: str, series: dict[str, str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """Since one of bases (of the same judge state): the series whose rows changed, and the
    metrics that gained or lost a series; None: judge whole."""
    best: tuple[frozenset[str], frozenset[str]] | None = None
    for b in sorted(bases):
        if b not in snapshots:
            snapshots[b] = _read_snapshot(store, b)
        snap = snapshots[b]
        if snap is None or snap.state != state:
            continue
        changed = frozenset(k for k in snap.series.keys() | series.keys() if snap.series.get(k) != series.get(k))
        reshaped = frozenset(series_metric(k) for k in snap.series.keys() ^ series.keys())
        if best is None or len(changed) < len(best[0]):
            best = changed, reshaped
    return best


def _strings(values: list[str]) -> Any:
    import pyarrow as pa

    return pa.array(values, type=pa.string())


def _write_snapshot(store: Store, key: str, snap: Snapshot) -> None:
    path = store.bases / f"{key}.parquet"
    if not path.exists():
        rows = [{"series": k, "rows": v} for k, v in snap.series.items()]
        write(path, tables.table(tables.SERIES, rows, ["series"]), {"state": snap.state})


def _read_snapshot(store: Store, key: str) -> Snapshot | None:
    path = store.bases / f"{key}.parquet"
    if not path.exists():
        return None
    state = metadata(path).get("state")
    cols = read(path).to_pydict()
    return Snapshot(str(state), dict(zip(cols["series"], cols["rows"])))


def _prune(store: Store, keep: set[str]) -> None:
    for path in store.bases.glob("*.parquet"):
        if path.stem not in keep:
            path.unlink(missing_ok=True)
