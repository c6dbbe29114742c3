"""Writing reports atomically, and refusing to overwrite an article."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import InputError
from factcheck.read.discover import STDIN


def atomic_write(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder, renamed into place."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # name the report, not the temporary file
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename == tmp:  # name the report, not the temporary file
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def _mode_for(path: Path) -> int:
    """The permissions a report gets: those of the file it replaces, else 0o666 less the umask
    (mkstemp would leave it readable by its owner only)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def refuse_overwrite(articles: Iterable[Path], outputs: Iterable[Path]) -> None:
    """Raise when a report or baseline would be written over one of the articles checked."""
    inputs = [a for a in articles if str(a) != STDIN]
    for out in outputs:
        if out.exists() and any(_same_file(out, a) for a in inputs):
            raise InputError("is one of the articles checked; refusing to write a report over it", out)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
