"""Every command through the CLI runner: output, contract and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app

from .conftest import EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures"
REFS = ["--refs", str(FIXTURES / "refs")]


def run(runner: CliRunner, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_json_contract_spans_are_exact(runner: CliRunner) -> None:
    path = EXAMPLES / "gaza-ceasefire-talks.md"
    result = run(runner, "--format", "json", str(path))
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    text = path.read_text(encoding="utf-8")
    (file,) = data["files"]
    assert file["published"] == "2024-08-20" and file["published_from"] == "article"
    assert file["claims"], "no claims found"
    for claim in file["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        assert set(claim) >= {"id", "line", "column", "value", "high", "qualifier", "metric", "subject", "location", "source", "verdict", "reference", "message"}
    assert data["summary"]["claims"] == len(file["claims"])


def test_date_option_wins_over_the_article(runner: CliRunner) -> None:
    result = run(runner, "--format", "json", "--date", "2025-01-01", str(EXAMPLES / "sudan-displacement.txt"))
    file = json.loads(result.stdout)["files"][0]
    assert (file["published"], file["published_from"]) == ("2025-01-01", "option")


def test_today_when_no_date_anywhere(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("At least 20 people were killed in Sudan.", encoding="utf-8")
    file = json.loads(run(runner, "--format", "json", str(article)).stdout)["files"][0]
    assert file["published_from"] == "today"


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_exit_codes_follow_fail_on(runner: CliRunner, fail_on: str, code: int) -> None:
    path = FIXTURES / "rules" / "contradicted-figure.txt"
    assert run(runner, *REFS, "--fail-on", fail_on, str(path)).exit_code == code


def test_warning_only_article_passes_on_error(runner: CliRunner) -> None:
    path = FIXTURES / "rules" / "attribution-gap.txt"
    assert run(runner, *REFS, str(path)).exit_code == 0
    assert run(runner, *REFS, "--fail-on", "warning", str(path)).exit_code == 1


def test_output_file_keeps_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    path = FIXTURES / "rules" / "contradicted-figure.txt"
    result = run(runner, *REFS, "--format", "json", "--output", str(out), str(path))
    assert result.exit_code == 1
    assert json.loads(out.read_text())["summary"]["errors"] == 1
    assert result.stdout == ""


def test_stdin(runner: CliRunner) -> None:
    result = run(runner, "--format", "json", "--date", "2024-07-27", "--stdin-filename", "draft.txt", "-", input="Some 250 people were abducted in Israel.")
    file = json.loads(result.stdout)["files"][0]
    assert file["path"] == "draft.txt" and file["claims"][0]["text"] == "Some 250"


def test_directory_is_searched_recursively(runner: CliRunner) -> None:
    data = json.loads(run(runner, "--format", "json", str(EXAMPLES)).stdout)
    assert len(data["files"]) == len([p for p in EXAMPLES.rglob("*") if p.suffix in (".txt", ".md")])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-file.txt"], "missing-file.txt: no such file"),
        (["--date", "27/07/2024", "x.txt"], "not a YYYY-MM-DD date"),
    ],
)
def test_usage_errors_exit_2_with_one_line(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_empty_directory_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, str(tmp_path))
    assert result.exit_code == 2 and "holds no articles" in result.stderr


def test_bad_reference_csv_exits_2_naming_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("metric,location,value,as_of,source\nkilled,Gaza,3,2024-01-01,X\n", encoding="utf-8")
    result = run(runner, "--refs", str(bad), str(EXAMPLES / "sudan-displacement.txt"))
    assert result.exit_code == 2
    assert f"{bad}:1: missing column(s): source_url" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_file_among_good_ones_is_reported_and_others_checked(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    result = run(runner, "--format", "json", str(binary), str(EXAMPLES / "sudan-displacement.txt"))
    assert result.exit_code == 2
    assert "image.txt: binary file" in result.stderr
    assert len(json.loads(result.stdout)["files"]) == 1


def test_rules_command_lists_every_rule(runner: CliRunner) -> None:
    result = run(runner, "rules")
    assert result.exit_code == 0
    for rule_id in ("contradicted-figure", "outdated-figure", "attribution-gap", "source-mismatch", "unverifiable-figure"):
        assert rule_id in result.stdout


def test_refs_check_and_list(runner: CliRunner, tmp_path: Path) -> None:
    ok = run(runner, "refs", "check")
    assert ok.exit_code == 0 and ok.stdout.startswith("ok:")
    listing = run(runner, "refs", "list")
    assert listing.exit_code == 0 and "NATO" in listing.stdout
    (tmp_path / "bad.csv").write_text("metric,location,value,as_of,source,source_url\nkilled,Gaza,3,2024-02-30,X,https://x\n")
    bad = run(runner, "refs", "check", str(tmp_path))
    assert bad.exit_code == 2 and "bad.csv:2:" in bad.stderr


def test_schema_command_prints_the_shipped_schema(runner: CliRunner) -> None:
    from factcheck.schema import shipped_schema

    assert run(runner, "schema").stdout == shipped_schema()


def test_text_output_has_locations_and_summary(runner: CliRunner) -> None:
    path = EXAMPLES / "sudan-displacement.txt"
    out = run(runner, "--no-color", str(path)).stdout
    assert f"{path}:4:" in out and "reference:" in out
    assert out.rstrip().splitlines()[-1].endswith("in 1 file")
    assert "\x1b[" not in out


def test_version(runner: CliRunner) -> None:
    from factcheck import __version__

    assert run(runner, "--version").stdout.strip() == f"factcheck {__version__}"


def test_nothing_checked_prints_no_empty_report(runner: CliRunner) -> None:
    result = run(runner, "missing-file.txt")
    assert result.exit_code == 2 and result.stdout == ""
