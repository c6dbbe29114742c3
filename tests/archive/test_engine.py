"""Engines: local processes and a dask LocalCluster give the same store and the same report,
byte for byte, as one process working alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from factcheck.archive.engine import InProcess, Processes
from tests.archive.conftest import Stored
from tests.archive.corpus import store_files


def _reports(cli: Callable[..., Result], store: Path) -> list[str]:
    return [cli("report", "--store", store, "--format", f).stdout for f in ("markdown", "html", "json")]


def _square(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x * x


def test_the_in_process_engine_hands_back_each_outcome() -> None:
    outcomes = list(InProcess('{"today": "2026-01-01"}', model=False).map(_square, [1, 2, 3]))
    assert [(t, r) for t, r, _ in outcomes] == [(1, 1), (2, 4), (3, None)]
    assert isinstance(outcomes[2][2], ValueError)


@pytest.mark.slow
def test_local_processes_and_dask_store_the_same_bytes(baseline: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    """The baseline is two local processes; here a LocalCluster of two workers extracts and judges."""
    archive, store = baseline.archive, tmp_path / "dask"
    dask = ["--engine", "dask", "--workers", 2]
    done = cli("extract", archive.folder, "--store", store, "--dates", archive.dates, "--batch-size", 16, *dask)
    assert done.exit_code == 0, done.output
    judged = cli("judge", "--store", store, *dask)
    assert judged.exit_code == 0, judged.output
    assert store_files(store) == store_files(baseline.store)
    assert _reports(cli, store) == _reports(cli, baseline.store)


@pytest.mark.slow
def test_a_worker_that_dies_fails_its_batch_only() -> None:
    pool = Processes(2, '{"today": "2026-01-01"}', model=False)
    try:
        outcomes = {t: (r, e) for t, r, e in pool.map(_die_on_two, [1, 2, 4, 5])}
    finally:
        pool.close()
    assert {t: r for t, (r, _) in outcomes.items()} == {1: 1, 2: None, 4: 16, 5: 25}
    assert "died" in str(outcomes[2][1])


def _die_on_two(x: int) -> int:
    import os

    if x == 2:
        os._exit(1)
    return x * x
