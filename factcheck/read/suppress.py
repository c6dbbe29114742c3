"""Inline suppressions: HTML comments an author writes in the article.

    <!-- factcheck: ignore -->                 the figures on the next line are not checked
    <!-- factcheck: ignore attribution-gap --> ... only that rule is silenced there
    <!-- factcheck: off --> ... <!-- factcheck: on -->          no figure checked in between
    <!-- factcheck: disable attribution-gap --> ... <!-- factcheck: enable attribution-gap -->

Rules are separated by commas or spaces; ``disable``/``enable`` without rules are ``off``/``on``.
In Markdown and HTML a comment counts wherever markup may stand (not inside code); in plain
text it must be alone on its line. Comments are found by offset in the original text, so a
suppression applies to exactly the lines the author sees.

A comment that starts ``factcheck:`` but is not a directive (``igonre``), or names a rule that
does not exist (``atribution-gap``), silences nothing and is a ``problem``: the pipeline turns
it into a ``bad-suppression`` finding, so a typo is never silent.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from difflib import get_close_matches

from factcheck.read.document import Document
from factcheck.read.markup import comments

_DIRECTIVE = re.compile(r"<!--\s*factcheck\s*:\s*(ignore|off|on|disable|enable)\b([^>]*)-->\Z", re.I)  # not [^>]*?\s*: quadratic
_MENTION = re.compile(r"<!--\s*fact[\s_-]*check(\s*:)?\s*([^\s>]{0,40})", re.I)
VERBS = ("ignore", "off", "on", "disable", "enable")
_RULE = re.compile(r"[A-Za-z][\w-]*")
ALL: frozenset[str] = frozenset({"*"})


@dataclass(frozen=True)
class Suppressions:
    """What is silenced where: per line (``ignore``) and from an offset on (``off``, ``disable``)."""

    lines: dict[int, frozenset[str]] = field(default_factory=dict)
    changes: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset of the comment, what is wrong)

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


def scan(doc: Document, known: frozenset[str] | None = None) -> Suppressions:
    """The suppressions a document declares, and its mistyped ones (``problems``); known is
    the set of rule ids (default: the registry's)."""
    if known is None:
        from factcheck.rules import REGISTRY

        known = frozenset(REGISTRY)
    lines: dict[int, frozenset[str]] = {}
    changes: list[tuple[int, frozenset[str]]] = []
    problems: list[tuple[int, str]] = []
    off: set[str] = set()
    for start, end in comments(doc.text, doc.kind):
        if doc.kind == "text" and not _alone_on_line(doc.text, start, end):
            continue
        m = _DIRECTIVE.match(doc.text, start, end)
        if m is None:
            mention = _MENTION.match(doc.text, start, end)
            if mention is not None and (mention.group(1) or get_close_matches(mention.group(2).lower(), VERBS, 1, 0.7)):
                word = mention.group(2)
                close = get_close_matches(word.lower(), VERBS, 1, 0.6)
                hint = f"did you mean {close[0]!r}?" if close else f"one of: {', '.join(VERBS)}"
                problems.append((start, f"{word!r} is not a factcheck directive ({hint}): this comment silences nothing"))
            continue
        verb = m.group(1).lower()
        named = _RULE.findall(m.group(2))
        unknown = [r for r in named if r not in known]
        if unknown:
            close = get_close_matches(unknown[0], sorted(known), 1, 0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(sorted(known))}"
            problems.append((start, f"unknown rule {unknown[0]!r} in a 'factcheck: {verb}' comment ({hint}): it silences nothing"))
        rules = frozenset(r for r in named if r in known) or (ALL if not named else frozenset())
        if named and not rules:
            continue
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
    return Suppressions(lines, changes, problems)
