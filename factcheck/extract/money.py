"""Aid or money: what a sum of money is (tests/corpus/README.md, "Metric").

Money pledged, promised, allocated, announced, granted or lent to a country, people or cause
is ``aid`` (grants, aid loans, financing pledged at a donor conference, a loan to Ukraine);
every other sum (budgets, damage, deal values, investment, revenues, debts, prices) is
``money``. The evidence, strongest first:

1. a conversion in brackets counts what the sum it converts counts ("5 billion yuan ($690 million)");
2. what the sum is: the noun it quantifies, is worth or stands in apposition to, or its
   "in"/"of" complement ("a $3m grant", "relief worth 6 billion euros", "The largest donation,
   $45 million,", "$26bn in aid", "a deficit of 13.5 billion euros"): an aid noun says aid,
   a money noun money, and their modifiers count where the noun is a loan or a package
   ("concessional loans", "an aid package", "a budget request");
3. the verb the sum belongs to: spending, earning or investing says money; giving (pledge,
   promise, lend, give, provide, allocate, appeal for) says aid, and so does handing over
   (announce, approve, pay, agree) when a recipient is named ("pay France 480 million pounds");
4. a loan, credit, financing, package or programme is aid when it goes to a recipient ("a
   $2.9bn loan for Sri Lanka") or comes from an official lender ("from the IMF"), else money
   ("a syndicated loan to buy beans");
5. the nearest aid or money word of the sentence;
6. a sum earlier in the paragraph, whose account this continues ("Berlin promised $800
   million to Iraq. The first $300 million will come as credit lines.");
7. money.

The parse gives 2 to 4; without one (a table-like sentence), the words around the sum do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from factcheck.extract.syntax import Anchor
from factcheck.language.lexicon import entries, words
from factcheck.language.parse import Parse, Token
from factcheck.models import Figure

REACH = 400  # the nearest aid or money word counts within this many characters of the sum
CONTINUED_REACH = 1500  # a sum continues the account of one at most this far before it
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_BRACKET = re.compile(r"[ \u00a0]*\((?:[ \u00a0]*(?:about|around|some|roughly|nearly|approximately|or))?[ \u00a0]*$", re.I)
_BLANK_LINE = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")
_RECIPIENT_PREPOSITIONS = frozenset({"to", "for", "into"})
_KIND_PREPOSITIONS = frozenset({"in", "of"})


def _lex(name: str) -> frozenset[str]:
    return words("extract", name)


def _first_list(word: str, lists: tuple[tuple[str, str], ...]) -> str | None:
    """The label of the first word list (by name) that holds the word, lower-cased."""
    lower = word.lower()
    return next((label for name, label in lists if lower in _lex(name)), None)


def kind_of(word: str) -> str | None:
    """What a noun says a sum is: 'aid', 'money', 'loan' (aid only with a recipient or a
    lender), or None."""
    return _first_list(word, (("money-aid-nouns", "aid"), ("money-money-nouns", "money"), ("money-loan-nouns", "loan")))


def _modifier_kind(word: str) -> str | None:
    word = word.lower()
    if word in _lex("money-aid-modifiers"):
        return "aid"
    kind = kind_of(word)
    return kind if kind in ("aid", "money") else None


@lru_cache(maxsize=1)
def _lenders() -> re.Pattern[str]:
    names = sorted(entries("extract", "money-lenders"), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) if n.isupper() else "(?i:" + re.escape(n) + ")" for n in names)
    return re.compile(rf"\b(?:{alternatives})\b")


def money_metric(
    text: str, start: int, end: int, sentence_start: int, sentence_end: int,
    spot: Anchor | None = None, earlier: Sequence[Figure] = (),
) -> str:
    """'aid' or 'money' for the sum of money text[start:end] in the sentence
    text[sentence_start:sentence_end]; ``spot`` is the sum on the parse, ``earlier`` the
    document's figures before it."""
    previous = earlier[-1] if earlier else None
    if previous is not None and previous.unit is not None and previous.metric in ("aid", "money") and _BRACKET.fullmatch(
        text, previous.end, start
    ):
        return previous.metric
    if spot is not None:
        kind, verb, recipient = _on_parse(spot)
    else:
        kind, verb, recipient = _in_words(text, start, end, sentence_start, sentence_end)
    if kind in ("aid", "money"):
        return kind
    if verb == "money":
        return "money"
    if verb == "giving" or verb == "handing" and recipient:
        return "aid"
    if kind == "loan" and (recipient or _lenders().search(text, sentence_start, sentence_end)):
        return "aid"
    nearest = _nearest_word(text, start, end, sentence_start, sentence_end)
    if nearest is not None:
        return nearest
    return _continued(text, start, earlier) or "money"


