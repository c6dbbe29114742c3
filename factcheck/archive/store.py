"""The store: a folder of Parquet files, each written atomically, that runs only ever add to.

    STORE/FORMAT                                   'factcheck-archive 1'
    STORE/paths.parquet                            path -> article key (the archive's articles)
    STORE/extracted/<extractor>/<part>.figures.parquet   the figures of one batch of articles
    STORE/extracted/<extractor>/<part>.articles.parquet  its articles (written last: the part exists)
    STORE/judged/<extractor>/<part>.verdicts.parquet     a verdict per stored figure
    STORE/judged/<extractor>/<part>.findings.parquet     the rules' findings
    STORE/judged/bases/<basis>.parquet             the reference series a judgement rests on
    STORE/judged/run.json                          the last complete judge run: its basis, the parts' bases

A file is written to a temporary name in its folder and renamed into place, so a run killed
at any moment leaves whole files only; the next run removes temporary files, and a part
whose articles file is missing does not exist. One run at a time holds the store's lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from factcheck.archive import tables
from factcheck.errors import FactcheckError

FORMAT = "factcheck-archive 1"
ARTICLES, FIGURES = ".articles.parquet", ".figures.parquet"
VERDICTS, FINDINGS = ".verdicts.parquet", ".findings.parquet"


class StoreError(FactcheckError):
    """The store folder cannot be used (not a store, in use, unreadable)."""


class Store:
    """An archive store folder; ``create`` makes it when missing."""

    def __init__(self, root: Path, create: bool = False) -> None:
        self.root = Path(root)
        marker = self.root / "FORMAT"
        if marker.is_file():
            found = marker.read_text(encoding="utf-8").strip()
            if found != FORMAT:
                raise StoreError(f"store format {found!r}, this factcheck reads {FORMAT!r}", self.root)
            return
        if not create:
            raise StoreError("not an archive store (run 'factcheck archive extract' first)", self.root)
        if self.root.exists() and (not self.root.is_dir() or any(self.root.iterdir())):
            raise StoreError("exists and is not an archive store; give an empty or new folder", self.root)
        self.root.mkdir(parents=True, exist_ok=True)
        _atomic(marker, lambda f: f.write((FORMAT + "\n").encode()))

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store for one run; a second run at the same time is refused."""
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            yield
            return
        with open(self.root / ".lock", "a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise StoreError("is in use by another factcheck archive run", self.root) from None
            try:
                self.clean()
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def clean(self) -> None:
        """Remove what an interrupted run left: temporary files and figures without articles."""
        for tmp in self.root.rglob(".*.tmp"):
            tmp.unlink(missing_ok=True)
        for figures in self.root.glob(f"extracted/*/*{FIGURES}"):
            if not figures.with_name(figures.name[: -len(FIGURES)] + ARTICLES).exists():
                figures.unlink(missing_ok=True)

    def extracted(self, extractor: str) -> Path:
        return self.root / "extracted" / folder_name(extractor)

    def judged(self, extractor: str) -> Path:
        return self.root / "judged" / folder_name(extractor)

    @property
    def bases(self) -> Path:
        return self.root / "judged" / "bases"

    def extractors(self) -> list[str]:
        """Extractor versions with parts in the store (read from their VERSION files)."""
        out = []
        for version in sorted((self.root / "extracted").glob("*/VERSION")):
            out.append(version.read_text(encoding="utf-8").strip())
        return out

    def parts(self, extractor: str) -> list[str]:
        """The complete parts of one extractor version, by name."""
        return sorted(p.name[: -len(ARTICLES)] for p in self.extracted(extractor).glob(f"*{ARTICLES}"))

    def write_part(self, extractor: str, name: str, articles: pa.Table, figures: pa.Table) -> None:
        folder = self.extracted(extractor)
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            _atomic(folder / "VERSION", lambda f: f.write((extractor + "\n").encode()))
        write(folder / f"{name}{FIGURES}", figures)
        write(folder / f"{name}{ARTICLES}", articles)

    def paths(self) -> pa.Table:
        path = self.root / "paths.parquet"
        return read(path) if path.exists() else tables.table(tables.PATHS, [], ["path"])

    def write_paths(self, table: pa.Table) -> None:
        write(self.root / "paths.parquet", table)

    def run(self) -> dict[str, Any]:
        """The last complete judge run: its basis, and the basis of each part's files then."""
        path = self.root / "judged" / "run.json"
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = None
        if not isinstance(found, dict) or not isinstance(found.get("parts"), dict):
            return {"basis": None, "parts": {}}
        return found

    def write_run(self, run: dict[str, Any]) -> None:
        path = self.root / "judged" / "run.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic(path, lambda f: f.write(json.dumps(run, indent=1, sort_keys=True).encode() + b"\n"))

def folder_name(extractor: str) -> str:
    return "".join(c if c.isalnum() or c in "._+-" else "-" for c in extractor)


def write(path: Path, table: pa.Table, metadata: dict[str, Any] | None = None, durable: bool = True) -> None:
    """Write a table to path as Parquet, atomically; metadata goes into the file's schema.

    Not ``durable``: not synced to disk before the rename (for files that are cheap to make
    again and whose loss a reader notices: judged parts, which a crash can only leave old,
    missing or unreadable, and then they are judged again)."""
    if metadata is not None:
        table = table.replace_schema_metadata({"factcheck": json.dumps(metadata, sort_keys=True)})
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic(path, lambda f: pq.write_table(table, f, compression="zstd"), durable)


def read(path: Path, columns: list[str] | None = None) -> pa.Table:
    try:
        return pq.read_table(path, columns=columns)
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(f"cannot read store file: {exc}", path) from None


def metadata(path: Path) -> dict[str, Any]:
    """The factcheck metadata of a Parquet file (empty when it has none or is unreadable)."""
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException):
        return {}
    raw = meta.get(b"factcheck")
    return dict(json.loads(raw)) if raw else {}


def _atomic(path: Path, fill: Any, durable: bool = True) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
