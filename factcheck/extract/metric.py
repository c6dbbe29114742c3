"""What a figure counts (its metric), read on the dependency parse.

The metric comes from the noun the number quantifies and the words its part in the clause
belongs to, strongest first:

1. a noun that names the metric whatever happens to it ("deaths", "bodies", "injuries"),
   the noun it is an of-complement of ("the bodies of 6 hostages"), and lives taken
   ("claimed 500 lives");
2. a measure it is the value of: "the toll rose to 20,674", "put the number of wounded at
   2,750", "the number killed was 300", "put the dead at 300" (what is measured decides);
3. a fate: the verb it is the subject or object of ("45 people died", "killed 30",
   "were reported killed", "441 were still missing", "feared to have drowned" (missing)),
   else the words that modify its noun ("dead hostages", "people it abducted", "who fled
   to Chad"). A flight across a border (to another country, "neighbouring countries",
   "abroad") counts refugees, else the displaced; a release keeps what the people were
   (hostages, prisoners). Several fates of a force ("killed or taken prisoner") count fighters;
4. a people noun ("refugees", "prisoners", "fighters", "hostages").

``on_parse`` says what the parse gives (``Reading``); where it gives nothing, ``wording``
reads the words. The fate of a word is ``fate``'s.
"""

from __future__ import annotations

from typing import NamedTuple

from factcheck.extract import wording
from factcheck.extract.fate import (
    FATE_NOUNS,
    IsCountry,
    crosses_border,
    custody,
    fate,
    fate_word,
    flight,
    foreign,
    is_measure_word,
    lex,
)
from factcheck.extract.syntax import Anchor, compound_text
from factcheck.language.parse import Parse, Token


class Reading(NamedTuple):
    """What the parse says a figure counts: a metric, or that it counts what the figure it
    refers back to counted ("put the number at 300,000", "10,000 had reached Tawila"), or
    nothing (both empty)."""

    metric: str | None = None
    refers_back: bool = False
    weak: bool = False  # only a people noun says it, on a doubtful parse: a cue right before the figure wins
    settled: bool = False  # no fate reaches the figure ("in the past 24 hours"): only its noun can say


def noun_metric(text: str, parse: Parse, noun: Token) -> str | None:
    """The metric a noun names by itself: an event noun ("deaths", "arrests"), or a fate
    standing as a noun ("the dead", "the wounded")."""
    strong = wording.strong_heads().get(noun.lower)
    if strong is not None and noun.lower not in lex("people-hostages"):
        return strong
    if noun.lower in FATE_NOUNS:
        return fate_word(text, parse, noun, adjective=True)
    return None


def _counted(text: str, parse: Parse, noun: Token, is_country: IsCountry) -> str | None:
    """What a noun counts: its own metric, its modifiers' fate, else the people it names."""
    return (
        noun_metric(text, parse, noun) or modifier_fate(text, parse, noun, is_country)
        or wording.people_heads().get(noun.lower) or ("fighters" if _force(parse, noun) else None)
    )


def modifier_fate(text: str, parse: Parse, noun: Token, is_country: IsCountry) -> str | None:
    """The fate the modifiers of a noun (or a lone number) give it: "dead hostages", "people
    killed", "the people it abducted", "Syrians who have fled to neighbouring countries",
    "164 injured"."""
    for c in parse.children(noun):
        if c.dep == "amod" and c.i < noun.i:
            found = fate_word(text, parse, c, adjective=True)
        elif c.dep in ("acl", "relcl", "amod") and c.i > noun.i and not _about_a_part(parse, c):
            found = fate(text, parse, c)
            if found in ("killed", "injured", "hostages", "detained") and c.dep == "relcl" and _agent_relative(parse, c):
                continue
            found = flight(parse, c, found, is_country)
        else:
            continue
        if found is not None:
            return found
    return None


def _agent_relative(parse: Parse, verb: Token) -> bool:
    """'who killed 30': the relative pronoun is the subject of an active verb with an object."""
    subject = next((c for c in parse.children(verb) if c.dep == "nsubj"), None)
    return subject is not None and subject.lower in ("who", "that", "which") and any(c.dep == "dobj" for c in parse.children(verb))


def _about_a_part(parse: Parse, verb: Token) -> bool:
    """'hostages, of whom 35 are dead': a relative clause about a part of the noun, not all of it."""
    for c in parse.children(verb):
        if c.dep in ("nsubj", "nsubjpass") and c.pos == "NUM":
            return True
        if c.dep == "prep" and c.lower == "of" and any(o.lower in ("whom", "which") for o in parse.children(c)):
            return True
    return False


