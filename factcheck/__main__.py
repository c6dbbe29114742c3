"""``python -m factcheck``."""

from __future__ import annotations

from factcheck.cli.app import app

app(prog_name="factcheck")
