"""``python -m factcheck``."""

from __future__ import annotations

from .cli import app

app(prog_name="factcheck")