def measure_of(a: Anchor) -> Token | None:
    """The measure a figure is the value of: "the toll rose to N", "put the dead at N", "the
    number killed was N", "a death toll of N", "the number of cases at N"."""
    parse = a.parse
    if a.preposition is not None and a.predicate is not None and a.predicate.pos == "NOUN":
        if a.preposition.lower in ("of", "at", "to") and is_measure_word(parse, a.predicate):
            return a.predicate
        return None
    verb = a.predicate
    if verb is None or not (
        a.preposition is not None and a.preposition.lower in ("to", "at", "from", "past", "above")
        or a.preposition is None and a.role.dep in ("attr", "dobj")
    ):
        return None
    for c in parse.children(verb):
        if c.dep in ("nsubj", "nsubjpass", "dobj") and c.i != a.role.i:
            # a dateline parses as the subject, the toll as its apposition: "PARIS, May 10 - The toll rose to 107"
            for candidate in (c, *(t for t in parse.children(c) if t.dep == "appos")):
                if is_measure_word(parse, candidate):
                    return candidate
    return None


def measured(text: str, a: Anchor) -> tuple[bool, str | None]:
    """Whether the figure is the value of a measure, and the metric of what is measured."""
    measure = measure_of(a)
    if measure is None:
        return False, None
    return True, _measure_metric(text, a.parse, measure)


def _measure_metric(text: str, parse: Parse, measure: Token) -> str | None:
    """What a measure counts: "death toll", "the number of people killed", "the number of
    wounded", "the number killed", "the dead", "deaths"."""
    if compound_text(parse, measure) in lex("death-measures"):
        for c in parse.children(measure):
            if c.dep == "compound" and c.lower != "death":
                return noun_metric(text, parse, c)
        return "killed"
    own = noun_metric(text, parse, measure)
    if own is not None:
        return own
    for c in parse.children(measure):
        found = None
        if c.dep == "compound":
            found = noun_metric(text, parse, c) or fate_word(text, parse, c, adjective=True)
        elif c.dep == "amod":
            found = fate_word(text, parse, c, adjective=True)
        elif c.dep in ("acl", "relcl"):
            found = fate(text, parse, c)
        elif c.dep == "prep" and c.lower == "of":
            for obj in (t for t in parse.children(c) if t.dep == "pobj"):
                found = found or _counted(text, parse, obj, lambda _: False)
        if found:
            return found
    return None


def _complemented(a: Anchor, measure: Token) -> bool:
    """A measure that says what it measures ("the number of suspected cases"), not one that
    only holds the figure ("the official figure of 41")."""
    return any(c.dep == "prep" and c.lower == "of" and c != a.preposition for c in a.parse.children(measure))