def _on_parse(a: Anchor) -> tuple[str | None, str | None, bool]:
    """(what the sum is, the kind of its verb, whether a recipient is named) on the parse."""
    parse = a.parse
    kind = None
    for noun in _kind_nouns(a):
        kind = _noun_kind(parse, noun, kind)
        if kind in ("aid", "money"):
            break
    verb = _verb(a)
    verb_kind = _verb_kind(verb) if verb is not None else None
    holders = [t for t in (a.nominal, a.number, a.role, verb) if t is not None]
    recipient = any(_recipient(parse, t) for t in dict.fromkeys(holders))
    return kind, verb_kind, recipient


def _kind_nouns(a: Anchor) -> list[Token]:
    """The nouns that may say what the sum is, nearest first."""
    parse = a.parse
    out: list[Token] = []
    if a.noun is not None:
        out.append(a.noun)  # "a $3m grant"
    if a.preposition is not None and a.predicate is not None and a.predicate.pos in ("NOUN", "PROPN"):
        if a.preposition.lower in ("of", "worth"):
            out.append(a.predicate)  # "a programme of $6 billion"
    for t in parse.ancestors(a.nominal):
        if t.lower == "worth" and not t.is_root:
            out.append(parse.head(t))  # "relief worth 6 billion euros"
            break
        if t.pos in ("VERB", "AUX") or t.dep == "prep":
            break
    if a.nominal.dep == "appos" and not a.nominal.is_root:
        out.append(parse.head(a.nominal))  # "The largest single donation, $45 million,"
    for holder in dict.fromkeys(t for t in (a.noun, a.nominal, a.number) if t is not None):
        out.extend(_complements(parse, holder))
    if a.predicate is not None and a.predicate.pos in ("VERB", "AUX"):
        last = max(t.i for t in (a.nominal, a.noun) if t is not None)
        out.extend(_complements(parse, a.predicate, after=last))  # "offered 5 billion yuan in financing"
    return out


def _complements(parse: Parse, holder: Token, after: int = -1) -> list[Token]:
    """The objects of holder's "in"/"of" phrases ("$26bn in aid", "a package of loans and
    grants"), with their conjuncts; for a verb only those after the sum."""
    out: list[Token] = []
    for c in parse.children(holder):
        if c.dep == "prep" and c.lower in _KIND_PREPOSITIONS and c.i > after:
            for obj in parse.children(c):
                if obj.dep == "pobj":
                    out.append(obj)
                    out.extend(t for t in parse.children(obj) if t.dep == "conj")
    return out


def _noun_kind(parse: Parse, noun: Token, found: str | None) -> str | None:
    """What a noun says, with its modifiers where it is a loan or a package ("concessional
    loans", "aid package"); ``found`` is what earlier nouns said ("loan" stays a loan)."""
    kind = kind_of(noun.lower)
    if kind in (None, "loan"):
        modifiers = [c for c in parse.children(noun) if c.dep in ("compound", "amod", "nmod") and c.i < noun.i]
        for c in modifiers:
            modifier = _modifier_kind(c.lower)
            if modifier is not None:
                return modifier
        if kind is None and any(kind_of(c.lower) == "loan" for c in modifiers):
            kind = "loan"  # "a credit line"
    return kind or found


