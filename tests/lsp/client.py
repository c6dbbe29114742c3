"""A minimal scripted LSP client: JSON-RPC with Content-Length framing over a child's stdio."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any


class Client:
    """Starts a language server process and talks to it as an editor would."""

    def __init__(self, command: list[str], cwd: str | None = None) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.command = command
        self.responses: dict[int, Any] = {}
        self.notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self._next = 0
        self._cond = threading.Condition()
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)

    def _alive(self) -> None:
        if self.proc.poll() is not None:
            raise RuntimeError(f"the server exited ({self.proc.returncode}): {b''.join(self.stderr[-20:]).decode(errors='replace')}")

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            message = json.loads(out.read(length))
            if "id" in message and "method" not in message:
                with self._cond:
                    self.responses[message["id"]] = message
                    self._cond.notify_all()
            elif "id" in message:  # a request from the server (e.g. workspace/configuration): answer null
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            else:
                self.notifications.put(message)

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        self._next += 1
        ident = self._next
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._cond.wait_for(lambda: ident in self.responses, 0.5):
                self._alive()
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no answer to {method} in {timeout} s")
            message = self.responses.pop(ident)
        if "error" in message:
            raise RuntimeError(message["error"])
        return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, method: str, test: Callable[[dict[str, Any]], bool] = lambda p: True, timeout: float = 60) -> dict[str, Any]:
        """The params of the next notification ``method`` that passes ``test``."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {method} in {timeout} s")
            try:
                message = self.notifications.get(timeout=min(left, 0.5))
            except queue.Empty:
                self._alive()
                continue
            self.seen.append(message)
            if message.get("method") == method and test(message.get("params", {})):
                return message["params"]

    def close(self) -> int:
        try:
            self.request("shutdown", None, timeout=20)
            self.notify("exit", None)
            return self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
