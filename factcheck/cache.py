"""An on-disk cache of built objects (the reference index, the country tables, the gazetteer
pattern), keyed by the files they come from.

The key covers each input file's path as given and resolved, size, modification time and
content hash, plus the package version, the Python version and the source files of the
code that builds the object, so any change to the data or the code misses the cache. Entries
are pickles in the user's cache folder (``FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``
or the platform's equivalent), written atomically; nothing is ever written next to the
inputs. ``FACTCHECK_NO_CACHE=1`` turns the cache off. Any failure to read or write the
cache (a read-only home, a corrupt entry) only means the object is built again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")
KEEP = 8  # entries of one kind kept; older ones are removed


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("FACTCHECK_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("FACTCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "factcheck" / "Cache" if base else None
    try:
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "factcheck"
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"
    except RuntimeError:  # no home folder to be found
        return None


def key(kind: str, files: Sequence[Path], code: Sequence[Path], extra: str = "") -> str:
    """A digest of everything the cached object depends on: input files (path, size, time and
    content), code and data files or folders (path, size and time) and any extra text."""
    from factcheck import __version__

    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((kind, __version__, sys.version_info[:2], pickle.HIGHEST_PROTOCOL)).encode())
    digest.update(extra.encode("utf-8", "surrogatepass"))
    for path in code:
        stat = path.stat()
        digest.update(repr((str(path), stat.st_size, stat.st_mtime_ns)).encode())
    for path in files:
        resolved = path.resolve()
        stat = resolved.stat()
        digest.update(repr((str(path), str(resolved), stat.st_size, stat.st_mtime_ns)).encode())
        digest.update(hashlib.blake2b(resolved.read_bytes(), digest_size=20).digest())
    return digest.hexdigest()


def trusted(where: Path) -> bool:
    """Only a folder of the current user that others cannot write to is trusted with pickles."""
    if not hasattr(os, "getuid"):
        return where.is_dir()
    try:
        stat = where.stat()
    except OSError:
        return False
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


def cached(kind: str, files: Sequence[Path], code: Sequence[Path], build: Callable[[], T], expect: type, extra: str = "") -> T:
    """The object ``build()`` makes from files: from the cache when an entry matches, else built and stored."""
    where = folder()
    if where is None:
        return build()
    try:
        name = f"{kind}-{key(kind, files, code, extra)}.pickle"
    except OSError:
        return build()
    entry = where / name
    if trusted(where) and entry.is_file():
        try:
            with entry.open("rb") as handle:
                found = pickle.load(handle)
            if isinstance(found, expect):
                os.utime(entry)
                return cast(T, found)
        except Exception:  # noqa: BLE001 - a corrupt or stale entry is rebuilt
            pass
    made = build()
    _store(where, name, made, kind)
    return made


def _store(where: Path, name: str, value: object, kind: str) -> None:
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not trusted(where):
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=where)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, where / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(where, kind)
    except (OSError, pickle.PicklingError, RecursionError):
        pass


def _prune(where: Path, kind: str) -> None:
    entries = sorted(where.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
