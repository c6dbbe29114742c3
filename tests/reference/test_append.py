"""refs add, library side: a validated row appended atomically, never a half-written file."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from factcheck.reference.append import Plan, plan
from factcheck.reference.index import ReferenceIndex
from factcheck.report.output import atomic_write

HEADER = "metric,location,subject,value,as_of,source,source_url,notes,definition\n"
ROWS = (
    "killed,Chad,people,100,2024-01-01,Chad Red Cross,https://example.org/a,,\n"
    "killed,Chad,people,120,2024-02-01,Chad Red Cross,https://example.org/b,\"first, with a comma\",\n"
)
TODAY = dt.date(2026, 1, 1)


def cells(**kw: str) -> dict[str, str]:
    base = {"metric": "killed", "location": "Chad", "subject": "people", "value": "150", "as_of": "2024-03-01",
            "source": "Chad Red Cross", "source_url": "https://example.org/c"}
    return {**base, **kw}


@pytest.fixture
def csv(tmp_path: Path) -> Path:
    path = tmp_path / "chad.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


def test_a_row_is_appended_in_the_files_column_order(csv: Path) -> None:
    made, found = plan(csv, cells(notes="second, also quoted"), today=TODAY)
    assert found == [] and made is not None
    assert [r.value for r in made.before] == [100, 120] and [r.value for r in made.after] == [100, 120, 150]
    write(made)
    text = csv.read_text(encoding="utf-8")
    assert text == HEADER + ROWS + 'killed,Chad,people,150,2024-03-01,Chad Red Cross,https://example.org/c,"second, also quoted",\n'
    (row,) = [r for r in ReferenceIndex.load([csv]).rows if r.value == 150]
    assert row.line == made.row.line == 4


def test_a_new_file_gets_the_standard_header(tmp_path: Path) -> None:
    path = tmp_path / "new" / "chad.csv"
    made, found = plan(path, cells(definition="all cumulative", record="yes"), today=TODAY)
    assert found == [] and made is not None and made.before == []
    write(made)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "metric,location,subject,value,low,high,as_of,period_start,source,source_url,notes,definition,record"
    assert lines[1].endswith(",all cumulative,yes")
    assert ReferenceIndex.load([path]).record


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"value": "120", "as_of": "2024-02-01"}, "duplicate of"),
        ({"value": "125", "as_of": "2024-02-01"}, "conflicts with"),
        ({"value": "lots"}, "column 'value': 'lots' is not a number"),
        ({"as_of": "2099-01-01"}, "in the future"),
        ({"source_url": "ftp://example.org"}, "does not match the pattern"),
        ({"definition": "inside abroad"}, "two place tokens"),
        ({"record": "yes"}, "not in the file's header"),
        ({"location": "Atlantis"}, "unknown location 'Atlantis'"),
    ],
)
def test_bad_rows_duplicates_and_conflicts_are_refused(csv: Path, extra: dict[str, str], message: str) -> None:
    before = csv.read_bytes()
    made, found = plan(csv, cells(**extra), today=TODAY)
    assert made is None and any(message in str(p) for p in found), [str(p) for p in found]
    assert all(str(p).startswith(str(csv)) for p in found)
    assert csv.read_bytes() == before


def test_conflicts_with_the_other_data_of_the_run_are_refused(csv: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "more.csv").write_text(HEADER + "killed,Chad,people,140,2024-03-01,Chad Red Cross,https://example.org/x,,\n")
    made, found = plan(csv, cells(), extra=[other], today=TODAY)
    assert made is None and "conflicts with" in str(found[0]) and "more.csv:2" in str(found[0])


def test_a_second_series_of_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(HEADER.replace("\n", ",record\n") + "killed,Chad,people,100,2024-01-01,Chad Red Cross,https://example.org/a,,,yes\n")
    made, found = plan(path, cells(source="UN", record="yes"), today=TODAY)
    assert made is None and "already the series of record" in str(found[0])


def test_crlf_files_and_a_missing_last_newline_keep_their_form(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_bytes((HEADER + ROWS).replace("\n", "\r\n").rstrip("\r\n").encode())
    made, _ = plan(path, cells(), today=TODAY)
    assert made is not None
    write(made)
    raw = path.read_bytes()
    assert raw.endswith(b"https://example.org/c,,\r\n") and b"\r\n\r\n" not in raw and raw.count(b"\n") == raw.count(b"\r\n")


def write(made: Plan) -> None:
    atomic_write(made.path, made.text)


SLOW_FSYNC = textwrap.dedent("""
    import os, sys, time
    real = os.fsync
    def slow(fd):
        sys.stdout.write("writing\\n"); sys.stdout.flush()
        time.sleep(30)
        real(fd)
    os.fsync = slow
    from factcheck.cli import app
    sys.argv = ["factcheck", "refs", "add", *sys.argv[1:]]
    app()
""")


@pytest.mark.slow
def test_killed_mid_write_never_leaves_a_half_written_file(csv: Path) -> None:
    """The temporary file is written, the process killed before it is renamed: the CSV is untouched."""
    before = csv.read_bytes()
    args = ["--metric", "killed", "--location", "Chad", "--subject", "people", "--value", "150", "--as-of", "2024-03-01",
            "--source", "Chad Red Cross", "--source-url", "https://example.org/c", str(csv)]
    env = {**os.environ, "FACTCHECK_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_FSYNC, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        for line in proc.stdout:
            if line == b"writing\n" or time.monotonic() > deadline:
                break
        temporary = [p for p in csv.parent.iterdir() if p.name.startswith(f".{csv.name}.")]
        assert temporary, "the row is being written to a temporary file beside the CSV"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert csv.read_bytes() == before
    assert ReferenceIndex.load([csv.parent]).rows, "a leftover temporary file is hidden and never read as data"
