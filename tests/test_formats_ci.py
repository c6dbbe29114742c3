"""CI integration files: the pre-commit hook and the composite GitHub Action, run for real."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from .conftest import ROOT
from .test_formats import SARIF_SCHEMA, parse_github

FIXTURES = Path(__file__).parent / "fixtures"


def test_pre_commit_hook_checks_batches_of_articles_in_one_process() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["factcheck", "check"]
    assert set(hook["types_or"]) == {"markdown", "plain-text"}
    assert hook["require_serial"] is True


def test_action_is_a_composite_action_with_documented_inputs() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "min-severity", "config", "baseline", "sarif", "args", "python-version"} <= set(action["inputs"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "upload-sarif" in readme and "security-events: write" in readme
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], "inputs reach scripts through env, never interpolated"


def _run_action(tmp_path: Path, inputs: dict[str, str], env_extra: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """Every `run` step of the composite action, in order, in bash as the runner runs them
    (``bash -eo pipefail``), with the GitHub environment set and each input passed the way the
    action passes it (its step's env). `uses:` steps (setup-python) are the runner's; the
    install step runs against a `python` that records the pip call instead of installing."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "python").write_text(
        "#!/usr/bin/env bash\n"
        f'if [ "$1 $2" = "-m pip" ]; then echo "$@" >> "{tmp_path}/pip.log"; exit 0; fi\n'
        f'exec "{sys.executable}" "$@"\n', encoding="utf-8",
    )
    (shim / "python").chmod(0o755)
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    env = {
        **os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1", "CI": "true", "GITHUB_ACTIONS": "true",
        "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_WORKSPACE": str(tmp_path), "RUNNER_TEMP": str(tmp_path), **(env_extra or {}),
    }
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    values = {**defaults, **inputs}
    result: subprocess.CompletedProcess[str] | None = None
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        step_env = dict(env)
        for key, expr in step.get("env", {}).items():
            name = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", expr)
            assert name, f"{key}: inputs reach the step through env"
            step_env[key] = values[name.group(1)]
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], env=step_env, cwd=tmp_path,
                                capture_output=True, text=True, timeout=180)
        if result.returncode != 0:
            break
    assert result is not None
    return result, output, summary


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("factcheck") is None or shutil.which("bash") is None, reason="needs the console script and bash")
@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("never", 0)])
def test_composite_action_end_to_end_on_multi_line_paths(tmp_path: Path, fail_on: str, code: int) -> None:
    desk = tmp_path / "desk notes"  # a folder with a space, named on a line of its own
    desk.mkdir()
    shutil.copy(FIXTURES / "rules" / "outdated-figure.txt", desk / "nato.txt")
    shutil.copy(FIXTURES / "rules" / "unverifiable-figure.txt", tmp_path / "troops.txt")
    paths = f"""
      {FIXTURES / 'rules'}/contra*.txt
      desk notes

      {FIXTURES / 'rules' / 'attribution-gap.txt'} troops.txt
    """
    result, output, summary = _run_action(tmp_path, {
        "paths": paths, "fail-on": fail_on, "sarif": "out.sarif", "args": f"--refs {FIXTURES / 'refs'} --jobs 1",
    })
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert "-m pip install" in (tmp_path / "pip.log").read_text(encoding="utf-8")
    kinds = [parse_github(line)[0] for line in result.stdout.splitlines()]
    assert kinds == ["error", "warning", "warning", "notice"], result.stdout  # every line of paths checked; errors first
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert len(log["runs"][0]["results"]) == 4
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    assert (outputs["errors"], outputs["warnings"], outputs["infos"]) == ("1", "2", "1")
    assert outputs["sarif"] == "out.sarif" and json.loads(Path(outputs["report"]).read_text(encoding="utf-8"))["summary"]["files"] == 4
    written = summary.read_text(encoding="utf-8")
    assert "1 error, 2 warnings, 1 info in 4 figures in 4 files" in written
    assert "| `contradicted-figure` | error | 1 |" in written and "### Errors" in written and "contradicted-figure.txt:3:1" in written


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("factcheck") is None or shutil.which("bash") is None, reason="needs the console script and bash")
def test_action_caps_notices_and_keeps_every_error(tmp_path: Path) -> None:
    story = tmp_path / "many.txt"
    story.write_text("Published: 2024-07-27\n\n" + "\n\n".join(
        f"The army said it had deployed {1000 + i} troops to the northern border of Chad." for i in range(14)
    ) + "\n\n" + (FIXTURES / "rules" / "contradicted-figure.txt").read_text(encoding="utf-8").split("\n", 2)[2], encoding="utf-8")
    result, output, _ = _run_action(tmp_path, {"paths": "many.txt", "args": f"--refs {FIXTURES / 'refs'}"})
    kinds = [parse_github(line)[0] for line in result.stdout.splitlines()]
    assert kinds[0] == "error" and kinds.count("notice") == 10, result.stdout
    assert "5 more notices" in result.stdout.splitlines()[-1]  # 9 annotated + 5 = 14
    assert dict(line.split("=", 1) for line in output.read_text().splitlines())["infos"] == "14"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_action_with_nothing_readable_fails_without_outputs(tmp_path: Path) -> None:
    result, output, summary = _run_action(tmp_path, {"paths": "missing.md"})
    assert result.returncode == 2 and "missing.md: no such file" in result.stderr
    assert not summary.exists() and "errors=" not in (output.read_text() if output.exists() else "")
