"""A small inline SVG chart of a reference series, with the figure and publication date marked.

Pure string building, no plotting library: the SVG is well-formed XML (tests parse it) and
needs nothing outside the HTML file. Every label is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from html import escape

from factcheck.judge.verdict import as_reference, fmt
from factcheck.models import Claim, Reference
from factcheck.reference.index import ReferenceIndex

WIDTH, HEIGHT = 360, 150
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 14, 34
COLORS = {"supported": "#2e7d32", "contradicted": "#c62828", "outdated": "#e65100", "unverifiable": "#616161"}


def series_lookup(index: ReferenceIndex) -> Callable[[Reference], Sequence[Reference]]:
    """For a reference row, every row of its series (by as_of), from the run's index."""
    by_row: dict[tuple[str, int], list[Reference]] = {}
    for rows in index.series.values():
        refs = [r for r in map(as_reference, rows) if r is not None]
        for row in rows:
            by_row[(row.file, row.line)] = refs

    def lookup(ref: Reference) -> Sequence[Reference]:
        return by_row.get((ref.file, ref.row), [ref])

    return lookup


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above value."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg(series: Sequence[Reference], claim: Claim, published: dt.date | None, label: str = "") -> str:
    """The chart: series as a line with dots, the figure as a dashed line (a band for a range)."""
    rows = sorted(series, key=lambda r: r.as_of)
    days = [r.as_of for r in rows] + ([published] if published else [])
    start, end = min(days), max(days)
    if start == end:
        start, end = start - dt.timedelta(days=30), end + dt.timedelta(days=30)
    top = nice_ceiling(max([r.value for r in rows] + [claim.value, claim.high or 0]) * 1.05)
    span_x, span_y = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + span_x * (day - start).days / (end - start).days

    def y(value: float) -> float:
        return TOP + span_y * (1 - max(0.0, value) / top)

    color = COLORS.get(claim.verdict.value, "#616161")
    title = label or f"{claim.text} against the reference series"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{_n(y(0))}" x2="{WIDTH - RIGHT}" y2="{_n(y(0))}" stroke="#999"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{_n(y(0))}" stroke="#999"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end" font-size="10">{fmt(top)}</text>',
        f'<text x="{LEFT - 4}" y="{_n(y(0) + 3)}" text-anchor="end" font-size="10">0</text>',
        f'<text x="{LEFT}" y="{HEIGHT - 18}" font-size="10">{start}</text>',
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 18}" text-anchor="end" font-size="10">{end}</text>',
    ]
    low_y = y(claim.value)
    if claim.high is not None:
        high_y = y(claim.high)
        parts.append(
            f'<rect class="figure" x="{LEFT}" y="{_n(high_y)}" width="{span_x}" height="{_n(max(low_y - high_y, 1))}" '
            f'fill="{color}" fill-opacity="0.18"/>'
        )
    parts.append(
        f'<text x="{LEFT + 4}" y="{_n(max(low_y - 3, TOP + 18))}" font-size="10" fill="{color}">'
        f"{escape('figure: ' + ' '.join(claim.text.split()))}</text>"
    )
    parts.append(
        f'<line class="figure" x1="{LEFT}" y1="{_n(low_y)}" x2="{WIDTH - RIGHT}" y2="{_n(low_y)}" '
        f'stroke="{color}" stroke-dasharray="5 3"><title>{escape("figure: " + claim.text)}</title></line>'
    )
    if published is not None:
        px = _n(x(published))
        parts.append(
            f'<line class="published" x1="{px}" y1="{TOP}" x2="{px}" y2="{_n(y(0))}" stroke="#1565c0" '
            f'stroke-dasharray="2 2"><title>published {published}</title></line>'
        )
        anchor = "end" if x(published) > LEFT + span_x / 2 else "start"
        shift = -3 if anchor == "end" else 3
        parts.append(
            f'<text x="{_n(x(published) + shift)}" y="{TOP + 8}" text-anchor="{anchor}" font-size="10" '
            f'fill="#1565c0">published {published}</text>'
        )
    points = " ".join(f"{_n(x(r.as_of))},{_n(y(r.value))}" for r in rows)
    parts.append(f'<polyline class="series" points="{points}" fill="none" stroke="#37474f" stroke-width="1.5"/>')
    for r in rows:
        used = claim.reference is not None and (r.file, r.row) == (claim.reference.file, claim.reference.row)
        parts.append(
            f'<circle class="{"point used" if used else "point"}" cx="{_n(x(r.as_of))}" cy="{_n(y(r.value))}" '
            f'r="{4 if used else 2.5}" fill="{color if used else "#37474f"}">'
            f"<title>{escape(f'{fmt(r.value)} as of {r.as_of}, {r.source}')}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)
