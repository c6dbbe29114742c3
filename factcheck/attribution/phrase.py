"""A source noun phrase on the parse: the phrase as written, its short name, what it names.

The phrase is the subject's subtree without its relative and participial modifiers ("the
monitor, based in London," → "the monitor"; "a resident who asked not to be named" → "a
resident"). The short name is the phrase's proper name where it has one beside a description
("The club's general manager, David Feder" → "David Feder"; "Min Aung Hlaing, head of the
ruling junta" → "Min Aung Hlaing"), else its head noun phrase, cleaned of determiners and
data nouns (``cues.clean``: "an AFP tally" → "AFP"). Organisations named inside the phrase
("spokesperson for the UN human rights office") are kept as ``mentions``: "the office" may
refer back to one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.attribution.cues import PRONOUNS, clean
from factcheck.attribution.words import data_nouns, quantity_nouns, time_words
from factcheck.language.clauses import subtree, subtree_ids
from factcheck.language.parse import Parse, Token

_MODIFIERS = frozenset({"relcl", "acl"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_NOT_SOURCES = frozenset("the a an this that there what which who one some many you people something nothing anyone".split())
_DETERMINERS = frozenset("the a an its their his her this these those".split())
_POSSESSIVES = {"its": "it", "their": "they"}
_PERSONAL = frozenset("my your his her our".split())
_FEW = frozenset("one two three four five six seven eight nine ten several".split())
_COUNTED = frozenset("toll number numbers total".split())
_NAME_LINKS = frozenset("of for the and de al du la von van on in".split())


@dataclass(frozen=True)
class Speaker:
    """Who a cue names: ``name`` to resolve (the short name, or a pronoun), ``phrase`` as written.

    ``reference`` is "name" or "pronoun"; ``definite`` says the phrase opened with "the",
    "its" or "this" (a possible short reference back); ``person`` that its head is a person.
    """

    name: str
    phrase: str
    start: int
    end: int
    reference: str = "name"
    definite: bool = False
    mentions: tuple[str, ...] = ()
    described: tuple[str, ...] = ()


def _drop(parse: Parse, keep: list[Token], dropped: set[int]) -> list[Token]:
    return [t for t in keep if t.i not in dropped]


def _without(parse: Parse, head: Token, deps: frozenset[str]) -> list[Token]:
    """head's subtree without the subtrees of its children (at any depth) with those deps."""
    dropped: set[int] = set()
    tree = subtree(parse, head)
    for t in tree:
        if t.i != head.i and t.dep in deps and t.i not in dropped:
            dropped |= subtree_ids(parse, t)
    return _drop(parse, list(tree), dropped)


def _restrictive(parse: Parse, head: Token, acl: Token) -> bool:
    """A participle that says which one, with its agent and no comma: "a study commissioned by
    the government" (kept), not "the monitor, based in London" (dropped)."""
    if acl.dep != "acl" or acl.tag != "VBN" or not any(c.dep == "agent" for c in parse.children(acl)):
        return False
    between = [t for t in parse.tokens[head.i + 1:acl.i]]
    return not any(t.text in (",", "(", "\u2014", "-", "--") for t in between)


def _affiliation(parse: Parse, head: Token, prep: Token) -> bool:
    """"Abdourahouf Gnon-Konde [of the UN refugee agency]": a person's organisation, not part
    of the name ("Bank of England", "Office for National Statistics" keep theirs)."""
    if head.pos != "PROPN" or prep.dep != "prep" or prep.lower not in ("of", "from", "at", "with"):
        return False
    objects = [c for c in parse.children(prep) if c.dep == "pobj"]
    return bool(objects) and any(c.lower in ("the", "a", "an") for c in parse.children(objects[0])) and all(
        t.text[:1].isupper() for t in parse.subtree(head) if t.i < prep.i and t.pos != "PUNCT"
    )


