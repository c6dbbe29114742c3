"""How a figure relates to the running total of what it counts (``models.Scope``).

- ``share``: a proportion (a percentage, "one in five").
- ``subset``: a part of a larger count: a partitive ("four of them", "323 of the dead",
  "24 of the 240 people"), an inclusion ("including 40 children", "among them", "Among the
  dead were ..."), a place singled out ("in Poland alone") or a wider region
  ("in neighbouring countries"), a breakdown of the figure before it (``figures``).
- ``increment``: an addition or a period's or an event's count: "a further 45", "another
  20" (when nothing of another kind was counted before it in the sentence), "45 more", "new
  cases", "overnight", "on Saturday", "in the past 24 hours", "every day", "in a strike on a
  school", "an air strike killed 12", "rose by 11"; never the value of a measure ("the toll
  rose to 20,674 on Saturday" is the total on Saturday).
- ``total`` otherwise.

The parse decides where it covers the figure (the time or event must belong to the
figure's own clause, not to "said on Saturday"); the words are the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from factcheck.extract import metric as metrics
from factcheck.extract.fate import lex
from factcheck.extract.syntax import Anchor
from factcheck.language.clauses import clause_head, clause_tokens, text_clause
from factcheck.language.parse import Parse, Token
from factcheck.language.trie import alternation
from factcheck.models import Figure, Scope

_ONE_IN = re.compile(r"[ \u00a0]+in[ \u00a0]+(?:every[ \u00a0]+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_PARTITIVE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:them|whom|those|these|which|the|its|their|his|her|our|[A-Z][\w-]*(?:'s|\u2019s))\b")
_INCLUDED = re.compile(
    r"\b(?:including|among them|among whom|among those|among the (?:dead|victims|killed|wounded|injured)"
    r"|of (?:whom|which|them|those))[ \u00a0]+$", re.I
)
_FRONTED = re.compile(r"\W*(?:Of|Among) (?:them|those|these|whom|the [a-z]+)\b", re.I)
_ALONE = re.compile(r"\b(?:in|across|inside|within)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w'\u2019-]*(?:[ \u00a0]+[A-Z][\w'\u2019-]*){0,3})[ \u00a0]+alone\b")
_DIFFERENCE = re.compile(r"[ \u00a0]+(?:more|fewer|less)[ \u00a0]+than[ \u00a0]+(?:a|the|in|on|last|[A-Z])", re.I)
_WHEN = r"(?:in|over|during|within) the (?:past|last|previous) (?:\d+ |\w+ )?"
_SAID = re.compile(r"\b(?:said|says|told|reported|announced|added|stated)\b")
_DEFINITE = frozenset("the this that".split())
_STOCKS = frozenset({"members", "years"})  # counted at a date, never by the day


def scope_of(
    text: str, start: int, end: int, floor: int, ceiling: int, metric: str, percent: bool,
    spot: Anchor | None, earlier: Sequence[Figure], cumulative: bool = False,
) -> Scope:
    """The scope of the figure text[start:end] in the sentence text[floor:ceiling];
    ``cumulative`` says the figure counts since a date ("since April 2023"): no day or
    event makes it an increment."""
    if percent or metric == "percent" or _ONE_IN.match(text, end):
        return Scope.share
    clause = _clause(text, start, end, floor, ceiling, spot)
    if _subset(text, start, end, floor, spot, clause):
        return Scope.subset
    previous = earlier[-1] if earlier else None
    same = previous is not None and previous.sentence_start == floor
    if _addition(text, start, end, spot):
        if previous is not None and previous.metric != metric and (same or _follows(text, end)):
            return Scope.total  # "950 were kidnapped and another 902 injured", "Dozens more are missing": another kind
        if previous is not None and same and previous.scope is not Scope.increment:
            return Scope.subset  # "2,000 bodies identified and another 900 in morgues"
        return Scope.increment
    if not cumulative and metric not in _STOCKS and _increment(text, start, end, floor, spot, clause):
        return Scope.increment
    return Scope.total


def _follows(text: str, end: int) -> bool:
    """"N more" right after the figure: more of another kind than the one before."""
    return text[end:end + 6].lower().lstrip().startswith("more")


@lru_cache(maxsize=1)
def _change() -> re.Pattern[str]:
    """"rose by", "fell by" right before a figure: it is the difference."""
    return re.compile(rf"\b{alternation(sorted(lex('change-verbs')))}[ \u00a0]+by[ \u00a0]+$", re.I)


@lru_cache(maxsize=1)
def _text_cues() -> re.Pattern[str]:
    """Without a parse: a day ("overnight", "on Saturday", "every day"), a short period ("in
    the past 24 hours") or a single event ("in a strike", "An air strike ...") in the words."""
    day = alternation(sorted(lex("time-words") | lex("weekdays") | lex("rate-words")))
    period = alternation(sorted(lex("period-nouns")))
    event = alternation(sorted(lex("event-nouns")))
    return re.compile(
        rf"\b(?:{day}|last night|this (?:morning|week|weekend)|(?:a|per|each|every) day)\b(?!'s)"
        rf"|\b{_WHEN}{period}\b|\b(?:in|by) (?:an?|one|[A-Z]\w+day's|the) (?:[\w-]+ ){{0,2}}{event}\b"
        rf"|^\W*(?:An?|One) (?:[\w-]+ ){{0,2}}{event}\b",
        re.I,
    )


def _subset(text: str, start: int, end: int, floor: int, spot: Anchor | None, clause: tuple[int, int]) -> bool:
    if spot is not None:
        if spot.partitive is not None and _definite(spot.parse, spot.partitive):
            return True  # "four of them", "323 of the dead", not "dozens of people"
        if spot.inclusion is not None or spot.preposition is not None and spot.preposition.lower in ("including", "among"):
            return True
        if spot.predicate is not None and spot.role.dep in ("nsubj", "attr") and any(
            c.dep == "prep" and c.lower == "among" for c in spot.parse.children(spot.predicate)
        ):
            return True
        if _wider_place(spot):
            return True
    elif _PARTITIVE.match(text, end):
        return True
    if _INCLUDED.search(text, max(floor, start - 30), start) or _FRONTED.match(text, floor, start):
        return True
    alone = _ALONE.search(text, *clause)
    return alone is not None and not _is_period(alone.group(1))


def _definite(parse: Parse, token: Token) -> bool:
    """A group already known: a pronoun ("them", "whom") or a noun with "the", "these", a
    possessive ("the dead", "its 240 passengers")."""
    if token.pos == "PRON":
        return True
    return any(c.dep == "poss" or c.dep == "det" and c.lower in ("the", "these", "those") for c in parse.children(token))


def _is_period(name: str) -> bool:
    return name.lower() in lex("weekdays") or name.split()[0].lower() in (
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    )


def _wider_place(spot: Anchor) -> bool:
    """The figure is placed in "neighbouring countries", "nearby states"."""
    parse = spot.parse
    for token in _clause_tokens(spot):
        if token.dep == "pobj" and token.lower in lex("foreign-nouns") and any(
            c.lower in lex("neighbour-words") for c in parse.children(token)
        ):
            return True
    return False


def _addition(text: str, start: int, end: int, spot: Anchor | None) -> bool:
    """"a further 45", "another 20", "45 more people", "1,200 new cases"."""
    if spot is not None:
        tokens = [spot.number, *([spot.noun] if spot.noun is not None else [])]
        for token in tokens:
            for c in spot.parse.children(token):
                if c.dep in ("amod", "det", "advmod", "quantmod") and c.lower in lex("increment-words"):
                    if c.lower != "more" or c.i > spot.number.i:
                        return True
        return False
    before = text[max(0, start - 20):start].lower().split()
    after = text[end:end + 12].lower().split()
    return bool(before) and before[-1] in ("further", "another", "additional") or bool(after) and after[0] in ("more", "new")


def _increment(text: str, start: int, end: int, floor: int, spot: Anchor | None, clause: tuple[int, int]) -> bool:
    """A change ("rose by 11"), a day's or a short period's count, a single event's."""
    if _change().search(text, max(floor, start - 30), start) or _DIFFERENCE.match(text, end):
        return True
    if spot is not None:
        if metrics.measured(text, spot)[0]:
            return False
        state = spot.predicate is not None and spot.predicate.lower in lex("copulas")
        return any(_dates_or_events(spot.parse, t, state) for t in _clause_tokens(spot))
    words = text[clause[0]:clause[1]]
    return _text_cues().search(words) is not None and not _SAID.search(words)


def _dates_or_events(parse: Parse, token: Token, state: bool = False) -> bool:
    """A token of the figure's clause that dates it to a day or short period, or puts it in a
    single event ("in a strike", "an air strike killed"). A state on a day ("10,000 were
    missing on Tuesday") is the stock of that day, not an increment."""
    lower = token.lower
    kids = parse.children(token)
    if lower in lex("rate-words") and token.dep in ("advmod", "amod", "npadvmod"):
        return True
    if state and (lower in lex("time-words") or lower in lex("weekdays")):
        return False
    if lower in lex("time-words") or lower in lex("weekdays") and token.dep in ("pobj", "npadvmod"):
        return True
    if lower in lex("period-nouns"):
        mods = {c.lower for c in kids}
        if mods & {"past", "last", "previous", "this", "every", "each", "per", "a"} and token.dep in ("pobj", "npadvmod", "dobj"):
            return token.dep != "dobj"
    if lower in lex("event-nouns") and token.dep in ("pobj", "nsubj"):
        if token.tag in ("NNS", "NNPS"):
            return False
        dets = [c for c in kids if c.dep in ("det", "poss")]
        definite = any(d.lower in _DEFINITE for d in dets)
        if token.dep == "pobj" and parse.head(token).lower not in ("in", "by"):
            return False
        return bool(dets) and (not definite or lower not in ("attack", "assault", "massacre", "incident"))
    return False


def _clause_tokens(spot: Anchor) -> list[Token]:
    """The tokens of the figure's clause (its predicate's, or the noun's own relative clause
    is left out), and of the prepositional phrases inside it."""
    parse = spot.parse
    head = clause_head(parse, spot.role)
    tokens = clause_tokens(parse, head)
    return [t for t in tokens if not spot.number.start <= t.start < spot.number.end]


def _clause(text: str, start: int, end: int, floor: int, ceiling: int, spot: Anchor | None) -> tuple[int, int]:
    if spot is not None:
        tokens = _clause_tokens(spot)
        if tokens:
            return min(tokens[0].start, start), max(tokens[-1].end, end)
    return text_clause(text, start, end, floor, ceiling)
