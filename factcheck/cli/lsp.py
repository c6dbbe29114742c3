"""``factcheck lsp``: the language server over standard input and output (see factcheck/lsp)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.common import fail
from factcheck.errors import FactcheckError


def lsp(
    refs: Annotated[Optional[list[Path]], typer.Option("--refs", help="Reference CSV file or folder, instead of the bundled data (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: found upward from the working folder).")] = None,
    debounce: Annotated[float, typer.Option("--debounce", min=0.0, help="Seconds to wait after the last change before checking.")] = 0.3,
) -> None:
    """Run the language server on stdio: diagnostics and code actions for Markdown and text."""
    try:
        from factcheck.lsp.server import build_server, load_checker
    except ImportError as exc:
        raise fail(f"factcheck lsp needs {exc.name}: pip install 'factcheck[server]'") from None

    try:
        checker = load_checker(refs or [], config)
    except FactcheckError as exc:
        raise fail(exc) from None
    build_server(checker, debounce).start_io()
