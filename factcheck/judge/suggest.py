"""The suggested correction of an outdated or contradicted figure: the current reference figure
written as the article wrote its own (same qualifier, same rounding, same number style).

"More than 39,000" against 41,118 becomes "More than 41,000"; "some 2.6 million" against
2,913,000 becomes "some 2.9 million". The suggestion replaces the figure's text; its source and
as-of date are the claim's ``current`` row. A suggestion is made only when it would itself be
supported by that row, and only for strong findings at a known publication date.
"""

from __future__ import annotations

import math
import re

from factcheck.judge.tolerance import fits
from factcheck.judge.verdict import Outcome
from factcheck.models import Located, Qualifier, Reason
from factcheck.reference.rows import RefRow

_NUMBER = re.compile(r"(?P<digits>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<scale>\s*(?:million|billion|trillion|thousand|mn|bn|m|b|k)\b)?", re.I)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
_DOWN = (Qualifier.more_than, Qualifier.at_least)
_UP = (Qualifier.nearly, Qualifier.less_than, Qualifier.at_most, Qualifier.up_to)
_SUGGESTED = (Reason.contradicted, Reason.fits_earlier)


def suggestion(figure: Located, outcome: Outcome, known_date: bool) -> str | None:
    """The replacement for figure.text, or None when there is none to make."""
    row = outcome.current
    if not known_date or outcome.reason not in _SUGGESTED or row is None:
        return None
    if figure.vague or figure.qualifier is Qualifier.range or figure.high is not None:
        return None
    target = rounded(figure, row)
    if target is None or target == figure.value:
        return None
    if not fits(figure.model_copy(update={"value": target}), row)[0]:
        return None
    return restyle(figure.text, target, figure.step, figure.metric)


def rounded(figure: Located, row: RefRow) -> float | None:
    """The row's value rounded to the figure's step, in the direction its qualifier allows."""
    step = figure.step if figure.step > 0 else 1.0
    ratio = row.value / step
    if figure.qualifier in _DOWN:
        whole = math.floor(ratio + 1e-9)
    elif figure.qualifier in _UP:
        whole = math.ceil(ratio - 1e-9)
    else:
        whole = math.floor(ratio + 0.5)
    target = whole * step
    return target if target > 0 else None


def restyle(text: str, value: float, step: float, metric: str) -> str | None:
    """text with its number replaced by value, written the same way (separator, scale word, decimals)."""
    found = _NUMBER.search(text)
    if found is None:
        return None
    digits, scale_word = found.group("digits"), found.group("scale") or ""
    scale = _SCALES.get(scale_word.strip().lower(), 1.0)
    shown = value / scale
    decimals = max(0, math.ceil(-math.log10(step / scale) - 1e-9)) if step < scale else 0
    number = f"{shown:,.{decimals}f}"
    separator = next((c for c in digits if c in ",\u00a0\u202f "), None)
    whole_digits = digits.split(".")[0]
    if metric == "years" or (separator is None and len(whole_digits) >= 4):
        number = number.replace(",", "")
    elif separator and separator != ",":
        number = number.replace(",", separator)
    return f"{text[:found.start('digits')]}{number}{text[found.end('digits'):]}"
