"""The desk report: one self-contained HTML file an editor reads top to bottom.

Per article: the findings first, most severe first, each quoting its sentence with the figure
marked and the reference series charted beside it; then the article as prose (front matter,
comments, code and Markdown syntax not shown raw) with every figure marked by verdict, in
colour and with an icon and text; then a captioned table of every figure; then the charts of
the figures without findings.

Everything that comes from an article or from reference data is escaped, and invisible or
reordering characters (terminal escapes, C1 controls, bidi overrides such as U+202E) are shown
as visible code points, never passed on raw. The page loads nothing (a Content-Security-Policy
forbids it) and runs no script. Every text colour meets WCAG AA (4.5:1) on its background.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING

from factcheck.models import Claim, FileReport, Finding, Reference, Report, Severity
from factcheck.read.document import Document
from factcheck.report.chart import chartable, svg
from factcheck.report.markdown import PUBLISHED_FROM, reference
from factcheck.report.text import summary_line

if TYPE_CHECKING:
    from factcheck.report import Style

_SAFE_URL = re.compile(r"https?://[^\s\"'<>]+\Z")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# C0/C1 controls but tab and line breaks, bidi embeddings, overrides and isolates, zero-width
# and other invisible format characters, the byte-order mark, interlinear annotation marks.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
ICONS = {"supported": "\u2713", "contradicted": "\u2717", "outdated": "\u21ba", "unverifiable": "?"}
VERDICT_TEXT = {"supported": "supported", "contradicted": "contradicted", "outdated": "outdated", "unverifiable": "not checked"}
# (text, background) pairs; tests compute every pair's contrast from this stylesheet.
PALETTE = {
    "supported": ("#0d5323", "#e6f4ea"), "contradicted": ("#a50e0e", "#fce8e6"),
    "outdated": ("#7a3300", "#fdefdc"), "unverifiable": ("#3c4043", "#eeeeee"),
}
SEVERITY = {"error": ("#ffffff", "#b3261e"), "warning": ("#ffffff", "#8a4500"), "info": ("#ffffff", "#4f5b62")}
CSS = (
    "body{font:16px/1.55 system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#1f1f1f;background:#ffffff}"
    "h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:2px solid #c4c7c5;padding-bottom:.2rem}"
    "h3{font-size:1.1rem;margin-top:2rem}a{color:#0b57d0}.muted{color:#4f5b62}"
    ".legend{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;padding:0;list-style:none}"
    "mark{padding:0 .15em;border-radius:3px;border-bottom:2px solid}"
    "mark .icon{font-weight:700;margin-right:.15em}"
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
    ".badge{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .45em;border-radius:3px;text-transform:uppercase;letter-spacing:.03em}"
    ".finding{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-start;border:1px solid #c4c7c5;border-left-width:6px;"
    "background:#fafafa;padding:.75rem 1rem;margin:1rem 0}"
    ".finding-text{flex:1 1 20rem;min-width:0}.finding-text p{margin:.35rem 0}.finding ul{margin:.35rem 0;padding-left:1.2rem}"
    "blockquote{margin:.5rem 0;padding:.35rem .75rem;border-left:4px solid #c4c7c5;background:#f1f3f4;color:#1f1f1f}"
    "figure{margin:0}figure.chart{flex:0 0 360px;max-width:100%}figcaption{font-size:.85rem;color:#3c4043;max-width:360px}"
    ".charts{display:flex;flex-wrap:wrap;gap:1.5rem}"
    ".article{border:1px solid #c4c7c5;padding:.25rem 1.25rem;background:#ffffff}.article .heading{font-weight:700;font-size:1.15rem}"
    ".article .quote{border-left:4px solid #c4c7c5;padding-left:.75rem}.front{font-size:.9rem;color:#4f5b62}"
    "a.jump{font-size:.75rem;vertical-align:super;margin-left:.1em}"
    ".ctl{font:.8em ui-monospace,monospace;border:1px solid #a50e0e;border-radius:2px;padding:0 .15em;color:#a50e0e;background:#fff5f5}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}caption{text-align:left;font-weight:700;padding:.35rem 0;color:#1f1f1f}"
    "th,td{border:1px solid #c4c7c5;padding:.3rem .45rem;text-align:left;vertical-align:top}thead th{background:#f1f3f4;color:#1f1f1f}"
    "tbody th{font-weight:400}"
    + "".join(f".verdict-{v}{{color:{fg};background:{bg};border-color:{fg}}}" for v, (fg, bg) in PALETTE.items())
    + "".join(f".sev-{s}{{color:{fg};background:{bg}}}.finding-{s}{{border-left-color:{bg}}}" for s, (fg, bg) in SEVERITY.items())
)
_HEADING = re.compile(r"(?m)^ {0,3}#{1,6}(?=[ \t]|$)")
_MARKDOWN_SYNTAX = (
    _HEADING,  # heading marks (closing hashes: in visible)
    re.compile(r"(?m)^ {0,3}> ?"),  # block quotes
    re.compile(r"(?m)^ {0,3}([-*_=])(?:[ \t]{0,8}\1){2,}[ \t]*$"),  # thematic breaks, setext underlines
    re.compile(r"\*\*|__|(?<![\w*\\])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w\\])_(?=\S)|(?<=\S)_(?!\w)|~~"),  # emphasis
)
_LINK = re.compile(r"!?\[(?=[^\]\n]{0,500}\]\()|\]\([^)\n]{0,2000}\)")  # links and images, in the original: the text stays
_QUOTE = re.compile(r"(?m)^ {0,3}>")
_LINE_START = re.compile(r"\A(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)")  # Markdown block syntax opening a quoted sentence
_BULLET = re.compile(r"(?m)^([ \t]*)([-*+])([ \t]+)")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_SPACE = re.compile(r"\s+")
_BREAK = "\ue000"  # stands for a kept line break while white space is folded


def text(value: str) -> str:
    """Escape for element content: markup escaped, invisible characters shown as their code point."""
    out: list[str] = []
    last = 0
    for m in _INVISIBLE.finditer(value):
        point = f"U+{ord(m.group(0)):04X}"
        out.append(escape(value[last:m.start()]))
        out.append(f'<span class="ctl" title="invisible character {point}">{point}</span>')
        last = m.end()
    out.append(escape(value[last:]))
    return "".join(out)


def attribute(value: str) -> str:
    """Escape for an attribute value (invisible characters as <U+XXXX>)."""
    return escape(_INVISIBLE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", value))


def _link(url: str) -> str:
    if _SAFE_URL.match(url) and not _INVISIBLE.search(url):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return text(url)


def _plain(ref: Reference | None, metric: str) -> str:
    return reference(ref, metric, text) + (f"; {_link(ref.source_url)}" if ref is not None else "")


def visible(doc: Document, keep: Sequence[Claim]) -> str:
    """The article as a reader sees it, offset for offset: the checked prose (front matter,
    comments and code blanked) with Markdown syntax blanked too, and bullets as bullets; the
    figures' own characters are never touched."""
    checked = doc.checked
    chars = list(checked)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    if doc.kind == "markdown":
        for pattern in _MARKDOWN_SYNTAX:
            for m in pattern.finditer(checked):
                blank(m.start(), m.end())
        for m in _LINK.finditer(doc.text):
            blank(m.start(), m.end())
        for m in _HEADING.finditer(checked):
            end = checked.find("\n", m.end())
            line = checked[m.end():end if end >= 0 else len(checked)].rstrip(" \t\r")
            hashes = len(line) - len(line.rstrip("#"))
            if hashes and (hashes == len(line) or line[-hashes - 1] in " \t"):
                blank(m.end() + len(line) - hashes, m.end() + len(line))
        for m in _BULLET.finditer(checked):
            chars[m.start(2)] = "\u2022"
    for c in keep:
        chars[c.start:c.end] = checked[c.start:c.end]
    return "".join(chars)


