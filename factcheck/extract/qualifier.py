"""Qualifiers: the words that say how a figure bounds the true value ("more than", "some",
"or more"), read before and after the number; they join the figure's span."""

from __future__ import annotations

import re

from factcheck.extract.quantity import Number
from factcheck.models import Qualifier

_QUALIFIERS = (
    (Qualifier.at_most, r"at most|no more than|a maximum of|not more than"),
    (Qualifier.at_least, r"at least|no fewer than|no less than|a minimum of|not less than"),
    (Qualifier.more_than, r"more than|over|upwards of|in excess of|above|just over|well over|greater than|exceeding|beyond"),
    (Qualifier.nearly, r"nearly|almost|close to|just under|just shy of|approaching|not quite"),
    (Qualifier.less_than, r"fewer than|less than|under|below|just below"),
    (Qualifier.up_to, r"up to|as many as|as much as"),
    (Qualifier.approx, r"some|about|around|roughly|approximately|an estimated|estimated|an approximate|approx\.|circa|c\.|almost exactly|a reported|an average of|on average"),
)
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?P<q>" + "|".join(f"(?P<{q.value}>{p})" for q, p in _QUALIFIERS) + r")[ \u00a0]+$", re.I
)
_QUALIFIER_AFTER = re.compile(r"(?P<more>\+| or more\b| and more\b| plus\b)|(?P<approx> or so\b)|(?P<less> or (?:fewer|less)\b)", re.I)
_DURATION = re.compile(r"[ \u00a0]+(?:years?|months?|weeks?|days?|hours?)\b", re.I)
_OVER_AS_MORE = re.compile(r"\b(?:for|after|of|in|than)[ \u00a0]+$", re.I)

def read_qualifier(text: str, number: Number, sentence_start: int) -> tuple[Qualifier, int, int]:
    """(qualifier, new start, new end): qualifier words join the figure's span."""
    start, end = number.start, number.end
    m = _QUALIFIER_BEFORE.search(text, max(sentence_start, start - 25), start)
    after = _QUALIFIER_AFTER.match(text, end)
    if m and m.group("q").lower() == "over" and _DURATION.match(text, end) and not _OVER_AS_MORE.search(text, max(0, m.start() - 8), m.start()):
        m = None  # "paid over four years": a period, not "more than"
    if m:
        qualifier = Qualifier(next(k for k, v in m.groupdict().items() if v and k != "q"))
        start = m.start()
        article = re.search(r"\b[Aa]n?[ \u00a0]+$", text[max(sentence_start, start - 3):start])
        if qualifier is Qualifier.approx and article and m.group("q").lower().startswith("estimated"):
            start -= len(article.group(0))
        return qualifier, start, end
    if after:
        if after.group("more"):
            return (Qualifier.more_than if after.group(0) == "+" else Qualifier.at_least), start, after.end()
        if after.group("approx"):
            return Qualifier.approx, start, after.end()
        return Qualifier.at_most, start, after.end()
    if number.vague:
        return Qualifier.at_least, start, end
    return Qualifier.exact, start, end


