"""SARIF 2.1.0 for GitHub code scanning: the rule table from the registry, one result per finding.

Columns are code points (``columnKind``), ``endColumn`` is exclusive as SARIF defines it, and
``partialFingerprints`` carries the baseline fingerprint (figure and sentence, not lines), so
an alert survives edits elsewhere in the article. Every rule has a ``helpUri`` (its page in
``docs/rules``); a figure with a suggested correction has a ``fixes`` entry (GitHub and
reviewdog offer it as a one-click change; factcheck itself never edits an article). The
publication date each article was judged at, and where it came from (``published_from``),
are in the run's and each result's properties. Relative paths become URIs under
``%SRCROOT%`` (the current folder) with no ``..`` step; a path outside it is a ``file:`` URI.
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.models import Claim, Finding, Report, Severity
from factcheck.report.baseline import finding_fingerprint
from factcheck.report.rule_docs import help_uri
from factcheck.rules import REGISTRY

if TYPE_CHECKING:
    from factcheck.report import Style

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
FINGERPRINT_KEY = "factcheckFigure/v1"
CORRECTED = frozenset({"outdated-figure", "contradicted-figure"})


def artifact_location(path: str) -> dict[str, str]:
    """A URI under %SRCROOT% for a path inside the current folder; a file URI otherwise."""
    pure = PurePath(path)
    if not pure.is_absolute():
        normal = posixpath.normpath(pure.as_posix())
        if normal != ".." and not normal.startswith("../"):
            return {"uri": quote(normal, safe="/"), "uriBaseId": "%SRCROOT%"}
    absolute = Path(os.path.abspath(path))
    try:
        inside = absolute.relative_to(Path(os.path.abspath(os.curdir)))
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(inside.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def rules_table() -> list[dict[str, Any]]:
    out = []
    for rule_id, registered in REGISTRY.items():
        rule = registered.rule
        out.append({
            "id": rule_id,
            "name": rule.name.title().replace(" ", "").replace("-", ""),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.description},
            "helpUri": help_uri(rule_id),
            "help": {
                "text": f"{rule.summary}\n\n{rule.description}",
                "markdown": f"**{rule.name}** (`{rule_id}`, {rule.severity.value})\n\n{rule.summary}\n\n{rule.description}",
            },
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": ["factcheck", "news"], "precision": "medium", "problem.severity": rule.severity.value},
        })
    return out


def _region(finding: Finding) -> dict[str, int]:
    return {"startLine": finding.line, "startColumn": finding.column, "endLine": finding.end_line, "endColumn": finding.end_column}


def _fix(claim: Claim, finding: Finding, location: dict[str, str]) -> dict[str, Any]:
    ref = claim.current
    source = f" ({ref.source}, as of {ref.as_of})" if ref is not None else ""
    return {
        "description": {"text": f"Replace {' '.join(claim.text.split())!r} with {claim.suggestion!r}{source}"},
        "artifactChanges": [{
            "artifactLocation": location,
            "replacements": [{"deletedRegion": _region(finding), "insertedContent": {"text": claim.suggestion}}],
        }],
    }


def document(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data."""
    index = {rule_id: i for i, rule_id in enumerate(REGISTRY)}
    results = []
    published: dict[str, str | None] = {}
    published_from: dict[str, str] = {}
    for file in report.files:
        claims = {c.id: c for c in file.claims}
        location = artifact_location(file.path)
        published[location["uri"]] = str(file.published) if file.published else None
        published_from[location["uri"]] = file.published_from
        for finding in file.findings:
            claim = claims.get(finding.claim)
            result: dict[str, Any] = {"ruleId": finding.rule}
            if finding.rule in index:
                result["ruleIndex"] = index[finding.rule]
            region: dict[str, Any] = _region(finding)
            if claim is not None:
                region["snippet"] = {"text": claim.text}
            properties: dict[str, Any] = {"published": published[location["uri"]], "published_from": file.published_from}
            if claim is not None:
                properties |= {"verdict": claim.verdict.value, "claim": claim.id, "metric": claim.metric}
            result |= {
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
                "partialFingerprints": {FINGERPRINT_KEY: finding_fingerprint(finding, claims)},
                "properties": properties,
            }
            if claim is not None and claim.suggestion and finding.rule in CORRECTED:
                result["fixes"] = [_fix(claim, finding, location)]
            results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck", "version": __version__, "semanticVersion": __version__,
                "informationUri": help_uri(None), "rules": rules_table(),
            }},
            "columnKind": "unicodeCodePoints",
            "properties": {"published": published, "published_from": published_from},
            "results": results,
        }],
    }


def render(report: Report, style: Style) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"
