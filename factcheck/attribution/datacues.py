"""Data cues on the parse: "according to X", "per X", "by X's count", a data noun with its
owner ("the ministry's tally stood at 320", "an AFP tally of 577", "UN figures show"), and
surveys ("40% of households surveyed by the agency", "refugees the agency interviewed")."""

from __future__ import annotations

from factcheck.attribution.phrase import Speaker, owner, source_of, speaker
from factcheck.attribution.tree import ParseCue, top_conj
from factcheck.attribution.words import data_nouns, reporting_verbs, survey_verbs
from factcheck.language.parse import Parse, Token


def according(p: Parse, text: str, a: Token, answered: set[int]) -> list[ParseCue]:
    """"according to X", "per X", "by X's count": they cover the clause they hang from, and
    all before them when they close the sentence."""
    if a.lower == "according":
        to = next((c for c in p.children(a) if c.lower == "to"), None)
        objects = [c for c in p.children(to) if c.dep == "pobj"] if to is not None else []
    else:
        objects = [c for c in p.children(a) if c.dep == "pobj"]
        if a.lower == "per":
            objects = [o for o in objects if any(x.text[:1].isupper() for x in p.subtree(o))]
        if a.lower == "by":
            objects = [o for o in objects if o.lower in data_nouns() and owner(p, o) is not None]
    if not objects:
        return []
    who = source_of(p, text, objects[0])
    if who is None:
        return []
    head = p.head(a) if not a.is_root else a
    anchor = top_conj(p, head)
    answered.add(a.i)
    out = [ParseCue("data", anchor.i, frozenset({a.i}), None, who, a.start, who.end, a.i)]
    before = text[p.start:a.start].rstrip()
    after = [t for t in p.tokens_in(p.extent(a)[1], p.end) if t.pos != "PUNCT"]
    if before.endswith(",") and not after:  # "..., according to X." closes the sentence
        out.append(ParseCue("data", (p.root() or a).i, frozenset(), None, who, a.start, who.end, a.i, before=a.start))
    return out


def data_noun(p: Parse, text: str, n: Token) -> list[ParseCue]:
    """'The ministry's tally stood at 320'; 'an AFP tally of 577'."""
    own = owner(p, n)
    if own is None:
        return []
    who = source_of(p, text, n)
    if who is None or who.reference != "name":
        return []
    out = [ParseCue("data", n.i, frozenset({own.i}), None, who, who.start, who.end, n.i)]
    head = p.head(n)
    if n.dep in ("nsubj", "nsubjpass") and head.lower not in reporting_verbs():
        out.append(ParseCue("data", head.i, frozenset({n.i}), None, who, who.start, who.end, n.i))
    return out


def surveyor(p: Parse, text: str, noun: Token) -> Speaker | None:
    """Who surveyed the people a phrase counts ("72% of refugees the agency interviewed")."""
    for t in p.subtree(noun):
        if t.lower in survey_verbs() and t.dep in ("relcl", "acl"):
            who = _survey_subject(p, text, t)
            if who is not None:
                return who
    return None


def _survey_subject(p: Parse, text: str, s: Token) -> Speaker | None:
    for c in p.children(s):
        if c.dep == "nsubj":
            return speaker(p, text, c)
        if c.dep == "agent" or c.dep == "prep" and c.lower == "by":
            objects = [g for g in p.children(c) if g.dep == "pobj"]
            if objects:
                return speaker(p, text, objects[0])
    return None


def survey(p: Parse, text: str, s: Token) -> list[ParseCue]:
    """"40% of households surveyed by the agency": the surveyor gives the figure."""
    who = _survey_subject(p, text, s)
    if who is None:
        return []
    top = p.head(s)
    while top.dep == "pobj" and p.head(top).lower == "of" and not p.head(top).is_root:
        top = p.head(p.head(top))
    return [ParseCue("data", top.i, frozenset({s.i}), None, who, who.start, who.end, s.i)]
