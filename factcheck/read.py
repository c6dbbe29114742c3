"""Read stage: bytes to a ``Document`` that owns the text and maps offsets to lines.

Decoding rule (documented in the README): a UTF-8/UTF-16/UTF-32 byte-order mark decides;
otherwise strict UTF-8; otherwise Windows-1252 (Latin-1 for its five undefined bytes).
A NUL byte in the first 8 KiB without a UTF-16/32 mark means a binary file.

Markdown and HTML markup that is not prose (front matter, code, comments, tags) is
*masked*: replaced by spaces of the same length in ``Document.checked``, so that every
offset into ``checked`` is an offset into the original text and line:column come from
``line_starts``, never from searching the text again.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import BinaryFileError, InputError
from .segment import Sentence, sentences

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
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


def decode(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes by the documented rule; return (text, encoding used)."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r} (--encoding)", path) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding}: {exc.reason} at byte {exc.start}", path, _line_at(data, exc.start, encoding)) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                at = exc.start + (len(bom) if name == "utf-8-sig" else 0)  # that codec counts after the mark
                raise InputError(f"invalid {name} text: {exc.reason} at byte {at}", path, _line_at(data, at, name)) from None
    if b"\x00" in data[:8192]:
        raise BinaryFileError("binary file (contains NUL bytes), not an article", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1"), "cp1252"


def _line_at(data: bytes, offset: int, encoding: str) -> int | None:
    """The 1-based line of a byte offset, for encodings where a newline is the byte 0x0A."""
    if "16" in encoding or "32" in encoding:
        return None
    return data.count(b"\n", 0, offset) + 1


def _is_cp1252(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


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


@dataclass(frozen=True)
class Document:
    """A decoded article. ``text`` is the original; ``checked`` is the prose to check."""

    path: str
    text: str
    kind: str = "text"
    encoding: str = "utf-8"
    checked: str = ""
    front_matter: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", kind: str | None = None, encoding: str = "utf-8") -> Document:
        kind = kind or kind_of(path)
        checked, front = prose(text, kind)
        return cls(path=path, text=text, kind=kind, encoding=encoding, checked=checked, front_matter=front)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of the checked prose, split once and shared by every stage."""
        return sentences(self.checked)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


def kind_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


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


def read_path(path: Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article file (opened read-only) into a Document."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size} bytes, over the limit of {max_bytes} (--max-bytes)", name)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("broken symbolic link" if path.is_symlink() else "no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    if len(data) > max_bytes:
        raise InputError(f"file is over the limit of {max_bytes} bytes (--max-bytes)", name)
    text, used = decode(data, name, encoding)
    return Document.from_text(text, path=name, encoding=used)
