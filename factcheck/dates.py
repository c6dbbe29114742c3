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
_WEEKDAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SINCE = re.compile(
    rf"\bsince(?:[ \u00a0]+(?:the[ \u00a0]+)?(?:start|beginning) of (?:the|this) year\b(?P<year_start>)"
    rf"|(?:[ \u00a0]+[\w'\u2019-]+){{0,8}}?[ \u00a0]+(?:(?:in|on)[ \u00a0]+)?(?:(?P<date>{_DATE_EXPR})"
    rf"|(?P<month>{MONTHS})(?![ \u00a0]?\d)|(?P<weekday>{_WEEKDAY_NAMES})|(?P<year>(?:1[89]|20)\d{{2}})(?![\d-]|s\b)))"
    rf"|\b(?:so far this year|this year so far|year to date|so far in \d{{4}})\b(?P<this_year>)",
    re.I,
)
_LEADING_SINCE = re.compile(r"^\s*Since\b[^,]{1,80},")
_FRONT_KEYS = ("date", "published", "publication_date", "pubdate", "published_at")
_HEAD_LINES = 25


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december")),
        1,
    )
    for name in names
}
_CALENDAR = re.compile(
    r"(?P<m1>[a-z]+)\.? (?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y1>\d{4}))?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?P<m2>[a-z]+)\.?(?:,? (?P<y2>\d{4}))?"
    r"|(?P<m3>[a-z]+)\.?(?:,? (?P<y3>\d{4}))?|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})",
    re.I,
)
_WEEKDAYS = {
    name: number
    for number, day in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
    for name in (day, day[:3])
}


def _calendar(expression: str, base: dt.date | None) -> dt.date | None:
    """A calendar date ("Oct. 7", "7 October 2023", "April 2023", "June", "Monday", "2023-10-07")
    read without dateparser, exactly as dateparser reads it with our settings (past, first of
    the month, a weekday is the last one before base); None for anything else. Importing
    dateparser and its first parse cost 0.2-0.3 s per process (tests/test_fastpaths.py)."""
    m = _CALENDAR.fullmatch(expression)
    if m is None:
        return None
    i = next(i for i in "1234" if m[f"m{i}"])
    weekday = _WEEKDAYS.get(m["m3"].lower()) if i == "3" and m["y3"] is None else None
    if weekday is not None and base is not None:
        return base - dt.timedelta(days=(base.weekday() - weekday) % 7 or 7)
    month = int(m[f"m{i}"]) if i == "4" else _MONTH_NUMBERS.get(m[f"m{i}"].lower())
    year, day = m[f"y{i}"], int(m[f"d{i}"]) if i != "3" else 1
    if month is None or (year is None and base is None):
        return None
    if year is not None:
        try:
            return dt.date(int(year), month, day)
        except ValueError:
            return None
    assert base is not None
    for back in range(9):  # the last such day on or before base ("Feb. 29": up to 8 years back)
        try:
            found = dt.date(base.year - back, month, day)
        except ValueError:
            if (month, day) != (2, 29):
                return None
            continue
        if found <= base:
            return found
    return None


@lru_cache(maxsize=4096)
def _parse(expression: str, base: dt.date | None) -> dt.date | None:
    quick = _calendar(expression, base)
    if quick is not None:
        return quick
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


def period_start(after: str, base: dt.date | None, before: str = "") -> dt.date | None:
    """The start of the period a figure is cumulative over: a "since ..." phrase in the
    text after it ("since Oct. 7", "since the war began in April 2023", "since January",
    "since 2021") or a sentence-initial "Since ...," before it, or "so far this year";
    resolved against base (the publication date)."""
    lead = _LEADING_SINCE.match(before)
    m = _SINCE.search(lead.group(0)) if lead else None
    m = m or _SINCE.search(after)
    if not m:
        return None
    if m.group("year_start") is not None or m.group("this_year") is not None:
        return dt.date(base.year, 1, 1) if base else None
    if m.group("year"):
        return dt.date(int(m.group("year")), 1, 1)
    expression = m.group("date") or m.group("month") or m.group("weekday")
    found = resolve(expression, base)
    if found and base and found > base:
        found = found.replace(year=found.year - 1) if not m.group("weekday") else found - dt.timedelta(days=7)
    return found
