"""Source names: when two names are the same body (the one definition the judge and the index use).

Two names are the same body when they are equal once aliases are applied, or when one name's
content words (at least two, crudely stemmed) are all in the other ("Sudan's health ministry",
"Sudanese Ministry of Health"). A name is read into a ``SourceName`` once; the reference index
reads each of its sources at load, so a figure's source is read once and compared with the
few distinct sources of its metric, never re-read for every series.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.reference.aliases import Aliases, _key

_STOP = frozenset({"the", "of", "in", "for", "and", "on", "s", "to", "by", "a", "an", "at"})
_WORD = re.compile(r"[a-z0-9]+")


class SourceName(NamedTuple):
    """A source name as compared: its alias key and its stemmed content words."""

    key: str
    words: frozenset[str]


def stem(word: str) -> str:
    """A crude stem so that 'Sudanese'/'Sudan' and 'Israeli'/'Israel' compare equal."""
    for suffix in ("ese", "ian", "i", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def source_name(name: str, aliases: Aliases | None = None) -> SourceName:
    """The name as compared, after aliases (when given)."""
    if aliases is not None:
        name = aliases.canonical("source", name) or name
    words = frozenset(stem(w) for w in _WORD.findall(name.lower().replace("'s", "")) if w not in _STOP)
    return SourceName(_key(name), words)


def same_body(a: SourceName, b: SourceName) -> bool:
    """Whether two read names are the same body (see the module docstring)."""
    if a.key == b.key:
        return True
    return min(len(a.words), len(b.words)) >= 2 and (a.words <= b.words or b.words <= a.words)