def _core(parse: Parse, head: Token) -> list[Token]:
    """A noun's own phrase: its subtree without appositives, relative and (set off) participial
    clauses, and a person's affiliation."""
    dropped: set[int] = set()
    for c in parse.children(head):
        if c.dep == "appos" or _affiliation(parse, head, c):
            dropped |= subtree_ids(parse, c)
    tree = subtree(parse, head)
    for t in tree:
        if t.i != head.i and t.i not in dropped and t.dep in _MODIFIERS and not _restrictive(parse, parse.head(t), t):
            dropped |= subtree_ids(parse, t)
    return _trim(_drop(parse, list(tree), dropped))


def _trim(tokens: list[Token]) -> list[Token]:
    """Tokens without leading or trailing punctuation and conjunctions, and contiguous."""
    while tokens and (tokens[0].pos in ("PUNCT", "CCONJ") or tokens[0].dep == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].pos in ("PUNCT", "CCONJ") or tokens[-1].dep in ("cc", "case") and tokens[-1].text != "'s"):
        tokens = tokens[:-1]
    return tokens


def text_of(text: str, tokens: list[Token]) -> str:
    """The text a run of tokens covers, as written (from the first token to the last)."""
    if not tokens:
        return ""
    return " ".join(text[tokens[0].start:tokens[-1].end].split())


def is_name(tokens: list[Token]) -> bool:
    """A proper name: its head and content words capitalised ("David Feder", "Peace Now")."""
    words = [t for t in tokens if t.lower not in _DETERMINERS and t.pos != "PUNCT"]
    if not words or not any(t.pos == "PROPN" for t in words):
        return False
    return words[0].text[:1].isupper() and all(t.text[:1].isupper() or t.lower in _NAME_LINKS or t.text in ("'s", "\u2019s") for t in words)


def _mentions(parse: Parse, text: str, tokens: list[Token]) -> tuple[str, ...]:
    """Organisations named inside a phrase: objects of 'for'/'of'/'at' and possessors
    ("spokesperson for the UN human rights office", "UNHCR's coordinator")."""
    ids = {t.i for t in tokens}
    out: list[str] = []
    for t in tokens:
        head_in = t.head in ids
        prep = parse.head(t)
        if t.dep == "pobj" and head_in and prep.lower in ("for", "of", "at", "with", "from") and parse.head(prep).pos != "PROPN":
            core = _core(parse, t)
            if any(x.pos == "PROPN" or x.text.isupper() for x in core):
                out.append(clean(text_of(text, core)))
        elif t.dep == "poss" and head_in and t.pos == "PROPN":
            out.append(clean(text_of(text, _core(parse, t))))
    return tuple(m for m in out if m)


def _counted(t: Token) -> bool:
    """A figure in a phrase, which makes it what is counted, not who counts ("72 per cent of
    refugees"); a few people named by number speak ("two Arab diplomats")."""
    if t.pos != "NUM" or t.dep == "compound":
        return False
    return not (t.dep == "nummod" and t.lower in _FEW)


