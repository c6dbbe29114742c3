"""Deterministic benchmark inputs, generated from the project's own fixtures.

Articles come from the gold corpus (``tests/corpus``) and ``examples/``; reference rows from
the bundled ``reference_data``. Nothing random, nothing downloaded: the same checkout gives
the same inputs.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("metric", "location", "subject", "value", "low", "high", "as_of", "period_start", "source", "source_url", "notes")


def base_articles() -> list[str]:
    """The plain-text articles of the corpus and the examples, in a stable order."""
    paths = sorted((ROOT / "tests" / "corpus").rglob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    return [p.read_text(encoding="utf-8").strip() for p in paths]


def _paragraphs() -> list[str]:
    return [p.strip() for text in base_articles() for p in text.split("\n\n") if p.strip()]


def sized_article(size: int) -> str:
    """Whole paragraphs of the corpus, cycled in order, up to ``size`` UTF-8 bytes."""
    paragraphs = _paragraphs()
    out: list[str] = []
    total, i = 0, 0
    while True:
        paragraph = paragraphs[i % len(paragraphs)]
        cost = len(paragraph.encode("utf-8")) + 2
        if total + cost > size:
            break
        out.append(paragraph)
        total += cost
        i += 1
    return "\n\n".join(out) + "\n"


def batch(folder: Path, count: int, parts: int = 4) -> list[Path]:
    """``count`` articles in folder, each ``parts`` corpus articles one after another (the
    corpus articles are excerpts of about 130 words; four make a news story of about 3 KB)."""
    bases = base_articles()
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(count):
        text = "\n\n".join(bases[(i * (2 * k + 1) + k * k) % len(bases)] for k in range(parts))
        path = folder / f"article-{i:05d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _bundled_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((ROOT / "reference_data").glob("*.csv")):
        if path.name == "aliases.csv":
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def reference_rows(folder: Path, count: int, files: int = 10) -> Path:
    """``count`` valid reference rows in ``files`` CSVs plus the bundled aliases.csv.

    The bundled rows come first, unchanged; every further row copies one of them into a
    made-up district of its place (50 weekly rows per district series), so the index holds
    many series and few rows per series, as a large real archive would.
    """
    base = _bundled_rows()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "aliases.csv").write_text((ROOT / "reference_data" / "aliases.csv").read_text(encoding="utf-8"), encoding="utf-8")
    per_file = -(-count // files)
    for f in range(files):
        with (folder / f"rows-{f:02d}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, COLUMNS, extrasaction="ignore")
            writer.writeheader()
            for k in range(f * per_file, min(count, (f + 1) * per_file)):
                writer.writerow(_variant(base, k))
    return folder


def _variant(base: list[dict[str, str]], k: int) -> dict[str, str]:
    row = dict(base[k % len(base)])
    variant = k // len(base)
    if variant == 0:
        return row
    district, week = divmod(variant, 50)
    row["location"] = f"{row['location'] or 'Region'} district {district:04d}"
    as_of = dt.date.fromisoformat(row["as_of"]) - dt.timedelta(weeks=week)
    row["as_of"] = as_of.isoformat()
    if row.get("period_start") and row["period_start"] > row["as_of"]:
        row["period_start"] = ""
    for column in ("value", "low", "high"):
        if row.get(column):
            row[column] = _scaled(float(row[column]), 1 - week / 100)
    row["notes"] = f"benchmark variant {variant} of a bundled row"
    return row


def _scaled(value: float, factor: float) -> str:
    scaled = value * factor
    return str(round(scaled)) if abs(scaled) >= 100 else f"{scaled:.2f}"
