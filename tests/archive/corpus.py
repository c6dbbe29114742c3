"""A generated archive: articles made deterministically from the texts of tests/corpus.

Article i joins two corpus texts (chosen by i) and is dated by i: most through a sidecar
dates CSV, some in Markdown front matter, a few not at all; one pair are copies of each
other and one file is binary. Nothing random: the same checkout gives the same archive.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
START = dt.date(2023, 11, 1)


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in sorted(CORPUS.rglob("*.txt")) if "fresh_heldout" not in p.parts]


def generate(folder: Path, count: int) -> tuple[list[Path], Path]:
    """count articles (plus a copy and a binary file) under folder, and their dates CSV."""
    bases = texts()
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    dates = ["path,published"]
    for i in range(count):
        body = bases[i % len(bases)] + "\n\n" + bases[(i * 7 + 3) % len(bases)] + "\n"
        published = START + dt.timedelta(days=(i * 37) % 420)
        desk = folder / f"desk{i % 3}"
        desk.mkdir(exist_ok=True)
        if i % 10 == 4:  # dated in its front matter
            path = desk / f"story{i:04d}.md"
            path.write_text(f"---\ntitle: Story {i}\ndate: {published.isoformat()}\n---\n\n{body}", encoding="utf-8")
        else:
            path = desk / f"story{i:04d}.txt"
            path.write_text(body, encoding="utf-8")
            if i % 25 != 7:  # a few are undated: judged as of the run's today
                dates.append(f"{path.relative_to(folder).as_posix()},{published.isoformat()}")
        paths.append(path)
    copy = folder / "desk0" / "copy-of-story0000.txt"
    copy.write_bytes(paths[0].read_bytes())
    dates.append(f"{copy.relative_to(folder).as_posix()},{START.isoformat()}")
    (folder / "desk1" / "scan.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    csv = folder / "dates.csv"
    csv.write_text("\n".join(dates) + "\n", encoding="utf-8")
    return paths + [copy], csv


def store_files(store: Path) -> dict[str, bytes]:
    """Every file of a store (but its lock), by path relative to the store."""
    return {p.relative_to(store).as_posix(): p.read_bytes() for p in sorted(store.rglob("*")) if p.is_file() and p.name != ".lock"}


def store_rows(store: Path) -> dict[str, list[dict[str, object]]]:
    """The rows of each kind of table in a store, all parts together, sorted."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out: dict[str, list[dict[str, object]]] = {"paths": pq.read_table(store / "paths.parquet").to_pylist()}
    for kind in ("articles", "figures", "verdicts", "findings"):
        parts = [pq.read_table(p) for p in sorted(store.glob(f"*/*/*.{kind}.parquet"))]
        rows = pa.concat_tables(parts).to_pylist() if parts else []
        out[kind] = sorted(rows, key=repr)
    return out
