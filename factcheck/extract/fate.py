"""What happened to the people a figure counts, read from a word of the parse: its fate.

A fate is a metric named by a verb, participle or adjective ("killed", "died", "dead",
"wounded", "abducted", "fled", "arrested") or a fixed phrase starting with one ("taken
hostage", "lost their lives", "shot dead"; the lists are ``data/fates-<metric>.txt``), by
its complement ("left homeless", "went missing", "were reported killed"; "feared dead" is
missing), or by where it puts them ("behind bars", "in detention", "from their homes", "for
injuries", "as refugees"). A flight across a border ("fled to neighbouring countries",
"crossed into Chad", "fled Ukraine", "abroad") counts refugees; within a country, the
displaced (an arrival, "reached Tawila", says neither). "released" and "freed" are a fate of their own: the people keep what they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from factcheck.extract import wording
from factcheck.extract.syntax import Anchor, compound_text, phrase_text
from factcheck.language.lexicon import entries, words
from factcheck.language.parse import Parse, Token

FATES = ("killed", "injured", "missing", "hostages", "detained", "displaced", "refugees", "released")
IsCountry = Callable[[str], bool]
_DESTINATIONS = frozenset("to into for toward towards".split())
FATE_NOUNS = frozenset("dead wounded injured missing displaced".split())  # fates that stand as nouns
_POSSESSORS = frozenset("the their his her its".split())


@lru_cache(maxsize=128)
def lex(name: str) -> frozenset[str]:
    """A word list of this package (``data/<name>.txt``), read once."""
    return words("extract", name)


@lru_cache(maxsize=1)
def _fates() -> tuple[dict[str, str], re.Pattern[str] | None, dict[str, str]]:
    """Single fate words -> metric; one pattern of the fate phrases (longest first) and the
    metric of each of its groups."""
    single: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for metric in FATES:
        for entry in entries("extract", f"fates-{metric}"):
            if " " in entry:
                phrases.append((entry, metric))
            else:
                single.setdefault(entry, metric)
    phrases.sort(key=lambda p: -len(p[0]))
    groups = {f"m{i}": metric for i, (_, metric) in enumerate(phrases)}
    pattern = "|".join(f"(?P<m{i}>{' +'.join(map(re.escape, p.split()))})" for i, (p, _) in enumerate(phrases))
    return single, re.compile(rf"(?:{pattern})\b") if phrases else None, groups


def fate_word(text: str, parse: Parse, token: Token, adjective: bool = False) -> str | None:
    """The fate a token names by itself or as the first word of a fixed phrase ("taken
    hostage"). A noun names none unless it is a fate standing as a noun ("the dead"), or
    ``adjective`` says the word modifies one ("dead hostages")."""
    single, phrases, groups = _fates()
    if phrases is not None:
        m = phrases.match(phrase_text(text, parse, token))
        if m and m.lastgroup:
            return groups[m.lastgroup]
    if token.pos in ("NOUN", "PROPN") and not adjective and token.lower not in FATE_NOUNS:
        return None
    return single.get(token.lower)


def fate(text: str, parse: Parse, token: Token, depth: int = 0) -> str | None:
    """The fate a predicate gives the people it is about: its own word, else its complement,
    else where it puts them."""
    own = fate_word(text, parse, token)
    if own is not None:
        return own
    if depth > 2:
        return None
    reporting = token.lower in lex("report-verbs")
    for c in parse.children(token):
        bare = c.dep == "advcl" and not any(m.dep == "mark" for m in parse.children(c))  # "feared drowned"
        if c.dep in ("acomp", "oprd", "xcomp", "attr") or reporting and (c.dep == "ccomp" or bare):
            found = fate(text, parse, c, depth + 1)
            if found is not None:
                return "missing" if found == "killed" and token.lower in lex("fear-verbs") else found
    for prep in parse.children(token):
        if prep.dep != "prep":
            continue
        for obj in [t for t in parse.subtree(prep) if t.dep == "pobj"][:2]:
            found = _placed(prep.lower, obj.lower)
            if found is not None:
                return found
    return None


def _placed(preposition: str, place: str) -> str | None:
    """Where a preposition puts people: "in detention", "from their homes", "for injuries"."""
    if preposition in ("in", "behind", "into") and place in lex("custody-nouns"):
        return "detained"
    if preposition in ("from", "out", "of") and place in lex("homes"):
        return "displaced"
    if preposition in ("for", "from", "with", "of") and place in lex("nouns-injured"):
        return "injured"
    if preposition == "as" and wording.people_heads().get(place) == "refugees":
        return "refugees"
    return None


def crosses_border(parse: Parse, token: Token, is_country: IsCountry) -> bool:
    """Whether a flight (or arrival) takes people into another country: out of a country
    ("fled Ukraine", "left the country"), across "the border", "abroad", or to a country named
    as such (not a city or region: "Port Sudan") or to "neighbouring countries"."""
    for c in parse.children(token):
        if c.dep == "advmod" and c.lower in lex("abroad-words"):
            return True
        if c.dep == "dobj":
            if _a_country(parse, c, is_country) or c.lower in lex("border-nouns"):
                return True
            if any(p.dep == "prep" and p.lower in _DESTINATIONS and foreign(parse, p, is_country) for p in parse.children(c)):
                return True  # "fled Myanmar's Rakhine state for Bangladesh", attached to the state
        if c.dep != "prep":
            continue
        if c.lower == "out":
            objects = [t for of in parse.children(c) if of.lower == "of" for t in parse.children(of) if t.dep == "pobj"]
            if any(_a_country(parse, t, is_country) for t in objects):
                return True
        elif c.lower in ("across", "over"):
            if any(t.dep == "pobj" and t.lower in lex("border-nouns") for t in parse.children(c)):
                return True
        elif c.lower in _DESTINATIONS and foreign(parse, c, is_country):
            return True
    return False


def foreign(parse: Parse, preposition: Token, is_country: IsCountry) -> bool:
    """The preposition's object is another country: "to neighbouring countries", "into Chad"."""
    return any(
        t.dep == "pobj" and (t.lower in lex("foreign-nouns") or t.pos == "PROPN" and is_country(proper_name(parse, t)))
        for t in parse.children(preposition)
    )


def _a_country(parse: Parse, token: Token, is_country: IsCountry) -> bool:
    """A country named ("Ukraine") or "the country" / "their country"."""
    if token.pos == "PROPN":
        return is_country(proper_name(parse, token))
    return token.lower == "country" and any(d.lower in _POSSESSORS for d in parse.children(token))


def proper_name(parse: Parse, token: Token) -> str:
    """A proper noun with its compounds, as written ("Port Sudan", "Burkina Faso")."""
    parts = sorted([c for c in parse.children(token) if c.dep == "compound" and c.pos == "PROPN"] + [token], key=lambda t: t.i)
    return " ".join(t.text for t in parts)


def flight(parse: Parse, token: Token, found: str | None, is_country: IsCountry) -> str | None:
    """A displacement becomes refugees across a border; a crossing into another country counts
    refugees."""
    if found == "displaced" and crosses_border(parse, token, is_country):
        return "refugees"
    if found is None and token.lower in lex("crossing-verbs") and crosses_border(parse, token, is_country):
        return "refugees"
    return found


def is_measure_word(parse: Parse, token: Token) -> bool:
    """A noun whose value a figure can state: a toll, number, tally, total, deaths, the dead."""
    return (
        token.lower in lex("measures") or compound_text(parse, token) in lex("death-measures")
        or wording.strong_heads().get(token.lower) in ("killed", "injured") or token.lower in FATE_NOUNS
    )


def custody(parse: Parse, a: Anchor, is_country: IsCountry) -> str | None:
    """People a verb of custody holds ("the army was holding 14 activists"): the detained, or
    hostages when armed men who are not a state hold them."""
    verb = a.predicate
    noun = a.noun
    if verb is None or noun is None or a.role is not noun or noun.dep != "dobj" or verb.lower not in lex("holding-verbs"):
        return None
    if noun.lower not in lex("person-nouns") and not (noun.tag == "NNPS" and noun.lower.endswith("s")):
        return None
    holder = next((c for c in parse.children(verb) if c.dep == "nsubj"), None)
    if holder is not None and holder.lower in lex("captor-nouns"):
        return "hostages"
    return "detained"
