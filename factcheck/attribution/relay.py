"""Relayed figures: who reports whose figure.

"Reuters reported, citing the health ministry" and "Reuters, citing the health ministry,
said" make the ministry the source and Reuters the relay; "the commission said, according
to ANI" makes ANI the relay of the commission, but "officials said 39,000 were killed,
according to the ministry" (after the content) makes the ministry the source. What a source cites as evidence rather than
as a source of its own ("citing survivors' accounts", "citing credible sources") leaves the
reporting verb's subject the source.
A "citing" that hangs from a clause which is not a reporting verb ("the toll rose to 45,
according to the ministry, citing hospital records") names the source, and the "according
to" beside it, if any, the relay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from factcheck.attribution.phrase import Speaker, source_of
from factcheck.attribution.tree import ParseCue, inside, top_conj
from factcheck.attribution.words import evidence_nouns
from factcheck.language.parse import Parse, Token


def cited(p: Parse, text: str, citing: Token) -> Speaker | None:
    """The source a "citing" names: its object, with a name set off after it ("the disaster
    authority AFAD"); None for evidence ("survivors' accounts")."""
    kids = p.children(citing)
    objects = [c for c in kids if c.dep in ("dobj", "pobj", "attr")]
    if not objects or objects[0].lower in evidence_nouns() and not any(t.pos == "PROPN" for t in p.subtree(objects[0])):
        return None
    who = source_of(p, text, objects[0])
    if who is None:
        return None
    after = [c for c in kids if c.i > objects[0].i and c.pos == "PROPN" and c.dep in ("npadvmod", "appos", "dobj", "dep")]
    if after and after[0].start - who.end <= 1:
        tail = p.extent(after[0])
        phrase = text[who.start:tail[1]]
        return Speaker(text[after[0].start:tail[1]], phrase, who.start, tail[1], "name", who.definite, (*who.mentions, who.name))
    return who


def combine(p: Parse, text: str, quotes: Sequence[tuple[int, int]], cues: list[ParseCue], answered: set[int]) -> list[ParseCue]:
    """The sentence's cues with relays: "citing" cues added, "according to" on a reporting
    verb folded into that verb's cues; the "citing" tokens are added to ``answered``."""
    speech: dict[int, list[ParseCue]] = {}
    for cue in cues:
        if cue.kind == "speech" and cue.speaker is not None:
            speech.setdefault(cue.verb, []).append(cue)
    out: list[ParseCue] = []
    relays: dict[int, Speaker] = {}
    according: dict[int, ParseCue] = {}
    for cue in cues:
        trigger = p.tokens[cue.verb]
        if cue.kind == "data" and trigger.lower == "according" and not trigger.is_root:
            head = p.head(trigger)
            if head.i in speech and cue.speaker is not None:
                if any(c.dep == "ccomp" and head.i < c.i < trigger.i for c in p.children(head)):
                    # "Officials said 39,000 were killed, according to the ministry": the content's source
                    out.extend(replace(c, kind="data", speaker=cue.speaker, relay=c.speaker, start=cue.start, end=cue.end, verb=cue.verb) for c in speech[head.i])
                else:  # "the commission said on Sunday, according to ANI": who relays the saying
                    relays[head.i] = cue.speaker
                continue
            according[head.i] = cue
        out.append(cue)
    out = [replace(c, relay=relays[c.verb]) if c.kind == "speech" and c.verb in relays else c for c in out]
    for t in p:
        if t.lower != "citing" or t.is_root or inside(quotes, t.start):
            continue
        answered.add(t.i)
        source = cited(p, text, t)
        if source is None:
            continue
        head = p.head(t)
        verb = head.i if head.i in speech else _reporting_near(p, t, speech)
        if verb is not None:
            for c in speech[verb]:
                out.append(replace(c, kind="citing", speaker=source, relay=c.speaker, start=t.start, end=source.end, verb=t.i))
            continue
        beside = according.get(head.i)
        anchor = top_conj(p, head)
        out.append(ParseCue("citing", anchor.i, frozenset({t.i}), None, source, t.start, source.end, t.i, beside.speaker if beside else None))
    return out


def _reporting_near(p: Parse, citing: Token, speech: dict[int, list[ParseCue]]) -> int | None:
    """The reporting verb a "citing" the parse hung elsewhere belongs to: the nearest one above
    or below its head ("Citing hospital records, the charity MedAid said ...")."""
    head = p.head(citing)
    above = {t.i for t in p.ancestors(head)} | {head.i}
    related = [v for v in speech if v in above or head.i in {t.i for t in p.ancestors(p.tokens[v])}]
    return min(related, key=lambda v: abs(v - citing.i)) if related else None
