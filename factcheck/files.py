"""Finding articles to check, and writing reports atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
STDIN = "-"


def discover(paths: Iterable[str]) -> list[Path]:
    """Files named, plus every article (*.txt, *.md) under named folders, skipping hidden ones."""
    out: list[Path] = []
    for name in paths:
        if name == STDIN:
            out.append(Path(STDIN))
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError("directory holds no articles (*.txt, *.md)", name)
            out.extend(found)
        elif path.is_symlink() and not path.exists():
            raise InputError("broken symbolic link", name)
        elif not path.exists():
            raise InputError("no such file or directory", name)
        else:
            out.append(path)
    return out


def atomic_write(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder, renamed into place."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
