"""Reference rows and how a reference value is written."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

FAIR_BOUND = 1.25


SeriesKey = tuple[str, str, str, str, "dt.date | None", str]
"""(metric, location, subject, source, period_start, definition): the rows of one series."""


class RefRow(NamedTuple):
    """One reference row; ``file`` and ``line`` say where it came from (header = line 1).

    A named tuple rather than a pydantic model: rows are validated column by column while
    loading (``refcsv.parse_rows``), and 100,000 of them must build in a fraction of a second."""

    file: str
    line: int
    metric: str
    location: str
    subject: str
    value: float
    low: float | None
    high: float | None
    as_of: dt.date
    period_start: dt.date | None
    source: str
    source_url: str
    notes: str = ""
    definition: str = ""  # normalised tokens (reference.definition); empty: not stated
    record: bool = False  # the series of record for unattributed figures

    @property
    def series(self) -> SeriesKey:
        return (self.metric, self.location, self.subject, self.source, self.period_start, self.definition)

    @property
    def bounds(self) -> tuple[float, float]:
        """The values the source's statement allows: a point, a range, or a limit."""
        if self.low is not None and self.high is not None:
            return self.low, self.high
        if self.high is not None:
            return self.high / 2, self.high
        if self.low is not None:
            return self.low, self.low * FAIR_BOUND
        return self.value, self.value

    def describe(self) -> str:
        """The reference as the source stated it: '39,175', 'up to 1,900,000', '10-15'."""
        if self.low is not None and self.high is not None:
            return f"{fmt(self.low, self.metric)}-{fmt(self.high, self.metric)}"
        if self.high is not None:
            return f"up to {fmt(self.high, self.metric)}"
        if self.low is not None:
            return f"more than {fmt(self.low, self.metric)}"
        return fmt(self.value, self.metric)


def fmt(value: float, metric: str | None = None) -> str:
    """A number as a reader writes it: 39,175 / 2.6 / 0.5, and a calendar year as 1962."""
    if metric == "years" and value == int(value) and 1000 <= value < 10000:
        return str(int(value))
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
