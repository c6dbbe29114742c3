"""Aliases: canonical names of sources, places, metrics and subjects, and demonyms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

ALIAS_KINDS = ("source", "location", "metric", "subject", "demonym")


T = TypeVar("T")


@dataclass
class Aliases:
    """Canonical names for sources, locations, metrics and subjects (case-insensitive), and
    demonyms: the places whose people a group name stands for ("Palestinians" -> Gaza)."""

    table: dict[str, dict[str, str]] = field(default_factory=lambda: {k: {} for k in ALIAS_KINDS})
    lines: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    demonyms: dict[str, set[str]] = field(default_factory=dict)
    _by_canonical: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def add(self, kind: str, alias: str, canonical: str, where: tuple[str, int] = ("", 0)) -> None:
        key = _key(alias)
        self._by_canonical.pop(kind, None)
        self._derived.clear()
        self.table[kind][key] = canonical.strip()
        self.lines[(kind, key)] = where
        if kind == "demonym":
            self.demonyms.setdefault(key, set()).add(canonical.strip())

    def canonical(self, kind: str, name: str | None) -> str | None:
        """The canonical name for name, or name itself (stripped) when no alias maps it."""
        if name is None:
            return None
        return self.table[kind].get(_key(name), name.strip())

    def known(self, kind: str, name: str | None) -> str | None:
        """The canonical name only when an alias or canonical entry knows name."""
        if name is None:
            return None
        key = _key(name)
        if key in self.table[kind]:
            return self.table[kind][key]
        by_canonical = self._by_canonical.get(kind)
        if by_canonical is None:  # built once per kind: known() runs for every source cue
            by_canonical = self._by_canonical[kind] = {}
            for canonical in self.table[kind].values():
                by_canonical.setdefault(_key(canonical), canonical)
        return by_canonical.get(key)

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """A table derived from the aliases, built once and rebuilt after any ``add``."""
        if name not in self._derived:
            self._derived[name] = build()
        return self._derived[name]

    def people_of(self, group: str) -> set[str]:
        """The places whose people a group name stands for (empty when unknown)."""
        return self.demonyms.get(_key(group), set())

    def same_people(self, a: str, b: str) -> bool:
        """Whether one group name stands for the people of both places ("Palestinians": Gaza
        and the Palestinian territories), so that neither is a foreign host of the other's."""
        return a == b or any(a in places and b in places for places in self.demonyms.values())


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    key = " ".join(name.lower().replace("\u2019", "'").split())
    return key[4:] if key.startswith("the ") else key
