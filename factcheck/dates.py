"""The one module that imports dateparser: publication dates and time expressions.

``published_date`` finds the date an article carries (front matter, then a dateline or
caption near the top); ``resolve`` turns an expression ("Oct. 7", "October 2023",
"22 years ago") into a date relative to the publication date; ``period_start`` finds
"since ..." phrases that make a figure cumulative since a date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .numbers import MONTHS
from .read import Document

_FULL_DATE = re.compile(
    rf"\b{MONTHS} \d{{1,2}},? \d{{4}}\b|\b\d{{1,2}} {MONTHS},? \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
)
_DATE_EXPR = (
    rf"(?:{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)? {MONTHS}(?:,? \d{{4}})?"
    rf"|{MONTHS},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_SINCE = re.compile(
    rf"\bsince (?:(?:the|a|its) [\w -]{{1,40}}? (?:began|started|broke out|erupted) (?:on |in )?)?(?P<date>{_DATE_EXPR})",
    re.I,
)
_FRONT_KEYS = ("date", "published", "publication_date", "pubdate", "published_at")
_HEAD_LINES = 25


@lru_cache(maxsize=4096)
def _parse(expression: str, base: dt.date | None) -> dt.date | None:
    import dateparser  # imported on first use: most articles never need it

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def resolve(expression: str, base: dt.date | None) -> dt.date | None:
    """The date an expression names, relative to base (the publication date)."""
    expression = " ".join(expression.split())
    if not expression or len(expression) > 80:
        return None
    return _parse(expression, base)


def parse_iso(value: str) -> dt.date | None:
    """A YYYY-MM-DD date, or None."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def published_date(doc: Document) -> dt.date | None:
    """The publication date an article states: front matter first, then its first lines."""
    for key in _FRONT_KEYS:
        if key in doc.front_matter:
            found = parse_iso(doc.front_matter[key]) or resolve(doc.front_matter[key], None)
            if found:
                return found
    head_end = doc.line_starts[min(_HEAD_LINES, len(doc.line_starts) - 1)] if len(doc.line_starts) > _HEAD_LINES else len(doc.checked)
    m = _FULL_DATE.search(doc.checked, 0, head_end)
    return resolve(m.group(0), None) if m else None


def period_start(sentence: str, base: dt.date | None) -> dt.date | None:
    """The start date of a 'since <date>' phrase in a sentence, resolved against base."""
    m = _SINCE.search(sentence)
    if not m:
        return None
    found = resolve(m.group("date"), base)
    if found and base and found > base:
        found = found.replace(year=found.year - 1)
    return found
