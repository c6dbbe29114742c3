"""CSV, one row per finding, for a spreadsheet. A cell that a spreadsheet could run as a
formula (led by ``=``, ``+``, ``-``, ``@``, a tab, CR, LF or a space, which may hide one) is
prefixed with ``'`` (OWASP's advice), so opening the file runs nothing."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from factcheck.judge.verdict import fmt
from factcheck.models import Report

if TYPE_CHECKING:
    from factcheck.report import Style

HEADER = ("path", "line", "column", "severity", "rule", "message", "figure", "verdict", "metric", "place", "source",
          "reference", "reference_as_of", "reference_source", "reference_url")
_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n", " ")


def cell(value: object) -> str:
    """A cell as text, guarded against formula injection."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_LEADS) else text


def render(report: Report, style: Style) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for file in report.files:
        claims = {c.id: c for c in file.claims}
        for f in file.findings:
            c = claims.get(f.claim)
            ref = c.current if c is not None else None
            writer.writerow([cell(v) for v in (
                file.path, f.line, f.column, f.severity.value, f.rule, f.message,
                " ".join(c.text.split()) if c else "", c.verdict.value if c else "", c.metric if c else "",
                c.location if c else "", c.source if c else "",
                fmt(ref.value, c.metric) if ref and c else "", ref.as_of if ref else "", ref.source if ref else "",
                ref.source_url if ref else "",
            )])
    return out.getvalue()