def on_parse(text: str, a: Anchor, is_country: IsCountry) -> Reading:
    """What the parse says the figure counts."""
    parse = a.parse
    if a.noun is not None:
        own = noun_metric(text, parse, a.noun)
        if own is not None:
            return Reading(own)
        if a.noun.lower in ("lives", "life") and (
            a.predicate is not None and a.role.dep == "dobj" and a.predicate.lower in lex("lives-verbs")
            or any(c.dep == "acl" and c.lower in lex("lives-verbs") for c in parse.children(a.noun))
        ):
            return Reading("killed")
        if a.noun.lower in lex("case-nouns"):
            of = [t for c in parse.children(a.noun) if c.dep == "prep" and c.lower == "of" for t in parse.children(c) if t.dep == "pobj"]
            if of:
                return Reading(_counted(text, parse, of[0], is_country) or "count")
    relative = a.partitive is not None and a.partitive.pos == "PRON"  # "20 of whom", "11 of which"
    if a.partitive is not None and not relative:
        found = noun_metric(text, parse, a.partitive) or modifier_fate(text, parse, a.partitive, is_country)
        if found is not None:
            return Reading(found)
    if a.noun is None:
        found = modifier_fate(text, parse, a.number, is_country)  # "164 injured", "8.6 million displaced"
        if found == "missing" and a.predicate is not None and a.predicate.lower in lex("found-verbs") and fate(text, parse, a.predicate) is None:
            return Reading("count")  # "another 300 who had been reported missing have since been found"
        if found is not None:
            return Reading(_released(text, a, is_country) if found == "released" else found)
        if a.partitive is None and a.role.dep == "dobj" and a.predicate is not None and a.predicate.lower in lex("counting-verbs"):
            return Reading(refers_back=True)  # "the agency has registered 90,000": what the sentence before counted
    own_of = a.role is a.nominal and a.preposition is not None and a.preposition.lower == "of"
    owner = a.predicate if own_of and a.predicate is not None else None
    if owner is not None and owner.pos == "NOUN":
        found = noun_metric(text, parse, owner)
        if found is not None:
            return Reading(found)  # "the bodies of 6 hostages"
    measure = measure_of(a)
    if measure is None and owner is not None and owner.pos == "NOUN" and a.noun is None and any(
        c.dep in ("det", "poss") for c in parse.children(owner)
    ):
        return Reading("fighters" if owner.lower in lex("force-groups") else "count")  # "a population of 11 million"
    if measure is not None:
        metric = _measure_metric(text, parse, measure)
        if metric is not None:
            return Reading(metric)
        return Reading("count") if _complemented(a, measure) else Reading(refers_back=True)
    ellipsis = a.role.dep == "conj" and a.predicate is not None and a.predicate.pos in ("VERB", "AUX")
    nouns = [t for t in dict.fromkeys((a.noun, a.role)) if t is not None and t.pos != "NUM"]
    if ellipsis:
        for noun in nouns:
            found = modifier_fate(text, parse, noun, is_country)
            if found is not None:
                return Reading(found)
    found = _predicate_fate(text, a, is_country)
    if found == "released":
        return Reading(_released(text, a, is_country))
    if found == "detained" and any(n is not None and n.lower in lex("people-hostages") for n in (a.noun, a.partitive)):
        return Reading("hostages")  # "101 hostages remain in captivity"
    if found == "displaced" and any(n is not None and wording.people_heads().get(n.lower) == "refugees" for n in (a.noun, a.partitive)):
        return Reading("refugees")  # "displaced 9 million people and 2 million refugees"
    if found is not None:
        return Reading(_several_fates(text, a, found))
    for noun in nouns:
        found = modifier_fate(text, parse, noun, is_country)
        if found is not None:
            return Reading(_released(text, a, is_country) if found == "released" else found)
    if relative and a.partitive is not None:
        found = _antecedent(text, a, a.partitive, is_country)
        if found is not None:
            return Reading(found)
    for named in (a.noun, a.partitive):
        people = None if named is None else wording.people_heads().get(named.lower) or ("fighters" if _force(parse, named) else None)
        if people is not None:
            verb = a.predicate
            return Reading(people, weak=verb is None or verb.lower in lex("report-verbs"))  # a misparse?
    if a.noun is not None and a.role is a.noun and a.preposition is not None and a.preposition.lower in lex("setting-prepositions"):
        return Reading(settled=True)  # "killed in the past 24 hours", "across 12 provinces"
    if _contrasted(text, a):
        return Reading("count")  # "killed 1,500 people and sickened 246,000"
    arrival = _arrival(a)
    if arrival is not None:
        if _generic(parse, a) and _arrives_abroad(parse, arrival, is_country):
            return Reading("refugees")  # "69,000 people have arrived in Chad"
        return Reading(refers_back=True)  # "... had fled, and 10,000 had reached Tawila"
    if a.noun is None and any(c.lower in ("another", "further") for c in parse.children(a.number)):
        return Reading(refers_back=True)  # "2,000 bodies were identified and another 900 ..."
    held = custody(parse, a, is_country)
    if held is not None:
        return Reading(held)  # "the army was holding 14 activists"
    return Reading()


def _antecedent(text: str, a: Anchor, partitive: Token, is_country: IsCountry) -> str | None:
    """What "N of which" / "N of whom" counts when nothing happens to them in the clause: what
    the noun the relative clause is about counts ("boats, 11 of which capsized" counts boats)."""
    parse = a.parse
    if partitive.lower not in ("which", "whom"):
        return None
    clause = next((t for t in parse.ancestors(a.number) if t.dep == "relcl"), None)
    if clause is None or clause.is_root:
        return None
    antecedent = parse.head(clause)
    if antecedent.pos not in ("NOUN", "PROPN"):
        return None
    if partitive.lower == "whom":
        return _counted(text, parse, antecedent, is_country)
    return _counted(text, parse, antecedent, is_country) or "count"


def _predicate_fate(text: str, a: Anchor, is_country: IsCountry) -> str | None:
    """The fate the figure's predicate gives it, when the figure undergoes it: the subject of a
    passive, an intransitive or a copula ("45 people died", "were killed", "remain missing"),
    the object of an active verb ("killed 30"), or included in either ("including 12 children")."""
    verb = a.predicate
    if verb is None:
        return None
    parse = a.parse
    role = a.role.dep
    if a.preposition is not None and (a.preposition.lower != "including" or verb.pos not in ("VERB", "AUX")):
        return None
    if role not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr") or role == "conj" and verb.pos not in ("VERB", "AUX"):
        return None
    found = fate(text, parse, verb)
    if found is None and role in ("nsubj", "attr") and verb.lower in lex("copulas"):
        found = _among(text, parse, verb)
    if role == "nsubj" and found == "released":
        return None  # "30 soldiers returned home", "Hamas freed 24": the subject is not released
    if role == "nsubj" and found in ("killed", "injured", "hostages", "detained"):
        if any(c.dep in ("dobj", "ccomp") for c in parse.children(verb)) and verb.tag != "VBN":
            return None  # the figure does it: "30 militants killed 12 soldiers"
    if role == "dobj" and (found in ("refugees", "missing") or verb.lower in lex("flight-verbs")):
        return None  # "fled 3 towns": what is fled is not who flees
    return flight(parse, verb, found, is_country)


