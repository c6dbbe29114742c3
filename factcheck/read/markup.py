"""Read stage: the checkable prose of a text, markup blanked in place.

Decoding rule (documented in the README): a UTF-8/UTF-16/UTF-32 byte-order mark decides;
otherwise strict UTF-8; otherwise the encoding charset-normalizer guesses (with a warning).
A NUL byte in the first 8 KiB without a UTF-16/32 mark means a binary file.

Markup that is not prose is *masked*: replaced by spaces of the same length in
``Document.checked``, so that every offset into ``checked`` is an offset into the original
text and line:column come from ``line_starts``, never from searching the text again.

Markdown is parsed by markdown-it-py (CommonMark, with tables): only the lines of paragraphs,
headings and tables are prose; fenced and indented code, link reference definitions and
everything else between blocks are blanked; HTML blocks keep their text but lose their tags
(all of a ``<pre>``, ``<script>``, ``<style>`` or comment block). Inside prose, code spans
(CommonMark backtick runs), inline HTML, autolinks, link destinations and bare URLs are
blanked. Front matter (YAML between ``---`` lines, TOML between ``+++`` lines) is blanked
and parsed with a YAML or TOML parser for its keys."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

_LONE_CR = re.compile(r"\r(?!\n)")


_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?:(---)[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)|(\+\+\+)[ \t]*\r?\n(.*?)\r?\n\+\+\+)[ \t]*(?:\r?\n|\Z)", re.S,
)


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*)$", re.M)  # value stripped after: (.*?)[ \t]*$ is quadratic


_FRONT_PARSE_LIMIT = 256 * 1024


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


_SCRIPT = re.compile(r"<(script|style)\b[^<>]{0,2000}>.*?(?:</\1\s*>|\Z)", re.S | re.I)


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


_INLINE = re.compile(
    r"(?P<escape>\\[^\n])|(?P<ticks>`+)|(?P<comment><!--.*?-->)"
    r"|(?P<html></?[A-Za-z][A-Za-z0-9-]{0,60}(?:\s[^<>]{0,2000})?/?>|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]{0,2000}>)"
    r"|(?P<link>\]\([^)\s]{0,2000}(?:\s+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?\s*\))|(?P<url>https?://\S{1,2000})",
    re.S,
)


_RAW_BLOCK = re.compile(r"[ \t]{0,3}<(?:pre|script|style|textarea)\b|[ \t]{0,3}<[!?]", re.I)


_PROSE_BLOCKS = frozenset({"paragraph_open", "heading_open", "table_open"})


def _blank(text: str, start: int, end: int) -> str:
    """Spaces for text[start:end], keeping line breaks so lines stay where they were."""
    return "".join(c if c in "\r\n" else " " for c in text[start:end])


class _Mask:
    """A text and the spans to blank in it (half-open offsets), applied once at the end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        if end > start:
            self.spans.append((start, end))

    def pattern(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        found = [(m.start(), m.end()) for m in pattern.finditer(self.text, start, len(self.text) if end is None else end)]
        self.spans.extend(found)
        return found

    def apply(self) -> str:
        pieces: list[str] = []
        last = 0
        for start, end in sorted(self.spans):
            start = max(start, last)
            if end <= start:
                continue
            pieces.append(self.text[last:start])
            pieces.append(_blank(self.text, start, end))
            last = end
        pieces.append(self.text[last:])
        return "".join(pieces)


def mask(text: str, pattern: re.Pattern[str]) -> str:
    """Replace every match of pattern by blanks of the same length."""
    spans = _Mask(text)
    spans.pattern(pattern)
    return spans.apply()


def front_matter(text: str) -> tuple[int, dict[str, str]]:
    """(end offset, keys) of the front matter at the start of text; (0, {}) without one.

    YAML is read with PyYAML's safe loader, TOML with tomllib; top-level scalar values are kept
    as strings (dates in ISO form). Front matter neither parser accepts still ends where its
    closing line is, and its ``key: value`` lines are read one by one."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return 0, {}
    toml = m.group(3) is not None
    body = m.group(4) if toml else m.group(2)
    parsed = _parse_front(body, toml) if len(body) <= _FRONT_PARSE_LIMIT else None
    if parsed is None:
        parsed = {k: v.strip().strip("'\"") for k, v in _FRONT_KEY.findall(body)}
    return m.end(), {k.lower(): v for k, v in parsed.items()}


def _parse_front(body: str, toml: bool) -> dict[str, str] | None:
    data: Any
    try:
        if toml:
            data = tomllib.loads(body)
        else:
            import yaml

            data = yaml.safe_load(body)
    except Exception:  # noqa: BLE001 - any parser failure (syntax, depth, huge numbers) means: read lines instead
        return None
    if not isinstance(data, dict):
        return None
    out: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, (dt.date, dt.datetime)):
            out[str(key)] = value.isoformat()
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out[str(key)] = str(value) if not isinstance(value, int) or abs(value) < 10**18 else ""
    return out


def prose(text: str, kind: str) -> tuple[str, dict[str, str]]:
    """The checkable prose of a text (same length, markup blanked) and its front matter."""
    text = _LONE_CR.sub("\n", text)  # old Mac line ends read like LF (same length)
    spans = _Mask(text)
    front: dict[str, str] = {}
    end = 0
    if kind in ("markdown", "text"):
        end, front = front_matter(text)
        spans.add(0, end)
    if kind == "markdown":
        _markdown(spans, text, front_end=end)
    elif kind == "html":
        _html(spans, 0, len(text))
    else:
        spans.pattern(_COMMENT)
    checked = spans.apply()
    if kind == "html":
        checked = _ENTITY.sub(lambda m: " " * len(m.group(0)), checked)
    return checked, front


def comments(text: str, kind: str) -> list[tuple[int, int]]:
    """Offsets of the HTML comments that are markup: not inside front matter, code or scripts."""
    text = _LONE_CR.sub("\n", text)
    end = front_matter(text)[0] if kind in ("markdown", "text") else 0
    if kind == "markdown":
        spans = _Mask(text)
        return sorted(_markdown(spans, text, front_end=end))
    if kind == "html":
        hidden = _Mask(text)
        hidden.pattern(_SCRIPT)
        visible = hidden.apply()
        return [(c.start(), c.end()) for c in _COMMENT.finditer(visible)]
    return [(c.start(), c.end()) for c in _COMMENT.finditer(text, end)]


def _html(spans: _Mask, start: int, end: int) -> list[tuple[int, int]]:
    """Blank comments, scripts and styles, and tags in text[start:end]; return the comments."""
    found = spans.pattern(_COMMENT, start, end)
    spans.pattern(_SCRIPT, start, end)
    spans.pattern(_TAG, start, end)
    return found


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _markdown(spans: _Mask, text: str, front_end: int) -> list[tuple[int, int]]:
    """Blank the markup of a Markdown text; return the offsets of its HTML comments."""
    source = _blank(text, 0, front_end) + text[front_end:]
    starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    found: list[tuple[int, int]] = []
    prose_lines: list[tuple[int, int]] = []
    html_lines: list[tuple[int, int]] = []
    for token in _parser().parse(source):
        if token.map is None:
            continue
        if token.type in _PROSE_BLOCKS:
            prose_lines.append((token.map[0], token.map[1]))
        elif token.type == "html_block":
            html_lines.append((token.map[0], token.map[1]))
            start, end = offset(token.map[0]), offset(token.map[1])
            if _RAW_BLOCK.match(text, start):
                found.extend((m.start(), m.end()) for m in _COMMENT.finditer(text, start, end))
                spans.add(start, end)
            else:
                found.extend(_html(spans, start, end))
    line = 0
    for first, last in [*_merge(prose_lines + html_lines), (len(starts), len(starts))]:
        if first > line:
            spans.add(offset(line), offset(first))  # between blocks: reference definitions, code, rules, markers
        line = max(line, last)
    for first, last in _merge(prose_lines):
        found.extend(_inline(spans, text, offset(first), offset(last)))
    return found


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Outermost line ranges (a paragraph inside an HTML-less list item stays whole)."""
    out: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if out and first < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _inline(spans: _Mask, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Blank code spans, inline HTML, autolinks, link destinations and URLs in a prose block;
    yield the comments. A run of n backticks opens a code span closed by the next run of
    exactly n (CommonMark); an unclosed run is text."""
    runs: dict[int, list[int]] = {}
    for m in re.finditer(r"`+", text[start:end]):
        runs.setdefault(len(m.group(0)), []).append(start + m.start())
    at = start
    while at < end:
        found = _INLINE.search(text, at, end)
        if found is None:
            return
        m = found
        kind = m.lastgroup
        if kind == "escape":
            at = m.end()
            continue
        if kind == "ticks":
            size = len(m.group(0))
            positions = runs.get(size, [])
            i = bisect.bisect_right(positions, m.start())
            if i < len(positions):
                close = positions[i] + size
                spans.add(m.start(), close)
                at = close
            else:
                at = m.end()
            continue
        spans.add(m.start(), m.end())
        if kind == "comment":
            yield (m.start(), m.end())
        at = m.end()