def _marked(shown: str, start: int, end: int, claims: Sequence[Claim], mark: Callable[[Claim], str]) -> str:
    """shown[start:end] escaped with white space folded, each claim inside it replaced by mark(claim)."""
    pieces: list[str] = []
    last = start
    for c in claims:
        if c.start < last or c.end > end:
            continue
        pieces.append(text(_SPACE.sub(" ", shown[last:c.start])))
        pieces.append(mark(c))
        last = c.end
    pieces.append(text(_SPACE.sub(" ", shown[last:end])))
    return "".join(pieces).strip()


def _verdict_mark(c: Claim, anchor: str | None = None, jump: str | None = None) -> str:
    v = c.verdict.value
    ident = f'id="{anchor}-{c.id}" ' if anchor else ""
    link = f'<a class="jump" href="#{jump}" aria-label="finding on {attribute(c.text)}">finding</a>' if jump else ""
    return (
        f'<mark {ident}class="verdict-{v}" title="{attribute(VERDICT_TEXT[v] + ": " + c.message)}">'
        f'<span class="icon" aria-hidden="true">{ICONS[v]}</span>{text(" ".join(c.text.split()))}'
        f'<span class="sr"> ({VERDICT_TEXT[v]})</span></mark>{link}'
    )


def _paragraphs(doc: Document, shown: str) -> list[tuple[int, int, str]]:
    """(start, end, class) of each paragraph: runs of non-blank lines; a heading stands alone."""
    headings = {m.start() for m in _HEADING.finditer(doc.checked)} if doc.kind == "markdown" else set()
    quotes = {m.start() for m in _QUOTE.finditer(doc.checked)} if doc.kind == "markdown" else set()
    out: list[tuple[int, int, str]] = []
    current: tuple[int, int, str] | None = None
    for m in _LINE.finditer(shown):
        if m.start() == m.end():
            break
        if not shown[m.start():m.end()].strip() or m.start() in headings:
            if current is not None:
                out.append(current)
            current = None
            if m.start() in headings:
                out.append((m.start(), m.end(), "heading"))
            continue
        current = (m.start(), m.end(), "quote" if m.start() in quotes else "") if current is None else (current[0], m.end(), current[2])
    if current is not None:
        out.append(current)
    return out


