"""CI integration files: the pre-commit hook and the composite GitHub Action, run for real."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
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


@pytest.mark.skipif(shutil.which("factcheck") is None or shutil.which("bash") is None, reason="needs the console script and bash")
@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("never", 0)])
def test_action_check_step_writes_sarif_and_annotations(tmp_path: Path, fail_on: str, code: int) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    output = tmp_path / "github_output"
    env = {
        **os.environ, "GITHUB_OUTPUT": str(output), "NO_COLOR": "1",
        "FC_PATHS": f"{FIXTURES / 'rules'}/contra*.txt {FIXTURES / 'rules' / 'attribution-gap.txt'}",
        "FC_FAIL_ON": fail_on, "FC_MIN_SEVERITY": "", "FC_CONFIG": "", "FC_BASELINE": "",
        "FC_SARIF": str(tmp_path / "out.sarif"), "FC_ARGS": f"--refs {FIXTURES / 'refs'}",
    }
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == code, result.stderr
    lines = result.stdout.splitlines()
    assert [parse_github(line)[0] for line in lines] == ["error", "warning"]
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert len(log["runs"][0]["results"]) == 2
    assert output.read_text(encoding="utf-8").strip() == f"sarif={tmp_path / 'out.sarif'}"
