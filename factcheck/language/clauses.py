"""What a clause is: the one definition every stage uses.

On a parse, a clause is headed by a verb (or the root) and holds that head's subtree, less the
subtrees of the clauses embedded in it (a complement "that ...", an adverbial "after ...", a
relative "who ...", a conjoined "and ..."). Without a parse (or where the parse has no verb
over a token), a clause runs between clause breaks in the text (``BREAK``): punctuation that
separates clauses or phrases (``PUNCTUATION``: the breaks between *segments*) and the words
that open a clause (``OPENERS``). Two refinements hold for both stages that read text:

- a break word right before a figure is the figure's own ("after 2 days", "until 2025"): it
  does not cut the figure off from its clause ("since" opens no clause: it is mostly a
  preposition, "since Oct. 7");
- an introductory phrase opening a sentence ("In 2019, ...", "Since Oct. 7, ...") belongs to
  the clause after it, and one set off by commas inside a sentence ("The first conference,
  in 2013, raised ...") to the clause around it.

Stages call ``clause_around`` (the clause of a span: the parse's when there is one, else the
text's), ``clause_after`` (the rest of a figure's clause), ``segments`` (the phrases between
punctuation breaks, for reading an attribution's source) or the parse functions directly.
"""

from __future__ import annotations

import re

from factcheck.language.parse import Parse, Token

# Dependency labels whose token heads a clause of its own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp"})
_VERBAL = frozenset({"VERB", "AUX"})
# Punctuation between clauses or phrases: a comma before a space (not "1,000"), semicolons,
# colons, brackets, quotation marks and dashes.
PUNCTUATION = re.compile(r",(?=\s|$)|[;:()\"\u201c\u201d\u2014\u2013]|\s--?\s|\s-\s")
# Words that open a clause.
OPENERS = (
    "which", "who", "whom", "whose", "where", "when", "after", "before", "while", "because", "although", "though",
    "until", "unless", "whereas", "but", "that", "and then",
)
BREAK = re.compile(PUNCTUATION.pattern + r"|\b(?:" + "|".join(o.replace(" ", r"\s+") for o in OPENERS) + r")\b", re.I)
REACH = 300  # a clause read from the words spans at most this many characters either side of its figure
# Break words that are prepositions: right before a figure they are its own ("after 2 days").
_OWN = frozenset({"after", "before", "until"})
# A clause start up to a figure that is only an introductory preposition: "In 2019, ...".
_INTRODUCTION = re.compile(
    r"\s*(?:in|since|on|by|during|until|after|before|from|for|over|with|at|throughout|as of)\s+"
    r"(?:(?:early|late|mid|the)\s+)?$",
    re.I,
)


def is_clause_head(parse: Parse, token: Token) -> bool:
    """A token that heads a clause: the root, or a verb attached as a clause."""
    if token.is_root:
        return True
    if token.dep not in CLAUSE_DEPS:
        return False
    if token.dep == "conj":
        return token.pos in _VERBAL and parse.head(token).pos in _VERBAL
    return token.pos in _VERBAL or token.dep in ("ccomp", "advcl", "relcl", "parataxis")


def _heads(parse: Parse) -> tuple[bool, ...]:
    """For each token of the parse, whether it heads a clause (computed once per parse)."""
    return parse.remember("clause-heads", lambda: tuple(is_clause_head(parse, t) for t in parse.tokens))


def clause_head(parse: Parse, token: Token) -> Token:
    """The head of the clause token belongs to (token itself when it heads one)."""
    heads = _heads(parse)
    if heads[token.i]:
        return token
    for up in parse.ancestors(token):
        if heads[up.i]:
            return up
    return token


def clause_tokens(parse: Parse, head: Token) -> list[Token]:
    """The tokens of the clause headed by head, without the clauses embedded in it (computed
    once per parse and head)."""
    return list(_clause(parse, head))


def clause_ids(parse: Parse, head: Token) -> frozenset[int]:
    """The indices of ``clause_tokens`` (computed once per parse and head)."""
    return parse.remember(("clause-ids", head.i), lambda: frozenset(t.i for t in _clause(parse, head)))


def _clause(parse: Parse, head: Token) -> tuple[Token, ...]:
    """head with the tokens below it that no nearer clause head covers, in order: for a
    clause head, its part of the partition of the parse into clauses (``_clauses``)."""
    if _heads(parse)[head.i]:
        return _clauses(parse).get(head.i, (head,))
    return parse.remember(("clause", head.i), lambda: _below(parse, head))


def _below(parse: Parse, head: Token) -> tuple[Token, ...]:
    """head with the tokens below it down to the next clause heads, in order."""
    heads = _heads(parse)
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in parse.children(t) if not heads[c.i])
    return tuple(sorted(out, key=lambda t: t.i))


