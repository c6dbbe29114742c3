"""The day a figure was given, when the copy dates it before publication ("the ministry said
on Saturday that ...", "on Saturday the authority put the toll at about 100", "the toll rose
to 569 on Tuesday").

The day is a weekday or a date ("Oct. 7") attached by "on" to a verb that gives the figure
(``data/statement-verbs.txt``): a reporting verb or a measure's verb. A day attached to the
event counted ("1,200 were killed on Oct. 7") dates the event, not the figure; a day within
the grace of publication changes nothing. Read on the parse only.
"""

from __future__ import annotations

import datetime as dt

from factcheck.extract.fate import lex
from factcheck.extract.syntax import Anchor
from factcheck.language.dates import month_number, on_or_before, resolve
from factcheck.language.parse import Parse, Token


def stated_on(spot: Anchor | None, published: dt.date | None) -> dt.date | None:
    """The day the figure was given, if the sentence dates it before ``published``; else None."""
    if spot is None or published is None:
        return None
    parse = spot.parse
    for token, expression in _days(parse):
        verb = _giver(parse, token)
        if verb is None:
            continue
        day = on_or_before(token.lower, published) if token.lower in lex("weekdays") else resolve(expression, published)
        if day is not None and day > published:
            day = day.replace(year=day.year - 1)
        if day is not None and day < published:
            return day
    return None


def _days(parse: Parse) -> tuple[tuple[Token, str], ...]:
    """The day expressions of a parse, found once."""
    return parse.remember("days", lambda: tuple((t, e) for t in parse if (e := _day(parse, t)) is not None))


def _day(parse: Parse, token: Token) -> str | None:
    """The day expression a token opens: a weekday ("Saturday") or a month with its day
    ("Oct. 7", "7 October")."""
    if token.lower in lex("weekdays"):
        return token.text
    if month_number(token.lower) is not None and token.i + 1 < len(parse.tokens):
        nxt = parse.tokens[token.i + 1]
        if nxt.text.isdigit() and 1 <= int(nxt.text) <= 31:
            return f"{token.text} {nxt.text}"
    if token.text.isdigit() and 1 <= int(token.text) <= 31 and token.i + 1 < len(parse.tokens):
        nxt = parse.tokens[token.i + 1]
        if month_number(nxt.lower) is not None:
            return f"{token.text} {nxt.text}"
    return None


def _giver(parse: Parse, token: Token) -> Token | None:
    """The verb that gives the figure at this day: the head of the "on" the day hangs from
    (or of the day itself), when it is a statement verb."""
    head = parse.head(token)
    if token.pos == "NUM" and month_number(head.lower) is not None:
        head = parse.head(head)  # "7 October": the month carries the attachment
    if head.lower == "on" and not head.is_root:
        head = parse.head(head)
    elif token.dep != "npadvmod":
        return None
    return head if head.lower in lex("statement-verbs") else None
