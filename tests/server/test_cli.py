"""`factcheck serve` refuses what it cannot serve with one line and exit 2, before listening."""

from __future__ import annotations

import socket
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli.app import app


def test_bad_reference_data_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("metric,location,value\nkilled,Gaza,lots\n", encoding="utf-8")
    for workers in ("1", "2"):
        result = CliRunner().invoke(app, ["serve", "--port", "0", "--workers", workers, "--refs", str(bad)])
        assert result.exit_code == 2
        assert result.stderr.startswith("factcheck: error: ") and "bad.csv" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_port_in_use_and_a_bad_log_level_are_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = CliRunner().invoke(app, ["serve", "--port", port])
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.stderr
    result = CliRunner().invoke(app, ["serve", "--log-level", "loud"])
    assert result.exit_code == 2 and "--log-level 'loud'" in result.stderr


def test_lsp_with_bad_reference_data_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["lsp", "--refs", str(tmp_path / "missing")])
    assert result.exit_code == 2 and result.stderr.startswith("factcheck: error: ")
