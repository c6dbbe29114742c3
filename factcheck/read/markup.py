"""Read stage: bytes to a ``Document`` that owns the text and maps offsets to lines.

Decoding rule (documented in the README): a UTF-8/UTF-16/UTF-32 byte-order mark decides;
otherwise strict UTF-8; otherwise Windows-1252 (Latin-1 for its five undefined bytes).
A NUL byte in the first 8 KiB without a UTF-16/32 mark means a binary file.

Markdown and HTML markup that is not prose (front matter, code, comments, tags) is
*masked*: replaced by spaces of the same length in ``Document.checked``, so that every
offset into ``checked`` is an offset into the original text and line:column come from
``line_starts``, never from searching the text again."""

from __future__ import annotations

import re

_LONE_CR = re.compile(r"\r(?!\n)")


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$", re.M)  # value stripped after: (.*?)[ \t]*$ is quadratic


_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)


_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?:    |\t)[^\n]*(?:\n|\Z))+")


_INLINE_CODE = re.compile(r"`[^`\n]*`")


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


_SCRIPT = re.compile(r"<(script|style)\b[^<>]{0,2000}>.*?(?:</\1\s*>|\Z)", re.S | re.I)


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")


_URL = re.compile(r"\]\([^)\s]{0,2000}\)|https?://\S{1,2000}")


def _blank(text: str, start: int, end: int) -> str:
    """Spaces for text[start:end], keeping line breaks so lines stay where they were."""
    return "".join(c if c in "\r\n" else " " for c in text[start:end])


def mask(text: str, pattern: re.Pattern[str]) -> str:
    """Replace every match of pattern by blanks of the same length."""
    pieces: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        pieces.append(text[last:m.start()])
        pieces.append(_blank(text, m.start(), m.end()))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def prose(text: str, kind: str) -> tuple[str, dict[str, str]]:
    """The checkable prose of a text (same length, markup blanked) and its front matter."""
    front: dict[str, str] = {}
    checked = text = _LONE_CR.sub("\n", text)  # old Mac line ends read like LF (same length)
    m = _FRONT_MATTER.match(text)
    if m and kind in ("markdown", "text"):
        front = {k.lower(): v.strip().strip("'\"") for k, v in _FRONT_KEY.findall(m.group(1))}
        checked = _blank(text, 0, m.end()) + text[m.end():]
    if kind == "markdown":
        for pattern in (_FENCE, _INDENTED_CODE, _INLINE_CODE, _COMMENT, _SCRIPT, _TAG, _URL):
            checked = mask(checked, pattern)
    elif kind == "html":
        for pattern in (_COMMENT, _SCRIPT, _TAG):
            checked = mask(checked, pattern)
        checked = _unescape_entities(checked)
    else:
        checked = mask(checked, _COMMENT)
    return checked, front


def comments(text: str, kind: str) -> list[tuple[int, int]]:
    """Offsets of the HTML comments that are markup: not inside front matter, code or scripts."""
    text = _LONE_CR.sub("\n", text)
    m = _FRONT_MATTER.match(text)
    visible = _blank(text, 0, m.end()) + text[m.end():] if m and kind in ("markdown", "text") else text
    hiding = {"markdown": (_FENCE, _INDENTED_CODE, _INLINE_CODE), "html": (_SCRIPT,)}.get(kind, ())
    for pattern in hiding:
        visible = mask(visible, pattern)
    return [(c.start(), c.end()) for c in _COMMENT.finditer(visible)]


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def _unescape_entities(text: str) -> str:
    """Blank HTML entities (keeping length) so '&nbsp;' is not read as prose."""
    return _ENTITY.sub(lambda m: " " * len(m.group(0)), text)