def _clauses(parse: Parse) -> dict[int, tuple[Token, ...]]:
    """Every token by the clause it belongs to (the nearest clause head at or above it), in
    one pass over the parse (computed once per parse)."""
    return parse.remember("clauses", lambda: _partition(parse))


def _partition(parse: Parse) -> dict[int, tuple[Token, ...]]:
    """The parse's tokens grouped by the clause head that owns them."""
    heads, tokens = _heads(parse), parse.tokens
    owner = [t.i if t.is_root else -1 for t in tokens]
    todo = [t for t in tokens if t.is_root]
    while todo:  # down from the roots: a clause head owns itself, any other token is its head's
        t = todo.pop()
        for c in parse.children(t):
            owner[c.i] = c.i if heads[c.i] else owner[t.i]
            todo.append(c)
    groups: dict[int, list[Token]] = {}
    for t in tokens:
        groups.setdefault(owner[t.i] if owner[t.i] >= 0 else t.i, []).append(t)
    return {k: tuple(v) for k, v in groups.items()}


def clause_span(parse: Parse, token: Token) -> tuple[int, int]:
    """The character span of the clause token belongs to (its embedded clauses may lie inside)."""
    tokens = clause_tokens(parse, clause_head(parse, token))
    return tokens[0].start, tokens[-1].end


def subtree(parse: Parse, token: Token) -> tuple[Token, ...]:
    """token and everything below it, in text order (``Parse.subtree``, computed once per
    parse and token: clauses and phrases are read from the same subtrees many times)."""
    return parse.remember(("subtree", token.i), lambda: tuple(parse.subtree(token)))


def subtree_ids(parse: Parse, token: Token) -> frozenset[int]:
    """The indices of ``subtree`` (computed once per parse and token)."""
    return parse.remember(("subtree-ids", token.i), lambda: frozenset(t.i for t in subtree(parse, token)))


def text_clause(text: str, start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """Without a parse: the clause around text[start:end], between the clause breaks nearest
    it inside [floor, ceiling) (a sentence), at most ``REACH`` characters either side. A break
    word right before the span is the span's own; a span in an introductory phrase ("In 2019,
    ...") belongs to the clause after it, and one set off inside a sentence (", in 2013,")
    to the clause around it."""
    opened = floor >= start - REACH  # the clause may open the sentence
    floor, ceiling = max(floor, start - REACH), min(ceiling, end + REACH)
    lo, opening = _clause_start(text, floor, start)
    if opening is not None:
        opened = opening.group(0) in (";", ":")
    after = BREAK.search(text, end, ceiling)
    if after and after.group(0) == "," and _INTRODUCTION.match(text, lo, start):
        if opened:
            after = BREAK.search(text, after.end(), ceiling)
        elif opening is not None and opening.group(0) == "," and not text[end:after.start()].strip():
            # set off, the span alone: "The first conference, in 2013, raised ..."
            lo = _clause_start(text, floor, opening.start())[0]
            after = BREAK.search(text, after.end(), ceiling)
    return lo, after.start() if after else ceiling


def _clause_start(text: str, floor: int, start: int) -> tuple[int, re.Match[str] | None]:
    """Where the clause up to ``start`` begins (after the last clause break, unless that break
    is a word the span owns), and that break."""
    lo, opening = floor, None
    for m in BREAK.finditer(text, floor, start):
        if text[m.end():start].strip() or m.group(0).lower() not in _OWN:
            lo, opening = m.end(), m
    return lo, opening


def clause_around(
    text: str, start: int, end: int, floor: int, ceiling: int, parse: Parse | None = None
) -> tuple[int, int]:
    """The clause of text[start:end] inside [floor, ceiling): the parse's (the span of the
    clause its head belongs to) when a parse covers it, else ``text_clause``."""
    token = parse.head_of_span(start, end) if parse is not None else None
    if parse is None or token is None:
        return text_clause(text, start, end, floor, ceiling)
    lo, hi = clause_span(parse, token)
    return max(floor, min(lo, start)), min(ceiling, max(hi, end))


def clause_after(text: str, end: int, limit: int, longest: int = 160) -> str:
    """The rest of a figure's clause after it: up to the next clause break or ``limit`` (the
    next figure), at most ``longest`` characters."""
    found = BREAK.search(text, end, limit)
    return text[end:min(found.start() if found else limit, end + longest)]


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The phrases of text[start:end] between punctuation breaks, as spans (empty ones too)."""
    cuts = [(m.start(), m.end()) for m in PUNCTUATION.finditer(text, start, end)]
    bounds = [start] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [end]
    return list(zip(bounds, ends))
