"""Attribute stage: who each figure is attributed to.

A *cue* ("according to X", "X said", "X's tally", "citing X", a quotation's speaker) covers
the figures of its sentence; a short bare cue in the next sentence ("..., the agency said.")
covers the figures before it. Pronouns and short references ("they", "the ministry") carry
the most recent matching source. A figure with no cue is in the reporter's own voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Figure
from .refs import Aliases
from .segment import Sentence

_VERBS = (
    r"said|says|say|told|tells|reported|reports|report|estimated|estimates|estimate|announced|announces"
    r"|confirmed|confirms|added|adds|stated|states|noted|claimed|claims|counted|recorded|tallied|documented"
    r"|put the (?:toll|number|figure|death toll)|puts the (?:toll|number|figure)|warned|believes|believe"
)
_NP = r"[A-Z\u00c0-\u024f\"'][\w\u00c0-\u024f'.\u2019&-]*(?:[ \u00a0](?:of|for|on|in|and|de|al|the|[A-Z\u00c0-\u024f\w][\w\u00c0-\u024f'.\u2019&-]*)){0,9}"
_ACCORDING = re.compile(r"\baccording to (?P<x>(?:the )?[^,.;:()\"\u201c\u201d]{2,90}?)(?=,|\.(?:\s|$)|;|:|\)|\"|\u201d| who\b| which\b| that\b| as of\b| on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|$)", re.I)
_CITING = re.compile(r"\b(?:citing|cited by|figures from|data from|statistics from|numbers from|figures (?:released|published|provided|compiled) by|data (?:released|published|provided|compiled) by|estimates? by|a (?:tally|count) by) (?P<x>(?:the )?[^,.;:()\"\u201c\u201d]{2,80}?)(?=,|\.(?:\s|$)|;|:|\)| who\b| which\b| that\b| showed\b| show\b| released\b| published\b|$)", re.I)
_POSSESSIVE = re.compile(r"(?:\bby )?(?P<x>(?:the )?(?:[A-Z][\w.-]*[ \u00a0]){0,5}[\w.-]+)(?:'s|\u2019s) (?:own )?(?:tally|tallies|count|counts|figures|data|estimate|estimates|toll|records|statistics|numbers)\b")
_SAID_AFTER = re.compile(rf"(?:[,\"\u201d]|\bso) ?(?:{_VERBS.split('|')[0]}|says|added|told reporters|wrote) (?P<x>(?:the |an? )?(?:{_NP}|(?:[a-z]+ ){{0,3}}(?:spokes(?:man|woman|person)|official|officials|minister|ministry|agency|police|military|army)))")
_VERB_CUE = re.compile(rf"\b(?:(?:has|have|had|also|later|earlier|previously) )?(?:{_VERBS})\b")
_QUOTE = re.compile(r"[\"\u201c][^\"\u201c\u201d]{1,2000}[\"\u201d]")
_PRONOUNS = frozenset({"they", "it", "he", "she", "we", "i"})
_RECENT = 3
_SHORT_REFERENCE = re.compile(
    r"^(?:the |its |their )?(?:\w+ )?(?P<head>ministry|agency|office|organi[sz]ation|group|military|army|police|"
    r"government|officials|authorities|spokes(?:man|woman|person)|body|department|service|commission|council|"
    r"committee|tally|statement|report|monitor|observatory|charity|un|ngo)$",
    re.I,
)
_BAD_SOURCE = re.compile(r"^(?:he|she|it|they|we|i|you|this|that|there|which|who|what|one|some|many|reports?|an?|the)$", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the)[ \u00a0]+$", re.I)
_ADJECTIVAL = re.compile(r"[ \u00a0]+(?:[$\u20ac\u00a3]|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?|millions?)\b)", re.I)
_NP_WORD = re.compile(r"[\w\u00c0-\u024f'.\u2019&-]+$")
_NP_LOWER_OK = frozenset(
    """of the for and health ministry authorities officials agency office news police military army government
    spokesman spokeswoman spokesperson refugee refugees humanitarian affairs civil defence defense interior
    foreign affairs state-run state media monitor observatory commission council committee organisation
    organization group groups sources service services rights human medical medics doctors hospital officials
    department local regional national international relief aid workers united nations un tally tallies
    witnesses residents analysts experts researchers data figures statistics""".split()
)


@dataclass(frozen=True)
class Cue:
    """An attribution cue: the source as written, where the cue is, and whether it is a pronoun."""

    source: str
    start: int
    end: int
    pronoun: bool = False


def _adjectival(text: str, start: int, end: int) -> bool:
    """'an estimated 2.6 million', 'a reported 300': the verb form qualifies a number, cites no one."""
    return bool(_ARTICLE_BEFORE.search(text, max(0, start - 5), start) and _ADJECTIVAL.match(text, end))


def _noun_phrase_before(text: str, at: int, floor: int) -> tuple[str, int] | None:
    """The source noun phrase ending right before offset at (walking back over words)."""
    words: list[tuple[int, str]] = []
    pos = at
    while pos > floor and len(words) < 9:
        while pos > floor and text[pos - 1].isspace():
            pos -= 1
        m = _NP_WORD.search(text, floor, pos)
        if not m or m.end() != pos:
            break
        word = m.group(0)
        lower = word.lower().strip("'\u2019")
        if not (word[:1].isupper() or word[:1].isdigit() or lower in _NP_LOWER_OK or lower.endswith(("'s", "\u2019s"))):
            break
        if lower in ("and", "of", "for") and not words:
            break
        words.append((m.start(), word))
        pos = m.start()
    while words and words[-1][1].lower() in ("and", "of", "for", "the"):
        words.pop()
    if not words:
        return None
    start = words[-1][0]
    phrase = text[start:at].strip()
    first = phrase.split()[0].lower()
    if first in ("but", "while", "though", "although", "and", "as", "when", "also"):
        phrase = phrase.split(None, 1)[1] if " " in phrase else ""
    return (phrase, start) if phrase else None


def cues(text: str, sentence: Sentence) -> list[Cue]:
    """Every attribution cue in one sentence."""
    found: list[Cue] = []
    s, e = sentence.start, sentence.end
    for pattern in (_ACCORDING, _CITING, _POSSESSIVE, _SAID_AFTER):
        for m in pattern.finditer(text, s, e):
            source = _clean(m.group("x"))
            if source and not _BAD_SOURCE.match(source):
                found.append(Cue(source, m.start(), m.end()))
    for m in _VERB_CUE.finditer(text, s, e):
        if any(c.start <= m.start() < c.end for c in found) or _adjectival(text, m.start(), m.end()):
            continue
        np = _noun_phrase_before(text, m.start(), s)
        if np is None:
            pronoun = re.search(r"\b(they|it|he|she|we)[ \u00a0]+$", text[max(s, m.start() - 6):m.start()], re.I)
            if pronoun:
                found.append(Cue(pronoun.group(1).lower(), m.start() - len(pronoun.group(0)), m.end(), True))
            continue
        phrase, start = np
        if _BAD_SOURCE.match(phrase) or phrase.lower() in _PRONOUNS:
            found.append(Cue(phrase.lower(), start, m.end(), True))
        else:
            found.append(Cue(_clean(phrase), start, m.end()))
    return sorted(found, key=lambda c: c.start)


def _clean(source: str) -> str:
    source = " ".join(source.split()).strip(" ,.\"'\u201c\u201d")
    source = re.sub(r"^(?:the|a|an)\s+", "", source, flags=re.I)
    source = re.sub(r"(?:'s|\u2019s)$", "", source)
    return source


def _bare_cue(text: str, sentence: Sentence) -> Cue | None:
    """A next sentence that only attributes: '..., the agency said.' / 'That is according to X.'"""
    body = text[sentence.start:sentence.end]
    if len(body.split()) > 14:
        return None
    m = re.match(r"^(?:That|This|The figure|The number|The toll)(?: is| was| comes)? (?:according to|from) (?P<x>.+?)\.?$", body)
    if m:
        return Cue(_clean(m.group("x")), sentence.start, sentence.end)
    m = re.match(rf"^(?P<x>(?:The |An? )?[\w' -]{{2,60}}?) (?:{_VERBS})(?: so| this| that)?(?: in a statement| on \w+| late on \w+)?\.?$", body)
    if m:
        return Cue(_clean(m.group("x")), sentence.start, sentence.end)
    return None


class Attributor:
    """Resolves pronouns and short references against the sources seen so far."""

    def __init__(self, aliases: Aliases) -> None:
        self.aliases = aliases
        self.history: list[str] = []
        self.seen_at: list[int] = []
        self.sentence = 0

    def resolve(self, cue: Cue) -> str | None:
        if cue.pronoun:
            return self.history[-1] if self.history else None
        short = _SHORT_REFERENCE.match(cue.source)
        if short and self.history and cue.source.lower() not in ("officials", "authorities"):
            head = short.group("head").lower()
            for earlier in reversed(self.history):
                if head in earlier.lower():
                    return earlier
            if self.sentence - self.seen_at[-1] <= _RECENT and " " in self.history[-1]:
                return self.history[-1]
        return cue.source

    def remember(self, source: str | None) -> None:
        if source and (not self.history or self.history[-1] != source):
            self.history.append(source)
            self.seen_at.append(self.sentence)


def attribute(text: str, figures: list[Figure], sents: list[Sentence], aliases: Aliases) -> list[Figure]:
    """Figures with ``source`` (as written) and ``canonical_source`` set where a cue covers them."""
    by_sentence: dict[int, list[int]] = {}
    index_of = {s.start: s.index for s in sents}
    for i, figure in enumerate(figures):
        by_sentence.setdefault(index_of.get(figure.sentence_start, -1), []).append(i)
    out = list(figures)
    attributor = Attributor(aliases)
    for sentence in sents:
        attributor.sentence = sentence.index
        here = cues(text, sentence)
        resolved: list[tuple[Cue, str | None]] = []
        for cue in here:
            resolved.append((cue, attributor.resolve(cue)))
            attributor.remember(resolved[-1][1])
        members = by_sentence.get(sentence.index, [])
        if not members:
            continue
        following = sents[sentence.index + 1] if sentence.index + 1 < len(sents) else None
        bare = None
        if not here and following is not None and following.paragraph == sentence.paragraph and following.index not in by_sentence:
            cue = _bare_cue(text, following)
            bare = attributor.resolve(cue) if cue else None
        for i in members:
            figure = out[i]
            source = _source_for(text, figure, resolved) if resolved else bare
            if source:
                out[i] = figure.model_copy(update={"source": source, "canonical_source": aliases.canonical("source", source)})
    return out


def _source_for(text: str, figure: Figure, resolved: list[tuple[Cue, str | None]]) -> str | None:
    """The source for a figure among its sentence's cues: a quotation's speaker, else the nearest cue."""
    quote = next((q for q in _QUOTE.finditer(text, figure.sentence_start, figure.sentence_end) if q.start() <= figure.start < q.end()), None)
    candidates = [(cue, source) for cue, source in resolved if source]
    if quote is not None:
        outside = [(c, s) for c, s in candidates if not (quote.start() <= c.start < quote.end())]
        candidates = outside or candidates
    if not candidates:
        return None
    best = min(candidates, key=lambda cs: min(abs(cs[0].start - figure.end), abs(figure.start - cs[0].end)))
    return best[1]
