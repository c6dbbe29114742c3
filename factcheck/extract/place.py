"""Where a figure's counted thing is (tests/corpus/README.md, "Location").

A place named in the figure's own clause (on the parse, its clause with the counted noun's
modifiers) (after it with "in", "across", "at" ... first, else the nearest); for a figure that
refers back ("compared with about 500 a day"), the place of the figure it refers to; else the
nearest place in its sentence; else the place the preceding sentences name most (a tie is
broken by the headline, else by the dateline's city: "KYIV -"); else the headline's. A headline
figure looks at the lead paragraph. A people counted by its name in a clause naming no place
is of its home ("1,200 Israelis", in copy about Gaza), and a country acting on another
("Russia's invasion", "Israeli strikes") counts a quarter. Nationality words count after a
preposition and a noun of holding ("held in Israeli jails") and, at half weight, in earlier
sentences. Membership counts have no place; money takes its recipient, not its donor
("Germany pledged ..."); refugees are counted in the one country they went to ("crossed into
Chad"), else where they come from ("Sudanese", "fled Ukraine for Poland and Romania").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from factcheck.extract.fate import fate_word, lex, proper_name
from factcheck.extract.syntax import Anchor, figure_tokens
from factcheck.language.clauses import text_clause
from factcheck.language.gazetteer import Gazetteer, Mention
from factcheck.language.lexicon import entries
from factcheck.language.parse import Parse, Token
from factcheck.language.segment import Sentence, after_dateline
from factcheck.models import Figure

_BEFORE_PLACE = re.compile(
    r"\b(?:in|across|inside|within|from|of|to|into|for|on|at|near|around|off|over|throughout)[ \u00a0]+"
    r"(?:the[ \u00a0]+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)[ \u00a0]+)?$",
    re.I,
)
_DONOR_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:also|has|have|had|will|would|on \w+day))*[ \u00a0]+(?:pledg|committ|offer|announc|gave|giv|promis|donat|provid)",
    re.I,
)
_HELD_IN = re.compile(r"[ \u00a0]+(?:jails?|prisons?|custody|captivity|hands|territory|waters|airspace|camps?)\b", re.I)
_LIST_GAP = re.compile(r"^(?:,|,? and)[ \u00a0]+(?:the[ \u00a0]+)?$")
_AGENT_AFTER = re.compile(r"(?:['\u2019]s)?((?:[ \u00a0]+[\w-]+){1,3})")
_AGENT_WEIGHT = 0.25  # "Russia's invasion" names who acts; it still places copy about one country's own army
_HOME_METRICS = frozenset({"killed", "injured", "displaced", "missing"})
_BACK = 5


def location_of(
    text: str, sentences: Sequence[Sentence], index: int, start: int, end: int, limit: int,
    metric: str, gazetteer: Gazetteer, headline: Sentence | None, refers_to: Figure | None = None,
    spot: Anchor | None = None,
) -> str | None:
    """The canonical place of the figure text[start:end] in sentences[index]."""
    if metric == "members":
        return None
    sentence = sentences[index]
    if metric == "refugees" and spot is not None:
        origin = _origin(spot, gazetteer)
        if origin is not None:
            return origin
    money = metric in ("money", "aid")
    here = [m for m in gazetteer.mentions(text, sentence.start, sentence.end) if not (money and _is_donor(text, m))]
    here = [m for m in here if not _listed_items(text, end, m)]
    names = [m for m in here if not m.demonym]
    in_clause_at = _clause_test(text, sentence, start, end, limit, spot)
    hi = min(limit, sentence.end)
    after = [
        m for m in here if end <= m.start < hi and in_clause_at(m.start) and _BEFORE_PLACE.search(text[max(0, m.start - 24):m.start])
        and (not m.demonym or _HELD_IN.match(text, m.end))
    ]
    after_names = [m for m in after if not m.demonym]
    if after_names:
        first = after_names[0]
        if any(_LIST_GAP.match(text[first.end:m.start]) for m in names if m.start > first.end and m.name != first.name):
            return None  # "across Mali, Burkina Faso and Niger": no single place
        return first.name
    in_clause = [m for m in names if in_clause_at(m.start)]
    if in_clause:
        return _nearest(in_clause, start, end)
    if after:
        return after[0].name  # "held in Israeli jails"
    found = _carried(text, sentences, index, start, end, gazetteer, headline, refers_to, here, names)
    home = _people_home(spot, metric, gazetteer)
    if home is not None and found != home and _parts().get(found or "") != home:
        return home  # "Around 1,200 Israelis were killed in the attack", in copy about Gaza
    return found


def _carried(
    text: str, sentences: Sequence[Sentence], index: int, start: int, end: int, gazetteer: Gazetteer,
    headline: Sentence | None, refers_to: Figure | None, here: list[Mention], names: list[Mention],
) -> str | None:
    """The place of a figure whose clause names none: the figure it refers to, its sentence's
    nearest, the lead's or the preceding sentences' most named, the headline's."""
    sentence = sentences[index]
    if refers_to is not None and refers_to.location is not None:
        return refers_to.location
    if names:
        return _nearest(names, start, end)
    heading = _headline_names(text, gazetteer, headline)
    if index == 0 and headline is not None and sentence is headline:
        lead = [s for s in sentences[1:1 + _BACK] if s.paragraph == sentences[1].paragraph] if len(sentences) > 1 else []
        return _most_named(text, lead, gazetteer, heading, here=here)
    previous = [s for s in sentences[max(0, index - _BACK):index] if s is not headline]
    if here or any(True for s in previous for _ in gazetteer.mentions(text, s.start, s.end)):
        if not heading:
            heading = _dateline_names(text, sentences, gazetteer, headline)
        return _most_named(text, previous, gazetteer, heading, sentence.paragraph, here)
    return heading[0] if len(set(heading)) == 1 else None


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    """Part -> whole, from ``data/place-parts.txt``."""
    return dict((a.strip(), b.strip()) for a, _, b in (e.partition(":") for e in entries("extract", "place-parts")))


