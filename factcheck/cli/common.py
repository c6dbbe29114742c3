"""What every command shares: the one-line error and its exit code, writing standard output,
the progress line, and plain metavars in help."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from typing import IO, Any

import typer

from factcheck.errors import FactcheckError

EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 1, 2, 3


def fail(error: FactcheckError | str) -> typer.Exit:
    """Print a one-line error and return the exit to raise (code 2)."""
    typer.echo(f"factcheck: error: {error}", err=True)
    return typer.Exit(EXIT_INPUT)


def internal(exc: BaseException) -> int:
    """Print a one-line internal error (a bug: no traceback) and return its exit code (3)."""
    detail = " ".join(str(exc).split())[:300] or "no message"
    typer.echo(f"factcheck: internal error: {type(exc).__name__}: {detail} (a bug; please report it)", err=True)
    return EXIT_INTERNAL


def write_stdout(text: str) -> None:
    """Write a report to standard output; a write error (disk full, closed pipe) is exit 2 with
    one line, and standard output is then closed quietly so the exit does not fail again."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        _quiet_stdout()
        raise fail(f"cannot write the report to standard output: {exc.strerror or exc}") from None


def _quiet_stdout() -> None:
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except Exception:  # noqa: BLE001 - no real descriptor (a test runner's buffer): nothing to quiet
        pass


class Progress:
    """'factcheck: 12 of 41 articles checked' on standard error, rewritten in place, when a run
    over several articles takes more than a second and standard error is a terminal (never in
    a pipe, a file or a CI log); cleared at the end."""

    DELAY, EVERY = 1.0, 0.1

    def __init__(self, stream: IO[str] | None = None, environ: Mapping[str, str] | None = None, now: Any = time.monotonic) -> None:
        self.stream = stream or sys.stderr
        environ = os.environ if environ is None else environ
        try:
            tty = self.stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        self.enabled = tty and not environ.get("CI") and environ.get("TERM") != "dumb"
        self.now = now
        self.start = now()
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        at = self.now()
        if at - self.start < self.DELAY or (at - self.last < self.EVERY and done < total):
            return
        self.last = at
        self.stream.write(f"\rfactcheck: {done} of {total} articles checked\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def plain_metavars(command: Any) -> None:
    """Give every option and argument without a metavar a plain one (PATH, N, a|b|c, NAME), so
    help never shows typer's '<list[str]>' or '<bool>'."""
    from typer.core import TyperArgument

    for param in getattr(command, "params", ()):
        kind = getattr(param, "type_descriptor", None)
        if isinstance(param, TyperArgument):
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]  # the metavar says it
        if getattr(param, "is_flag", False) or param.metavar is not None or kind is None:
            continue
        base = getattr(kind, "annotation", None)
        if kind.is_choice:
            param.metavar = "|".join(str(getattr(c, "value", c)) for c in kind.choices or ())
        elif kind.is_path:
            param.metavar = "PATH"
        elif base in (int, float) or kind.is_ranged:
            param.metavar = "N" if base is int or getattr(kind, "ranged_type_name", "") == "int" else "NUMBER"
        else:
            param.metavar = (param.name or "value").upper()
    for sub in getattr(command, "commands", {}).values():
        plain_metavars(sub)
