"""A small inline SVG chart of a reference series: the figure's accepted band, the publication date.

Pure string building, no plotting library: the SVG is well-formed XML (tests parse it) and
needs nothing outside the HTML file. Every label is escaped. The layout keeps labels apart by
construction: y ticks in the left margin at least 20 px apart, x ticks in the bottom margin
spaced by their estimated widths, the publication date alone in the top strip, and the legend
in rows of its own below the plot, so no label sits on the series or on another label.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Sequence
from html import escape

from factcheck.judge.tolerance import accepted
from factcheck.judge.verdict import as_reference
from factcheck.models import Claim, Reference
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.rows import fmt

WIDTH, HEIGHT = 360, 208
LEFT, RIGHT, TOP, BOTTOM = 56, 14, 24, 62
FONT = 11
# Verdict colours for lines, dots and legend text: each at least 4.5:1 against the white chart.
COLORS = {"supported": "#2e7d32", "contradicted": "#c62828", "outdated": "#a84300", "unverifiable": "#5f6368"}
SERIES, LATER, PUBLISHED, GRID, AXIS, INK = "#37474f", "#80868b", "#1565c0", "#e3e3e3", "#767676", "#333333"
_LIMIT = 1e300  # values are clamped here, so no arithmetic on them overflows
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


def chartable(claim: Claim) -> bool:
    """Whether a figure gets a chart: not a start year ("since 1962"), which has no series over time."""
    return claim.metric != "years"


def label_width(text: str, size: float = FONT) -> float:
    """An upper estimate of a label's rendered width in px (sans-serif averages under 0.6 em)."""
    return len(text) * size * 0.62


def fit(text: str, width: float, size: float = FONT) -> str:
    """text, cut with an ellipsis to fit width."""
    if label_width(text, size) <= width:
        return text
    keep = max(1, int(width / (size * 0.62)) - 1)
    return text[:keep].rstrip() + "\u2026"


def _value(value: float) -> str:
    return fmt(value) if math.isfinite(value) else str(value)


def _clamp(value: float) -> float:
    return max(-_LIMIT, min(_LIMIT, value)) if math.isfinite(value) else 0.0


def nice_step(span: float, count: int = 5) -> float:
    """A 1, 2, 2.5 or 5 times a power of ten step that cuts span into about count parts (not
    2.5 below 25: counts read better in steps of 2 or 5 than of 2.5)."""
    raw = span / count if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 2.5, 5, 10) if power >= 10 else (1, 2, 5, 10):
        if step * power >= raw:
            return step * power
    return 10 * power


def value_ticks(low: float, high: float) -> list[float]:
    """Round ticks from at or below low to at or above high, four to six of them."""
    step = nice_step(high - low)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(first + step * len(ticks))
    return ticks


