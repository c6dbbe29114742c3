"""Bytes to text by the documented decoding rule, and reading input files safely.

Every input (article, configuration, baseline) is read through ``read_bytes``: opened
read-only and non-blocking, so a FIFO or a device can never make the run wait, and refused
unless it is a regular file; at most ``limit`` bytes are read, so ``/dev/zero`` or a huge file
cannot exhaust memory.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import BinaryFileError, FactcheckError, InputError, InputWarning
from factcheck.read.document import Document

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, and whether that encoding was a guess."""

    text: str
    encoding: str
    guessed: bool = False

    def warning(self, path: str) -> InputWarning | None:
        if not self.guessed:
            return None
        return InputWarning(f"not UTF-8; read as {self.encoding} (a guess: pass --encoding to choose)", path)


def decode_text(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> Decoded:
    """Decode bytes by the documented rule: --encoding, else a byte-order mark, else strict
    UTF-8, else the encoding charset-normalizer guesses (Windows-1252 when it has no guess)."""
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r} (--encoding)", path) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding}: {exc.reason} at byte {exc.start}", path, _line_at(data, exc.start, encoding)) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError as exc:
                at = exc.start + (len(bom) if name == "utf-8-sig" else 0)  # that codec counts after the mark
                raise InputError(f"invalid {name} text: {exc.reason} at byte {at}", path, _line_at(data, at, name)) from None
    if b"\x00" in data[:8192]:
        raise BinaryFileError("binary file (contains NUL bytes), not an article", path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess is not None:
        return Decoded(data.decode(guess), guess, guessed=True)
    if _is_cp1252(data):
        return Decoded(data.decode("cp1252"), "cp1252", guessed=True)
    return Decoded(data.decode("latin-1"), "latin-1", guessed=True)


def decode(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes by the documented rule; return (text, encoding used)."""
    decoded = decode_text(data, path, encoding)
    return decoded.text, decoded.encoding


def _guess(data: bytes) -> str | None:
    """charset-normalizer's guess: among its least chaotic readings, Windows-1252 when one of
    them could be it (news copy is mostly Western), else the best; never UTF-16/32 (no NULs)."""
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    calm = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= calm + 0.001]
    if _is_cp1252(data) and any("cp1252" in m.could_be_from_charset for m in tied):
        return "cp1252"
    try:
        name = codecs.lookup(tied[0].encoding).name
        data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    return name


def _line_at(data: bytes, offset: int, encoding: str) -> int | None:
    """The 1-based line of a byte offset, for encodings where a newline is the byte 0x0A."""
    if "16" in encoding or "32" in encoding:
        return None
    return data.count(b"\n", 0, offset) + 1


def _is_cp1252(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def not_regular(mode: int) -> str | None:
    """What a file of this mode is, when it is not a regular file."""
    return next((what for test, what in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def read_bytes(path: Path, limit: int, error: type[FactcheckError] | None = None, what: str = "file") -> bytes:
    """The bytes of a regular file, opened read-only and non-blocking, at most limit bytes.

    A FIFO, device, socket or directory is refused at once (never waited on); a missing or
    unreadable path, or one over the limit, raises ``error`` (an InputError by default) with
    a one-line message naming the path."""
    make = error or InputError
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise make("broken symbolic link" if os.path.islink(path) else f"no such {what}", name) from None
    except IsADirectoryError:
        raise make("is a directory", name) from None
    except PermissionError:
        raise make("permission denied", name) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise make("symbolic link loop", name) from None
        raise make(f"cannot read: {exc.strerror or exc}", name) from None
    try:
        info = os.fstat(fd)
        kind = not_regular(info.st_mode)
        if kind is not None:
            raise make(f"is {kind}, not a regular file" if kind != "not a regular file" else kind, name)
        if info.st_size > limit:
            raise make(f"file is {info.st_size} bytes, over the limit of {limit}", name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except FactcheckError:
        raise
    except OSError as exc:
        raise make(f"cannot read: {exc.strerror or exc}", name) from None
    finally:
        os.close(fd)
    if size > limit:
        raise make(f"file is over the limit of {limit} bytes", name)
    return b"".join(chunks)


def read_path(path: Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article file (opened read-only) into a Document."""
    return read_document(path, encoding, max_bytes)[0]


def read_document(path: Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, InputWarning | None]:
    """Read one article file into a Document, with a warning when its encoding was guessed."""
    name = str(path)
    try:
        data = read_bytes(path, max_bytes)
    except InputError as exc:
        if exc.message.startswith("file is"):
            raise InputError(f"{exc.message} (--max-bytes)", name) from None
        raise
    decoded = decode_text(data, name, encoding)
    return Document.from_text(decoded.text, path=name, encoding=decoded.encoding), decoded.warning(name)
