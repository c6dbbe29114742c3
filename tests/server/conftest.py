"""Running servers for the tests: real `factcheck serve` processes on 127.0.0.1, one per module
configuration, started once (session scope) and stopped by their pid."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from ..conftest import ROOT

TOKEN = "s3cret-test-token"
ORIGIN = "https://cms.example.org"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    refs: Path | None = None

    def client(self, token: str | None = None, timeout: float = 60) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(args: list[str], env: dict[str, str] | None = None, log: Path | None = None) -> Server:
    port = free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--port", str(port), "--log-level", "warning", "--no-access-log", *args],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"factcheck serve exited with {process.returncode}: {log.read_text() if log else ''}")
        try:
            if httpx.get(f"{url}/v1/health", timeout=2).status_code == 200:
                return Server(process, url)
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop(process)
    raise RuntimeError("factcheck serve did not start in 180 s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The bundled data, no token, two workers, one CORS origin."""
    server = start(["--workers", "2", "--cors-origin", ORIGIN], log=tmp_path_factory.mktemp("plain") / "server.log")
    yield server
    stop(server.process)


@pytest.fixture(scope="session")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A token, one worker, reference data in a folder the tests may change."""
    folder = tmp_path_factory.mktemp("guarded")
    refs = folder / "refs"
    shutil.copytree(ROOT / "tests" / "server" / "refs", refs)
    server = start(["--refs", str(refs), "--max-body", "1000000"], env={"FACTCHECK_TOKEN": TOKEN}, log=folder / "server.log")
    server.refs = refs
    yield server
    stop(server.process)
