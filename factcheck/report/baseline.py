"""Baselines: record today's findings so CI fails only on new ones.

A finding is keyed on its file, its rule and a fingerprint of the figure and the sentence it
stands in (whitespace-normalised), never on line numbers: editing other paragraphs, or
moving this one, keeps it baselined; changing the figure or its sentence makes it new.
The same key may occur several times; each baseline entry absorbs one finding.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path, PurePath

from factcheck.errors import ConfigError
from factcheck.models import Claim, Report
from factcheck.report.output import atomic_write

VERSION = 1
Key = tuple[str, str, str]


def fingerprint(claim: Claim) -> str:
    """A stable hash of the figure as written and its sentence."""
    text = "\x1f".join((" ".join(claim.text.split()), " ".join(claim.sentence.split())))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def normal_path(path: str) -> str:
    return PurePath(path).as_posix() if path != "-" else path


def entries(report: Report) -> list[dict[str, str]]:
    """One entry per finding of the report, in a stable order."""
    out = []
    for file in report.files:
        claims = {c.id: c for c in file.claims}
        for finding in file.findings:
            claim = claims[finding.claim]
            out.append({"path": normal_path(file.path), "rule": finding.rule, "fingerprint": fingerprint(claim), "figure": claim.text})
    return sorted(out, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))


def dumps(report: Report) -> str:
    return json.dumps({"factcheck_baseline": VERSION, "findings": entries(report)}, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, report: Report) -> None:
    try:
        atomic_write(path, dumps(report))
    except OSError as exc:
        raise ConfigError(f"cannot write baseline: {exc.strerror or exc}", path) from None


def load(path: Path) -> Counter[Key]:
    """The keys of a baseline file, with their counts."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no such baseline file (create one with --write-baseline)", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline: {exc}", path) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not a baseline file: invalid JSON ({exc.msg})", path, exc.lineno) from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"not a factcheck baseline (version {VERSION})", path)
    keys: Counter[Key] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise ConfigError("baseline entry needs string path, rule and fingerprint", path)
        keys[(normal_path(entry["path"]), entry["rule"], entry["fingerprint"])] += 1
    return keys


def keys(report: Report) -> Counter[Key]:
    """The keys of a report's findings, as a baseline written from it would hold them."""
    return Counter((e["path"], e["rule"], e["fingerprint"]) for e in entries(report))


def apply(report: Report, baseline: Counter[Key]) -> Report:
    """The report without the findings the baseline holds (summary recounted)."""
    left = Counter(baseline)
    files = []
    for file in report.files:
        claims = {c.id: c for c in file.claims}
        kept = []
        for finding in file.findings:
            key = (normal_path(file.path), finding.rule, fingerprint(claims[finding.claim]))
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(finding)
        files.append(file.model_copy(update={"findings": kept}))
    return Report.of(files)


def settle(report: Report, known: Counter[Key] | None, write_to: Path | None) -> Report:
    """The report less the findings a baseline knows; with write_to, record every current
    finding there first (so all of them are then known)."""
    if known is not None:
        report = apply(report, known)
    if write_to is not None:
        write(write_to, report)
        report = apply(report, keys(report))
    return report