def _article(doc: Document, report: FileReport, anchor: str, flagged: set[str]) -> str:
    """The article as paragraphs of prose, every figure marked where it stands."""
    claims = sorted(report.claims, key=lambda c: c.start)
    shown = visible(doc, claims)
    if _BREAK not in shown:  # a line break before a bullet stays a line break
        shown = re.sub(r"(\r?\n|\r)(?=[ \t]*\u2022)", lambda m: _BREAK * len(m.group(0)), shown)

    def mark(c: Claim) -> str:
        return _verdict_mark(c, anchor, f"{anchor}-{c.id}-finding" if c.id in flagged else None)

    out = []
    front = [f"{k}: {v}" for k, v in doc.front_matter.items() if k in ("title", "date", "author", "byline")]
    if front:
        out.append(f'<p class="front">From the front matter: {text("; ".join(front))}</p>')
    stray: list[Claim] = []
    at = 0  # claims and paragraphs are both in text order: one pass over each
    for start, end, css in _paragraphs(doc, shown):
        inside: list[Claim] = []
        while at < len(claims) and claims[at].start < end:
            (inside if claims[at].start >= start and claims[at].end <= end else stray).append(claims[at])
            at += 1
        body = re.sub(f"(?:{_BREAK})+", "<br>", _marked(shown, start, end, inside, mark))
        out.append(f'<p class="{css}">{body}</p>' if css else f"<p>{body}</p>")
    stray += claims[at:]
    if stray:  # a figure across a paragraph break: still marked, after the text
        out.append("<p>" + " ".join(mark(c) for c in stray) + "</p>")
    return '<div class="article">\n' + "\n".join(out) + "\n</div>"


