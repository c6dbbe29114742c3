"""Where a figure sits in its sentence's dependency parse: the number, the noun it quantifies,
the token that plays the figure's part in its clause and the predicate that part belongs to.

"45 people died": the number "45" quantifies "people", which is the subject of "died".
"24 of the 240 people it abducted": "24" is the figure's part itself, "people" its partitive.
"twelve civilians, four of them children, were killed": "four" quantifies "children", an
apposition to "civilians", the subject of "killed". Stages read metric, subject, place and
scope from these; where the parse does not say (``anchor`` is None), they read the words.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.language.clauses import clause_head, clause_ids, subtree_ids
from factcheck.language.lexicon import words
from factcheck.language.parse import Parse, Token

NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM"})
_QUANTIFYING = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "det"})
# Dependencies by which a noun phrase stands in for the one it is attached to.
_STANDING_IN = frozenset({"appos", "conj"})
_INCLUDING = frozenset({"including", "among", "like"})
_EXAMPLES = frozenset({"including", "like", "such"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "npadvmod", "acomp", "ROOT", "csubj"})


@dataclass(frozen=True)
class Anchor:
    """A figure on the parse.

    ``number`` is the head token of the figure's number; ``noun`` the noun it quantifies
    ("people" in "45 people"), or None when the number stands alone ("45 died"); ``nominal``
    the noun, else the number; ``partitive`` the object of "of" after a lone number ("people"
    in "24 of the 240 people", "them" in "four of them"); ``role`` the token whose dependency
    gives the figure's part in its clause (the nominal, or what it is an apposition or a
    conjunct of, or included in: "14 soldiers" in "26 people, including 14 soldiers" plays the
    part of "people", ``inclusion`` is then "including"); ``predicate`` the word that part
    belongs to (a verb, or the head of a preposition: "to" in "rose to 20,674" gives "rose").
    """

    parse: Parse
    number: Token
    noun: Token | None
    nominal: Token
    partitive: Token | None
    role: Token
    preposition: Token | None
    predicate: Token | None
    inclusion: Token | None = None

    def children(self, token: Token, *deps: str) -> list[Token]:
        return [c for c in self.parse.children(token) if not deps or c.dep in deps]

    def child(self, token: Token, *deps: str) -> Token | None:
        return next(iter(self.children(token, *deps)), None)


def anchor(parse: Parse, start: int, end: int) -> Anchor | None:
    """The figure text[start:end] on parse, or None when its number is not in the parse."""
    number = parse.head_of_span(start, end)
    if number is None:
        return None
    noun = None
    head = parse.head(number) if not number.is_root else None
    if number.dep in _QUANTIFYING and head is not None and head.pos in NOMINAL_POS and not start <= head.start < end:
        if head.pos != "NUM" and (head.i > number.i or head.pos == "ADJ"):
            noun = head
    nominal = noun or number
    partitive = None
    if noun is None:
        of = next((c for c in parse.children(number) if c.dep == "prep" and c.lower == "of"), None)
        if of is not None:
            partitive = next((c for c in parse.children(of) if c.dep == "pobj"), None)
    role = nominal
    inclusion = None
    for _ in range(4):
        head = None if role.is_root else parse.head(role)
        if head is None:
            break
        if role.dep in _STANDING_IN and head.pos in NOMINAL_POS:
            role = head
        elif role.dep == "pobj" and head.lower in _INCLUDING and not head.is_root and parse.head(head).pos in NOMINAL_POS:
            inclusion, role = head, parse.head(head)  # "26 people, including 14 soldiers"
        elif role.dep == "pobj" and head.lower == "of" and not head.is_root and parse.head(head).lower in words("extract", "quantity-nouns"):
            role = parse.head(head)  # "a total of 300 people", "an average of 1,400"
        else:
            break
    preposition = None
    predicate = None if role.is_root else parse.head(role)
    if role.dep == "pobj" and predicate is not None:
        preposition = predicate
        predicate = None if preposition.is_root else parse.head(preposition)
    return Anchor(parse, number, noun, nominal, partitive, role, preposition, predicate, inclusion)


def is_argument(a: Anchor) -> bool:
    """The figure is an argument of its predicate (subject, object, complement)."""
    return a.role.dep in _ARGUMENTS


def compound_text(parse: Parse, token: Token) -> str:
    """A noun with its compound modifiers, lower case: "death toll", "Port Sudan"."""
    parts = [c for c in parse.children(token) if c.dep == "compound" and c.i < token.i] + [token]
    return " ".join(t.lower for t in sorted(parts, key=lambda t: t.i))


def phrase_text(text: str, parse: Parse, token: Token, words: int = 6) -> str:
    """The text from token on, at most ``words`` tokens (for matching fixed phrases)."""
    last = min(len(parse.tokens) - 1, token.i + words - 1)
    return text[token.start:parse.tokens[last].end].lower()


def figure_tokens(a: Anchor) -> set[int]:
    """The tokens of the figure's clause with its noun's own modifiers ("150 women held in
    Israeli jails"), without the examples an inclusion lists ("to neighbouring countries,
    including Chad and Egypt"): where the figure's place and scope are read."""
    parse = a.parse
    head = clause_head(parse, a.role)
    inside = set(clause_ids(parse, head)) | subtree_ids(parse, a.nominal)
    for c in parse.children(head):
        if c.dep == "xcomp":  # "believed to be held in Russian captivity"
            inside |= subtree_ids(parse, c)
    for t in [t for t in inside if parse.tokens[t].dep == "prep" and parse.tokens[t].lower in _EXAMPLES]:
        token = parse.tokens[t]
        if not token.start <= a.number.start < parse.extent(token)[1]:
            inside -= subtree_ids(parse, token)
    return inside

