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
from factcheck.language.dates import MONTHS
from factcheck.language.parse import Parse, Token
from factcheck.language.trie import alternation
from factcheck.models import Figure, Scope

_ONE_IN = re.compile(r"[ \u00a0]+in[ \u00a0]+(?:every[ \u00a0]+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_PARTITIVE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:them|whom|those|these|which|the|its|their|his|her|our|[A-Z][\w-]*(?:'s|\u2019s))\b")
_INCLUDED = re.compile(
    r"\b(?:including|among them|among whom|among those|among the (?:dead|victims|killed|wounded|injured)"
    r"|of (?:whom|which|them|those))[ \u00a0]+$", re.I
)
_FRONTED = re.compile(r"\W*(?:Of|Among) (?:them|those|these|whom|the (?:\d[\d,.]*[ \u00a0]+)?[a-z]+)\b", re.I)
_ALONE = re.compile(r"\b(?:[Ii]n|[Aa]cross|[Ii]nside|[Ww]ithin)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w'\u2019-]*(?:[ \u00a0]+[A-Z][\w'\u2019-]*){0,3})[ \u00a0]+alone\b")
_DIFFERENCE = re.compile(r"[ \u00a0]+(?:more|fewer|less)[ \u00a0]+than[ \u00a0]+(?:a|the|in|on|last|[A-Z])", re.I)
_WHEN = r"(?:in|over|during|within) the (?:past|last|previous) (?:\d+ |\w+ )?"
_SAID = re.compile(r"\b(?:said|says|told|reported|announced|added|stated)\b")
_DEFINITE = frozenset("the this that".split())
_STOCKS = frozenset({"members", "years"})  # counted at a date, never by the day
_DATE = rf"(?:\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?|\b\d{{1,2}}\s+{MONTHS}|\b\d{{1,2}}/\d{{1,2}})"
_DATED = re.compile(rf"{_DATE}(?:,?\s+\d{{4}})?(?:\s+[\w'\u2019-]+){{0,2}}?\s+$", re.I)  # "the Oct. 7 (Hamas) attack"
_STARTED = re.compile(r"\s+(?:that|which)\s+(?:started|triggered|sparked|began|ignited|unleashed)\s+the\s+(?:war|conflict)\b", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?]|$)")
_BLANK_LINE = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")


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
        measure = metrics.measure_of(spot)
        if measure is not None:
            return _dated_measure(spot.parse, measure)  # "Monday's toll of 87"; "the toll rose to 569 on Monday" is a total
        state = spot.predicate is not None and (
            spot.predicate.lower in lex("copulas") or spot.predicate.lower in lex("state-words")
        )
        perfect = _perfect(spot)
        counted = {spot.nominal.i} | ({spot.noun.i} if spot.noun is not None else set())
        own = [t for t in (*_clause_tokens(spot), *_modifier_tokens(spot)) if t.i not in counted]
        events = [t for t in own if _dates_or_events(spot.parse, t, state, perfect)]
        events += [t for t in _event_clause_tokens(spot) if _one_event(spot.parse, t, perfect)]
        if not events:  # "killed 250 and wounded 500 others in the space of 24 hours": a time closing the coordination
            events = [t for t in _shared_time_tokens(spot) if _dates_or_events(spot.parse, t, state, perfect)]
        return any(not _defining(text, spot.parse, t, floor) for t in events)
    words = text[clause[0]:clause[1]]
    return _text_cues().search(words) is not None and not _SAID.search(words)


def _dates_or_events(parse: Parse, token: Token, state: bool = False, perfect: bool = False) -> bool:
    """A token of the figure's clause that dates it to a day or short period, or puts it in a
    single event ("in a strike", "an air strike killed", "in the latest attacks"). A state on
    a day ("10,000 were missing on Tuesday") is the stock of that day, not an increment."""
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
        if token.dep == "pobj" and any(c.dep == "nummod" for c in kids) and _within(parse, token):
            return True  # "in 24 hours", "within two days", "in the space of 48 hours"
    if _period_of_events(parse, token) or _last_period(parse, token):
        return True
    if lower in lex("long-periods") and (
        token.dep == "npadvmod" and any(c.lower in ("each", "every", "per") for c in kids)
        or token.dep == "npadvmod" and _right_after_a_count(parse, token)
        or token.dep == "pobj" and parse.head(token).lower == "per"
    ):
        return True  # a rate: "killed each month", "5,000 people a year", "per month"
    if (lower in lex("event-nouns") or lower in lex("weapon-nouns")) and token.dep in ("pobj", "nsubj"):
        if token.dep == "pobj" and parse.head(token).lower not in ("in", "by", "during"):
            return False
        return _one_event(parse, token, perfect)
    return False


