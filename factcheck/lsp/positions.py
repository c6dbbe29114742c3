"""Offsets (code points) to protocol positions and back, in the encoding the client chose.

Lines end at CR LF, CR or LF, as the protocol says (not at U+2028 or form feeds, which
``str.splitlines`` would also split on); columns count UTF-16 units unless the client
negotiated UTF-8 or UTF-32.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

_BREAK = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@dataclass(frozen=True)
class Lines:
    """A document text's line table, for one position encoding."""

    text: str
    encoding: str = "utf-16"

    @cached_property
    def starts(self) -> list[int]:
        return [0] + [m.end() for m in _BREAK.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point offset, both 0-based."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, _units(self.text[self.starts[line]:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a position; past a line's end is its end, past the text is its end."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(0, line)]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        content = self.text[start:end].rstrip("\r\n")
        units = 0
        for i, char in enumerate(content):
            if units >= character:
                return start + i
            units += _units(char, self.encoding)
        return start + len(content)
