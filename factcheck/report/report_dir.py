"""``--report-dir``: a Markdown and an HTML report per article, named after the article."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path, PurePath

from factcheck.models import Report
from factcheck.report import Style, render
from factcheck.report.output import atomic_write

_UNSAFE = re.compile(r"[^\w.-]+")


def report_names(paths: list[str]) -> list[str]:
    """A file stem per article: its name without suffix, or its whole path when names clash."""
    stems = [_UNSAFE.sub("_", PurePath(p).stem) or "stdin" for p in paths]
    clashes = Counter(stems)
    names = [
        stem if clashes[stem] == 1 else _UNSAFE.sub("_", PurePath(path).as_posix().strip("/")).strip("_")
        for stem, path in zip(stems, paths)
    ]
    seen: Counter[str] = Counter()
    unique: list[str] = []
    for name in names:
        seen[name] += 1
        unique.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return unique


def write_reports(report: Report, folder: Path, style: Style) -> list[Path]:
    """Write NAME.md and NAME.html for every article of the report; return the paths written."""
    written: list[Path] = []
    for name, file_report in zip(report_names([f.path for f in report.files]), report.files):
        single = Report.of([file_report])
        for suffix, fmt in ((".md", "markdown"), (".html", "html")):
            target = Path(folder) / f"{name}{suffix}"
            atomic_write(target, render(single, fmt, style))
            written.append(target)
    return written
