"""Which numbers are claims: the rules of tests/corpus/README.md ("Not claims", "Years",
"Ordinals") applied to the numbers ``numbers.find_numbers`` found (``is_claim``, on the
words), and once the sentence is parsed (``counts_nothing``).

Ordinals, dates, times and codes never reach this module (``numbers`` skips them). Here a
number is dropped when it is a referential numeral ("the two countries", "the world's two biggest"), a bare "one", a
capitalised number word inside a name ("Group of Seven"), a time offset or calendar period
("two days after", "the first nine months", "in the past 24 hours", "in the space of 48 hours"), a non-counting compound ("two-thirds",
"one-sided"), or a year that does not date a past event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from factcheck.extract.quantity import Number
from factcheck.language.clauses import text_clause
from factcheck.language.lexicon import words
from factcheck.language.parse import Parse
from factcheck.language.segment import Sentence

REFERENTIAL_MAX = 12
# Compounds that do not count anything ("two-thirds", "one-sided", "five-star hotel").
NOT_COUNTING = frozenset(
    """way ways sided off time times fold third thirds quarter quarters half halves star party child on to
    and or all up nil liner storey story speed track seater piece digit""".split()
)
_QUALIFIER_WORDS = re.compile(
    r"(?:at (?:most|least)|no (?:more|fewer|less) than|more than|over|fewer than|less than|under|up to|as many as"
    r"|some|about|around|roughly|nearly|almost|approximately|an estimated|estimated)[ \u00a0]+$",
    re.I,
)
_DETERMINER = re.compile(r"\b(?:the|these|those|both|all|first|last|other|next)[ \u00a0]+$", re.I)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s)[ \u00a0]+$")
_WHEN_OWNER = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|week|weekend|month|year)"
    r"(?:'s|\u2019s)[ \u00a0]+$", re.I
)
_SUPERLATIVE = re.compile(r"[ \u00a0]+(?:most|least|[a-z]+est)\b")
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:most|least|[a-z]{2,}est|biggest|worst|best)\s+$", re.I)
_REFERENCE_PERIOD = re.compile(r"\s+(?:average|averages|mean|norm)\b", re.I)
_PERSON_AFTER_ONE = re.compile(
    r"[ \u00a0]+(?:(?:more|other|further|additional) )?(?:person|child|man|woman|soldier|civilian|journalist|hostage|"
    r"fighter|officer|worker|policeman|Palestinian|Israeli|Ukrainian|Russian|citizen|resident|migrant|refugee|patient)\b",
    re.I,
)
_TIME_OFFSET = re.compile(
    r"[ \u00a0-]+(?:days?|weeks?|months?|hours?|minutes?)[ \u00a0]+(?:ago|after|before|later|earlier|into|on)\b", re.I
)
_PLACE_OFFSET = re.compile(
    r"[ \u00a0-]*(?:km|kms|kilometres?|kilometers?|miles?|mi|nautical[ \u00a0]+miles?|metres?|meters?|m)[ \u00a0]+"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
    r"(?:ern)?\b|(?:from|off|outside|inland|offshore|away|beyond|short[ \u00a0]+of)\b)",
    re.I,
)
_CALENDAR_PERIOD = re.compile(r"\b(?:the )?(?:first|last|past|previous|final|opening) $|\bthe (?:space|course) of $", re.I)
_DURATION = re.compile(r"[ \u00a0]+years?\b(?![ \u00a0-]old)", re.I)
_PERIOD_UNIT = re.compile(r"[ \u00a0]+(?:hours|days|weeks|months|quarters)\b", re.I)
_EVERY = re.compile(r"\bevery[ \u00a0]+$", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:since|in)[ \u00a0]+(?:(?:early|late|mid)[ \u00a0]+)?$", re.I)


def is_claim(
    text: str, number: Number, sentence: Sentence, neighbours: Sequence[Number], published: dt.date | None
) -> bool:
    """Whether a number (not joined into a range) states a checkable quantity."""
    before = text[max(sentence.start, number.start - 30):number.start]
    if number.unreadable or number.share:
        return True  # an unreadable figure is reported as such; a share is a proportion
    if number.compound:
        head = number.compound.split("-")[0]
        if head in ("year", "years") and _REFERENCE_PERIOD.match(text, number.end):
            return False  # "its 30-year average"
        if number.value == 1 and _SUPERLATIVE_BEFORE.search(before):
            return False  # "the heaviest one-day losses"
        return head not in NOT_COUNTING
    if number.unit or number.percent or number.vague:
        return True
    if number.words and _in_name(text, number, sentence):
        return False
    if _CALENDAR_PERIOD.search(before) and _PERIOD_UNIT.match(text, number.end):
        return False
    if _DURATION.match(text, number.end) and not _TIME_OFFSET.match(text, number.end):
        return True  # "over the next four years", "one year after the start of the war"
    if number.words and number.value == 1 and not _PERSON_AFTER_ONE.match(text, number.end):
        return False
    if number.value <= REFERENTIAL_MAX and not _QUALIFIER_WORDS.search(before) and not _counted_events(text, number.end):
        possessive = _POSSESSIVE.search(before)
        if _DETERMINER.search(before) or possessive and (_SUPERLATIVE.match(text, number.end) or _WHEN_OWNER.search(before)):
            return False  # "the two countries", "the world's two biggest economies"
    if _TIME_OFFSET.match(text, number.end) or _EVERY.search(before):
        return False  # "two days after"; a ratio or a frequency: "one for every three prisoners", "every 10 minutes"
    if _PLACE_OFFSET.match(text, number.end):
        return False  # "about 70 kilometres west of El-Fasher", "40 km from the border": a place in disguise
    if is_year(text, number):
        return _dates_an_event(text, number, sentence, neighbours, published)
    return True


@lru_cache(maxsize=1)
def _events_after() -> re.Pattern[str]:
    """Nouns that count events or members, not things already named: "the nine deaths that X
    reported", "all seven G7 members" state a figure even after "the"."""
    nouns = set().union(*(words("extract", f"nouns-{m}") for m in ("killed", "injured", "detained", "missing", "hostages")))
    nouns -= {"dead", "bodies", "corpses", "remains", "wounds"}  # "the two dead" are people already named
    nouns |= {"members", "member states", "member countries", "member nations"}
    alternatives = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(rf"[ \u00a0]+(?:[\w+-]+[ \u00a0]+)?(?:{alternatives})\b", re.I)


