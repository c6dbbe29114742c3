"""Shared fixtures: one checker over the bundled data, the CLI runner, golden files."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.pipeline import Checker, Options
from factcheck.reference.index import ReferenceIndex

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The reference cache of the test run lives in a temporary folder, not the user's."""
    saved = os.environ.get("FACTCHECK_CACHE_DIR")
    os.environ["FACTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop("FACTCHECK_CACHE_DIR", None)
    else:
        os.environ["FACTCHECK_CACHE_DIR"] = saved


@pytest.fixture(scope="session")
def index() -> ReferenceIndex:
    return ReferenceIndex.load()


@pytest.fixture(scope="session")
def checker(index: ReferenceIndex) -> Checker:
    return Checker(Options(today=dt.date(2026, 1, 1)), index)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with tests/golden/NAME, or rewrite it under --update-golden."""
    update = request.config.getoption("--update-golden")

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"golden file {name} was missing and has been written; run again")
        assert text == path.read_text(encoding="utf-8"), f"{name} differs (pytest --update-golden to accept)"

    return compare
