"""factcheck archive ...: the commands, their one-line errors and exit codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from tests.archive.conftest import Archive, Stored


def test_the_group_lists_its_commands(cli: Callable[..., Result]) -> None:
    result = cli("--help")
    assert result.exit_code == 0 and all(name in result.stdout for name in ("extract", "judge", "report"))


def test_a_scheduler_needs_the_dask_engine(small_archive: Archive, cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("extract", small_archive.folder, "--store", tmp_path / "store", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2 and result.stderr == "factcheck: error: --scheduler needs --engine dask\n"
    assert not (tmp_path / "store").exists()


def test_a_missing_article_is_an_error_and_the_others_are_stored(small_archive: Archive, cli: Callable[..., Result], tmp_path: Path) -> None:
    first = small_archive.paths[0]
    result = cli("extract", first, tmp_path / "gone.txt", "--store", tmp_path / "store", "--workers", 1)
    assert result.exit_code == 2
    assert f"factcheck: error: {tmp_path / 'gone.txt'}: no such file or directory" in result.stderr
    assert result.stdout.startswith("1 article: 1 extracted")


def test_the_report_goes_to_a_file_when_asked(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = cli("report", "--store", small_store.store, "--output", out, "--top", 3)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# Archive discrepancy report")