def _dated_measure(parse: Parse, measure: Token) -> bool:
    """A measure owned by a day: "Monday's toll", "the day's death toll", "yesterday's toll"."""
    return any(
        c.dep == "poss" and (c.lower in lex("weekdays") or c.lower in lex("time-words") or c.lower == "day")
        for c in parse.children(measure)
    )


def _period_of_events(parse: Parse, token: Token) -> bool:
    """A period of events as the subject: "A week of fighting left 150 dead", "three days of
    clashes killed ...": the count of that period."""
    if token.dep != "nsubj" or not (token.lower in lex("period-nouns") or token.lower in lex("long-periods")):
        return False
    return any(
        c.dep == "prep" and c.lower == "of" and any(
            g.dep == "pobj" and (g.lower in lex("event-nouns") or g.lower.endswith("ing")) for g in parse.children(c)
        )
        for c in parse.children(token)
    )


def _last_period(parse: Parse, token: Token) -> bool:
    """"Last month, 5,000 crossed": a long period named as the past one is that period's count
    ("this year" is counted since January: ``period``)."""
    return token.lower in lex("long-periods") and token.dep in ("npadvmod", "pobj") and any(
        c.dep == "amod" and c.lower in ("last", "previous", "past") for c in parse.children(token)
    ) and not any(c.dep == "nummod" for c in parse.children(token))


def _right_after_a_count(parse: Parse, token: Token) -> bool:
    """"a month" right after a counted noun or number ("5,000 people a month"), not "a year on"."""
    if token.i < 2 or parse.tokens[token.i - 1].lower not in ("a", "an"):
        return False
    before = parse.tokens[token.i - 2]
    return before.pos == "NUM" or any(c.dep == "nummod" for c in parse.children(before))


def _within(parse: Parse, token: Token) -> bool:
    """A period the count falls within: "in", "within", "over", "during" it, or "in the space
    of" it."""
    head = parse.head(token)
    if head.lower in ("in", "within", "over", "during"):
        return True
    if head.lower == "of" and not head.is_root:
        owner = parse.head(head)
        return owner.lower in ("space", "course") and not owner.is_root and parse.head(owner).lower in ("in", "within", "over")
    return False


def _one_event(parse: Parse, token: Token, perfect: bool) -> bool:
    """An event noun (or a weapon's hit) that names one event or the latest few: "a strike",
    "the attack", "the bombardment of the town", "the latest attacks", "two raids", "the
    raids"; not bare plurals ("in strikes") or a campaign in the present perfect ("Israel's
    bombardment of Gaza has killed ..."), whose count is the running total."""
    lower = token.lower
    if lower in lex("event-verbs") and token.pos == "VERB":
        # "when their school collapsed", not "when two earthquakes struck" (the event of its own toll)
        return not any(c.dep in ("nsubj", "nsubjpass") and c.lower in lex("disaster-nouns") for c in parse.children(token))
    if lower not in lex("event-nouns") and lower not in lex("weapon-nouns"):
        return False
    kids = parse.children(token)
    plural = token.tag in ("NNS", "NNPS")
    if any(c.lower in lex("recent-words") for c in kids if c.dep in ("amod", "advmod")) or any(
        c.dep == "nummod" for c in kids
    ):
        return True  # "the latest attacks", "two raids"
    if any(c.dep == "poss" and (c.lower in lex("weekdays") or c.lower in lex("time-words")) for c in kids):
        return True  # "Friday's strikes"
    dets = [c for c in kids if c.dep in ("det", "poss")]
    if not dets:
        return False
    if lower in lex("weapon-nouns"):
        return not plural and not any(d.lower in _DEFINITE for d in dets)  # "a rocket", not "the rockets"
    definite = any(d.dep == "poss" or d.lower in _DEFINITE or d.lower in ("these", "those") for d in dets)
    if definite and perfect and lower in lex("campaign-nouns"):
        return False
    if plural:
        return any(d.lower in ("the", "these", "those") for d in dets)  # not "Israel's strikes"
    return True


def _defining(text: str, parse: Parse, token: Token, floor: int) -> bool:
    """An event that is the event of its own toll, not one event of a war: named by its date
    ("the Oct. 7 attack", "the 7 October attacks"), by what it started ("the attack that
    started the war") or by its perpetrator alone ("in the Hamas attack."), or "the attack"
    again after such a mention in its paragraph."""
    if token.lower not in lex("event-nouns"):
        return False
    if _DATED.search(text, max(floor, token.start - 40), token.start) or _STARTED.match(text, token.end):
        return True
    if _named_alone(text, parse, token):
        return True
    if not re.match(r"(?i)the\s+$", text[max(floor, token.start - 4):token.start]):
        return False
    lo = max(0, floor - 600)
    lo = max([lo, *(m.end() for m in _BLANK_LINE.finditer(text, lo, floor))])  # the paragraph's start
    word = re.escape(token.lower).rstrip("s")
    mention = re.compile(rf"{_DATE}(?:\s+[\w'\u2019-]+){{0,2}}?\s+{word}s?\b|\b{word}s?{_STARTED.pattern}", re.I)
    return mention.search(text, lo, token.start) is not None


