"""Formats through the CLI runner: exit codes for every threshold and format, --output,
--min-severity, --report-dir, and the bundled reports/ kept current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.models import Report
from factcheck.report import FORMATS

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
REFS = ["--refs", str(FIXTURES / "refs")]
ERROR_ARTICLE = str(FIXTURES / "rules" / "contradicted-figure.txt")  # one error
WARNING_ARTICLE = str(FIXTURES / "rules" / "attribution-gap.txt")  # one warning, no error
INFO_ARTICLE = str(FIXTURES / "rules" / "unverifiable-figure.txt")  # one info only
EXPECTED = {
    ERROR_ARTICLE: {"error": 1, "warning": 1, "info": 1, "never": 0},
    WARNING_ARTICLE: {"error": 0, "warning": 1, "info": 1, "never": 0},
    INFO_ARTICLE: {"error": 0, "warning": 0, "info": 1, "never": 0},
}


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
@pytest.mark.parametrize("article", list(EXPECTED))
def test_exit_code_for_every_threshold_and_format(runner: CliRunner, tmp_path: Path, fmt: str, fail_on: str, article: str) -> None:
    code = EXPECTED[article][fail_on]
    to_stdout = runner.invoke(app, [*REFS, "--format", fmt, "--fail-on", fail_on, article])
    assert to_stdout.exit_code == code, to_stdout.output
    out = tmp_path / f"report.{fmt}"
    to_file = runner.invoke(app, [*REFS, "--format", fmt, "--fail-on", fail_on, "--output", str(out), article])
    assert to_file.exit_code == code and to_file.stdout == ""
    assert out.read_text(encoding="utf-8") == to_stdout.stdout


@pytest.mark.parametrize("min_severity", ["error", "warning", "info"])
def test_min_severity_only_decides_what_is_shown(runner: CliRunner, min_severity: str) -> None:
    result = runner.invoke(app, [*REFS, "--format", "line", "--fail-on", "info", "--min-severity", min_severity, WARNING_ARTICLE])
    assert result.exit_code == 1
    assert ("attribution-gap" in result.stdout) is (min_severity != "error")


def test_report_dir_writes_markdown_and_html_per_article(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, [*REFS, "--report-dir", str(tmp_path / "out"), "--fail-on", "never", ERROR_ARTICLE, WARNING_ARTICLE])
    assert result.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["attribution-gap.html", "attribution-gap.md", "contradicted-figure.html", "contradicted-figure.md"]
    page = (tmp_path / "out" / "contradicted-figure.html").read_text(encoding="utf-8")
    assert "<mark" in page and "<svg" in page and "\x1b[" not in page


def test_report_dir_names_clashing_articles_by_path(tmp_path: Path) -> None:
    from factcheck.report.report_dir import report_names

    assert report_names(["a/x.md", "b/x.txt", "c/y.md"]) == ["a_x.md", "b_x.txt", "y"]


def test_json_summary_counts_what_is_shown(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, [*REFS, "--format", "json", "--min-severity", "warning", INFO_ARTICLE]).stdout)
    assert data["summary"]["infos"] == 0 and data["files"][0]["findings"] == []


def test_bundled_example_reports_are_current(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """reports/ holds the --report-dir output for examples/ (pytest --update-golden rewrites it)."""
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["--report-dir", str(tmp_path), "--fail-on", "never", "--format", "line", "examples"])
    assert result.exit_code == 0, result.output
    fresh = {p.name: p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir())}
    assert len(fresh) == 2 * len([p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md")])
    reports = ROOT / "reports"
    if request.config.getoption("--update-golden"):
        reports.mkdir(exist_ok=True)
        for old in reports.glob("*.*"):
            if old.suffix in (".md", ".html") and old.name != "README.md":
                old.unlink()
        for name, text in fresh.items():
            (reports / name).write_text(text, encoding="utf-8")
    stored = {p.name: p.read_text(encoding="utf-8") for p in sorted(reports.iterdir()) if p.suffix in (".md", ".html") and p.name != "README.md"}
    assert stored == fresh, "reports/ is stale: run pytest --update-golden"


def test_report_names_never_collide() -> None:
    from factcheck.report.report_dir import report_names

    names = report_names(["d/a b.txt", "d/a_b.txt", "e/a b.txt"])
    assert len(set(names)) == 3


def test_control_characters_never_reach_a_terminal_report() -> None:
    from factcheck.pipeline import check
    from factcheck.report import FORMATS, render

    report = Report.of([check("More than 39,000 people \x1b[2J were killed in Gaza.\x07")])
    for name in FORMATS:
        out = render(report, name)
        assert "\x1b" not in out and "\x07" not in out, name
