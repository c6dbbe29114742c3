"""The CI formats against their schemas or parsers: JUnit and checkstyle (XSD), GitLab Code
Quality (JSON Schema), SARIF fixes and help links; the rule pages and the configuration schema
kept current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from factcheck.models import Report
from factcheck.report import render
from factcheck.rules import REGISTRY

from ..conftest import ROOT

SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
REPORT = ROOT / "tests" / "fixtures" / "formats" / "article.report.json"


@pytest.fixture(scope="module")
def report() -> Report:
    """The fixture report, with a file-level finding and a suggested correction added."""
    base = Report.model_validate_json(REPORT.read_text(encoding="utf-8"))
    file = base.files[0]
    claims = [c.model_copy(update={"suggestion": "32"}) if c.verdict.value == "outdated" else c for c in file.claims]
    note = file.findings[0].model_copy(update={"rule": "bad-suppression", "claim": "", "line": 1, "column": 1, "end_line": 1, "end_column": 1,
                                               "message": "'igonre' is not a factcheck directive"})
    return Report.of([file.model_copy(update={"claims": claims, "findings": [note, *file.findings]})])


def test_junit_validates_and_counts_failures(report: Report) -> None:
    out = render(report, "junit")
    xmlschema.XMLSchema(SCHEMAS / "junit.xsd").validate(out)
    tree = xmlschema.XMLSchema(SCHEMAS / "junit.xsd").to_dict(out)
    (suite,) = tree["testsuite"]
    failing = {f.claim for f in report.files[0].findings if f.severity.value in ("error", "warning")}
    assert suite["@failures"] == len(failing) and suite["@tests"] == len(report.files[0].claims) + 1


def test_checkstyle_validates_with_one_error_per_finding(report: Report) -> None:
    out = render(report, "checkstyle")
    schema = xmlschema.XMLSchema(SCHEMAS / "checkstyle.xsd")
    schema.validate(out)
    (file,) = schema.to_dict(out)["file"]
    assert [e["@source"] for e in file["error"]] == [f"factcheck.{f.rule}" for f in report.files[0].findings]


def test_gitlab_validates_and_fingerprints_are_unique(report: Report) -> None:
    issues = json.loads(render(report, "gitlab"))
    jsonschema.validate(issues, json.loads((SCHEMAS / "gitlab-codequality.schema.json").read_text(encoding="utf-8")))
    assert len({i["fingerprint"] for i in issues}) == len(issues) == len(report.files[0].findings)
    moved = report.files[0].model_copy(update={"findings": [f.model_copy(update={"line": f.line + 3, "end_line": f.end_line + 3}) for f in report.files[0].findings]})
    assert [i["fingerprint"] for i in json.loads(render(Report.of([moved]), "gitlab"))] == [i["fingerprint"] for i in issues]


def test_sarif_has_help_links_fixes_and_the_publication_date(report: Report) -> None:
    log = json.loads(render(report, "sarif"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    (run,) = log["runs"]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert (ROOT / "docs" / "rules" / f"{rule['id']}.md").exists()
    fixed = [r for r in run["results"] if "fixes" in r]
    assert [r["ruleId"] for r in fixed] == ["outdated-figure"]
    (change,) = fixed[0]["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "32" and replacement["deletedRegion"]["startLine"] == fixed[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert run["properties"]["published_from"] == {"tests/fixtures/formats/article.md": "article"}
    assert {r["properties"]["published"] for r in run["results"]} == {"2024-07-27"}


def test_json_carries_the_suggestion(report: Report) -> None:
    claims = json.loads(render(report, "json"))["files"][0]["claims"]
    assert [c["suggestion"] for c in claims if c["verdict"] == "outdated"] == ["32"]


def test_csv_cells_never_start_a_formula() -> None:
    from factcheck.report.csv_format import cell

    for hostile in ("=1+2", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\n=1"):
        assert cell(hostile).startswith("'")
    assert cell("Gaza") == "Gaza" and cell(39000) == "39000"


def test_rule_pages_are_generated_from_the_registry_and_current(request: pytest.FixtureRequest) -> None:
    from factcheck.report.rule_docs import pages, write

    folder = ROOT / "docs" / "rules"
    if request.config.getoption("--update-golden"):
        write(folder)
    fresh = pages()
    assert set(fresh) == {"README.md", *(f"{rule_id}.md" for rule_id in REGISTRY)}
    stored = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    assert stored == fresh, "docs/rules is stale: run pytest --update-golden (or factcheck rules --docs docs/rules)"
    for rule_id in REGISTRY:
        page = fresh[f"{rule_id}.md"]
        assert all(h in page for h in ("## What it finds", "## Why", "## How to fix it", "## How to suppress it")), rule_id


def test_config_schema_is_shipped_and_validates_the_documented_example(runner, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    import tomllib

    from factcheck.cli.app import app
    from factcheck.config import config_schema_json, shipped_config_schema

    if request.config.getoption("--update-golden"):
        (ROOT / "factcheck" / "config.schema.json").write_text(config_schema_json(), encoding="utf-8")
    assert runner.invoke(app, ["schema", "--config"]).stdout == config_schema_json() == shipped_config_schema()
    schema = json.loads(config_schema_json())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Configuration", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    jsonschema.validate(tomllib.loads(example), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"fial-on": "x"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"rules": {"attribution-gaps": "off"}}, schema)


def test_extra_refs_from_the_file_and_the_command_line(tmp_path: Path) -> None:
    from factcheck.config import resolve

    (tmp_path / "factcheck.toml").write_text('extra-refs = ["local"]\n', encoding="utf-8")
    settings = resolve([str(tmp_path)])
    assert settings.options().extra_refs == (tmp_path.resolve() / "local",) and settings.options().refs == ()
    assert settings.override(extra_refs=[Path("other.csv")]).options().extra_refs == (Path("other.csv"),)
    assert 'extra-refs = ["' in settings.to_toml()
