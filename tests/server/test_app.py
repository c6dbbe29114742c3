"""The application in process (httpx's ASGI transport): the time limit, the gate, the engine."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import threading
import time
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest

from factcheck.server.app import create_app
from factcheck.server.engine import Engine, Rendered
from factcheck.server.gate import Gate
from factcheck.server.schemas import CheckRequest
from factcheck.server.settings import ServeSettings

from ..conftest import ROOT

REFS = str(ROOT / "tests" / "server" / "refs")


class SlowEngine(Engine):
    """An engine whose checks take ``seconds`` (or raise ``error``), counting the ones that ran."""

    def __init__(self, settings: ServeSettings, seconds: float = 0.0, error: Exception | None = None) -> None:
        super().__init__(settings)
        self.seconds, self.error, self.ran = seconds, error, 0
        self.released = threading.Event()

    @property
    def is_loaded(self) -> bool:
        return True

    def cached(self, request: CheckRequest) -> Rendered | None:
        return None

    def check(self, request: CheckRequest) -> Rendered:
        self.ran += 1
        self.released.wait(self.seconds)
        if self.error is not None:
            raise self.error
        return Rendered(b"{}", "application/json")


def call(app: Any, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
            return await http.request(method, path, **kwargs)

    return asyncio.run(go())


def test_a_check_over_the_time_limit_gets_503_and_a_queued_one_never_runs() -> None:
    engine = SlowEngine(ServeSettings(timeout=0.3), seconds=5)
    app = create_app(engine.settings, engine)

    async def both() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
            return list(await asyncio.gather(*(http.post("/v1/check", json={"text": str(i)}) for i in range(2))))

    started = time.monotonic()
    replies = asyncio.run(both())
    engine.released.set()
    assert time.monotonic() - started < 3
    for reply in replies:
        assert reply.status_code == 503 and reply.headers["retry-after"] == "5"
        assert "time limit of 0.3 s" in reply.json()["error"]
    time.sleep(0.1)
    assert engine.ran == 1, "the queued check was cancelled, not run after its answer"


def test_an_internal_error_is_a_json_500_without_a_traceback() -> None:
    engine = SlowEngine(ServeSettings(), error=ZeroDivisionError("boom"))
    reply = call(create_app(engine.settings, engine), "POST", "/v1/check", json={"text": "x"})
    assert reply.status_code == 500 and "boom" not in reply.text and reply.json()["status"] == 500


@pytest.mark.parametrize(("headers", "status"), [({"content-length": "abc"}, 413), ({"content-length": "99999999999"}, 413)])
def test_gate_refuses_by_declared_length(headers: dict[str, str], status: int) -> None:
    sent: list[MutableMapping[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the app is never reached")

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/v1/check", "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(Gate(app, 100, None)(scope, receive, send))
    assert sent[0]["status"] == status and json.loads(sent[1]["body"])["status"] == status


def test_gate_replays_the_body_it_read() -> None:
    seen: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append((await receive())["body"])

    parts = iter([b'{"te', b'xt": 1}'])

    async def receive() -> dict[str, Any]:
        chunk = next(parts)
        return {"type": "http.request", "body": chunk, "more_body": chunk != b'xt": 1}'}

    async def send(message: MutableMapping[str, Any]) -> None:
        raise AssertionError(message)

    asyncio.run(Gate(app, 100, "t")({"type": "http", "path": "/v1/check", "headers": [(b"authorization", b"Bearer t")]}, receive, send))
    assert seen == [b'{"text": 1}']


def test_engine_loads_once_and_follows_the_calendar() -> None:
    engine = Engine(ServeSettings(refs=(REFS,), root=str(ROOT)))
    first = engine.load()
    request = CheckRequest(text="More than 45,000 Palestinians have been killed in Gaza, according to the Gaza Ministry of Health.")
    report = json.loads(engine.check(request).body)
    assert report["files"][0]["published_from"] == "today" and report["files"][0]["published"] == dt.date.today().isoformat()
    stale = first.checker.options.model_copy(update={"today": dt.date(2020, 1, 1)})
    first.checker.options = stale
    assert json.loads(engine.check(request).body)["files"][0]["published"] == dt.date.today().isoformat()
    assert engine.loaded is first and first.generation == 1
    assert engine.load().generation == 2 and engine.loaded is not first


def test_settings_travel_to_workers_in_one_variable() -> None:
    settings = ServeSettings(workers=3, cors_origins=("https://a.example",), refs=("x.csv",), token_env="MY_TOKEN")
    again = ServeSettings.from_env({"FACTCHECK_SERVE_SETTINGS": settings.to_env()})
    assert again == settings
    assert "MY_TOKEN" in settings.to_env() and "secret" not in settings.to_env()


def test_identical_requests_are_answered_from_the_result_cache_until_a_reload() -> None:
    engine = Engine(ServeSettings(refs=(REFS,), root=str(ROOT), result_cache=2))
    engine.load()
    one, two, three = (CheckRequest(text=f"{n} people have been killed in Gaza.", published=dt.date(2024, 8, 1)) for n in (45000, 46000, 47000))
    first = engine.check(one)
    assert engine.cached(one) is first and engine.check(one) is first
    assert engine.cached(one.model_copy(update={"format": "markdown"})) is None  # every field is part of the key
    engine.check(two)
    engine.check(three)
    assert engine.cached(one) is None and engine.cached(three) is not None  # least recently used goes
    engine.load()
    assert engine.cached(three) is None, "a reload never serves a report made from the old data"
    assert engine.check(one).body == first.body


def test_result_cache_is_bounded_by_bytes() -> None:
    from factcheck.server.results import ResultCache

    kept: ResultCache[str] = ResultCache(10, max_bytes=10)
    kept.put("a", "x", 6)
    kept.put("b", "y", 6)
    assert kept.get("a") is None and kept.get("b") == "y" and len(kept) == 1
    kept.put("huge", "z", 11)
    assert kept.get("huge") is None
    ResultCache[str](0).put("a", "x", 1)
