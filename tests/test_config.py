"""Configuration files: discovery, validation, precedence, and `factcheck config`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.config import Settings, discover, find, load, resolve
from factcheck.errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures"
GAP = (FIXTURES / "rules" / "attribution-gap.txt").read_text(encoding="utf-8")  # one warning
REFS = str(FIXTURES / "refs")


def project(tmp_path: Path, config: str, name: str = "factcheck.toml") -> Path:
    """A folder with a config file and an article in a subfolder; returns the article."""
    (tmp_path / name).write_text(config, encoding="utf-8")
    article = tmp_path / "desk" / "drafts" / "gap.txt"
    article.parent.mkdir(parents=True)
    article.write_text(GAP, encoding="utf-8")
    return article


def invoke(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_factcheck_toml_is_found_upward_from_the_article(runner: CliRunner, tmp_path: Path) -> None:
    article = project(tmp_path, f'refs = ["{REFS}"]\nfail-on = "warning"\n')
    assert find(article.parent) == tmp_path / "factcheck.toml"
    assert invoke(runner, str(article)).exit_code == 1  # the warning fails under the file's fail-on
    assert invoke(runner, "--fail-on", "error", str(article)).exit_code == 0  # the command line wins


def test_pyproject_tool_table_is_used_and_a_pyproject_without_it_skipped(runner: CliRunner, tmp_path: Path) -> None:
    article = project(tmp_path, f'[project]\nname = "x"\n[tool.factcheck]\nrefs = ["{REFS}"]\n[tool.factcheck.rules]\nattribution-gap = "error"\n', "pyproject.toml")
    assert invoke(runner, str(article)).exit_code == 1
    (article.parent / "pyproject.toml").write_text('[project]\nname = "inner"\n', encoding="utf-8")
    assert find(article.parent) == tmp_path / "pyproject.toml"


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "info"\n', encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert resolve([str(tmp_path)]).fail_on == "never"


def test_config_option_overrides_discovery(runner: CliRunner, tmp_path: Path) -> None:
    article = project(tmp_path, 'fail-on = "warning"\n')
    other = tmp_path / "other.toml"
    other.write_text(f'refs = ["{REFS}"]\n[rules]\nattribution-gap = "off"\n', encoding="utf-8")
    result = invoke(runner, "--config", str(other), "--fail-on", "info", "--format", "line", str(article))
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('fial-on = "warning"\n', "unknown key 'fial-on'"),
        ('fail-on = "sometimes"\n', "'fail-on' must be one of error, warning, info, never"),
        ('min-severity = "never"\n', "'min-severity' must be one of"),
        ('[rules]\nattribution-gaps = "off"\n', "unknown rule 'attribution-gaps'"),
        ('[rules]\nattribution-gap = "fatal"\n', "'rules.attribution-gap' must be one of error, warning, info, off"),
        ('contested-metrics = ["killed", "vibes"]\n', "unknown value 'vibes'"),
        ('include = "*.md"\n', "'include' must be a list of strings"),
        ("fail-on = \n", "invalid TOML"),
    ],
)
def test_invalid_config_exits_2_with_one_line(runner: CliRunner, tmp_path: Path, config: str, message: str) -> None:
    article = project(tmp_path, config)
    result = invoke(runner, str(article))
    assert result.exit_code == 2
    assert message in result.stderr and "factcheck.toml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_unknown_key_in_pyproject_names_the_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\ncolour = true\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown key 'colour' in \[tool.factcheck\]"):
        load(tmp_path / "pyproject.toml")


def test_rule_severity_and_off_change_findings_and_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    article = project(tmp_path, f'refs = ["{REFS}"]\n[rules]\nattribution-gap = "error"\n')
    data = json.loads(invoke(runner, "--format", "json", str(article)).stdout)
    assert [f["severity"] for f in data["files"][0]["findings"] if f["rule"] == "attribution-gap"] == ["error"]
    assert invoke(runner, str(article)).exit_code == 1


def test_contested_metrics_decide_attribution_gaps(runner: CliRunner, tmp_path: Path) -> None:
    article = project(tmp_path, f'refs = ["{REFS}"]\ncontested-metrics = ["killed"]\n')
    data = json.loads(invoke(runner, "--format", "json", str(article)).stdout)
    assert not [f for f in data["files"][0]["findings"] if f["rule"] == "attribution-gap"]  # 'displaced' no longer contested


def test_refs_are_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('refs = ["data"]\n', encoding="utf-8")
    assert resolve([str(tmp_path)]).refs == (tmp_path.resolve() / "data",)


def test_include_and_exclude(runner: CliRunner, tmp_path: Path) -> None:
    article = project(tmp_path, f'refs = ["{REFS}"]\ninclude = ["*.txt", "*.text"]\nexclude = ["desk/archive/", "skip-*.txt"]\n')
    (article.parent / "notes.text").write_text(GAP, encoding="utf-8")
    (article.parent / "skip-me.txt").write_text(GAP, encoding="utf-8")
    (article.parent / "page.md").write_text(GAP, encoding="utf-8")
    archive = tmp_path / "desk" / "archive"
    archive.mkdir()
    (archive / "old.txt").write_text(GAP, encoding="utf-8")
    data = json.loads(invoke(runner, "--format", "json", str(tmp_path / "desk")).stdout)
    assert sorted(Path(f["path"]).name for f in data["files"]) == ["gap.txt", "notes.text"]
    named = invoke(runner, "--format", "json", str(article), str(article.parent / "skip-me.txt"))
    assert [Path(f["path"]).name for f in json.loads(named.stdout)["files"]] == ["gap.txt"]  # exclude applies to named files


def test_paths_under_different_configs_are_an_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = project(tmp_path / "a", 'fail-on = "info"\n')
    b = project(tmp_path / "b", 'fail-on = "never"\n')
    result = invoke(runner, str(a), str(b))
    assert result.exit_code == 2 and "different configuration files" in result.stderr
    with pytest.raises(ConfigError):
        discover([str(a), str(b)])


def test_config_command_prints_the_effective_configuration(runner: CliRunner, tmp_path: Path) -> None:
    project(tmp_path, 'fail-on = "warning"\n[rules]\nunverifiable-figure = "off"\n')
    result = invoke(runner, "config", str(tmp_path / "desk" / "drafts"))
    assert result.exit_code == 0
    assert str(tmp_path / "factcheck.toml") in result.stdout
    assert 'fail-on = "warning"' in result.stdout and 'unverifiable-figure = "off"' in result.stdout
    assert 'attribution-gap = "warning"' in result.stdout  # defaults shown too
    import tomllib

    printed = tomllib.loads(result.stdout)
    assert printed["min-severity"] == "info" and printed["rules"]["contradicted-figure"] == "error"


def test_config_command_without_a_file_shows_defaults(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "config", "--config", str(tmp_path / "missing.toml"))
    assert result.exit_code == 2 and "no such configuration file" in result.stderr
    assert Settings().to_toml().startswith("# effective configuration; file: none (defaults)")