def _among(text: str, parse: Parse, verb: Token) -> str | None:
    """"Among the dead were 50 children": the group they are among."""
    for c in parse.children(verb):
        if c.dep == "prep" and c.lower == "among":
            for obj in parse.children(c):
                if obj.dep == "pobj":
                    return noun_metric(text, parse, obj)
    return None


def _released(text: str, a: Anchor, is_country: IsCountry) -> str:
    """Released or freed people keep what they were: hostages, prisoners (detained)."""
    for noun in (a.noun, a.partitive):
        if noun is None:
            continue
        people = wording.people_heads().get(noun.lower)
        if people in ("hostages", "detained"):
            return people
        found = modifier_fate(text, a.parse, noun, is_country)
        if found in ("hostages", "detained"):
            return found
    end = a.parse.tokens[-1].end
    return wording.cue_after(text[a.nominal.end:min(end, a.nominal.end + 160)]) or "detained"


def _several_fates(text: str, a: Anchor, found: str) -> str:
    """A force counted with several fates ("14,000 fighters killed or taken prisoner") counts fighters."""
    if a.noun is None or wording.people_heads().get(a.noun.lower) != "fighters" or a.predicate is None:
        return found
    for c in a.parse.children(a.predicate):
        if c.dep == "conj" and fate(text, a.parse, c) not in (None, found) and not _counts_its_own(a.parse, c):
            # not "killed two soldiers and wounded three others": two killed, three wounded
            return "fighters"
    return found


def _counts_its_own(parse: Parse, verb: Token) -> bool:
    """A verb with its own counted argument ("wounded three others")."""
    return any(
        t.dep in ("dobj", "nsubj", "nsubjpass") and (t.pos == "NUM" or t.lower == "others" or any(k.dep == "nummod" for k in parse.children(t)))
        for t in parse.children(verb)
    )


def _contrasted(text: str, a: Anchor) -> bool:
    """The figure is the object of a verb that names no fate, joined to one that does: what it
    counts is not a casualty ("killed 1,500 people and sickened 246,000")."""
    verb = a.predicate
    if verb is None or a.preposition is not None or a.role.dep not in ("dobj", "nsubjpass") or verb.pos != "VERB":
        return False
    if fate(text, a.parse, verb) is not None:
        return False
    joined = [c for c in a.parse.children(verb) if c.dep == "conj"]
    if verb.dep == "conj" and not verb.is_root:
        joined.append(a.parse.head(verb))
    return any(t.pos == "VERB" and fate_word(text, a.parse, t) not in (None, "released") for t in joined)


def _arrival(a: Anchor) -> Token | None:
    """The verb of arriving the figure is the subject of ("69,000 have arrived in Chad",
    "1,830,711 of them going to Poland")."""
    verb = a.predicate
    if verb is not None and verb.lower in lex("movement-verbs") and a.role.dep == "nsubj":
        return verb
    for noun in dict.fromkeys(t for t in (a.noun, a.number) if t is not None):
        for c in a.parse.children(noun):
            if c.dep == "acl" and c.lower in lex("movement-verbs"):
                return c
    return None


def _arrives_abroad(parse: Parse, verb: Token, is_country: IsCountry) -> bool:
    """An arrival in or at a country ("arrived in Chad", "going to Poland")."""
    return crosses_border(parse, verb, is_country) or any(
        c.dep == "prep" and c.lower in ("in", "at") and foreign(parse, c, is_country) for c in parse.children(verb)
    )


def _generic(parse: Parse, a: Anchor) -> bool:
    """People counted as people (or by nationality), not as migrants, workers or a force."""
    noun = a.noun or (a.partitive if a.partitive is not None and a.partitive.pos != "PRON" else None)
    if noun is None:
        return True
    return not (
        noun.lower in lex("mover-nouns") or noun.lower in wording.people_heads() or _force(parse, noun)
        or noun_metric("", parse, noun) is not None
    )


def _force(parse: Parse, noun: Token) -> bool:
    """Officers or personnel of a force: "1,000 officers", "police officers", not
    "immigration enforcement officers"."""
    return noun.lower in lex("force-nouns") and all(
        c.lower in lex("force-modifiers") for c in parse.children(noun) if c.dep == "compound"
    )
