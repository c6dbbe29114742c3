"""The archive benchmark: extraction and re-judging throughput, 1 vs 2 workers, a worker's
peak memory at two archive sizes, and the re-judge of 100,000 stored claims after one
reference row changes. Results and the arithmetic drawn from them: benchmarks/ARCHIVE.md.

    python benchmarks/archive.py            # about three minutes on 2 cores
    python benchmarks/archive.py --quick    # smaller archives, a first look

Inputs are generated deterministically (benchmarks/data.py: articles of four corpus texts,
about 3 KB each, each made unique by its first line) into a temporary folder; the reference cache lives there too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import data  # noqa: E402

TARGET_CLAIMS = 100_000


def _checker(refs: Path | None = None) -> Any:
    from factcheck.pipeline import Checker, Options

    return Checker(Options(today=dt.date(2026, 1, 1), refs=(refs,) if refs else ()))


def extract(paths: list[Path], store_dir: Path, engine: str, workers: int, batch: int = 32) -> tuple[float, float, Any]:
    """(seconds to extract with the engine open, seconds to open it, the run's counts)."""
    from factcheck.archive.engine import open_engine
    from factcheck.archive.extract import extract_archive
    from factcheck.archive.store import Store

    checker = _checker()
    store = Store(store_dir, create=True)
    started = time.perf_counter()
    with store.lock(), open_engine(engine, workers, checker.options.model_dump_json()) as running:
        opened, cpu = time.perf_counter(), _cpu()
        done = extract_archive(store, paths, checker, running, batch_size=batch)
        ended, cpu = time.perf_counter(), _cpu() - cpu
        peaks = _peaks(running)
    return ended - opened, opened - started, (done, peaks, cpu)


def _cpu() -> float:
    """CPU seconds of this process (user and system): what a run costs, whatever the load."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peaks(engine: Any) -> list[float]:
    """Each dask worker's peak resident memory in MB (empty for other engines)."""
    client = getattr(engine, "client", None)
    if client is None:
        return []
    found = client.run(_peak)
    return sorted(found.values())


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clone(store_dir: Path, claims: int) -> int:
    """Copy the store's parts under new article keys until it holds at least ``claims``
    figures; the copies are real extractions, only their keys and paths differ."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from factcheck.archive import tables
    from factcheck.archive.store import ARTICLES, FIGURES, Store, read
    from factcheck.archive.version import digest

    store = Store(store_dir)
    (extractor,) = store.extractors()
    names = store.parts(extractor)
    where = store.extracted(extractor)
    base = sum(read(where / f"{n}{FIGURES}", ["key"]).num_rows for n in names)
    paths = store.paths().to_pylist()
    copies = -(-claims // base)
    for copy in range(1, copies):
        for name in names:
            articles, figures = read(where / f"{name}{ARTICLES}"), read(where / f"{name}{FIGURES}")
            keys = {k: digest(k, copy)[:32] for k in articles.column("key").to_pylist()}

            def rekey(table: pa.Table, keys: dict[str, str] = keys) -> pa.Table:
                column = pa.array([keys[k] for k in table.column("key").to_pylist()], pa.string())
                return table.set_column(table.schema.get_field_index("key"), "key", column)

            store.write_part(extractor, digest(name, copy)[:20], rekey(articles), rekey(figures))
        paths += [dict(r, path=f"copy{copy}/{r['path']}", key=digest(r["key"], copy)[:32]) for r in store.paths().to_pylist() if r["key"]]
    store.write_paths(tables.table(tables.PATHS, paths, ["path"]))
    total = 0
    for name in store.parts(extractor):
        total += pc.count(read(where / f"{name}{FIGURES}", ["key"]).column("key")).as_py()
    return total


def judge(store_dir: Path, refs: Path, workers: int) -> tuple[float, Any]:
    from factcheck.archive.engine import open_engine
    from factcheck.archive.judge import judge_archive
    from factcheck.archive.store import Store

    checker = _checker(refs)
    store = Store(store_dir)
    with store.lock(), open_engine("local", workers, checker.options.model_dump_json(), model=False) as running:
        started, cpu = time.perf_counter(), _cpu()
        done = judge_archive(store, checker, running)
        return time.perf_counter() - started, (done, _cpu() - cpu)


def change_one_row(refs: Path) -> str:
    """Add 1 to the newest Gaza death toll row (the series quoted most); returns the row."""
    path = refs / "gaza_war.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    import csv
    import io

    header = next(csv.reader([lines[0]]))
    best = max(
        (i for i, line in enumerate(lines[1:], 1) if (r := dict(zip(header, next(csv.reader([line]))))).get("metric") == "killed" and r.get("location") == "Gaza"),
        key=lambda i: next(csv.reader([lines[i]]))[header.index("as_of")],
    )
    row = next(csv.reader([lines[best]]))
    row[header.index("value")] = str(int(float(row[header.index("value")])) + 1)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row)
    lines[best] = out.getvalue()
    path.write_text("".join(lines), encoding="utf-8")
    return f"gaza_war.csv:{best + 1}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller archives")
    args = parser.parse_args()
    small, large = (60, 240) if args.quick else (150, 600)
    work = Path(tempfile.mkdtemp(prefix="factcheck-archive-bench-"))
    os.environ["FACTCHECK_CACHE_DIR"] = str(work / "cache")
    try:
        run(work, small, large, TARGET_CLAIMS // (10 if args.quick else 1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, small: int, large: int, claims: int) -> None:
    from factcheck.archive.version import extractor_version

    print(f"machine: {os.cpu_count()} CPUs, load average {' / '.join(f'{x:.2f}' for x in os.getloadavg())}; extractor {extractor_version()}")
    articles = data.batch(work / "articles", large)
    for i, path in enumerate(articles):  # data.batch repeats its combinations of corpus texts: make each article its own
        path.write_text(f"Dispatch {i}\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    kb = sum(p.stat().st_size for p in articles[:small]) / 1024
    rows: list[tuple[str, str]] = []
    rates: dict[str, float] = {}
    for engine, workers in (("local", 1), ("local", 2), ("dask", 1), ("dask", 2)):
        seconds, opened, (done, peaks, cpu) = extract(articles[:small], work / f"store-{engine}-{workers}", engine, workers)
        assert done.extracted == small, f"{done.extracted} of {small} articles extracted"
        rate = small / seconds
        rates[f"{engine}{workers}"] = rate
        failed = f", {len(done.errors)} failed" if done.errors else ""
        own = f"; {small / cpu:.1f} articles per CPU second" if engine == "local" and workers == 1 else ""
        if own:
            rates["extract_cpu"] = small / cpu
        rows.append((f"extract {small} articles ({kb:.0f} KB, {done.figures} figures{failed}), {engine}, {workers} worker{'s' if workers > 1 else ''}",
                     f"{seconds:.1f} s: {rate:.1f} articles/s, {rate / workers:.1f} per core{own} (engine start {opened:.1f} s)"))
    for engine in ("local", "dask"):
        rows.append((f"{engine}: 2 workers vs 1", f"{rates[engine + '2'] / rates[engine + '1']:.2f}x"))
    memory = []
    for size in (small, large):
        seconds, _, (done, peaks, _) = extract(articles[:size], work / f"store-mem-{size}", "dask", 2)
        memory.append(max(peaks))
        rows.append((f"dask worker peak memory, archive of {size} articles, {done.extracted} extracted (2 workers)", " / ".join(f"{p:.0f} MB" for p in peaks)))
    rows.append(("peak memory, larger archive vs smaller", f"{memory[1] / memory[0]:.2f}x ({large // small}x the articles)"))

    refs = work / "refs"
    from factcheck.reference.index import bundled_path

    shutil.copytree(bundled_path(), refs, ignore=shutil.ignore_patterns("*.md"))
    store = work / "store-local-1"
    total = clone(store, claims)
    for workers in (1, 2):
        if workers == 2:
            shutil.rmtree(store / "judged")
        seconds, (done, cpu) = judge(store, refs, workers)
        rates[f"judge{workers}"] = done.judged / seconds
        own = f"; {done.judged / cpu:,.0f} claims per CPU second" if workers == 1 else ""
        if own:
            rates["judge_cpu"] = done.judged / cpu
        rows.append((f"judge {done.judged:,} stored claims from scratch, {workers} worker{'s' if workers > 1 else ''}",
                     f"{seconds:.1f} s: {done.judged / seconds:,.0f} claims/s{own}"))
    rows.append(("judge: 2 workers vs 1", f"{rates['judge2'] / rates['judge1']:.2f}x"))
    seconds, (done, cpu) = judge(store, refs, 1)
    rows.append((f"judge again, nothing changed ({total:,} claims)", f"{seconds:.2f} s ({cpu:.2f} CPU s), {done.judged} claims judged"))
    where = change_one_row(refs)
    seconds, (done, cpu) = judge(store, refs, 1)
    rows.append((f"re-judge after one row changed ({where}), {total:,} claims stored",
                 f"{seconds:.2f} s ({cpu:.2f} CPU s), {done.judged:,} claims judged, {done.changed} series changed (target < 10 s)"))
    per_article = rates["extract_cpu"]
    figures_per_article = total / (total and len(_store_keys(store)))
    judge_core = rates["judge_cpu"]
    core_seconds = 1 / per_article + figures_per_article / judge_core
    need = 1_000_000 / 3600 * core_seconds
    rows.append(("cores for 1 million articles an hour",
                 f"1,000,000 / 3,600 s = 277.8 articles/s x (1 / {per_article:.1f} + {figures_per_article:.1f} / {judge_core:,.0f}) core-s "
                 f"= {need:.0f} cores"))
    print("\n| measure | result |\n|---|---|")
    for measure, result in rows:
        print(f"| {measure} | {result} |")
    print(f"\nload average at the end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _store_keys(store_dir: Path) -> set[str]:
    from factcheck.archive.store import ARTICLES, Store, read

    store = Store(store_dir)
    (extractor,) = store.extractors()
    return {k for n in store.parts(extractor) for k in read(store.extracted(extractor) / f"{n}{ARTICLES}", ["key"]).column("key").to_pylist()}


if __name__ == "__main__":
    main()
