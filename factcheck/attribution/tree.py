"""Cues on the parse as plain data: which figure tokens a cue covers, and which cue is nearest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.attribution.phrase import Speaker
from factcheck.language.parse import Parse, Token

PRIORITY = {"citing": 3, "data": 2, "speech": 1}


@dataclass(frozen=True)
class ParseCue:
    """A cue on the parse: what it covers (``anchor``, ``blocked``, ``allowed``) and who it names.

    ``allowed`` lists the dependencies through which the anchor's subtree is covered (None:
    any child not ``blocked``), ``also`` children covered whatever their dependency (a second
    subject or a dateline the parse misattached, a conjoined "and that ..."); ``speaker`` is None
    for a subject the caller takes from the previous cue of the sentence ("... and said");
    ``verb`` is the token that triggered it. A cue with ``before`` closes its sentence ("...,
    hospital officials said."): it covers every figure before that offset, as the farthest cue.
    """

    kind: str
    anchor: int
    blocked: frozenset[int]
    allowed: frozenset[str] | None
    speaker: Speaker | None
    start: int
    end: int
    verb: int
    relay: Speaker | None = None
    also: frozenset[int] = frozenset()
    before: int | None = None

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]

    def reach(self, path: Sequence[Token]) -> int | None:
        """How far up a figure's path (the figure token first) the cue sits, or None."""
        if self.before is not None:
            return len(path) if path and path[0].start < self.before else None
        for k, t in enumerate(path):
            if t.i != self.anchor:
                continue
            if k == 0:
                return 0 if self.allowed is None else None
            child = path[k - 1]
            if child.i in self.blocked:
                return None
            if child.i in self.also:
                return k
            if self.allowed is not None and child.dep not in self.allowed:
                return None
            if self.allowed is not None and child.dep == "conj" and child.pos in ("VERB", "AUX"):
                return None  # a coordinated object is covered, a coordinated clause is not
            return k
        return None


def path_of(parse: Parse, token: Token) -> list[Token]:
    """token and its heads up to the root."""
    return [token, *parse.ancestors(token)]


def covering(cues: Sequence[ParseCue], path: Sequence[Token]) -> ParseCue | None:
    """The nearest cue on a figure's path; the higher priority, then the nearer verb, among equals."""
    found = ranked(cues, path)
    return found[0] if found else None


def ranked(cues: Sequence[ParseCue], path: Sequence[Token]) -> list[ParseCue]:
    """The cues that cover a figure, nearest first (the higher priority, then the nearer verb,
    among equals)."""
    keyed = []
    for cue in cues:
        k = cue.reach(path)
        if k is not None:
            keyed.append(((k, -cue.priority, abs(cue.verb - path[0].i)), cue))
    return [c for _, c in sorted(keyed, key=lambda kc: kc[0])]


def reported_through(chosen: ParseCue, others: Sequence[ParseCue], path: Sequence[Token]) -> ParseCue | None:
    """The reporting verb whose complement holds the chosen cue's verb ("Reuters reported that
    [the ministry said 25 had died]", "the mayor said [police had reported 14 arrests]"): the
    relay of a source it quotes."""
    if chosen.kind != "speech" or chosen.anchor != chosen.verb or chosen.relay is not None:
        return None
    ids = [t.i for t in path]
    if chosen.verb not in ids:
        return None
    for other in others:
        if other.kind == "speech" and other.anchor == other.verb and other.verb in ids and ids.index(other.verb) > ids.index(chosen.verb):
            between = path[ids.index(chosen.verb):ids.index(other.verb)]
            return other if all(t.dep in ("ccomp", "xcomp") for t in between) else None
    return None


def top_conj(parse: Parse, token: Token) -> Token:
    """The first conjunct of the chain token belongs to."""
    seen = 0
    while token.dep == "conj" and seen < len(parse):
        token = parse.head(token)
        seen += 1
    return token


def inside(spans: Sequence[tuple[int, int]], at: int) -> bool:
    return any(s <= at < e for s, e in spans)