def _verb(a: Anchor) -> Token | None:
    """The verb the sum belongs to: its predicate, or a relative clause on it ("the $2
    billion the agency appealed for")."""
    parse = a.parse
    for holder in dict.fromkeys(t for t in (a.nominal, a.noun) if t is not None):
        for c in parse.children(holder):
            if c.dep in ("relcl", "acl") and c.pos == "VERB" and _verb_kind(c) is not None:
                return c
    verb = a.predicate
    if verb is not None and verb.pos in ("NOUN", "PROPN", "ADJ") and a.preposition is not None:
        return None
    return verb if verb is not None and verb.pos in ("VERB", "AUX") else None


def _verb_kind(verb: Token) -> str | None:
    if verb.lower in _lex("money-spending-verbs"):
        return "money"
    if verb.lower in _lex("money-giving-verbs"):
        return "giving"
    if verb.lower in _lex("money-handing-verbs"):
        return "handing"
    return None


def _recipient(parse: Parse, holder: Token) -> bool:
    """A country, people or cause the money goes to, named on holder: "for Sri Lanka", "to a
    new fund", "pay France ..."."""
    for c in parse.children(holder):
        if c.dep == "dative" and c.pos in ("PROPN", "NOUN", "PRON") and c.lower not in ("it", "them"):
            return True
        if c.dep == "dobj" and c.pos == "PROPN" and holder.pos == "VERB":
            return True  # "lend Ghana $1 billion" parsed with Ghana as the object
        if c.dep == "prep" and c.lower in _RECIPIENT_PREPOSITIONS:
            if any(o.dep == "pobj" and _receives(o) for o in parse.children(c)):
                return True
    return False


def _receives(token: Token) -> bool:
    return token.pos == "PROPN" or token.lower in _lex("money-recipients")


def _in_words(text: str, start: int, end: int, floor: int, ceiling: int) -> tuple[str | None, str | None, bool]:
    """Without a parse: the first noun after the sum that says what it is (within its clause
    and five words), the verb up to four words before it, and a recipient after "to"/"for"."""
    kind = None
    after = list(_WORD.finditer(text, end, min(ceiling, end + 80)))[:5]
    for m in after:
        found = kind_of(m.group(0)) or _modifier_kind(m.group(0))
        if found is not None:
            kind = found
            if found != "loan":
                break
    before = list(_WORD.finditer(text, max(floor, start - 60), start))[-4:]
    verb = next((k for k in (_word_verb(m.group(0)) for m in reversed(before)) if k is not None), None)
    words_after = [m.group(0) for m in after]
    recipient = any(
        w.lower() in _RECIPIENT_PREPOSITIONS and i + 1 < len(words_after) and words_after[i + 1][:1].isupper()
        for i, w in enumerate(words_after)
    )
    return kind, verb, recipient


def _word_verb(word: str) -> str | None:
    return _first_list(word, (("money-spending-verbs", "money"), ("money-giving-verbs", "giving"), ("money-handing-verbs", "handing")))


def _nearest_word(text: str, start: int, end: int, floor: int, ceiling: int) -> str | None:
    """The metric of the aid or money word nearest the sum in its sentence (within ``REACH``)."""
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(text, max(floor, start - REACH), min(ceiling, end + REACH)):
        if start <= m.start() < end:
            continue
        word = m.group(0).lower()
        found = "aid" if word in _lex("money-aid-nouns") or word in _lex("money-aid-modifiers") else None
        found = found or ("money" if word in _lex("money-money-nouns") or word in _lex("money-spending-verbs") else None)
        if found is None:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, found)
    return best[1] if best else None


def _continued(text: str, start: int, earlier: Sequence[Figure]) -> str | None:
    """The metric of the last sum of money earlier in the paragraph, if any."""
    for figure in reversed(earlier):
        if start - figure.end > CONTINUED_REACH or _BLANK_LINE.search(text, figure.end, start):
            return None
        if figure.unit is not None and figure.metric in ("aid", "money"):
            return figure.metric
    return None
