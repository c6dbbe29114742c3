"""What every command shares: the one-line error and its exit code."""

from __future__ import annotations

import typer

from factcheck.errors import FactcheckError


def fail(error: FactcheckError | str) -> typer.Exit:
    """Print a one-line error and return the exit to raise (code 2)."""
    typer.echo(f"factcheck: error: {error}", err=True)
    return typer.Exit(2)
