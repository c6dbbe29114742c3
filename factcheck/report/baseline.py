"""Baselines: record today's findings so CI fails only on new ones.

A finding is keyed on its file, its rule and a fingerprint of the figure and the sentence it
stands in (whitespace-normalised), never on line numbers: editing other paragraphs, or
moving this one, keeps it baselined; changing the figure or its sentence makes it new.
The same key may occur several times; each baseline entry absorbs one finding.

Paths in a baseline are relative to the baseline file's folder, so the same baseline works
from any current folder (``cd articles && factcheck --baseline ../b.json .``). A finding about
the file rather than a figure (claim '') is keyed on its rule alone.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path, PurePath

from factcheck.errors import ConfigError
from factcheck.models import Claim, FileReport, Finding, Report
from factcheck.read.decode import read_bytes
from factcheck.report.output import atomic_write

MAX_BASELINE_BYTES = 256 * 1024 * 1024

VERSION = 1
Key = tuple[str, str, str]


def fingerprint(claim: Claim) -> str:
    """A stable hash of the figure as written and its sentence."""
    text = "\x1f".join((" ".join(claim.text.split()), " ".join(claim.sentence.split())))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def finding_fingerprint(finding: Finding, claims: dict[str, Claim]) -> str:
    """The fingerprint of a finding: its figure's, or for a file-level finding its rule's."""
    claim = claims.get(finding.claim)
    if claim is None:
        return hashlib.sha256(f"file\x1f{finding.rule}".encode()).hexdigest()[:32]
    return fingerprint(claim)


def normal_path(path: str) -> str:
    return PurePath(path).as_posix() if path != "-" else path


def _absolute(path: str, base: Path | None = None) -> str:
    """A report path (relative to the current folder) or an entry path (relative to base) made absolute."""
    return os.path.realpath(os.path.join(base if base is not None else os.getcwd(), path))


def _relative(path: str, base: Path) -> str:
    try:
        return PurePath(os.path.relpath(_absolute(path), os.path.realpath(base))).as_posix()
    except ValueError:  # another drive
        return normal_path(path)


def _file_entries(file: FileReport) -> list[tuple[Finding, str, str]]:
    claims = {c.id: c for c in file.claims}
    return [(f, finding_fingerprint(f, claims), claims[f.claim].text if f.claim in claims else "") for f in file.findings]


def entries(report: Report, base: Path | None = None) -> list[dict[str, str]]:
    """One entry per finding of the report, in a stable order; paths relative to base when given."""
    out = []
    for file in report.files:
        path = _relative(file.path, base) if base is not None else normal_path(file.path)
        for finding, key, figure in _file_entries(file):
            out.append({"path": path, "rule": finding.rule, "fingerprint": key, "figure": figure})
    return sorted(out, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))


def dumps(report: Report, base: Path | None = None) -> str:
    return json.dumps({"factcheck_baseline": VERSION, "findings": entries(report, base)}, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, report: Report) -> None:
    try:
        atomic_write(path, dumps(report, Path(path).parent))
    except OSError as exc:
        raise ConfigError(f"cannot write baseline: {exc.strerror or exc}", path) from None


def load(path: Path) -> Counter[Key]:
    """The keys of a baseline file, with their counts (paths made absolute)."""
    raw = read_bytes(Path(path), MAX_BASELINE_BYTES, ConfigError, "baseline file (create one with --write-baseline)")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read baseline: not UTF-8 text ({exc.reason} at byte {exc.start})", path) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not a baseline file: invalid JSON ({exc.msg})", path, exc.lineno) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # nesting 100,000 deep, 5,000-digit integers
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc) or type(exc).__name__
        raise ConfigError(f"not a baseline file: {reason}", path) from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"not a factcheck baseline (version {VERSION})", path)
    base = Path(os.path.realpath(Path(path).parent))
    keys: Counter[Key] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise ConfigError("baseline entry needs string path, rule and fingerprint", path)
        keys[(_absolute(entry["path"], base), entry["rule"], entry["fingerprint"])] += 1
    return keys


def keys(report: Report) -> Counter[Key]:
    """The keys of a report's findings, as a baseline written from it would hold them."""
    return Counter((_absolute(file.path), f.rule, key) for file in report.files for f, key, _ in _file_entries(file))


def apply(report: Report, baseline: Counter[Key]) -> Report:
    """The report without the findings the baseline holds (summary recounted)."""
    left = Counter(baseline)
    files = []
    for file in report.files:
        path = _absolute(file.path)
        kept = []
        for finding, key, _ in _file_entries(file):
            if left[(path, finding.rule, key)] > 0:
                left[(path, finding.rule, key)] -= 1
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
