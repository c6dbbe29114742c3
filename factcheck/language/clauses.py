"""What a clause is: the one definition every stage uses.

On a parse, a clause is headed by a verb (or the root) and holds that head's subtree, less the
subtrees of the clauses embedded in it (a complement "that ...", an adverbial "after ...", a
relative "who ...", a conjoined "and ..."). Without a parse (or where the parse has no verb
over a token), a clause runs between clause breaks in the text: punctuation that separates
clauses and the words that open one (``BREAK``).
"""

from __future__ import annotations

import re

from factcheck.language.parse import Parse, Token

# Dependency labels whose token heads a clause of its own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp"})
_VERBAL = frozenset({"VERB", "AUX"})
BREAK = re.compile(
    r"[,;:()\u2014\"\u201c\u201d]|\b(?:which|who|whom|whose|where|when|after|before|while|because|although|though"
    r"|until|that|and then)\b",
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


def clause_head(parse: Parse, token: Token) -> Token:
    """The head of the clause token belongs to (token itself when it heads one)."""
    if is_clause_head(parse, token):
        return token
    for up in parse.ancestors(token):
        if is_clause_head(parse, up):
            return up
    return token


def clause_tokens(parse: Parse, head: Token) -> list[Token]:
    """The tokens of the clause headed by head, without the clauses embedded in it."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in parse.children(t) if not is_clause_head(parse, c))
    return sorted(out, key=lambda t: t.i)


def clause_span(parse: Parse, token: Token) -> tuple[int, int]:
    """The character span of the clause token belongs to (its embedded clauses may lie inside)."""
    tokens = clause_tokens(parse, clause_head(parse, token))
    return tokens[0].start, tokens[-1].end


def text_clause(text: str, start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """Without a parse: the clause around text[start:end], between the clause breaks nearest
    it inside [floor, ceiling) (a sentence)."""
    lo = floor
    for m in BREAK.finditer(text, floor, start):
        lo = m.end()
    m = BREAK.search(text, end, ceiling)
    return lo, m.start() if m else ceiling
