"""The command line: a thin typer app over the library (``factcheck.cli.app``)."""

from __future__ import annotations

from factcheck.cli.app import app

__all__ = ["app"]
