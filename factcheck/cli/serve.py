"""``factcheck serve``: the HTTP API (see factcheck/server). Heavy imports wait until it runs."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.common import fail
from factcheck.errors import FactcheckError

LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default; 0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8765,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes, each with its own warm checker.")] = 1,
    max_body: Annotated[int, typer.Option("--max-body", min=1, help="Largest request body in bytes (413 above it).")] = 2 * 1024 * 1024,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a check may take, queueing included (503 after it).")] = 30.0,
    result_cache: Annotated[int, typer.Option("--result-cache", min=0, help="Reports kept for repeated identical requests (0: none).")] = 256,
    token_env: Annotated[str, typer.Option("--token-env", help="Environment variable holding the bearer token; unset or empty: no auth.")] = "FACTCHECK_TOKEN",
    cors_origin: Annotated[Optional[list[str]], typer.Option("--cors-origin", help="Origin allowed to call from a browser (repeatable; none by default).")] = None,
    refs: Annotated[Optional[list[Path]], typer.Option("--refs", help="Reference CSV file or folder, instead of the bundled data (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: factcheck.toml or pyproject.toml found upward from here).")] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level: critical, error, warning, info, debug.")] = "info",
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log", help="Log every request.")] = True,
) -> None:
    """Serve the HTTP API: POST /v1/check, GET /v1/rules, GET /v1/health, POST /v1/reload."""
    try:
        import uvicorn

        from factcheck.server.app import create_app
    except ImportError as exc:
        raise fail(f"factcheck serve needs {exc.name}: pip install 'factcheck[server]'") from None
    from factcheck.server.engine import Engine
    from factcheck.server.settings import SETTINGS_ENV, ServeSettings

    if log_level.lower() not in LOG_LEVELS:
        raise fail(f"--log-level {log_level!r} is not one of {', '.join(LOG_LEVELS)}")
    try:  # the address is free and ours to take: one line and exit 2 otherwise, not uvicorn's log
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    settings = ServeSettings(
        host=host, port=port, workers=workers, max_body=max_body, timeout=timeout, result_cache=result_cache, token_env=token_env,
        cors_origins=tuple(cors_origin or ()), config=str(config) if config else None, refs=tuple(str(r) for r in refs or ()),
    )
    engine = Engine(settings)
    try:  # one line and exit 2 on bad data or configuration, before anything listens
        if workers == 1:
            engine.load()
        else:
            engine.check_data()  # each worker loads its own checker
    except FactcheckError as exc:
        raise fail(exc) from None
    auth = "bearer token from $" + token_env if settings.token() else "no auth"
    typer.echo(f"factcheck: serving on http://{host}:{port} ({workers} worker{'s' if workers > 1 else ''}, {auth}, pid {os.getpid()})", err=True)
    if workers == 1:
        uvicorn.run(create_app(settings, engine), host=host, port=port, log_level=log_level.lower(), access_log=access_log)
        return
    os.environ[SETTINGS_ENV] = settings.to_env()
    from factcheck.server import supervisor

    supervisor.run(uvicorn.Config("factcheck.server.app:from_env", factory=True, host=host, port=port, workers=workers,
                                  log_level=log_level.lower(), access_log=access_log,
                                  timeout_worker_healthcheck=120))  # a worker loads the model before it answers
