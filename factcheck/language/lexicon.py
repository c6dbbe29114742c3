"""Word lists are data files, not code: ``words("attribution", "speech-verbs")`` reads
``factcheck/attribution/data/speech-verbs.txt``.

A list file holds one entry per line (a word or a phrase), lower case unless case matters;
blank lines and ``#`` comments are ignored. Lists are read once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=256)
def entries(package: str, name: str) -> tuple[str, ...]:
    """The entries of ``factcheck/<package>/data/<name>.txt``, in file order."""
    text = (resources.files(f"factcheck.{package}") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    out: list[str] = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(" ".join(entry.split()))
    return tuple(out)


@lru_cache(maxsize=256)
def words(package: str, name: str) -> frozenset[str]:
    """The entries of a list as a set (built once per process)."""
    return frozenset(entries(package, name))
