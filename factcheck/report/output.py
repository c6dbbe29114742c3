"""Writing reports atomically (devices and FIFOs in place, links kept), and refusing to overwrite an article."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import InputError
from factcheck.read.discover import STDIN


def atomic_write(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder, renamed into place.

    A symbolic link keeps being one: its target is replaced (atomically, in the target's
    folder). A path that is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO) is
    written in place, never replaced by a file; a FIFO nobody reads is an error, not a wait."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(target, text, path)
        return
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # name the report, not the temporary file
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # name the report, not the temporary file
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def _write_in_place(target: Path, text: str, shown: Path) -> None:
    """Write to a device or FIFO as it is (opened without blocking: a FIFO must have a reader)."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        reason = "a named pipe that nobody reads" if exc.errno == errno.ENXIO else exc.strerror
        raise OSError(exc.errno, reason, str(shown)) from None
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(fd, data):]
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(shown)) from None
    finally:
        os.close(fd)


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
