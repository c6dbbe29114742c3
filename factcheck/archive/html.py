"""The archive report as one self-contained HTML page: tables, and per series an inline SVG
bar chart of its outdated quotes by month. No script, nothing loaded; all text escaped."""

from __future__ import annotations

from html import escape
from pathlib import PurePath
from typing import Any

from factcheck.reference.rows import fmt

_VERDICTS = ("supported", "outdated", "contradicted", "unverifiable")
_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}"
    "table{border-collapse:collapse;margin:0 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}"
    "td.n{text-align:right}th{background:#f3f3f3}.error{color:#a40000}.warning{color:#8a5a00}.info{color:#555}"
    "figure{margin:0 0 1.5rem}figcaption{font-weight:600;margin-bottom:.25rem}svg text{font-size:11px;fill:#444}"
)


def _e(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    if not rows:
        return "<p>(none)</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td class=\"n\">{c}</td>" if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def bars(months: list[dict[str, Any]], label: str) -> str:
    """An SVG bar chart of outdated quotes per month, every month from the first to the last."""
    counts = {m["month"]: int(m["outdated"]) for m in months}
    axis = _months(min(counts), max(counts))
    top = max(counts.values())
    width, height, left, bottom = 640, 140, 34, 22
    step = (width - left - 8) / len(axis)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label, quote=True)}">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" stroke="#888"/>',
        f'<text x="{left - 4}" y="16" text-anchor="end">{top}</text><text x="{left - 4}" y="{height - bottom}" text-anchor="end">0</text>',
    ]
    for i, month in enumerate(axis):
        count = counts.get(month, 0)
        h = (height - bottom - 12) * count / top
        x = left + i * step
        parts.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{height - bottom - h:.1f}" width="{step * 0.8:.1f}" height="{h:.1f}" fill="#c77c00">'
            f"<title>{month}: {count}</title></rect>"
        )
    parts.append(f'<text x="{left}" y="{height - 6}">{axis[0]}</text>')
    if len(axis) > 1:
        parts.append(f'<text x="{width - 4}" y="{height - 6}" text-anchor="end">{axis[-1]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(data: dict[str, Any]) -> str:
    s = data["summary"]
    out = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', "<title>Archive discrepancy report</title>",
        f"<style>{_STYLE}</style></head><body>", "<h1>Archive discrepancy report</h1>",
        f"<p>{s['articles']} articles ({s['unreadable']} unreadable, {s['failed']} failed), {s['claims']} claims ({s['judged']} judged): "
        f"<span class=\"error\">{s['errors']} errors</span>, <span class=\"warning\">{s['warnings']} warnings</span>, "
        f"<span class=\"info\">{s['infos']} infos</span>.</p>",
        "<h2>Findings by rule and severity</h2>",
        _table(["rule", "severity", "findings", "articles"],
               [[_e(r["rule"]), f'<span class="{_e(r["severity"])}">{_e(r["severity"])}</span>', str(r["findings"]), str(r["articles"])] for r in data["rules"]], {2, 3}),
        "<h2>Series quoted most</h2>",
        _table(["series", "quotes", *_VERDICTS, "outdated or contradicted"],
               [[_e(r["label"]), str(r["quotes"]), *(str(r[v]) for v in _VERDICTS), str(r["outdated_or_contradicted"])] for r in data["series"]],
               {1, 2, 3, 4, 5, 6}),
        "<h2>Articles ranked by findings</h2>",
        _table(["article", "published", "claims", "errors", "warnings", "infos"],
               [[_e(r["path"]), _e(r["published"]), str(r["claims"] or 0), str(r["errors"]), str(r["warnings"]), str(r["infos"])] for r in data["articles"]],
               {2, 3, 4, 5}),
        "<h2>Outdated quotes over time</h2>",
    ]
    for series in data["timeline"]:
        out.append(f"<figure><figcaption>{_e(series['label'])}: {series['outdated']} outdated</figcaption>{bars(series['months'], series['label'])}</figure>")
    if not data["timeline"]:
        out.append("<p>(none)</p>")
    out += [
        "<h2>The reference rows behind the verdicts</h2>",
        _table(["row", "value", "as of", "source", "claims", *_VERDICTS],
               [[f"{_e(PurePath(r['file']).name)}:{r['row']}", fmt(r["value"]), _e(r["as_of"]), _source(r), str(r["claims"]), *(str(r[v]) for v in _VERDICTS)]
                for r in data["rows"]], {1, 4, 5, 6, 7, 8}),
        "<h2>Findings in the articles ranked first</h2>",
        _table(["where", "severity", "rule", "figure", "message"],
               [[f"{_e(r['path'])}:{r['line']}:{r['column']}", f'<span class="{_e(r["severity"])}">{_e(r["severity"])}</span>', _e(r["rule"]), _e(r["text"]), _e(r["message"])]
                for r in data["findings"]]),
    ]
    if data["failed"]:
        out += ["<h2>Articles not checked</h2>", _table(["article", "why"], [[_e(r["path"]), _e(r["reason"])] for r in data["failed"]])]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _source(row: dict[str, Any]) -> str:
    url = str(row.get("source_url") or "")
    name = _e(row.get("source"))
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url, quote=True)}">{name}</a>'
    return name
