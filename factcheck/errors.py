"""The one exception hierarchy of factcheck.

    FactcheckError                 every error the tool reports (exit code 2)
     ├── InputError                an article cannot be read (path, line)
     │    └── BinaryFileError      an article is not text (NUL bytes): skipped in folders
     ├── ReferenceDataError        a reference CSV is missing or invalid (path, line)
     ├── ConfigError               a configuration file or option is invalid
     ├── InputWarning              worth saying about an input that is still checked (exit code unchanged)
     └── InternalError             a bug met while checking one article (exit code 3; the others are still checked)
          └── ContractError        a pipeline stage broke its output contract

Every error carries the file (and line) it is about, and ``str(error)`` is one line.
"""

from __future__ import annotations

from pathlib import Path


class FactcheckError(Exception):
    """Base class: a one-line message, optionally about a file and line."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = " ".join(str(message).split())
        self.path = str(path) if path is not None else None
        self.line = line

    def __reduce__(self) -> tuple[type, tuple[str, str | None, int | None]]:
        """Pickle with path and line (errors come back from worker processes)."""
        return type(self), (self.message, self.path, self.line)

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(FactcheckError):
    """An article (file, directory or stdin) cannot be read or decoded."""


class BinaryFileError(InputError):
    """An article file holds binary data: an error when named, skipped with a warning when found in a folder."""


class ReferenceDataError(FactcheckError):
    """Reference data is missing, unreadable or invalid."""


class ConfigError(FactcheckError):
    """A configuration file or command-line option is invalid."""


class InputWarning(FactcheckError):
    """Something about an input worth saying (a guessed encoding) that does not stop it being checked."""


class InternalError(FactcheckError):
    """A bug met while checking one article: reported for that file (exit code 3), the others still checked."""

    @classmethod
    def of(cls, exc: BaseException, path: str | Path | None = None) -> InternalError:
        """The one-line report of an unexpected exception (its type and message, no traceback)."""
        detail = (exc.message if isinstance(exc, FactcheckError) else str(exc)).strip() or "no message"
        where = exc.path if isinstance(exc, FactcheckError) and exc.path else path
        return cls(f"{type(exc).__name__}: {detail[:300]} (a bug; please report it)", where)


class ContractError(InternalError):
    """A pipeline stage produced output that breaks its contract."""
