"""The archive's discrepancy report, computed with pandas and rendered as Markdown or JSON
(HTML: ``archive.html``).

Sections: totals by rule and severity; the series quoted most, with how often each is quoted
outdated or contradicted; articles ranked by findings; a timeline of outdated quotes per
series (by month of publication); the reference rows behind the verdicts, ranked by the
claims resting on them; the findings of the articles ranked first; articles that failed.
Everything is sorted with ties broken by name, so the same store gives the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

import pandas as pd

from factcheck.archive.frames import Frames, load
from factcheck.archive.store import Store
from factcheck.models import Severity, Verdict
from factcheck.reference.rows import fmt
from factcheck.report.markdown import escape, link

VERDICTS = [v.value for v in Verdict]
SEVERITIES = [s.value for s in sorted(Severity, key=lambda s: -s.rank)]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def series_label(sid: str) -> str:
    """'killed, Gaza, Gaza Ministry of Health, since 2023-10-07' from a series id."""
    parts = json.loads(sid)
    metric, place, subject, source, since, *rest = parts + [None] * (5 - len(parts))
    words = [metric, place or "any place", subject, source, f"since {since}" if since else None, *(r for r in rest if r)]
    return ", ".join(str(w) for w in words if w)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict("records"):
        out.append({str(k): (None if _missing(v) else v.item() if hasattr(v, "item") else v) for k, v in row.items()})
    return out


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def summarise(frames: Frames, top: int) -> dict[str, Any]:
    """The report's data: plain lists and numbers, ready for any format."""
    paths, claims, findings = frames.paths, frames.claims, frames.findings
    judged = claims[claims["verdict"].notna()]
    severity = findings["severity"].value_counts()
    data: dict[str, Any] = {
        "summary": {
            "articles": int(len(paths)),
            "unreadable": int(paths["read_error"].notna().sum()),
            "failed": int(paths["error"].notna().sum()),
            "claims": int(len(claims)),
            "judged": int(len(judged)),
            **{f"{s}s": int(severity.get(s, 0)) for s in SEVERITIES},
        },
    }
    rules = findings.groupby(["rule", "severity"], sort=True).agg(findings=("n", "size"), articles=("path", "nunique")).reset_index()
    data["rules"] = _records(rules.sort_values(["findings", "rule", "severity"], ascending=[False, True, True], kind="stable"))
    quoted = judged[judged["series"].notna()]
    counts = pd.crosstab(quoted["series"], quoted["verdict"]).reindex(columns=VERDICTS, fill_value=0)
    counts["quotes"] = counts.sum(axis=1)
    counts["outdated_or_contradicted"] = counts["outdated"] + counts["contradicted"]
    counts = counts.reset_index().sort_values(["quotes", "series"], ascending=[False, True], kind="stable").head(top)
    counts.insert(1, "label", counts["series"].map(series_label))
    data["series"] = _records(counts)
    per = findings.pivot_table(index="path", columns="severity", values="n", aggfunc="size", fill_value=0)
    per = per.reindex(columns=SEVERITIES, fill_value=0).rename(columns=lambda s: f"{s}s")
    per["findings"] = per.sum(axis=1)
    per = per.join(claims.groupby("path").size().rename("claims")).reset_index()
    per = per.merge(paths[["path", "published"]], on="path", how="left")
    order = ["errors", "warnings", "infos", "path"]
    per = per.sort_values(order, ascending=[False, False, False, True], kind="stable").head(top)
    data["articles"] = _records(per[["path", "published", "claims", "errors", "warnings", "infos", "findings"]])
    data["timeline"] = _timeline(judged)
    data["rows"] = _rows(judged, top)
    shown = set(per["path"])
    detail = findings[findings["path"].isin(shown)]
    data["findings"] = _records(detail[["path", "line", "column", "rule", "severity", "text", "message"]])
    failed = paths[paths["read_error"].notna() | paths["error"].notna()]
    failed = failed.assign(reason=failed["read_error"].fillna(failed["error"]))
    data["failed"] = _records(failed[["path", "reason"]])
    return data


def _timeline(judged: pd.DataFrame) -> list[dict[str, Any]]:
    """Per series with outdated quotes: their count by month of publication."""
    outdated = judged[(judged["verdict"] == "outdated") & judged["series"].notna() & judged["published"].notna()]
    if outdated.empty:
        return []
    outdated = outdated.assign(month=outdated["published"].map(lambda d: f"{d.year:04d}-{d.month:02d}"))
    by = outdated.groupby(["series", "month"], sort=True).size().rename("outdated").reset_index()
    totals = by.groupby("series")["outdated"].sum().sort_index()
    order = sorted(totals.index, key=lambda s: (-int(totals[s]), s))
    return [
        {"series": s, "label": series_label(s), "outdated": int(totals[s]), "months": _records(by[by["series"] == s][["month", "outdated"]])}
        for s in order
    ]


