"""Inline suppressions: HTML comments an author writes in the article.

    <!-- factcheck: ignore -->                 the figures on the next line are not checked
    <!-- factcheck: ignore attribution-gap --> ... only that rule is silenced there
    <!-- factcheck: off --> ... <!-- factcheck: on -->          no figure checked in between
    <!-- factcheck: disable attribution-gap --> ... <!-- factcheck: enable attribution-gap -->

Rules are separated by commas or spaces; ``disable``/``enable`` without rules are ``off``/``on``.
In Markdown and HTML a comment counts wherever markup may stand (not inside code); in plain
text it must be alone on its line. Comments are found by offset in the original text, so a
suppression applies to exactly the lines the author sees.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.read.document import Document
from factcheck.read.markup import comments

_DIRECTIVE = re.compile(r"<!--\s*factcheck\s*:\s*(ignore|off|on|disable|enable)\b([^>]*)-->\Z", re.I)  # not [^>]*?\s*: quadratic
_RULE = re.compile(r"[A-Za-z][\w-]*")
ALL: frozenset[str] = frozenset({"*"})


@dataclass(frozen=True)
class Suppressions:
    """What is silenced where: per line (``ignore``) and from an offset on (``off``, ``disable``)."""

    lines: dict[int, frozenset[str]] = field(default_factory=dict)
    changes: list[tuple[int, frozenset[str]]] = field(default_factory=list)

    def muted(self, offset: int, line: int) -> frozenset[str]:
        """Rules silenced for a figure starting at offset on line; ``ALL`` holds '*'."""
        at = bisect.bisect_right(self.changes, offset, key=lambda c: c[0]) - 1
        region = self.changes[at][1] if at >= 0 else frozenset()
        return region | self.lines.get(line, frozenset())

    def hides_figure(self, offset: int, line: int) -> bool:
        return "*" in self.muted(offset, line)

    def hides(self, rule: str, offset: int, line: int) -> bool:
        muted = self.muted(offset, line)
        return "*" in muted or rule in muted


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Only blanks between the comment and the line's ends (walking over the blanks only, so
    many comments on one long line stay linear)."""
    before, after = start, end
    while before > 0 and text[before - 1].isspace() and text[before - 1] not in "\r\n":
        before -= 1
    while after < len(text) and text[after].isspace() and text[after] not in "\r\n":
        after += 1
    return (before == 0 or text[before - 1] in "\r\n") and (after == len(text) or text[after] in "\r\n")


def scan(doc: Document) -> Suppressions:
    """The suppressions a document declares."""
    lines: dict[int, frozenset[str]] = {}
    changes: list[tuple[int, frozenset[str]]] = []
    off: set[str] = set()
    for start, end in comments(doc.text, doc.kind):
        m = _DIRECTIVE.match(doc.text, start, end)
        if m is None or (doc.kind == "text" and not _alone_on_line(doc.text, start, end)):
            continue
        verb = m.group(1).lower()
        rules = frozenset(_RULE.findall(m.group(2))) or ALL
        if verb == "ignore":
            target = doc.line_of(end - 1) + 1
            lines[target] = lines.get(target, frozenset()) | rules
            continue
        if verb == "off" or (verb == "disable" and rules is ALL):
            off = {"*"}
        elif verb == "on" or (verb == "enable" and rules is ALL):
            off = set()
        elif verb == "disable":
            off |= rules
        else:
            off -= rules
        changes.append((end, frozenset(off)))
    return Suppressions(lines, changes)
