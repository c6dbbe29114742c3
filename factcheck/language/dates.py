"""Time expressions: calendar dates read directly, and others through dateparser.

The one module that imports dateparser (on first use). ``resolve`` turns an expression
("Oct. 7", "October 2023", "22 years ago") into a date relative to the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


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


def on_or_before(weekday: str, base: dt.date) -> dt.date | None:
    """The last ``weekday`` ("Sunday", "sun") on or before base: "on Sunday" in Sunday's copy
    is that day (None when the word is no weekday)."""
    number = _WEEKDAYS.get(weekday.lower())
    return None if number is None else base - dt.timedelta(days=(base.weekday() - number) % 7)


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Oct.", "october"), else None."""
    return _MONTH_NUMBERS.get(word.lower().rstrip("."))


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