def _counted_events(text: str, end: int) -> bool:
    return _events_after().match(text, end) is not None


def is_year(text: str, number: Number) -> bool:
    """A bare four-digit year (1800-2100), not "2,000" or "2000 people"."""
    surface = text[number.start:number.end]
    return len(surface) == 4 and surface.isdigit() and 1800 <= number.value <= 2100


def _in_name(text: str, number: Number, sentence: Sentence) -> bool:
    """A capitalised number word after a lower-case word mid-sentence: part of a name."""
    if not text[number.start].isupper() or number.start == sentence.start:
        return False
    m = re.search(r"([A-Za-z]+)[ \u00a0]+$", text[max(sentence.start, number.start - 20):number.start])
    return m is not None and m.group(1)[0].islower() and not _QUALIFIER_WORDS.search(text[sentence.start:number.start])


def _dates_an_event(
    text: str, number: Number, sentence: Sentence, neighbours: Sequence[Number], published: dt.date | None
) -> bool:
    """A year after since/in that dates a past event, not another figure's reference period."""
    before = text[max(sentence.start, number.start - 20):number.start]
    if not _YEAR_BEFORE.search(before):
        return False
    if published is not None and number.value >= published.year:
        return False
    start, end = text_clause(text, number.start, number.end, sentence.start, sentence.end)
    for other in neighbours:
        if other is not number and start <= other.start < end and not is_year(text, other):
            return False
    return True



def counts_nothing(parse: Parse, number: Number) -> bool:
    """On the parse, a number that states no checkable quantity: the count of a statement's
    speakers ("Two diplomats told AFP ...", "Three officials said ..."), or part of a name
    (a number before a proper noun in a singular noun phrase: "the 88 Generation movement")."""
    if number.unit or number.percent or number.share or number.compound:
        return False
    token = parse.head_of_span(number.start, number.end)
    if token is None or token.dep != "nummod" or token.is_root:
        return False
    head = parse.head(token)
    after = parse.tokens[token.i + 1] if token.i + 1 < len(parse.tokens) else None
    if (
        not number.words and head.tag == "NN" and head.i > token.i and after is not None and after.tag == "NNP"
        and head.lower not in words("extract", "plural-nouns")
    ):
        return True  # "the 88 Generation movement", not "200 UNRWA staff"
    if head.dep == "nsubj" and head.lower in words("extract", "speaker-nouns") and not head.is_root:
        return parse.head(head).lower in words("extract", "speaking-verbs")
    return False
