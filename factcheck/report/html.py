"""One self-contained HTML file: each article with its figures highlighted by verdict, a table
of the figures, and for each figure with a reference series an inline SVG chart of it.

Everything that comes from an article or from reference data is escaped; the page loads
nothing (a Content-Security-Policy forbids it) and runs no script.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from factcheck.models import Claim, FileReport, Finding, Report
from factcheck.report.chart import COLORS, svg
from factcheck.report.markdown import PUBLISHED_FROM, reference
from factcheck.report.text import summary_line

if TYPE_CHECKING:
    from factcheck.report import Style

_SAFE_URL = re.compile(r"https?://[^\s\"'<>]+\Z")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:62rem;padding:0 1rem;color:#212121}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
pre.article{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;border:1px solid #ddd;padding:1rem;font:14px/1.6 ui-monospace,monospace}
mark{padding:0 .1em;border-radius:3px;border-bottom:2px solid}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}figure{display:inline-block;margin:.5rem 1rem .5rem 0;vertical-align:top}figcaption{font-size:12px;max-width:360px}
.legend span{margin-right:1rem}.sev-error{color:#c62828}.sev-warning{color:#e65100}.sev-info{color:#455a64}
""" + "".join(
    f".verdict-{v}{{background:{c}22;border-color:{c}}}" for v, c in COLORS.items()
)


def _link(url: str) -> str:
    if _SAFE_URL.match(url):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _article(text: str, claims: list[Claim], anchor: str) -> str:
    """The original text, escaped, each figure wrapped in a <mark> coloured by verdict."""
    pieces: list[str] = []
    last = 0
    for c in sorted(claims, key=lambda c: c.start):
        if c.start < last or c.end > len(text):
            continue
        pieces.append(escape(text[last:c.start]))
        pieces.append(
            f'<mark id="{anchor}-{c.id}" class="verdict-{c.verdict.value}" '
            f'title="{escape(c.verdict.value + ": " + c.message)}">{escape(text[c.start:c.end])}</mark>'
        )
        last = c.end
    pieces.append(escape(text[last:]))
    return f'<pre class="article">{"".join(pieces)}</pre>'


def _findings(findings: list[Finding]) -> str:
    return "<br>".join(
        f'<span class="sev-{f.severity.value}">{f.severity.value}</span> <code>{escape(f.rule)}</code>: {escape(f.message)}'
        for f in findings
    )


def _table(report: FileReport, findings: dict[str, list[Finding]], anchor: str, has_text: bool) -> str:
    head = "<tr><th>where</th><th>figure</th><th>verdict</th><th>metric</th><th>place</th><th>source</th><th>reference</th><th>findings</th></tr>"
    rows = []
    for c in report.claims:
        where = f'<a href="#{anchor}-{c.id}">{c.line}:{c.column}</a>' if has_text else f"{c.line}:{c.column}"
        ref = reference(c.current, c.metric, escape) + (f"<br>{_link(c.current.source_url)}" if c.current else "")
        rows.append(
            f'<tr id="{anchor}-{c.id}-row"><td>{where}</td><td>{escape(c.text)}</td>'
            f'<td class="verdict-{c.verdict.value}">{c.verdict.value}</td><td>{escape(c.metric)}</td>'
            f"<td>{escape(c.location or '')}</td><td>{escape(c.source or '')}</td><td>{ref}</td>"
            f"<td>{_findings(findings.get(c.id, []))}</td></tr>"
        )
    return f"<table>\n{head}\n" + "\n".join(rows) + "\n</table>"


def _charts(report: FileReport, style: Style, anchor: str) -> str:
    figures = []
    for c in report.claims:
        ref = c.reference or c.current
        if ref is None:
            continue
        series = list(style.series(ref)) if style.series else [r for r in (c.reference, c.current) if r is not None]
        if c.current is not None and c.current not in series:
            series.append(c.current)
        label = f"{c.text} ({c.verdict.value}) against {ref.source}"
        figures.append(
            f'<figure id="{anchor}-{c.id}-chart">{svg(series, c, report.published, label)}'
            f"<figcaption>line {c.line}: <strong>{escape(c.text)}</strong> ({c.verdict.value}) against "
            f"{escape(ref.source)}, {len(series)} data point{'s' if len(series) != 1 else ''}; dashed: the figure, "
            f"blue: publication date</figcaption></figure>"
        )
    return "\n".join(figures) if figures else "<p>No figure has a reference series.</p>"


def _file(report: FileReport, number: int, style: Style) -> str:
    anchor = f"f{number}"
    findings: dict[str, list[Finding]] = {}
    for f in report.findings:
        findings.setdefault(f.claim, []).append(f)
    text = style.texts.get(report.path)
    article = _article(text, report.claims, anchor) if text is not None else "<p>The article text is not available.</p>"
    counts = f"{len(report.claims)} figure{'s' if len(report.claims) != 1 else ''}, {len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}"
    return "\n".join([
        f'<section class="file" id="{anchor}">',
        f"<h2>{escape(report.path)}</h2>",
        f"<p>Published {report.published or 'unknown'} ({escape(PUBLISHED_FROM[report.published_from])}). {counts}.</p>",
        "<h3>Article</h3>",
        article,
        "<h3>Figures</h3>",
        _table(report, findings, anchor, text is not None) if report.claims else "<p>No figures found.</p>",
        "<h3>Reference series</h3>",
        _charts(report, style, anchor),
        "</section>",
    ])


def render(report: Report, style: Style) -> str:
    title = "Fact-check report" + (f": {report.files[0].path}" if len(report.files) == 1 else "")
    legend = "".join(f'<span><mark class="verdict-{v}">{v}</mark></span>' for v in COLORS)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<h1>Fact-check report</h1>",
        f'<p class="summary">{escape(summary_line(report))}</p>',
        f'<p class="legend">{legend}</p>',
        *(_file(f, i, style) for i, f in enumerate(report.files, 1)),
        "</body>",
        "</html>",
    ]) + "\n"