def _quote(c: Claim, shown: str | None) -> str:
    """The figure's sentence with the figure marked (from the article when it is at hand)."""
    if shown is not None and c.sentence_start <= c.start < c.end <= c.sentence_end <= len(shown):
        return _marked(shown, c.sentence_start, c.sentence_end, [c], _verdict_mark)
    words = " ".join(c.text.split())
    sentence = _LINE_START.sub("", c.sentence)
    at = sentence.find(words)
    if at < 0:
        return f"{text(sentence)} ({_verdict_mark(c)})"
    return text(sentence[:at]) + _verdict_mark(c) + text(sentence[at + len(words):])


def _chart(c: Claim, report: FileReport, style: Style, anchor: str) -> str:
    ref = c.reference or c.current
    if ref is None or not chartable(c):
        return ""
    series = list(style.series(ref)) if style.series else [r for r in (c.reference, c.current) if r is not None]
    if c.current is not None and c.current not in series:
        series.append(c.current)
    label = f"{c.text} ({VERDICT_TEXT[c.verdict.value]}) against the {ref.source} series"
    points = f"{len(series)} data point{'s' if len(series) != 1 else ''}"
    later = sum(1 for r in series if report.published is not None and r.as_of > report.published)
    if later:
        points += f", {later} of them (grey) dated after publication"
    return (
        f'<figure class="chart" id="{anchor}-{c.id}-chart">{svg(series, c, report.published, label)}'
        f"<figcaption>Line {c.line}: <strong>{text(c.text)}</strong> against the {text(ref.source)} series, {points}. "
        f"Dashed: the figure, shaded: the values it fairly states; blue: the publication date; "
        f"large dot: the row it was compared with.</figcaption></figure>"
    )


def _finding_card(number: int, c: Claim, found: list[Finding], report: FileReport, style: Style, anchor: str, shown: str | None) -> str:
    worst = max(found, key=lambda f: f.severity.rank).severity.value
    items = "".join(
        f'<li><span class="badge sev-{f.severity.value}">{f.severity.value}</span> <code>{text(f.rule)}</code>: {text(f.message)}</li>'
        for f in sorted(found, key=lambda f: (-f.severity.rank, f.rule))
    )
    where = f'<a href="#{anchor}-{c.id}">line {c.line}, column {c.column}</a>' if shown is not None else f"line {c.line}, column {c.column}"
    refs = []
    if c.current is not None:
        refs.append(f"<p><strong>Current at publication</strong>: {_plain(c.current, c.metric)}</p>")
    if c.reference is not None and c.reference != c.current:
        refs.append(f"<p><strong>Matches</strong>: {_plain(c.reference, c.metric)}</p>")
    if c.suggestion:
        refs.append(f"<p><strong>Suggested</strong>: {text(c.suggestion)}</p>")
    return "\n".join([
        f'<div class="finding finding-{worst}" id="{anchor}-{c.id}-finding">',
        '<div class="finding-text">',
        f'<p><strong>{number}.</strong> <span class="badge sev-{worst}">{worst}</span> {text(c.text)} '
        f"({VERDICT_TEXT[c.verdict.value]}), {where}</p>",
        f"<blockquote>{_quote(c, shown)}</blockquote>",
        f"<ul>{items}</ul>",
        *refs,
        "</div>",
        _chart(c, report, style, anchor),
        "</div>",
    ])