def _people_home(spot: Anchor | None, metric: str, gazetteer: Gazetteer) -> str | None:
    """The home of a people counted by its name ("1,200 Israelis", "4.6 million Syrians"),
    when the figure's clause names no place. Hostages and detainees are where they are held,
    money goes to its recipient; refugees come from where they fled (``_origin``)."""
    if spot is None or spot.noun is None or metric not in _HOME_METRICS:
        return None
    noun = spot.noun
    if noun.tag not in ("NNPS", "NNS", "NNP") or not noun.text[:1].isupper():
        return None
    return gazetteer.home_of(noun.lower)


def _dateline_names(text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer, headline: Sentence | None) -> list[str]:
    """The place of the dateline opening the copy ("KYIV -", "BAMAKO, July 29 -"): a
    tie-breaker when no headline names one."""
    first = next((s for s in sentences if s is not headline), None)
    if first is None:
        return []
    opened = after_dateline(text, first.start, first.end)
    if opened == first.start:
        return []
    city = re.split(r"[,\u2014\u2013]|\s-", text[first.start:opened], maxsplit=1)[0].strip()
    found = gazetteer.city_place(city) if city else None
    return [found] if found else []


def _weight(text: str, mention: Mention) -> float:
    """How much a mention says where the counted people are: a country acting on another
    counts a quarter ("Russia's full-scale invasion"), a nationality acting not at all
    ("Israeli strikes killed 45": the strikes are Israel's, the dead are elsewhere)."""
    if not _agent(text, mention):
        return 1.0
    return 0.0 if mention.demonym else _AGENT_WEIGHT


def _agent(text: str, mention: Mention) -> bool:
    """A place or nationality naming who acts on another, not where ("Russia's full-scale
    invasion", "Israeli strikes"): one of the next three words is an act of war."""
    m = _AGENT_AFTER.match(text, mention.end, mention.end + 40)
    return m is not None and any(w.lower() in lex("agent-nouns") for w in m.group(1).split())


def _origin(spot: Anchor, gazetteer: Gazetteer) -> str | None:
    """Where refugees are counted: the one country they went to (``_destination``), else where
    fleeing refugees come from, not where they went: the country they left ("fled Ukraine for
    Poland and Romania") or their nationality ("2 million Sudanese have fled to neighbouring
    countries"). Refugees who are somewhere ("Syrian refugees in Jordan") are placed there, as
    any figure."""
    parse = spot.parse
    verb = spot.predicate
    if verb is None or spot.role.dep != "nsubj":
        return None
    destination = _destination(parse, verb, gazetteer)
    if destination is not None:
        return destination
    if not (fate_word("", parse, verb) in ("displaced", "refugees") or verb.lower in lex("crossing-verbs")):
        return None
    for c in parse.children(verb):
        if c.dep == "dobj" and c.pos == "PROPN":
            name = gazetteer.canonical(proper_name(parse, c))
            if name is not None:
                return name
    for token in (spot.noun, spot.partitive):
        if token is None:
            continue
        for word in (token, *(c for c in parse.children(token) if c.dep in ("amod", "compound"))):
            if word.text[:1].isupper() and word.lower in gazetteer.demonyms:
                return gazetteer.demonyms[word.lower]
    return None


