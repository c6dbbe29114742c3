"""Baselines: adopt the tool on an archive and fail only on new findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.report.baseline import fingerprint

FIXTURES = Path(__file__).parent / "fixtures"
REFS = ["--refs", str(FIXTURES / "refs")]
KILLED = "More than 45,000 Palestinians have been killed in Gaza, according to Palestinian health authorities."
NATO = "NATO's 31 members met in Washington."


def article(tmp_path: Path, *paragraphs: str) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("Published: 2024-07-27\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def check(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*REFS, "--fail-on", "warning", "--format", "json", *args])


def test_write_then_check_against_the_baseline(runner: CliRunner, tmp_path: Path) -> None:
    story = article(tmp_path, KILLED, NATO)
    base = tmp_path / "baseline.json"
    assert check(runner, str(story)).exit_code == 1
    written = check(runner, "--write-baseline", str(base), str(story))
    assert written.exit_code == 0 and json.loads(written.stdout)["summary"]["errors"] == 0
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["factcheck_baseline"] == 1
    assert sorted(e["rule"] for e in data["findings"]) == ["contradicted-figure", "outdated-figure"]
    assert all(e["path"] == story.name for e in data["findings"])  # relative to the baseline's folder
    assert check(runner, "--baseline", str(base), str(story)).exit_code == 0


def test_new_findings_still_fail_and_moved_ones_do_not(runner: CliRunner, tmp_path: Path) -> None:
    story = article(tmp_path, KILLED)
    base = tmp_path / "baseline.json"
    check(runner, "--write-baseline", str(base), str(story))
    article(tmp_path, "A new opening paragraph.", "And another one.", KILLED)  # moved down: same fingerprint
    assert check(runner, "--baseline", str(base), str(story)).exit_code == 0
    article(tmp_path, KILLED, NATO)  # a new finding
    result = check(runner, "--baseline", str(base), str(story))
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["outdated-figure"]


def test_each_baseline_entry_absorbs_one_finding(runner: CliRunner, tmp_path: Path) -> None:
    story = article(tmp_path, KILLED)
    base = tmp_path / "baseline.json"
    check(runner, "--write-baseline", str(base), str(story))
    article(tmp_path, KILLED, KILLED)  # the same sentence twice: one is new
    result = check(runner, "--baseline", str(base), str(story))
    assert result.exit_code == 1 and json.loads(result.stdout)["summary"]["errors"] == 1


def test_changing_the_figure_makes_it_new(runner: CliRunner, tmp_path: Path) -> None:
    story = article(tmp_path, KILLED)
    base = tmp_path / "baseline.json"
    check(runner, "--write-baseline", str(base), str(story))
    article(tmp_path, KILLED.replace("45,000", "46,000"))
    assert check(runner, "--baseline", str(base), str(story)).exit_code == 1


def test_fingerprint_ignores_position_and_whitespace(checker) -> None:  # type: ignore[no-untyped-def]
    from factcheck.pipeline import check as check_text

    a = check_text(KILLED, checker=checker).claims[0]
    b = check_text("Intro.\n\nAnother paragraph.\n\n" + KILLED.replace(" in Gaza", "  in  Gaza"), checker=checker).claims[0]
    assert (a.line, a.start) != (b.line, b.start)
    assert fingerprint(a) == fingerprint(b)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline file"),
        ("{not json", "invalid JSON"),
        ('{"findings": []}', "not a factcheck baseline"),
        ('{"factcheck_baseline": 1, "findings": [{"path": 1}]}', "needs string path, rule and fingerprint"),
    ],
)
def test_bad_baseline_exits_2(runner: CliRunner, tmp_path: Path, content: str | None, message: str) -> None:
    base = tmp_path / "baseline.json"
    if content is not None:
        base.write_text(content, encoding="utf-8")
    result = check(runner, "--baseline", str(base), str(article(tmp_path, KILLED)))
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
