"""The gate every request passes before the app sees it: the bearer token, then the body size.

A pure ASGI middleware, so that nothing is parsed before it: a request without the token gets
401 from its headers alone, a body over the limit gets 413 as soon as its declared length (or
the bytes read so far) passes it. A refused body is read on and thrown away up to a bound, so
the client sees the answer rather than a reset connection.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

OPEN_PATHS = frozenset({"/v1/health"})
DRAIN_LIMIT = 64 * 1024 * 1024


async def problem(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """Send a JSON error response: {"status": N, "error": "..."}."""
    body = json.dumps({"status": status, "error": message}, separators=(",", ":")).encode("utf-8")
    await send({
        "type": "http.response.start", "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *(headers or [])],
    })
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value)
    return None


class Gate:
    """Token and body-size checks in front of ``app``."""

    def __init__(self, app: ASGIApp, max_body: int, token: str | None) -> None:
        self.app = app
        self.max_body = max_body
        self.token = token.encode("utf-8") if token else None

    def _authorised(self, scope: Scope) -> bool:
        if self.token is None or scope["path"] in OPEN_PATHS:
            return True
        given = _header(scope, b"authorization") or b""
        scheme, _, value = given.partition(b" ")
        return scheme.lower() == b"bearer" and hmac.compare_digest(value.strip(), self.token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._authorised(scope):
            await self._drain(receive, 0)
            await problem(send, 401, "a bearer token is required (Authorization: Bearer TOKEN)", [(b"www-authenticate", b'Bearer realm="factcheck"')])
            return
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > self.max_body):
            await self._drain(receive, 0)
            await problem(send, 413, f"the request body is over the limit of {self.max_body} bytes")
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                if message.get("more_body", False):
                    await self._drain(receive, size)
                await problem(send, 413, f"the request body is over the limit of {self.max_body} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _drain(receive: Receive, size: int) -> None:
        """Read the rest of a refused body (up to DRAIN_LIMIT), so the client reads our answer."""
        while size <= DRAIN_LIMIT:
            message = await receive()
            if message["type"] != "http.request":
                return
            size += len(message.get("body", b""))
            if not message.get("more_body", False):
                return