def _destination(parse: Parse, verb: Token, gazetteer: Gazetteer) -> str | None:
    """The one country refugees went to ("fled to Poland", "crossed into Chad", "entered
    Poland", "fled Ukraine for Poland"): they are counted there, as that host's refugees. A list
    ("for Poland and Romania") or a region ("neighbouring countries") names no one host."""
    if verb.lower not in lex("arrival-verbs"):
        return None
    for c in parse.children(verb):
        place = None
        if c.dep == "dobj" and c.pos == "PROPN" and verb.lower in lex("entering-verbs"):
            place = c
        elif c.dep == "prep" and c.lower in ("to", "into", "for", "in"):
            place = next((g for g in parse.children(c) if g.dep == "pobj" and g.pos == "PROPN"), None)
        if place is None or any(g.dep == "conj" for g in parse.children(place)):
            continue
        name = gazetteer.canonical(proper_name(parse, place))
        if name is not None:
            return name
    return None


def _clause_test(
    text: str, sentence: Sentence, start: int, end: int, limit: int, spot: Anchor | None
) -> Callable[[int], bool]:
    """Whether an offset lies in the figure's clause: on the parse, the clause's tokens with
    the counted noun's own modifiers (``syntax.figure_tokens``); else the text's clause."""
    if spot is None:
        lo, hi = text_clause(text, start, end, sentence.start, min(limit, sentence.end))
        return lambda at: lo <= at < hi
    parse = spot.parse
    tokens: set[int] | None = None  # computed on the first question: most sentences name no place

    def inside(at: int) -> bool:
        nonlocal tokens
        if tokens is None:
            tokens = figure_tokens(spot)
        token = parse.token_at(at)
        return token is not None and token.i in tokens

    return inside


def _nearest(mentions: list[Mention], start: int, end: int) -> str:
    return min(mentions, key=lambda m: min(abs(m.start - end), abs(start - m.end))).name


def _listed_items(text: str, end: int, mention: Mention) -> bool:
    """Places listed after a colon right after the figure are what it counts ("four countries: Spain, ...")."""
    return end <= mention.start and ":" in text[end:mention.start] and mention.start - end < 60


def _is_donor(text: str, mention: Mention) -> bool:
    """A place that gives: "Germany pledged", "Japan has committed"."""
    return bool(_DONOR_AFTER.match(text, mention.end, mention.end + 40))


def _headline_names(text: str, gazetteer: Gazetteer, headline: Sentence | None) -> list[str]:
    if headline is None:
        return []
    return [m.name for m in gazetteer.mentions(text, headline.start, headline.end, demonyms=False)]


def _most_named(
    text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer, heading: list[str], paragraph: int | None = None,
    here: Sequence[Mention] = (),
) -> str | None:
    """The place these sentences name most (the current paragraph counts more, nationality
    words in the figure's own sentence least); a tie goes to the one place among the tied that
    the headline names, else to none."""
    counts: dict[str, float] = {}
    for m in here:
        counts[m.name] = counts.get(m.name, 0.0) + 0.4 * _weight(text, m)
    for s in sentences:
        weight = 1.0 if paragraph is None or s.paragraph == paragraph else 0.75
        for m in gazetteer.mentions(text, s.start, s.end):
            weight_m = (0.5 if m.demonym else 1.0) * _weight(text, m)
            counts[m.name] = counts.get(m.name, 0.0) + weight * weight_m
    counts = {name: count for name, count in counts.items() if count > 0}
    if not counts:
        return None
    top = max(counts.values())
    tied = [name for name, count in counts.items() if count == top]
    if len(tied) == 1:
        return tied[0]
    in_headline = [name for name in tied if name in heading]
    return in_headline[0] if len(in_headline) == 1 else None
