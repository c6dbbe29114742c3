"""Bytes to text by the documented decoding rule, and reading an article file."""

from __future__ import annotations

import codecs
from pathlib import Path

from factcheck.errors import BinaryFileError, InputError
from factcheck.read.document import Document

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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
