"""Tolerance: the reference values a figure, as written, is a fair statement of."""

from __future__ import annotations

from factcheck.models import Figure, Qualifier
from factcheck.reference.rows import FAIR_BOUND, RefRow


def accepted(figure: Figure) -> tuple[float, float]:
    """The reference values the figure, as written, is a fair statement of (inclusive)."""
    v, q = figure.value, figure.qualifier
    step = max(figure.step, 1e-9)
    half = step / 2
    if figure.vague:
        return v, v * (100 / 12 if v == 12 else 10) - 1e-9
    if q is Qualifier.range:
        return v - half, (figure.high if figure.high is not None else v) + half
    if q is Qualifier.approx:
        spread = max(step, 0.05 * abs(v))
        return v - spread, v + spread
    if q is Qualifier.nearly:
        return v - max(step, 0.1 * abs(v)), v + half
    if q is Qualifier.more_than:
        return v - half, max(v * FAIR_BOUND, v + step)
    if q is Qualifier.at_least:
        return v, max(v * FAIR_BOUND, v + step)
    if q is Qualifier.less_than:
        return min(v / FAIR_BOUND, v - step), v + half
    if q is Qualifier.at_most:
        return min(v / FAIR_BOUND, v - step), v
    if q is Qualifier.up_to:
        return v / 2, v + half
    return v - half, v + half


def side(figure: Figure, ref: float | tuple[float, float]) -> str | None:
    """'above' when every value the figure allows lies above the reference value (or range),
    'below' when below, None when they meet (the figure is supported)."""
    low, high = (ref, ref) if isinstance(ref, (int, float)) else ref
    lo, hi = accepted(figure)
    eps = 1e-9 * max(1.0, abs(lo), abs(hi))
    if high < lo - eps:
        return "above"
    if low > hi + eps:
        return "below"
    return None


def supports(figure: Figure, ref: float | tuple[float, float]) -> tuple[bool, str]:
    """Whether the figure is a fair statement of a reference value (or range); and why not."""
    where = side(figure, ref)
    if where == "above":
        overstates = figure.qualifier in (Qualifier.less_than, Qualifier.at_most)
        return False, ("the figure is too high a limit for the reference" if overstates else "the reference is below that")
    if where == "below":
        understates = figure.vague or figure.qualifier in (Qualifier.more_than, Qualifier.at_least)
        return False, ("it understates the reference" if understates else "the reference is above that")
    return True, ""


def fits(figure: Figure, row: RefRow) -> tuple[bool, str]:
    """Whether a reference row (a point, a range or a limit) fits the figure."""
    return supports(figure, row.bounds)