def _rows(judged: pd.DataFrame, top: int) -> list[dict[str, Any]]:
    """The reference rows the verdicts rest on, with the claims each verdict rests on them."""
    cols = ["reference_file", "reference_row", "reference_value", "reference_as_of", "reference_source", "reference_source_url"]
    rows = judged[judged["reference_file"].notna()]
    if rows.empty:
        return []
    table = pd.crosstab([rows[c] for c in cols], rows["verdict"]).reindex(columns=VERDICTS, fill_value=0)
    table["claims"] = table.sum(axis=1)
    table = table.reset_index().rename(columns=lambda c: c.removeprefix("reference_"))
    table["row"] = table["row"].astype("int64")
    table = table.sort_values(["claims", "file", "row"], ascending=[False, True, True], kind="stable").head(top)
    return _records(table)


def render(store: Store, format: str, top: int = 20) -> tuple[str, list[str]]:
    """The report in a format ('markdown', 'html', 'json') and the warnings about the store."""
    frames = load(store)
    data = summarise(frames, top)
    if format == "json":
        text = json.dumps({"report": "factcheck-archive", "version": 1, **data}, ensure_ascii=False, indent=2, default=str) + "\n"
    elif format == "html":
        from factcheck.archive.html import render_html

        text = render_html(data)
    else:
        text = render_markdown(data)
    return _CONTROL.sub("\ufffd", text), frames.warnings


def _cell(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return ["(none)", ""]
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(r) + " |" for r in rows), ""]


def render_markdown(data: dict[str, Any]) -> str:
    s = data["summary"]
    lines = [
        "# Archive discrepancy report", "",
        f"{s['articles']} articles ({s['unreadable']} unreadable, {s['failed']} failed), {s['claims']} claims ({s['judged']} judged): "
        f"{s['errors']} errors, {s['warnings']} warnings, {s['infos']} infos.", "",
        "## Findings by rule and severity", "",
        *_table(["rule", "severity", "findings", "articles"], [[_cell(r["rule"]), _cell(r["severity"]), str(r["findings"]), str(r["articles"])] for r in data["rules"]]),
        "## Series quoted most", "",
        *_table(
            ["series", "quotes", "supported", "outdated", "contradicted", "unverifiable", "outdated or contradicted"],
            [[_cell(r["label"]), str(r["quotes"]), *(str(r[v]) for v in VERDICTS), _share(r["outdated_or_contradicted"], r["quotes"])] for r in data["series"]],
        ),
        "## Articles ranked by findings", "",
        *_table(
            ["article", "published", "claims", "errors", "warnings", "infos"],
            [[_cell(r["path"]), _cell(r["published"]), str(r["claims"] or 0), str(r["errors"]), str(r["warnings"]), str(r["infos"])] for r in data["articles"]],
        ),
        "## Outdated quotes over time", "",
    ]
    for series in data["timeline"]:
        months = ", ".join(f"{m['month']}: {m['outdated']}" for m in series["months"])
        lines.append(f"- {_cell(series['label'])} ({series['outdated']}): {months}")
    lines += ["" if data["timeline"] else "(none)", "", "## The reference rows behind the verdicts", ""]
    lines += _table(
        ["row", "value", "as of", "source", "claims", "supported", "outdated", "contradicted", "unverifiable"],
        [[f"{_cell(PurePath(r['file']).name)}:{r['row']}", fmt(r["value"]), _cell(r["as_of"]), f"{_cell(r['source'])} ({link(r['source_url'])})",
          str(r["claims"]), *(str(r[v]) for v in VERDICTS)] for r in data["rows"]],
    )
    lines += ["## Findings in the articles ranked first", ""]
    lines += _table(
        ["where", "severity", "rule", "figure", "message"],
        [[f"{_cell(r['path'])}:{r['line']}:{r['column']}", _cell(r["severity"]), _cell(r["rule"]), _cell(r["text"]), _cell(r["message"])] for r in data["findings"]],
    )
    if data["failed"]:
        lines += ["## Articles not checked", "", *_table(["article", "why"], [[_cell(r["path"]), _cell(r["reason"])] for r in data["failed"]])]
    return "\n".join(lines).rstrip("\n") + "\n"


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f} %)" if whole else "0"