def short(value: float) -> str:
    """A tick label: 40k, 2.5M, 1.2bn; plain below 10,000; scientific beyond trillions."""
    magnitude = abs(value)
    if magnitude >= 1e15:
        return f"{value:.1e}"
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if magnitude >= max(size, 1e4):
            return f"{value / size:.2f}".rstrip("0").rstrip(".") + suffix
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def date_tick_sets(start: dt.date, end: dt.date) -> Iterator[list[tuple[dt.date, str]]]:
    """Calendar ticks inside start..end (days, month starts or years), densest first, each set
    of at most six."""
    days = (end - start).days
    for step in (1, 2, 7, 14):
        if days / step <= 5:
            first = start + dt.timedelta(days=(-start.toordinal()) % step)
            ticks = [first + dt.timedelta(days=step * i) for i in range((end - first).days // step + 1)]
            yield [(d, f"{d.day} {_MONTHS[d.month - 1]}") for d in ticks]
    for months in (1, 2, 3, 4, 6):
        if days / (30.4 * months) <= 5:
            day = _add_months(start, 0 if start.day == 1 else 1)
            day = _add_months(day, (-(day.month - 1)) % months)
            out = []
            while day <= end:
                out.append((day, f"{_MONTHS[day.month - 1]} {day.year}"))
                day = _add_months(day, months)
            yield out
    for years in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if days / (365.25 * years) <= 5:
            year = start.year + (0 if (start.month, start.day) == (1, 1) else 1)
            year += (-year) % years
            yield [(dt.date(y, 1, 1), str(y)) for y in range(year, end.year + 1, years)]
    yield [(start, str(start)), (end, str(end))]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _x_labels(start: dt.date, end: dt.date, x: Callable[[dt.date], float]) -> list[tuple[dt.date, str, float]]:
    """The densest tick set whose labels (kept inside the chart) leave 8 px between each other."""
    chosen: list[tuple[dt.date, str, float]] = []
    for ticks in date_tick_sets(start, end):
        placed = []
        for day, name in ticks:
            half = label_width(name) / 2
            placed.append((day, name, min(max(x(day), half + 1), WIDTH - half - 1)))
        apart = all(b[2] - a[2] >= (label_width(a[1]) + label_width(b[1])) / 2 + 8 for a, b in zip(placed, placed[1:]))
        chosen = placed
        if apart and len(placed) >= 2:
            break
    return chosen


def svg(series: Sequence[Reference], claim: Claim, published: dt.date | None, label: str = "") -> str:
    """The chart: the series as a line with dots (the row used larger, in the verdict's colour),
    the figure as a dashed line in its accepted band, the publication date as a blue line."""
    rows = sorted(series, key=lambda r: r.as_of)
    days = [r.as_of for r in rows] + ([published] if published else [])
    start, end = min(days), max(days)
    pad = max(2, (end - start).days // 25)
    start, end = start - dt.timedelta(days=pad), end + dt.timedelta(days=pad)
    band_low, band_high = (_clamp(v) for v in accepted(claim))
    values = [_clamp(r.value) for r in rows] + [_clamp(claim.value), _clamp(claim.high or claim.value)]
    low = min(0.0, *values)
    high = max(values) * 1.05 if max(values) > 0 else 1.0
    ticks = value_ticks(low, high)
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h

    def x(day: dt.date) -> float:
        return LEFT + plot_w * (day - start).days / (end - start).days

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (min(max(value, low), high) - low) / (high - low))

    color = COLORS.get(claim.verdict.value, COLORS["unverifiable"])
    title = label or f"{claim.text} against the reference series"
    text = f'font-size="{FONT}" fill="{INK}"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" font-family="system-ui, sans-serif">',
        f"<title>{escape(title)}</title>",
        f'<rect class="background" x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<rect class="plot" x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none"/>',
    ]
    for tick in ticks:
        ty = _n(y(tick))
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{ty}" x2="{WIDTH - RIGHT}" y2="{ty}" stroke="{GRID}"/>')
        parts.append(f'<text class="tick y" x="{LEFT - 5}" y="{_n(y(tick) + 4)}" text-anchor="end" {text}>{escape(short(tick))}</text>')
    for day, name, centre in _x_labels(start, end, x):
        parts.append(f'<line class="tick" x1="{_n(x(day))}" y1="{bottom}" x2="{_n(x(day))}" y2="{bottom + 4}" stroke="{AXIS}"/>')
        parts.append(f'<text class="tick x" x="{_n(centre)}" y="{bottom + 18}" text-anchor="middle" {text}>{escape(name)}</text>')
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="{AXIS}"/>')
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="{AXIS}"/>')
    band_top, band_bottom = y(max(band_high, band_low)), y(min(band_high, band_low))
    parts.append(
        f'<rect class="band" x="{LEFT}" y="{_n(band_top)}" width="{plot_w}" height="{_n(max(band_bottom - band_top, 1))}" '
        f'fill="{color}" fill-opacity="0.16"><title>{escape(f"values the figure fairly states: {_value(band_low)} to {_value(band_high)}")}</title></rect>'
    )
    if claim.high is not None:  # a range figure: the range it states, outlined inside its band
        top_y, low_y = y(_clamp(max(claim.high, claim.value))), y(_clamp(min(claim.high, claim.value)))
        parts.append(
            f'<rect class="figure" x="{LEFT}" y="{_n(top_y)}" width="{plot_w}" height="{_n(max(low_y - top_y, 1))}" fill="none" '
            f'stroke="{color}" stroke-dasharray="6 3"><title>{escape("figure: " + claim.text)}</title></rect>'
        )
    figure_y = _n(y(_clamp(claim.value)))
    parts.append(
        f'<line class="figure" x1="{LEFT}" y1="{figure_y}" x2="{WIDTH - RIGHT}" y2="{figure_y}" stroke="{color}" '
        f'stroke-width="1.5" stroke-dasharray="6 3"><title>{escape("figure: " + claim.text)}</title></line>'
    )
    if published is not None:
        px = x(published)
        name = f"published {published}"
        half = label_width(name) / 2
        centre = min(max(px, half + 1), WIDTH - half - 1)
        parts.append(
            f'<line class="published" x1="{_n(px)}" y1="{TOP}" x2="{_n(px)}" y2="{bottom}" stroke="{PUBLISHED}" '
            f'stroke-width="1.5" stroke-dasharray="2 2"><title>{name}</title></line>'
        )
        parts.append(f'<text class="label published" x="{_n(centre)}" y="{TOP - 8}" text-anchor="middle" font-size="{FONT}" '
                     f'fill="{PUBLISHED}">{name}</text>')
    known = [r for r in rows if published is None or r.as_of <= published]
    later = rows[len(known):]
    for name, part, stroke in (("series", known, SERIES), ("series later", known[-1:] + later if later else [], LATER)):
        if part:
            points = " ".join(f"{_n(x(r.as_of))},{_n(y(_clamp(r.value)))}" for r in part)
            parts.append(f'<polyline class="{name}" points="{points}" fill="none" stroke="{stroke}" stroke-width="1.5"/>')
    for r in rows:
        used = claim.reference is not None and (r.file, r.row) == (claim.reference.file, claim.reference.row)
        kind = "point used" if used else "point later" if r in later else "point"
        fill = color if used else LATER if r in later else SERIES
        parts.append(
            f'<circle class="{kind}" cx="{_n(x(r.as_of))}" cy="{_n(y(_clamp(r.value)))}" r="{4.5 if used else 2.5}" fill="{fill}" '
            f'stroke="#ffffff" stroke-width="1"><title>{escape(f"{_value(r.value)} as of {r.as_of}, {r.source}")}</title></circle>'
        )
    legend_y = bottom + 34
    figure_name = fit("figure: " + " ".join(claim.text.split()), WIDTH - LEFT - 30)
    band_name = fit(f"shaded: fits the figure, {short(band_low)} to {short(band_high)}", WIDTH - LEFT - 30)
    parts += [
        f'<line class="key" x1="{LEFT}" y1="{legend_y - 4}" x2="{LEFT + 22}" y2="{legend_y - 4}" stroke="{color}" stroke-width="1.5" stroke-dasharray="6 3"/>',
        f'<text class="label legend" x="{LEFT + 28}" y="{legend_y}" font-size="{FONT}" fill="{color}">{escape(figure_name)}</text>',
        f'<rect class="key" x="{LEFT}" y="{legend_y + 7}" width="22" height="10" fill="{color}" fill-opacity="0.16"/>',
        f'<text class="label legend" x="{LEFT + 28}" y="{legend_y + 16}" {text}>{escape(band_name)}</text>',
        "</svg>",
    ]
    return "".join(parts)
