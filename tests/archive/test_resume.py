"""A run killed midway resumes from the store: what it wrote stays, the rest is extracted,
and the store holds the same rows as a run that was never stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.archive.conftest import Stored
from tests.archive.corpus import store_rows


@pytest.mark.slow
def test_a_killed_run_resumes_where_it_stopped(baseline: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    archive, store = baseline.archive, tmp_path / "store"
    command = [sys.executable, "-m", "factcheck", "archive", "extract", str(archive.folder), "--store", str(store),
               "--dates", str(archive.dates), "--workers", "1", "--batch-size", "8"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(list(store.glob("extracted/*/*.articles.parquet"))) < 3 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.05)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    written = len(list(store.glob("extracted/*/*.articles.parquet")))
    assert run.returncode == -signal.SIGKILL and written >= 3
    assert not (store / "paths.parquet").exists()  # the run never finished
    resumed = cli("extract", archive.folder, "--store", store, "--dates", archive.dates, "--workers", 2, "--batch-size", 8)
    assert resumed.exit_code == 0, resumed.output
    stored = int(resumed.stdout.split(" already stored")[0].rsplit(" ", 1)[1])
    assert stored >= written * 8
    assert not list(store.rglob(".*.tmp"))
    assert cli("judge", "--store", store).exit_code == 0
    mine, theirs = store_rows(store), store_rows(baseline.store)
    assert mine == theirs
    for format in ("markdown", "json"):
        assert cli("report", "--store", store, "--format", format).stdout == cli("report", "--store", baseline.store, "--format", format).stdout
