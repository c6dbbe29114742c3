"""The period a figure is cumulative over ('since Oct. 7')."""

from __future__ import annotations

import datetime as dt
import re

from factcheck.language.dates import MONTHS, resolve

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
