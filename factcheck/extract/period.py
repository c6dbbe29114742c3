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


_LEADING_SINCE = re.compile(r"^\s*[\"\u201c']?Since\b[^,]{1,80},")

_START = rf"(?:{_DATE_EXPR}|{MONTHS}(?![ \u00a0]?\d)|(?:1[89]|20)\d{{2}}(?![\d-]))"
_N = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
# A span the count is over: "between Jan. 1 and Aug. 15", "from January to March 15", "in the
# first two weeks of March", "in the first six months of the year".
_SPAN = re.compile(
    rf"\b(?:between|from)[ \u00a0]+(?P<start>{_START})[ \u00a0]+(?:and|to|until|through|till)[ \u00a0]+(?:{_DATE_EXPR}|{MONTHS}|(?:1[89]|20)\d{{2}}|the end of)"
    rf"|\b(?:in|during|over)[ \u00a0]+the[ \u00a0]+first[ \u00a0]+(?:{_N}[ \u00a0]+)?(?:days?|weeks?|months?|half|quarter)[ \u00a0]+of[ \u00a0]+"
    rf"(?:(?P<month>{MONTHS}(?![ \u00a0]?\d))|(?P<year>(?:1[89]|20)\d{{2}})|(?:the|this)[ \u00a0]+year\b(?P<this_year>))",
    re.I,
)
_LEADING_SPAN = re.compile(r"^\s*[\"\u201c']?(?:Between|From|In the first|During the first)\b[^,]{1,80},")


def period_start(after: str, base: dt.date | None, before: str = "") -> dt.date | None:
    """The start of the period a figure is cumulative over: a "since ..." phrase in the
    text after it ("since Oct. 7", "since the war began in April 2023", "since January",
    "since 2021") or a sentence-initial "Since ...," before it, or "so far this year"; or the
    start of a span it is counted over ("between Jan. 1 and Aug. 15", "From January to March
    15, ...", "in the first two weeks of March"); resolved against base (the publication date)."""
    lead = _LEADING_SINCE.match(before)
    m = _SINCE.search(lead.group(0)) if lead else None
    m = m or _SINCE.search(after)
    if not m:
        return _span_start(after, base, before)
    if m.group("year_start") is not None or m.group("this_year") is not None:
        return dt.date(base.year, 1, 1) if base else None
    if m.group("year"):
        return dt.date(int(m.group("year")), 1, 1)
    expression = m.group("date") or m.group("month") or m.group("weekday")
    return _past(resolve(expression, base), base, weekday=bool(m.group("weekday")))


def _span_start(after: str, base: dt.date | None, before: str) -> dt.date | None:
    lead = _LEADING_SPAN.match(before)
    m = (_SPAN.search(lead.group(0)) if lead else None) or _SPAN.search(after)
    if not m:
        return None
    if m.group("this_year") is not None:
        return dt.date(base.year, 1, 1) if base else None
    year = m.group("year") or (m.group("start") if m.group("start") and m.group("start").isdigit() else None)
    if year:
        return dt.date(int(year), 1, 1)
    return _past(resolve(m.group("start") or m.group("month"), base), base)


def _past(found: dt.date | None, base: dt.date | None, weekday: bool = False) -> dt.date | None:
    """A date the copy names without a year is the last one before publication."""
    if found and base and found > base:
        found = found.replace(year=found.year - 1) if not weekday else found - dt.timedelta(days=7)
    return found
