"""``archive extract``: read every article, extract those not stored yet, in batches.

Articles are taken in path order; each is read and decoded here (``read_path``, the CLI's
reading rule) and keyed (``version.article_key``). An article whose key is stored already is
not sent anywhere; the others go out in batches of ``batch_size``, formed in that order, so
the batches (and the part files they become) are the same whatever the engine and the
number of workers. Each batch's rows are written as one part when it comes back; a run that
is stopped and started again finds the parts written and sends only what is missing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from factcheck.archive import tables
from factcheck.archive.engine import Engine
from factcheck.archive.store import ARTICLES, Store, read
from factcheck.archive.version import article_key, digest, extractor_version, vocabulary
from factcheck.archive.work import Article, ExtractTask, extract_task
from factcheck.errors import BinaryFileError, FactcheckError, InputError, InternalError
from factcheck.pipeline import Checker
from factcheck.read.decode import read_path
from factcheck.read.document import kind_of

BATCH_SIZE = 64


@dataclass
class Extracted:
    """What an extract run did."""

    articles: int = 0  # paths in this run
    extracted: int = 0  # articles extracted by this run
    reused: int = 0  # articles whose extraction was stored already
    figures: int = 0  # figures extracted by this run
    parts: int = 0  # part files written
    errors: list[FactcheckError] = field(default_factory=list)  # articles that failed, this run or before


def read_dates(path: Path) -> dict[Path, dt.date]:
    """A sidecar CSV of publication dates (columns path, published); paths are relative to
    the CSV's folder."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read dates file: {getattr(exc, 'strerror', None) or exc}", path) from None
    rows = csv.reader(text.splitlines())
    header = [h.strip().lower() for h in next(rows, [])]
    if "path" not in header or "published" not in header:
        raise InputError("dates file needs the columns 'path' and 'published'", path, 1)
    at_path, at_date = header.index("path"), header.index("published")
    out: dict[Path, dt.date] = {}
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(at_path, at_date):
            raise InputError("missing cells: expected path,published", path, line)
        try:
            published = dt.date.fromisoformat(row[at_date].strip())
        except ValueError:
            raise InputError(f"column 'published': {row[at_date].strip()!r} is not a YYYY-MM-DD date", path, line) from None
        out[(path.parent / row[at_path].strip()).resolve()] = published
    return out


def stored_keys(store: Store, extractor: str) -> dict[str, str | None]:
    """Each stored article key and its error kind (None: extracted; a success wins)."""
    out: dict[str, str | None] = {}
    for name in store.parts(extractor):
        cols = read(store.extracted(extractor) / f"{name}{ARTICLES}", ["key", "error_kind"]).to_pydict()
        for key, kind in zip(cols["key"], cols["error_kind"]):
            if kind is None or out.get(key, "") is not None:
                out[key] = kind
    return out


def extract_archive(
    store: Store, targets: Sequence[Path], checker: Checker, engine: Engine, dates: dict[Path, dt.date] | None = None,
    batch_size: int = BATCH_SIZE, retry_failed: bool = False,
) -> Extracted:
    """Extract the targets into the store; the paths table then maps each to its article."""
    extractor = extractor_version()
    vocab = vocabulary(checker)
    options = checker.options.model_dump_json()
    stored = stored_keys(store, extractor)
    done = Extracted()
    paths: list[dict[str, Any]] = []
    given = dates or {}

    def articles() -> Iterator[Article]:
        queued: set[str] = set()
        for path in sorted(targets, key=str):
            done.articles += 1
            try:
                doc = read_path(path, checker.options.encoding, checker.options.max_bytes)
            except InputError as exc:
                kind = "binary" if isinstance(exc, BinaryFileError) else "input"
                paths.append({"path": str(path), "error": exc.message, "error_kind": kind, "error_line": exc.line})
                done.errors.append(exc)
                continue
            content = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
            date = given.get(path.resolve())
            key = article_key(content, doc.kind, date, checker.options.encoding, extractor, vocab)
            paths.append({"path": str(path), "key": key, "extractor": extractor})
            if key in queued or (key in stored and (stored[key] is None or not retry_failed)):
                done.reused += key not in queued
                continue
            queued.add(key)
            yield Article(key, str(path), doc.text, doc.encoding, content, kind_of(str(path)), date)

    def batches() -> Iterator[ExtractTask]:
        batch: list[Article] = []
        for article in articles():
            batch.append(article)
            if len(batch) >= batch_size:
                yield _task(batch, options, extractor)
                batch = []
        if batch:
            yield _task(batch, options, extractor)

    for task, result, error in engine.map(extract_task, batches()):
        if error is not None:
            result = _failed(task, error)
        articles_table, figures_table = result
        store.write_part(extractor, task.name, articles_table, figures_table)
        done.parts += 1
        done.extracted += sum(1 for k in articles_table.column("error_kind").to_pylist() if k is None)
        done.figures += figures_table.num_rows
        for key, kind in zip(articles_table.column("key").to_pylist(), articles_table.column("error_kind").to_pylist()):
            if kind is None or stored.get(key, "") is not None:
                stored[key] = kind
    store.write_paths(_merge(store.paths(), paths))
    done.errors += _extraction_errors(store, extractor, paths, stored)
    return done


def _task(batch: list[Article], options: str, extractor: str) -> ExtractTask:
    return ExtractTask(digest(*(a.key for a in batch))[:20], options, extractor, tuple(batch))


def _failed(task: ExtractTask, error: BaseException) -> tuple[pa.Table, pa.Table]:
    """The rows of a batch whose worker failed as a whole: each article with the error."""
    message = f"the batch failed: {type(error).__name__}: {error}"
    rows = [
        {"key": a.key, "content": a.content, "kind": a.kind, "given": a.given, "extractor": task.extractor, "figures": 0,
         "error": " ".join(message.split()), "error_kind": "internal"}
        for a in task.articles
    ]
    return tables.EXTRACTION.build(rows, ["key"]), tables.FIGURES.build([], ["key", "n"])


def _merge(old: pa.Table, new: list[dict[str, Any]]) -> pa.Table:
    """The paths table with this run's paths replacing their earlier rows."""
    named = {r["path"] for r in new}
    kept = [r for r in old.to_pylist() if r["path"] not in named]
    return tables.table(tables.PATHS, kept + new, ["path"])


def _extraction_errors(store: Store, extractor: str, paths: list[dict[str, Any]], stored: dict[str, str | None]) -> list[FactcheckError]:
    """The run's articles whose stored extraction is an error, each as one error naming it:
    an ``InternalError`` for a bug met on the article, else an ``InputError``."""
    failed = {r["key"] for r in paths if r.get("key") and stored.get(r["key"]) is not None}
    if not failed:
        return []
    found: dict[str, tuple[str, int | None, str]] = {}
    for name in store.parts(extractor):
        cols = read(store.extracted(extractor) / f"{name}{ARTICLES}", ["key", "error", "error_line", "error_kind"]).to_pydict()
        for key, error, line, kind in zip(cols["key"], cols["error"], cols["error_line"], cols["error_kind"]):
            if key in failed and error is not None and stored.get(key) == kind:
                found.setdefault(key, (error, line, kind))
    out: list[FactcheckError] = []
    for r in paths:
        if r.get("key") in found:
            message, line, kind = found[r["key"]]
            out.append((InternalError if kind == "internal" else InputError)(message, r["path"], line))
    return out
