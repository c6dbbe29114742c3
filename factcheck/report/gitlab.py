"""GitLab Code Quality: a JSON array of issues (``artifacts: reports: codequality``), each with
description, check_name, a fingerprint unique in the report, severity and location.

The fingerprint is the baseline's (figure and sentence, not line numbers) with the rule and
the occurrence, so an issue keeps its identity across edits elsewhere and GitLab shows each."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from factcheck.models import Report, Severity
from factcheck.report.baseline import finding_fingerprint

if TYPE_CHECKING:
    from factcheck.report import Style

SEVERITIES = {Severity.error: "major", Severity.warning: "minor", Severity.info: "info"}


def _repository_path(path: str) -> str:
    """The path relative to the current folder (the repository) when it is inside it."""
    inside = os.path.relpath(os.path.abspath(path), os.path.abspath(os.curdir))
    return PurePath(inside if not inside.startswith("..") else path).as_posix()


def issues(report: Report) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    for file in report.files:
        claims = {c.id: c for c in file.claims}
        path = _repository_path(file.path)
        for f in file.findings:
            key = f"{path}\x1f{f.rule}\x1f{finding_fingerprint(f, claims)}"
            seen[key] += 1
            fingerprint = hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest()[:32]
            out.append({
                "type": "issue",
                "description": f.message,
                "check_name": f.rule,
                "fingerprint": fingerprint,
                "severity": SEVERITIES[f.severity],
                "categories": ["Clarity"],
                "location": {
                    "path": path,
                    "lines": {"begin": f.line, "end": f.end_line},
                    "positions": {"begin": {"line": f.line, "column": f.column}, "end": {"line": f.end_line, "column": f.end_column}},
                },
            })
    return out


def render(report: Report, style: Style) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
