"""SARIF 2.1.0 for GitHub code scanning: the rule table from the registry, one result per finding.

Columns are code points (``columnKind``), ``endColumn`` is exclusive as SARIF defines it, and
``partialFingerprints`` carries the baseline fingerprint (figure and sentence, not lines), so
an alert survives edits elsewhere in the article.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.models import Report, Severity
from factcheck.report.baseline import fingerprint
from factcheck.rules import REGISTRY

if TYPE_CHECKING:
    from factcheck.report import Style

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
FINGERPRINT_KEY = "factcheckFigure/v1"


def artifact_location(path: str) -> dict[str, str]:
    """A relative path becomes a URI relative to the source root; an absolute one a file URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def rules_table() -> list[dict[str, Any]]:
    out = []
    for rule_id, registered in REGISTRY.items():
        rule = registered.rule
        out.append({
            "id": rule_id,
            "name": rule.name.title().replace(" ", "").replace("-", ""),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.description},
            "help": {
                "text": f"{rule.summary}\n\n{rule.description}",
                "markdown": f"**{rule.name}** (`{rule_id}`, {rule.severity.value})\n\n{rule.summary}\n\n{rule.description}",
            },
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": ["factcheck", "news"], "precision": "medium", "problem.severity": rule.severity.value},
        })
    return out


def document(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data."""
    index = {rule_id: i for i, rule_id in enumerate(REGISTRY)}
    results = []
    for file in report.files:
        claims = {c.id: c for c in file.claims}
        for finding in file.findings:
            claim = claims[finding.claim]
            result: dict[str, Any] = {"ruleId": finding.rule}
            if finding.rule in index:
                result["ruleIndex"] = index[finding.rule]
            result |= {
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact_location(file.path),
                        "region": {
                            "startLine": finding.line, "startColumn": finding.column,
                            "endLine": finding.end_line, "endColumn": finding.end_column,
                            "snippet": {"text": claim.text},
                        },
                    },
                }],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(claim)},
                "properties": {"verdict": claim.verdict.value, "claim": claim.id, "metric": claim.metric},
            }
            results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck", "version": __version__, "semanticVersion": __version__,
                "rules": rules_table(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report: Report, style: Style) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"
