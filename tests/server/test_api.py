"""The HTTP API through a real client against a running `factcheck serve`: the same reports as
the command line, byte for byte; the rules, health and OpenAPI endpoints; CORS."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.rules import rules

from ..conftest import EXAMPLES, ROOT
from .conftest import ORIGIN, Server

ARTICLES = sorted(p.relative_to(ROOT).as_posix() for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt"))
FORMATS = ["json", "markdown", "html", "sarif"]


def cli(*args: str) -> bytes:
    result = CliRunner().invoke(app, [*args, "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout_bytes


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", ARTICLES)
def test_server_report_is_the_cli_report(plain: Server, path: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = (ROOT / path).read_text(encoding="utf-8")
    with plain.client() as http:
        got = http.post("/v1/check", json={"text": text, "path": path, "format": fmt})
        dated = http.post("/v1/check", json={"text": text, "path": path, "format": fmt, "published": "2024-08-20"})
    assert got.status_code == 200 and dated.status_code == 200
    assert got.content == cli("--format", fmt, path)
    assert dated.content == cli("--format", fmt, "--date", "2024-08-20", path)
    assert got.headers["content-type"].startswith({"json": "application/json", "sarif": "application/sarif+json",
                                                   "markdown": "text/markdown", "html": "text/html"}[fmt])


def test_server_json_is_the_installed_cli_json(plain: Server) -> None:
    """Against the real command in its own process, too (one run: a cold process costs a second)."""
    path = ARTICLES[0]
    run = subprocess.run([sys.executable, "-m", "factcheck", "--format", "json", "--jobs", "1", path], cwd=ROOT, capture_output=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    with plain.client() as http:
        assert http.post("/v1/check", json={"text": (ROOT / path).read_text(encoding="utf-8"), "path": path}).content == run.stdout


def test_min_severity_and_defaults(plain: Server) -> None:
    text = (ROOT / ARTICLES[0]).read_text(encoding="utf-8")
    with plain.client() as http:
        everything = http.post("/v1/check", json={"text": text}).json()
        errors_only = http.post("/v1/check", json={"text": text, "min_severity": "error"}).json()
    assert everything["files"][0]["path"] == "<text>"
    assert all(f["severity"] == "error" for f in errors_only["files"][0]["findings"])
    assert len(errors_only["files"][0]["claims"]) == len(everything["files"][0]["claims"])


def test_rules_health_and_openapi(plain: Server) -> None:
    with plain.client() as http:
        listed = http.get("/v1/rules").json()
        health = http.get("/v1/health").json()
        schema = http.get("/v1/openapi.json").json()
    assert [r["id"] for r in listed] == [r.id for r in rules()]
    assert all(r["enabled"] and r["severity"] == r["default_severity"] for r in listed)
    assert health["status"] == "ok" and health["reference"]["rows"] > 0 and health["generation"] >= 1
    assert set(schema["paths"]) == {"/v1/check", "/v1/rules", "/v1/health", "/v1/reload"}
    body = schema["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["text"] and set(body["properties"]) == {"text", "published", "path", "format", "min_severity"}
    assert {"400", "413", "422", "503"} <= set(schema["paths"]["/v1/check"]["post"]["responses"])
    json.dumps(schema)


def test_cors_only_for_the_configured_origin(plain: Server) -> None:
    with plain.client() as http:
        preflight = http.options("/v1/check", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                                                        "Access-Control-Request-Headers": "authorization, content-type"})
        allowed = http.get("/v1/rules", headers={"Origin": ORIGIN})
        other = http.get("/v1/rules", headers={"Origin": "https://evil.example"})
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == ORIGIN
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in other.headers


def test_no_cors_by_default(guarded: Server) -> None:
    with guarded.client() as http:
        got = http.get("/v1/health", headers={"Origin": ORIGIN})
    assert got.status_code == 200 and "access-control-allow-origin" not in got.headers
