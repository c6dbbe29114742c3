"""Fixtures of the archive tests: a small generated archive and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli.app import app
from tests.archive.corpus import generate


@dataclass(frozen=True)
class Archive:
    folder: Path
    paths: list[Path]
    dates: Path


@pytest.fixture(scope="session")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    folder = tmp_path_factory.mktemp("archive") / "articles"
    paths, dates = generate(folder, 30)
    return Archive(folder, paths, dates)


@pytest.fixture(scope="session")
def cli() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: object) -> Result:
        return runner.invoke(app, ["archive", *(str(a) for a in args)])

    return invoke


@dataclass(frozen=True)
class Stored:
    archive: Archive
    store: Path


@pytest.fixture(scope="session")
def small_store(small_archive: Archive, cli: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory) -> Stored:
    """The small archive extracted (in this process) and judged with the bundled data."""
    store = tmp_path_factory.mktemp("stores") / "small"
    done = cli("extract", small_archive.folder, "--store", store, "--dates", small_archive.dates, "--workers", 1, "--batch-size", 8)
    assert done.exit_code == 0, done.output
    judged = cli("judge", "--store", store)
    assert judged.exit_code == 0, judged.output
    return Stored(small_archive, store)


BIG = 200  # articles of the archive the engines are compared on


@pytest.fixture(scope="session")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    folder = tmp_path_factory.mktemp("big") / "articles"
    paths, dates = generate(folder, BIG)
    return Archive(folder, paths, dates)


@pytest.fixture(scope="session")
def baseline(big_archive: Archive, cli: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory) -> Stored:
    """The big archive extracted by two local worker processes, and judged."""
    store = tmp_path_factory.mktemp("stores") / "baseline"
    done = cli("extract", big_archive.folder, "--store", store, "--dates", big_archive.dates, "--workers", 2, "--batch-size", 16)
    assert done.exit_code == 0, done.output
    assert cli("judge", "--store", store).exit_code == 0
    return Stored(big_archive, store)
