"""Reports kept for repeated identical requests: an editor's plug-in re-sends the same article
while nothing in it changed, and a report is a pure function of its input.

The key is a hash of the whole request (text, path, date, format, severity), the reference
data generation and today's date (an undated article is judged as of today), so a reload or a
new day never serves an old report. Bounded by entries and by bytes; least recently used go.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from typing import Generic, TypeVar

from factcheck.server.schemas import CheckRequest

T = TypeVar("T")


def key(request: CheckRequest, generation: int, today: dt.date) -> str:
    digest = hashlib.blake2b(request.model_dump_json().encode("utf-8", "surrogatepass"), digest_size=20)
    digest.update(f"\x00{generation}\x00{today.isoformat()}".encode())
    return digest.hexdigest()


class ResultCache(Generic[T]):
    """A thread-safe LRU of rendered reports (``size`` gives each entry's bytes)."""

    def __init__(self, entries: int, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.entries, self.max_bytes = entries, max_bytes
        self._items: OrderedDict[str, tuple[T, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, name: str) -> T | None:
        with self._lock:
            found = self._items.get(name)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(name)
            self.hits += 1
            return found[0]

    def put(self, name: str, value: T, size: int) -> None:
        if self.entries <= 0 or size > self.max_bytes:
            return
        with self._lock:
            if name in self._items:
                self._bytes -= self._items.pop(name)[1]
            self._items[name] = (value, size)
            self._bytes += size
            while len(self._items) > self.entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped

    def __len__(self) -> int:
        return len(self._items)