def _named_alone(text: str, parse: Parse, token: Token) -> bool:
    """"the Hamas attack" closing its clause: a singular event named by who did it and nothing
    else (no place, target or day, unlike "the Hamas attack on a bus")."""
    kids = parse.children(token)
    return (
        token.tag == "NN"
        and any(c.dep == "det" and c.lower == "the" for c in kids)
        and any(c.dep == "compound" and c.pos == "PROPN" for c in kids)
        and _CLAUSE_END.match(text, token.end) is not None
    )


def _perfect(spot: Anchor) -> bool:
    """The figure's clause is in the present perfect ("has killed", "have been killed"): a
    running count."""
    head = clause_head(spot.parse, spot.role)
    return any(c.dep == "aux" and c.lower in ("has", "have", "'s", "\u2019s", "'ve") for c in spot.parse.children(head))


def _event_clause_tokens(spot: Anchor) -> list[Token]:
    """The subjects and objects of an adverbial clause of the figure's clause that says what
    happened to them: "... were injured when a rocket hit a school"."""
    parse = spot.parse
    head = clause_head(parse, spot.role)
    out: list[Token] = []
    if head.dep == "conj" and not head.is_root:  # "a bomb killed two and wounded three": a shared subject
        out.extend(t for t in parse.children(parse.head(head)) if t.dep == "nsubj")
    for c in parse.children(head):
        if c.dep == "advcl" and any(m.dep in ("mark", "advmod") and m.lower in ("when", "after", "as") for m in parse.children(c)):
            if c.lower in lex("event-verbs"):
                out.append(c)  # "... were killed when their school collapsed"
            out.extend(t for t in parse.children(c) if t.dep in ("nsubj", "nsubjpass"))
    return out


def _shared_time_tokens(spot: Anchor) -> list[Token]:
    """The time phrases of the last verb coordinated with the figure's (after its own
    arguments), which date the whole coordination: "killed 250 and wounded 500 others in
    the space of 24 hours"."""
    parse = spot.parse
    head = clause_head(parse, spot.role)
    conjuncts = [c for c in parse.children(head) if c.dep == "conj" and c.pos == "VERB"]
    if not conjuncts:
        return []
    last = conjuncts[-1]
    if last.lower in lex("report-verbs") or not any(c.dep in ("dobj", "nsubjpass", "nsubj") and (c.pos == "NUM" or any(k.dep == "nummod" for k in parse.children(c))) for c in parse.children(last)):
        return []  # a coordination of counts only
    out: list[Token] = []
    for c in parse.children(last):
        if c.dep in ("prep", "npadvmod") and c.i > last.i:
            out.extend(t for t in parse.subtree(c) if t.lower not in lex("event-nouns"))
    return out


def _modifier_tokens(spot: Anchor) -> list[Token]:
    """The tokens of a participle or relative clause on the figure's own noun: what happened
    to what it counts ("More than 400 killed in the latest attacks", "people who died
    overnight")."""
    parse = spot.parse
    out: list[Token] = []
    for holder in dict.fromkeys(t for t in (spot.nominal, spot.number) if t is not None):
        for c in parse.children(holder):
            if c.dep in ("acl", "relcl") and c.pos == "VERB" and c.i > holder.i:
                out.extend(clause_tokens(parse, c))
    return out


def _clause_tokens(spot: Anchor) -> list[Token]:
    """The tokens of the figure's clause (its predicate's, or the noun's own relative clause
    is left out), and of the prepositional phrases inside it."""
    parse = spot.parse
    found = parse.remember(
        ("scope-clause", spot.role.i, spot.number.i),
        lambda: tuple(t for t in clause_tokens(parse, clause_head(parse, spot.role)) if not spot.number.start <= t.start < spot.number.end),
    )
    return list(found)


def _clause(text: str, start: int, end: int, floor: int, ceiling: int, spot: Anchor | None) -> tuple[int, int]:
    if spot is not None:
        tokens = _clause_tokens(spot)
        if tokens:
            return min(tokens[0].start, start), max(tokens[-1].end, end)
    return text_clause(text, start, end, floor, ceiling)
