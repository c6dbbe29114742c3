"""Bad bodies get a 4xx JSON error and the server keeps serving; a token keeps others out."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import httpx
import pytest

from .conftest import TOKEN, Server

GOOD = {"text": "More than 39,000 people have been killed in Gaza, the ministry said.", "published": "2024-07-27"}
BAD_BODIES: dict[str, tuple[bytes, int]] = {
    "invalid JSON": (b'{"text": "unterminated', 400),
    "not JSON at all": (b"text=More than 39,000", 400),
    "binary": (bytes(random.Random(7).randrange(256) for _ in range(4096)), 400),
    "deep nesting": (b"[" * 200_000, 400),
    "deep nesting inside": (b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", 400),
    "an array": (b"[1, 2]", 422),
    "a string": (b'"More than 39,000"', 422),
    "null": (b"null", 422),
    "text a number": (b'{"text": 39000}', 422),
    "text an object": (b'{"text": {"a": 1}}', 422),
    "missing text": (b'{"published": "2024-07-27"}', 422),
    "unknown field": (b'{"text": "x", "article": "y"}', 422),
    "bad date": (b'{"text": "x", "published": "27/07/2024"}', 422),
    "date a number": (b'{"text": "x", "published": 20240727}', 422),
    "unknown format": (b'{"text": "x", "format": "pdf"}', 422),
    "empty path": (b'{"text": "x", "path": ""}', 422),
    "NUL in the text": (b'{"text": "a\\u0000b 39,000 killed"}', 422),
    "lone surrogate": (b'{"text": "\\ud800 39,000 killed"}', 400),
    "utf-16 body": ('{"text": "x"}'.encode("utf-16"), 400),
    "empty body": (b"", 400),
}


def still_serving(server: Server, token: str | None = None) -> None:
    with server.client(token) as http:
        assert http.get("/v1/health").status_code == 200
        assert http.post("/v1/check", json=GOOD).status_code == 200


@pytest.mark.parametrize("name", list(BAD_BODIES))
def test_bad_bodies_get_4xx_json_errors(plain: Server, name: str) -> None:
    body, status = BAD_BODIES[name]
    with plain.client() as http:
        got = http.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert got.status_code == status, got.text
    error = got.json()
    assert error["status"] == status and error["error"] and "Traceback" not in got.text
    still_serving(plain)


def test_20_mb_body_gets_413_declared_or_chunked(plain: Server) -> None:
    big = b'{"text": "' + b"9" * (20 * 1024 * 1024) + b'"}'

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(big), 1 << 20):
            yield big[i:i + (1 << 20)]

    with plain.client() as http:
        declared = http.post("/v1/check", content=big, headers={"Content-Type": "application/json"})
        chunked = http.post("/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert declared.status_code == 413 and "over the limit" in declared.json()["error"]
    assert chunked.status_code == 413
    still_serving(plain)


def test_a_body_just_under_the_limit_is_checked(guarded: Server) -> None:
    text = "More than 39,000 people have been killed in Gaza, the ministry said.\n\n" * 100
    with guarded.client(TOKEN) as http:
        assert http.post("/v1/check", json={"text": text}).status_code == 200
        assert http.post("/v1/check", json={"text": "x" * 1_000_001}).status_code == 413


def test_random_bodies_never_get_5xx(plain: Server) -> None:
    rng = random.Random(15)
    pieces = [b"{", b"}", b"[", b"]", b'"text"', b":", b",", b'"', b"\\u", b"39,000", b"null", b"\xff", b"\x00", b" ", b"1e999", b'"published"']
    with plain.client() as http:
        for _ in range(150):
            body = b"".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
            got = http.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
            assert 200 <= got.status_code < 500, (body, got.text)
            json.loads(got.content) if got.status_code >= 400 else None
    still_serving(plain)


def test_wrong_methods_and_paths_are_json_errors(plain: Server) -> None:
    with plain.client() as http:
        assert http.get("/v1/check").json() == {"status": 405, "error": "Method Not Allowed"}
        assert http.get("/nowhere").json() == {"status": 404, "error": "Not Found"}


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer"])
def test_requests_without_the_token_get_401(guarded: Server, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    with httpx.Client(base_url=guarded.url, headers=headers, timeout=60) as http:
        for method, path in (("POST", "/v1/check"), ("GET", "/v1/rules"), ("POST", "/v1/reload"), ("GET", "/v1/openapi.json")):
            got = http.request(method, path, json=GOOD)
            assert got.status_code == 401, (method, path)
            assert got.headers["www-authenticate"].startswith("Bearer") and got.json()["status"] == 401
        assert http.get("/v1/health").status_code == 200  # liveness needs no token
        big = http.post("/v1/check", content=b"x" * (5 * 1024 * 1024))
        assert big.status_code == 401
    still_serving(guarded, TOKEN)