def speaker(parse: Parse, text: str, head: Token, floor: int = 0) -> Speaker | None:
    """The speaker a subject (or agent, or cited object) token names, or None when it names
    no one ("there", a figure, "what"); words before ``floor`` (a dateline) are not its own."""
    if head.lower in PRONOUNS or head.lower in _POSSESSIVES:
        return Speaker(_POSSESSIVES.get(head.lower, head.lower), head.text, head.start, head.end, "pronoun")
    kids = parse.children(head)
    if head.lower in quantity_nouns() or any(c.dep == "nummod" for c in kids) and any(c.dep == "conj" for c in kids):
        # "dozens of activists detained, relatives and rights groups said": the figure is not who says
        others = [c for c in kids if c.dep == "conj" and c.lower not in quantity_nouns() and c.start >= floor]
        if others:
            return speaker(parse, text, others[0], floor)
        if head.lower in quantity_nouns():
            return None
    acronym = len(head.text) > 1 and head.text.isupper()  # "WHO", not "who"
    if not acronym and (head.pos not in _NOUNS and head.pos not in ("PRON", "NUM", "X") or head.lower in _NOT_SOURCES):
        return None
    phrase = _trim([t for t in _without(parse, head, _MODIFIERS) if t.start >= floor])
    if not phrase:
        return None
    core = [t for t in _core(parse, head) if t.start >= floor]
    candidates = [core] + [_core(parse, c) for c in parse.children(head) if c.dep == "appos" and c.start >= floor]
    commas = [k for k, t in enumerate(phrase) if t.text == ","]
    if commas and not is_name(core) and is_name(_trim(phrase[commas[-1] + 1:])):
        candidates.append(_trim(phrase[commas[-1] + 1:]))  # ", Ko Thura," the parse hung elsewhere
    named = next((c for c in candidates if is_name(c)), None)
    short = named if named is not None and not is_name(core) else core
    name = clean(text_of(text, short))
    if not name or name.lower() in _NOT_SOURCES and not acronym or any(_counted(t) for t in short):
        return None
    if name.lower() in PRONOUNS:
        return Speaker(name.lower(), text_of(text, phrase), phrase[0].start, phrase[-1].end, "pronoun")
    first = phrase[0].lower
    mentions = tuple(m for m in _mentions(parse, text, phrase) if m != name)
    described = tuple(text_of(text, c).lower() for c in candidates if c is not short and c)
    definite = first in ("the", "its", "their", "this", "these") and short is core
    return Speaker(name, text_of(text, phrase), phrase[0].start, phrase[-1].end, "name", definite, mentions, described)


def owner(parse: Parse, noun: Token) -> Token | None:
    """The owner of a data noun: "the ministry's count" → ministry, "figures from the UN" → UN,
    "UN figures" → UN; None for a bare "the toll"."""
    for c in parse.children(noun):
        if c.dep == "poss" and c.lower not in _PERSONAL and c.lower not in time_words():
            return c
    if noun.lower in _COUNTED:  # "the toll from the quake", "the number of cases": what, not whose
        return None
    for c in parse.children(noun):
        if c.dep in ("prep", "agent") and c.lower in ("from", "by", "of"):
            objects = [g for g in parse.children(c) if g.dep == "pobj"]
            if not objects or objects[0].lower in data_nouns() or objects[0].pos not in _NOUNS:
                continue
            if c.lower != "of" or objects[0].pos == "PROPN" or objects[0].text.isupper():  # "the count of ACLED"
                return objects[0]
        if c.dep == "acl" and c.tag == "VBN":
            for g in parse.children(c):
                if g.dep == "agent" or g.dep == "prep" and g.lower in ("by", "from"):
                    objects = [x for x in parse.children(g) if x.dep == "pobj"]
                    if objects:
                        return objects[0]
    compounds = [c for c in parse.children(noun) if c.dep in ("compound", "nmod") and c.pos == "PROPN" and c.i < noun.i]
    return compounds[0] if compounds else None


def source_of(parse: Parse, text: str, noun: Token, floor: int = 0) -> Speaker | None:
    """The source a subject or an object of "according to", "citing" or "per" names: a data
    noun's owner ("figures from the regulator, Cocobod" → Cocobod; "data compiled by SBM
    Intelligence"; "its figures" → it), with the whole phrase as written, else the phrase
    itself ("Israeli tallies")."""
    whole = speaker(parse, text, noun, floor)
    own = owner(parse, noun) if noun.lower in data_nouns() else None
    if own is None:
        return whole
    who = speaker(parse, text, own, floor)
    if who is None:
        return whole
    tokens = _trim([t for t in _without(parse, noun, frozenset({"relcl"})) if t.start >= floor])
    if any(t.pos == "NUM" and t.i > noun.i for t in tokens):  # "the ministry's tally [of 318 dead]"
        tokens = _trim([t for t in tokens if t.i <= noun.i])
    return Speaker(who.name, text_of(text, tokens), tokens[0].start, tokens[-1].end, who.reference, who.definite, who.mentions, who.described)