def _table(report: FileReport, findings: dict[str, list[Finding]], anchor: str, has_text: bool) -> str:
    cols = ("where", "figure", "verdict", "metric", "place", "source", "reference", "findings")
    head = "<thead><tr>" + "".join(f'<th scope="col">{c}</th>' for c in cols) + "</tr></thead>"
    rows = []
    for c in report.claims:
        where = f'<a href="#{anchor}-{c.id}">{c.line}:{c.column}</a>' if has_text else f"{c.line}:{c.column}"
        rules = ", ".join(f'<a href="#{anchor}-{c.id}-finding"><code>{text(f.rule)}</code></a>' for f in findings.get(c.id, []))
        v = c.verdict.value
        rows.append(
            f'<tr id="{anchor}-{c.id}-row"><th scope="row">{where}</th><td>{text(c.text)}</td>'
            f'<td class="verdict-{v}"><span aria-hidden="true">{ICONS[v]}</span> {VERDICT_TEXT[v]}</td><td>{text(c.metric)}</td>'
            f"<td>{text(c.location or '')}</td><td>{text(c.source or '')}</td><td>{_plain(c.current, c.metric)}</td><td>{rules}</td></tr>"
        )
    caption = f"<caption>Every figure in {text(report.path)}: where it is, its verdict and the reference current at publication</caption>"
    return f"<table>{caption}\n{head}\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def _file(report: FileReport, number: int, style: Style) -> str:
    anchor = f"f{number}"
    findings: dict[str, list[Finding]] = {}
    for f in report.findings:
        findings.setdefault(f.claim, []).append(f)
    source = style.texts.get(report.path)
    if source is None:  # the report's path may have been made printable (U+FFFD for controls)
        source = next((v for k, v in style.texts.items() if len(k) == len(report.path)
                       and all(a == b or b == "\ufffd" for a, b in zip(k, report.path))), None)
    doc = Document.from_text(source, path=report.path) if source is not None else None
    shown = visible(doc, report.claims) if doc is not None else None
    by_id = {c.id: c for c in report.claims}
    notes = [f for f in report.findings if f.claim not in by_id]
    flagged = sorted((c for c in report.claims if c.id in findings),
                     key=lambda c: (-max(f.severity.rank for f in findings[c.id]), c.start))
    counts = f"{len(report.claims)} figure{'s' if len(report.claims) != 1 else ''}, {len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}"
    parts = [
        f'<section class="file" id="{anchor}">',
        f"<h2>{text(report.path)}</h2>",
        f'<p class="muted">Published {report.published or "unknown"} ({text(PUBLISHED_FROM[report.published_from])}). {counts}.</p>',
        f'<h3 id="{anchor}-findings">Findings</h3>',
    ]
    parts += [f'<p><span class="badge sev-{f.severity.value}">{f.severity.value}</span> <code>{text(f.rule)}</code> '
              f"(line {f.line}): {text(f.message)}</p>" for f in sorted(notes, key=lambda f: (-f.severity.rank, f.line))]
    parts += [_finding_card(i, c, findings[c.id], report, style, anchor, shown) for i, c in enumerate(flagged, 1)]
    if not flagged and not notes:
        parts.append("<p>No findings.</p>")
    parts.append(f'<h3 id="{anchor}-article">Article</h3>')
    parts.append(_article(doc, report, anchor, set(findings)) if doc is not None else "<p>The article text is not available.</p>")
    parts.append("<h3>Figures</h3>")
    parts.append(_table(report, findings, anchor, doc is not None) if report.claims else "<p>No figures found.</p>")
    others = [chart for c in report.claims if c.id not in findings and (chart := _chart(c, report, style, anchor))]
    if others:
        parts += ["<h3>Reference series of the figures without findings</h3>", '<div class="charts">', *others, "</div>"]
    parts.append("</section>")
    return "\n".join(parts)


def render(report: Report, style: Style) -> str:
    title = "Fact-check report" + (f": {report.files[0].path}" if len(report.files) == 1 else "")
    legend = "".join(
        f'<li><mark class="verdict-{v}"><span class="icon" aria-hidden="true">{ICONS[v]}</span>{VERDICT_TEXT[v]}</mark></li>' for v in PALETTE
    ) + "".join(f'<li><span class="badge sev-{s.value}">{s.value}</span></li>' for s in Severity)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{attribute(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<h1>Fact-check report</h1>",
        f'<p class="summary">{text(summary_line(report))}</p>',
        f'<ul class="legend" aria-label="key">{legend}</ul>',
        *(_file(f, i, style) for i, f in enumerate(report.files, 1)),
        "</body>",
        "</html>",
    ]) + "\n"
