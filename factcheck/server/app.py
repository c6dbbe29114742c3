"""The FastAPI application: POST /v1/check, GET /v1/rules, GET /v1/health, POST /v1/reload.

Checks run one at a time per process in a worker thread (the pipeline is CPU-bound: threads
would only share one core), each within the per-request time limit; reference data reloads on
SIGHUP or POST /v1/reload by building the new checker beside the old one and swapping it, so
no request is dropped or sees half of each. With several workers the supervisor passes its
SIGHUP on to every worker (``supervisor``), and POST /v1/reload asks it to.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from factcheck import __version__
from factcheck.errors import FactcheckError
from factcheck.rules import rules as all_rules
from factcheck.server.engine import Engine, Rendered
from factcheck.server.gate import Gate
from factcheck.server.schemas import MEDIA_TYPES, CheckRequest, Health, Problem, Reloaded, ResultsSummary, RuleInfo
from factcheck.server.settings import ServeSettings

log = logging.getLogger("factcheck.server")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text}
    for code, text in {
        400: "The body is not JSON.", 401: "The bearer token is missing or wrong.", 413: "The body is over the size limit.",
        422: "The JSON is not a valid request, or the article cannot be read (binary, not Unicode, a data dump).",
        503: "The check did not finish within the time limit.",
    }.items()
}


def problem(status: int, message: str, detail: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"status": status, "error": message} | ({"detail": detail} if detail else {})
    return JSONResponse(body, status_code=status, headers=headers)


def _invalid(exc: ValidationError) -> JSONResponse:
    """400 when the body is not JSON at all, else 422 with where each value is wrong."""
    errors = exc.errors(include_url=False, include_input=False, include_context=False)
    if any(e["type"] == "json_invalid" for e in errors):
        return problem(400, "the body is not valid JSON: " + errors[0]["msg"].removeprefix("Invalid JSON: "))
    if any(e["type"] == "model_type" and not e["loc"] for e in errors):
        return problem(422, "the body must be a JSON object: {\"text\": \"...\"}")
    detail = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
    return problem(422, "the request is not valid: " + "; ".join(f"{'.'.join(map(str, d['loc'])) or 'body'}: {d['msg']}" for d in detail), detail)


def create_app(settings: ServeSettings | None = None, engine: Engine | None = None) -> Any:
    """The ASGI application (FastAPI inside the CORS and gate middleware)."""
    settings = settings or ServeSettings.from_env()
    engine = engine or Engine(settings)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-check")

    async def reload(why: str) -> Reloaded:
        loaded = await asyncio.to_thread(engine.load)
        log.info("reference data reloaded (%s): generation %d, %d rows", why, loaded.generation, len(loaded.checker.index.rows))
        return Reloaded(reloaded=True, generation=loaded.generation, reference=loaded.summary(), workers="this process")

    async def reload_every_worker() -> Reloaded | JSONResponse:
        """Ask the supervisor to pass SIGHUP to every worker, this one included; answer once this one has reloaded."""
        before = engine.attempts
        os.kill(os.getppid(), signal.SIGHUP)
        deadline = time.monotonic() + max(60.0, settings.timeout)
        while engine.attempts == before:
            if time.monotonic() > deadline:
                return problem(503, "the workers did not reload in time; the previous reference data stays in use")
            await asyncio.sleep(0.05)
        if engine.last_error is not None:
            return problem(409, f"the reference data did not reload, the previous data stays in use: {engine.last_error}")
        loaded = engine.loaded
        return Reloaded(reloaded=True, generation=loaded.generation, reference=loaded.summary(), workers="every worker")

    async def on_hangup() -> None:
        try:
            await reload("SIGHUP")
        except FactcheckError as exc:
            log.error("reload failed, the previous reference data stays: %s", exc)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if not engine.is_loaded:
            await asyncio.to_thread(engine.load)
        loop = asyncio.get_running_loop()
        tasks: set[asyncio.Task[None]] = set()
        hangup = getattr(signal, "SIGHUP", None)
        if hangup is not None:
            def spawn() -> None:
                task = loop.create_task(on_hangup())
                tasks.add(task)
                task.add_done_callback(tasks.discard)

            loop.add_signal_handler(hangup, spawn)
        try:
            yield
        finally:
            if hangup is not None:
                loop.remove_signal_handler(hangup)
            executor.shutdown(wait=False, cancel_futures=True)

    api = FastAPI(
        title="factcheck", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url="/v1/openapi.json",
        description="Check the numbers in news copy against curated, dated, sourced reference data. "
        "Every endpoint but /v1/health needs `Authorization: Bearer TOKEN` when the server has a token.",
    )

    @api.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @api.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return problem(422, "the request is not valid", [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()])

    @api.post(
        "/v1/check", summary="Check one article", response_class=Response, responses={
            200: {"description": "The report, as `factcheck --format FORMAT` prints it.",
                  "content": {m.split(";")[0]: {} for m in MEDIA_TYPES.values()}},
            **ERRORS,
        },
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": CheckRequest.model_json_schema()}}}},
    )
    async def check(request: Request) -> Response:
        started = time.monotonic()
        try:
            body = CheckRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            return _invalid(exc)
        hit = engine.cached(body)
        if hit is not None:  # an identical request was answered before: no need to queue
            return Response(hit.body, media_type=hit.media_type)
        future = executor.submit(engine.check, body)
        try:
            rendered: Rendered = await asyncio.wait_for(asyncio.wrap_future(future), max(0.0, settings.timeout - (time.monotonic() - started)))
        except TimeoutError:
            future.cancel()
            return problem(503, f"the check did not finish within the time limit of {settings.timeout:g} s; try again, or send a shorter text",
                           headers={"Retry-After": "5"})
        except FactcheckError as exc:
            return problem(422, str(exc))
        except RecursionError:
            return problem(422, "the article is nested too deeply to read")
        except Exception:  # a bug: logged with its traceback, answered in one line
            log.exception("internal error while checking %s", body.path)
            return problem(500, "internal error: the check failed; the server log has the details")
        return Response(rendered.body, media_type=rendered.media_type)

    @api.get("/v1/rules", summary="The rules, with the severity this server reports each at", response_model=list[RuleInfo], responses=ERRORS)
    async def rules() -> list[RuleInfo]:
        loaded = engine.loaded
        return [
            RuleInfo(
                id=r.id, name=r.name, severity=loaded.severities.get(r.id, r.severity).value, default_severity=r.severity.value,
                enabled=r.id not in loaded.disabled, summary=r.summary, description=r.description,
            )
            for r in all_rules()
        ]

    @api.get("/v1/health", summary="Liveness, version and the reference data loaded (no token needed)", response_model=Health)
    async def health() -> Health:
        loaded = engine.loaded
        kept = engine.results
        return Health(status="ok", version=__version__, pid=os.getpid(), generation=loaded.generation, loaded_at=loaded.loaded_at,
                      reference=loaded.summary(), results=ResultsSummary(entries=len(kept), hits=kept.hits, misses=kept.misses))

    @api.post("/v1/reload", summary="Reload the reference data without dropping requests", response_model=Reloaded, responses=ERRORS | {
        409: {"model": Problem, "description": "The new reference data is invalid; the previous data stays in use."}})
    async def reload_route() -> Reloaded | JSONResponse:
        if settings.workers > 1 and hasattr(signal, "SIGHUP"):
            return await reload_every_worker()
        try:
            return await reload("POST /v1/reload")
        except FactcheckError as exc:
            return problem(409, f"the reference data did not reload, the previous data stays in use: {exc}")

    app: Any = Gate(api, settings.max_body, settings.token())
    if settings.cors_origins:
        app = CORSMiddleware(app, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                             allow_headers=["Authorization", "Content-Type"], max_age=600)
    return app


def from_env() -> Any:
    """The app factory each worker process calls (settings in FACTCHECK_SERVE_SETTINGS). Until
    the app has started, a SIGHUP (a reload asked for early) is ignored rather than fatal."""
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    return create_app(ServeSettings.from_env())
