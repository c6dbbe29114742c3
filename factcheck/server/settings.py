"""How to serve: the options of ``factcheck serve``, handed to every worker process.

uvicorn starts workers by importing the app factory, so the settings travel in one
environment variable (JSON), and the bearer token is read from the variable the settings
name, never written anywhere.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

SETTINGS_ENV = "FACTCHECK_SERVE_SETTINGS"
DEFAULT_TOKEN_ENV = "FACTCHECK_TOKEN"
DEFAULT_MAX_BODY = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class ServeSettings:
    """Where to listen, the request limits, who may call, and what data to check against."""

    host: str = "127.0.0.1"
    port: int = 8765
    workers: int = 1
    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    result_cache: int = 256
    token_env: str = DEFAULT_TOKEN_ENV
    cors_origins: tuple[str, ...] = ()
    config: str | None = None
    refs: tuple[str, ...] = ()
    root: str = field(default_factory=lambda: str(Path.cwd()))

    def token(self) -> str | None:
        """The bearer token every request but /v1/health must carry (None: no auth)."""
        value = os.environ.get(self.token_env, "").strip()
        return value or None

    def to_env(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> ServeSettings:
        raw = (environ if environ is not None else os.environ).get(SETTINGS_ENV)
        if not raw:
            return cls()
        data = json.loads(raw)
        data["cors_origins"] = tuple(data.get("cors_origins", ()))
        data["refs"] = tuple(data.get("refs", ()))
        return cls(**data)
