"""A cache of sentence parses on disk, so re-checking an unchanged sentence loads no model.

Editors re-check a draft after every change and CI re-checks every draft of an archive: most
sentences are unchanged, and without this cache each run pays spaCy's start-up (about 0.8 s)
and parse (about 80 KB/s) again. An entry is keyed by the model's name and version, the
pipeline's components and the sentence's text (white space collapsed); it holds the tokens as
JSON (offsets into that text), never a pickle. The store is one SQLite file in the cache
folder of ``factcheck.cache`` (``FACTCHECK_CACHE_DIR``...; ``FACTCHECK_NO_CACHE=1`` turns it
off; ``FACTCHECK_NO_PARSE_CACHE=1`` turns off this cache alone), trusted only when the folder is the user's own; it keeps the ``KEEP`` sentences stored
last (reading never writes, so a check that finds every sentence cached costs one query). Any failure to read or write it only means the sentence is parsed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from pathlib import Path

from factcheck import cache

FILE = "parses-v2.sqlite3"
KEEP = 100_000
_SCHEMA = "CREATE TABLE IF NOT EXISTS parse (key TEXT PRIMARY KEY, tokens TEXT NOT NULL)"
# One token: (start, end, lower, pos, tag, dep, head) with offsets into the compacted sentence.
Row = tuple[int, int, str, str, str, str, int]


def _where() -> Path | None:
    if os.environ.get("FACTCHECK_NO_PARSE_CACHE", "") not in ("", "0"):
        return None
    folder = cache.folder()
    return folder / FILE if folder is not None else None


def key(model: str, text: str) -> str:
    return hashlib.blake2b(f"{model}\x00{text}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _connect(path: Path) -> sqlite3.Connection | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not cache.trusted(path.parent):
            return None
        conn = sqlite3.connect(path, timeout=2.0, isolation_level=None)
        conn.execute(_SCHEMA)
        return conn
    except (OSError, sqlite3.Error):
        return None


def load(keys: Sequence[str]) -> dict[str, list[Row]]:
    """The cached token rows of these keys (those found)."""
    path = _where()
    if path is None or not keys or not path.is_file():
        return {}
    conn = _connect(path)
    if conn is None:
        return {}
    found: dict[str, list[Row]] = {}
    try:
        with closing(conn):
            for chunk in _chunks(list(keys)):
                marks = ",".join("?" * len(chunk))
                for k, tokens in conn.execute(f"SELECT key, tokens FROM parse WHERE key IN ({marks})", chunk):
                    found[k] = [tuple(t) for t in json.loads(tokens)]
    except (sqlite3.Error, ValueError, TypeError):
        return {}
    return found


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for lo in range(0, len(items), size):
        yield items[lo:lo + size]


def store(entries: Iterable[tuple[str, list[Row]]]) -> None:
    """Add parses; those stored before the last KEEP are dropped."""
    path = _where()
    rows = [(k, json.dumps(tokens, separators=(",", ":"))) for k, tokens in entries]
    if path is None or not rows:
        return
    conn = _connect(path)
    if conn is None:
        return
    try:
        with closing(conn):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR REPLACE INTO parse VALUES (?, ?)", rows)
            last = conn.execute("SELECT MAX(rowid) FROM parse").fetchone()[0] or 0
            conn.execute("DELETE FROM parse WHERE rowid <= ?", (last - KEEP,))
            conn.execute("COMMIT")
    except sqlite3.Error:
        pass
