"""How the judge and the rules say what was compared: one wording for both."""

from __future__ import annotations

from factcheck.judge.tolerance import supports
from factcheck.models import Figure
from factcheck.reference.rows import RefRow, fmt


def shown(figure: Figure) -> str:
    """The figure as compared: '39,000 (more than)', '10-15 (range)'."""
    value = fmt(figure.value, figure.metric)
    if figure.high is not None:
        value = f"{value}-{fmt(figure.high, figure.metric)}"
    return f"{value} ({figure.qualifier.value.replace('_', ' ')})"


def dated(row: RefRow) -> str:
    """A row as a dated figure: '39,175 as of 2024-07-27'."""
    return f"{row.describe()} as of {row.as_of}"


def compared(figure: Figure, row: RefRow) -> str:
    """What was compared: '39,000 (more than) vs 39,175 as of 2024-07-27, Gaza Ministry of Health'."""
    return f"{shown(figure)} vs {dated(row)}, {row.source}"


def why(figure: Figure, row: RefRow) -> str:
    """Which way a row contradicts the figure ('the reference is below that'), or ''."""
    return supports(figure, row.bounds)[1]
