"""Qualifiers: the words that say how a figure bounds the true value ("more than", "some",
"exceeds", ">=", "or more", "and counting"), read before and after the number (the phrases
are data: ``data/qualifiers.txt``, ``data/qualifiers-after.txt``); they join the figure's span.

A qualifier never reaches back past ``floor`` (the end of the figure before), so two figures
never overlap ("10 and more than 15": "and more" is not the first figure's qualifier).
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.quantity import Number
from factcheck.language.lexicon import entries
from factcheck.models import Qualifier

# "pass" is a qualifier after these words ("likely to pass 3,000", "the toll passed 1,000"),
# not in "parliament passed 12 laws".
_PASS_AFTER = "(?:" + "|".join(
    f"(?<={w} )" for w in "to has have had will would could may might toll tally number count figure".split()
) + ")"
LOWER = (Qualifier.more_than, Qualifier.at_least)
UPPER = (Qualifier.less_than, Qualifier.at_most, Qualifier.up_to)
WINDOW = 32


def _phrase(text: str) -> str:
    return r"\s{1,3}".join(re.escape(word) for word in text.split())


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before: dict[str, list[str]] = {}
    for line in entries("extract", "qualifiers"):
        phrase, _, name = line.rpartition(" = ")
        before.setdefault(name, []).append(phrase)
    after: dict[str, list[str]] = {}
    for line in entries("extract", "qualifiers-after"):
        phrase, _, name = line.rpartition(" = ")
        after.setdefault(name, []).append(phrase)

    def groups(table: dict[str, list[str]]) -> str:
        return "|".join(
            f"(?P<{name}>" + "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True)) + ")"
            for name, phrases in table.items()
        )

    return (
        re.compile(r"(?<![\w-])(?P<q>" + groups(before) + r"|(?P<passed>" + _PASS_AFTER + r"pass(?:ed|es|ing)?))\s{0,3}$", re.I),
        re.compile(r"(?:\s{1,3}|(?=\+))(?:" + groups(after) + r")(?!\s{1,3}than\b)(?![\w])(?!\s{0,3}[\d$\u20ac\u00a3])", re.I),
    )


_DURATION = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?)\b", re.I)
_OVER_AS_MORE = re.compile(r"\b(?:for|after|of|in|than)\s+$", re.I)
_ARTICLE = re.compile(r"\b[Aa]n?\s+$")


def before(text: str, start: int, end: int, floor: int) -> tuple[Qualifier | None, int]:
    """The qualifier written right before a number at [start, end) and where it starts."""
    m = _patterns()[0].search(text, max(floor, start - WINDOW), start)
    if not m:
        return None, start
    word = m.group("q").lower()
    if word == "over" and _DURATION.match(text, end) and not _OVER_AS_MORE.search(text, max(floor, m.start() - 8), m.start()):
        return None, start  # "paid over four years": a period, not "more than"
    name = next(k for k, v in m.groupdict().items() if v and k != "q")
    q = Qualifier.more_than if name == "passed" else Qualifier(name)
    begin = m.start()
    if q is Qualifier.approx and word.startswith("estimated"):
        article = _ARTICLE.search(text, max(floor, begin - 3), begin)
        if article:
            begin = article.start()
    return q, begin


def after(text: str, end: int, ceiling: int | None = None) -> tuple[str | None, int]:
    """The qualifier written right after a number ("or more", "+", "or equal to") and its end."""
    m = _patterns()[1].match(text, end)
    if not m or ceiling is not None and m.end() > ceiling:
        return None, end
    return next(k for k, v in m.groupdict().items() if v), m.end()


def read_qualifier(text: str, number: Number, sentence_start: int, ceiling: int | None = None) -> tuple[Qualifier, int, int]:
    """(qualifier, new start, new end): qualifier words join the figure's span. Nothing is read
    before ``sentence_start`` (pass the end of the previous figure when it is later) or at or
    after ``ceiling`` (the start of the next one)."""
    start, end = number.start, number.end
    q, begin = before(text, start, end, sentence_start)
    tail, stop = after(text, end, ceiling)
    if tail == "or_equal":
        if q is Qualifier.more_than:
            return Qualifier.at_least, begin, stop
        if q is Qualifier.less_than:
            return Qualifier.at_most, begin, stop
        tail, stop = None, end
    if tail is not None and (q is None or q is Qualifier.approx):
        return Qualifier(tail), begin, stop  # "about 500 or more": at least
    if q is not None:
        return q, begin, end
    if number.vague:
        return Qualifier.at_least, start, end
    return Qualifier.exact, start, end
