"""Attribution cues in one sentence: who is said to say so, and which side of the cue it covers.

A cue is a source phrase with its cue words: "according to X", "citing X", "figures from X",
"X's tally", "by X's count", and a reporting verb with its subject ("X said", "X told
reporters", "X estimates that", "said X", "data from X showed"). The source is the phrase as
written, without the cue words, determiners or data nouns ("an AFP tally" → "AFP"); an
appositive name wins over its description ("Peace Now, an Israeli watchdog, said" → "Peace
Now"). Pronouns ("it said") and elided subjects ("... and said") are marked for the caller to
resolve.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from factcheck.attribution.words import ordered, wordlist
from factcheck.language.clauses import segments
from factcheck.language.trie import alternation

Position = Literal["pre", "post", "both"]

SPEECH = ordered("text-cue-verbs")
ACTION = ordered("text-cue-actions")
# Forms that are also nouns ("reports of", "the estimates"): a cue only right after a subject.
_NOUNISH = wordlist("nounish-verbs")
_VERB = re.compile(r"\b" + alternation(SPEECH + ACTION) + r"\b")  # a trie: longest first, as a sorted list
_VERB_WORDS = frozenset(SPEECH + ACTION)
_INVERTED_VERBS = wordlist("inverted-verbs")
_PARTICIPIAL = re.compile(r"\s+(?:missing|dead|killed|injured|wounded|captured|detained|abducted|to (?:be|have)\b|as\b)")
_NUMBERISH = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|billions?)\b", re.I)
_CONTINUATION = re.compile(r",\s+(?:and|with|compared with|compared to|down from|up from|including|bringing|raising|taking|among them|of whom)\b")
_PARTICIPLE = re.compile(r",\s+(?:adding|saying|noting|warning)\b")
_BE = re.compile(r"\b(?:is|are|was|were|be|been|being|it's|that's)\s+(?:\w+ly\s+)?$", re.I)
_ADJECTIVAL = re.compile(r"\b(?:an?|the)\s+$", re.I)
_SKIP_BEFORE = wordlist("skip-before")
PRONOUNS = frozenset("it they he she we i".split())
_DATA_NOUNS = r"(?:tally|tallies|count|counts|figures?|data|estimates?|statistics|numbers|records|toll|death toll|calculations?|analysis)"
_DATA_PREFIX = re.compile(
    r"^(?:(?:the|a|an|its|their)\s+)?(?:(?:latest|new|official|preliminary|provisional|updated|own|daily|weekly|monthly|annual)\s+)*"
    + _DATA_NOUNS
    + r"\s+(?:(?:released|published|provided|compiled|issued|gathered|collected|kept)\s+)?(?:from|by|of)\s+",
    re.I,
)
_DATA_SUFFIX = re.compile(r"(?:'s|\u2019s)?\s+(?:(?:own|quick|latest|official|preliminary|provisional|final|new|daily)\s+)*" + _DATA_NOUNS.replace("|records", "") + r"$", re.I)
_POSSESSIVE = re.compile(r"(?=['\u2019])(?:'s|\u2019s|(?<=s)'|(?<=s)\u2019)\s+(?:own\s+|latest\s+|official\s+)?" + _DATA_NOUNS + r"\b", re.I)
_ACCORDING = re.compile(r"\baccording to\s+", re.I)
_CITING = re.compile(r"\b(?:citing|cited by)\s+", re.I)
_FROM = re.compile(
    r"\b(?:(?:as\s+)?(?:reported|estimated|confirmed|announced|recorded|documented|counted|compiled|published|released)\s+by"
    r"|per(?-i:(?=\s+(?:the\s+)?[A-Z]))"
    r"|(?:figures|data|statistics|numbers|estimates)\s+(?:(?:released|published|provided|compiled|issued)\s+)?(?:from|by)"
    r"|(?:a|the)\s+(?:tally|count)\s+(?:by|from)|by\s+the\s+(?:count|tally)\s+of)\s+",
    re.I,
)
_PHRASE_END = re.compile(
    r"\s*(?:[,;:()\"\u201c\u201d]|\.(?:\s|$)|$|\s+(?:who|which|that|as of|as|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|in a (?:statement|report|post)|showed|shows|show|released|published|said|says|and (?:the|a)\b))"
)
_CLAUSE_WORDS = wordlist("clause-words")
_LEAD_WORDS = wordlist("lead-words")
_RELATIVE = re.compile(r"^(?:who|which|that|whose)\b", re.I)
_WORD = re.compile(r"[\w\u00c0-\u024f][\w\u00c0-\u024f'\u2019.&+-]*")
_DEFINITE = re.compile(r"\s*(?:the|its|their|this|these|those)\s", re.I)
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|its|their)\s+", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_LEADING_DATA_WORDS = re.compile(r"^(?:(?:latest|new|official|preliminary|provisional|updated)\s+)+(?=\S+\s)", re.I)
_DEMONYM_SHAPE = re.compile(r"[A-Z][a-z]+(?:i|ian|ese|ish|an|ic)")
_TRAILING_OWN = re.compile(r"(?:'s)$|\s+(?:itself|themselves|himself|herself)$")
_LAST_WORD = re.compile(r"([\w']+)\s+$")
_PRONOUN_LAST = re.compile(r"(?:^|[\s,\"\u201c\u201d])(it|they|he|she|we|i)\s*$", re.I)
_ELIDED = re.compile(r"\b(?:and|but)\s*$")
_TRAILING_COMMA = re.compile(r",\s*$")
_WHO = re.compile(r"\s(?:who|which|whose)\s")
_DESCRIPTION_START = re.compile(r"(?:an?|the)\s|[A-Z][\w.]*(?:'s|\u2019s)\s")
_FIRST_WORD = re.compile(r"([A-Za-z]+)\s+")
_CLAUSE_END = re.compile(r"[,;.]|\bthat\b")
_BY = re.compile(r"\b[Bb]y\s+$")
_NEGATION = re.compile(r"\b(?:did|does|do|would|could)\s+not\s+$|\bnot\s+$")
_NOUN_USE = re.compile(r"\s+(?:of|on|about|from)\b")
_TIME_WORDS = wordlist("time-words")


@dataclass(frozen=True)
class Cue:
    """An attribution cue: the source as written, its span and what the caller must resolve.

    ``kind`` is "citing", "data" (according to, figures from, X's tally), "speech" or
    "action" (pledged, promised); ``position`` says which figures it covers; ``reference``
    is "name", "pronoun" (it, they) or "elided" ("... and said": the sentence's earlier cue);
    ``definite`` says the phrase began with "the", "its" or "this" (a possible short reference).
    """

    source: str
    start: int
    end: int
    kind: str
    position: Position
    reference: str = "name"
    definite: bool = False

    @property
    def priority(self) -> int:
        return {"citing": 3, "data": 2, "speech": 1, "action": 0}[self.kind]


def definite(phrase: str) -> bool:
    """'the agency', 'its own figures': a phrase that may refer back to an earlier source."""
    return bool(_DEFINITE.match(phrase))


def clean(source: str) -> str:
    """A source phrase without surrounding punctuation, determiners and data nouns."""
    source = " ".join(source.replace("\u2019", "'").split()).strip(" ,.;:\"'\u201c\u201d")
    source = _LEADING_DETERMINER.sub("", source)
    source = _DATA_PREFIX.sub("", source)
    source = _LEADING_ARTICLE.sub("", source)
    source = _LEADING_DATA_WORDS.sub("", source)
    stripped = _DATA_SUFFIX.sub(lambda m: m.group(0) if m.group(0).split()[-1][:1].isupper() else "", source)
    demonym = (_DEMONYM_SHAPE.fullmatch(stripped) or stripped.islower() and " " not in stripped) and "'s" not in source
    if stripped and stripped.lower() not in ("the", "a", "an") and not demonym:
        source = stripped
    source = _TRAILING_OWN.sub("", source)
    return source.strip(" ,.")


def _phrase_after(text: str, at: int, end: int) -> tuple[str, int]:
    """The source phrase starting at ``at`` (after 'according to', 'citing'): up to its end."""
    m = _PHRASE_END.search(text, at, end)
    stop = m.start() if m else end
    phrase = text[at:stop]
    # "according to figures from the regulator, Cocobod": the appositive name is the source.
    after = re.match(r",\s+([A-Z][\w\u00c0-\u024f&+.'-]*(?:\s+[A-Z][\w\u00c0-\u024f&+.'-]*){0,3})\s*(?:[,.;]|$)", text[stop:end])
    if after and _generic(clean(phrase)):
        return after.group(1), stop + after.end(1)
    return phrase, stop


def _past(word: str) -> bool:
    """'raised', 'mediated': a lower-case past form, which ends no source phrase."""
    return word.islower() and word.endswith("ed") and "-" not in word and word not in ("armed", "united", "red")


def _generic(phrase: str) -> bool:
    """A description rather than a name: lower-case words only (a leading 'UN' allowed)."""
    words = phrase.split()
    return bool(words) and all(w[:1].islower() or w in ("UN", "U.N.") for w in words)


def _is_name(segment: str) -> bool:
    """A proper name: capitalised words (with of/for/the/and/de/al), no figures."""
    words = segment.split()
    if not words or len(words) > 7 or any(w[:1].isdigit() for w in words):
        return False
    if not words[0][:1].isupper() or words[0].lower() in ("the", "a", "an", "in", "on", "at", "by"):
        return words[0].lower() == "the" and len(words) > 1 and all(w[:1].isupper() for w in words[1:])
    return all(w[:1].isupper() or w in ("of", "for", "the", "and", "de", "al", "du", "la", "von", "van") for w in words)


def _valid_np(segment: str) -> bool:
    """A whole segment that can be a source noun phrase: short, no figures, no clause words."""
    words = [w.lower().strip(",.'\"") for w in segment.split()]
    if not words or len(words) > 12 or any(w[:1].isdigit() for w in words):
        return False
    return not any(w in _CLAUSE_WORDS or w in _VERB_WORDS for w in words)


def _walk_back(text: str, floor: int, at: int) -> tuple[str, int] | None:
    """The noun phrase ending right before ``at``, walking back over words until a boundary."""
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(text, floor, at)]
    taken: list[tuple[int, str]] = []
    for i in range(len(words) - 1, -1, -1):
        start, word = words[i]
        gap = text[start + len(word):taken[-1][0]] if taken else text[start + len(word):at]
        if gap.strip():
            break
        lower = word.lower()
        if word[:1].isdigit() or lower in _CLAUSE_WORDS or lower in _TIME_WORDS or lower in _VERB_WORDS:
            break
        if lower in ("of", "for", "from", "at", "in", "by", "on", "with"):
            if not taken or i == 0 or words[i - 1][1].lower() in _CLAUSE_WORDS or _past(words[i - 1][1]):
                break
        if lower == "and" and not (taken and taken[-1][1][:1].isupper() and i > 0 and words[i - 1][1][:1].isupper()):
            break
        taken.append((start, word))
        if lower in ("the", "a", "an") and (i == 0 or words[i - 1][1].lower() not in ("of", "for", "from", "at", "in", "by", "on", "with")):
            break
    while taken and taken[-1][1].lower() in ("of", "for", "from", "at", "in", "by", "on", "with", "and"):
        taken.pop()
    if not taken:
        return None
    start = taken[-1][0]
    return text[start:at].strip(), start


def subject_before(text: str, floor: int, verb: int) -> tuple[str, int, str] | None:
    """The subject of a reporting verb at ``verb``: (phrase, start, reference kind)."""
    pos = verb
    while True:
        m = _LAST_WORD.search(text[max(floor, pos - 20):pos])
        if m and (m.group(1).lower() in _SKIP_BEFORE or m.group(1).lower().endswith("ly") and m.group(1).islower()):
            pos -= len(m.group(0))
            continue
        break
    head = text[floor:pos]
    tail = max(0, len(head.rstrip()) - 6)  # the patterns below end the head: none starts before this
    pronoun = _PRONOUN_LAST.search(head, tail)
    if pronoun:
        return pronoun.group(1).lower(), pos - len(pronoun.group(0).lstrip(" ,\"\u201c\u201d")), "pronoun"
    if _ELIDED.search(head, tail):
        return "", pos, "elided"
    comma = _TRAILING_COMMA.search(head, tail)
    appositive = comma is not None
    stop = floor + (comma.start() if comma else len(head))
    bounds = [(a, b) for a, b in segments(text, floor, stop) if text[a:b].strip()]
    if not bounds or bounds[-1][1] != stop and text[bounds[-1][1]:stop].strip():
        return None
    seg_start, seg_end = _trim(text, *bounds[-1])
    if seg_start >= seg_end:
        return None
    segment = text[seg_start:seg_end]
    if _RELATIVE.match(segment):
        if len(bounds) < 2:
            return None
        p0, p1 = _trim(text, *bounds[-2])
        np = (text[p0:p1], p0) if _is_name(text[p0:p1]) else _walk_back(text, p0, p1)
        return (np[0], np[1], "name") if np else None
    rel = _WHO.search(segment)
    if rel:
        np = _walk_back(text, seg_start, seg_start + rel.start())
        return (np[0], np[1], "name") if np else None
    if appositive and len(bounds) >= 2 and not _is_name(segment):
        p0, p1 = _trim(text, *bounds[-2])
        if _is_name(text[p0:p1]) and _DESCRIPTION_START.match(segment) and _valid_np(segment):
            return text[p0:p1], p0, "name"
    if _valid_np(segment):
        return segment, seg_start, "name"
    np = _walk_back(text, seg_start, seg_end)
    return (np[0], np[1], "name") if np else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A segment without surrounding space and leading conjunctions or adverbs."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        m = _FIRST_WORD.match(text[start:end])
        if m and m.group(1).lower() in _LEAD_WORDS:
            start += m.end()
            continue
        return start, end


def subject_after(text: str, verb_end: int, end: int) -> tuple[str, int] | None:
    """'..., said Ibrahim Adam, a surgeon': the subject after the verb."""
    m = re.match(r"\s+((?:the\s+|an?\s+)?(?:(?:Dr|Mr|Mrs|Ms|Prof)\.\s+)?[A-Z][\w\u00c0-\u024f'.&+-]*(?:\s+(?:of|for|the|and|de|al|[A-Z][\w\u00c0-\u024f'.&+-]*))*"
                 r"|(?:the\s+|an?\s+)(?:[a-z]+\s+){0,3}(?:spokes(?:man|woman|person)|official|officials|minister|ministry|agency|police|military|army|statement))", text[verb_end:end])
    if not m:
        return None
    return m.group(1), verb_end + m.end(1)


def _position(text: str, start: int, np_start: int, verb_end: int, end: int) -> Position:
    """'X said that ...' covers what follows; '..., X said on Monday.' what came before (and a
    trailing ', with ...' / ', compared with ...' / ', down from ...' after it)."""
    if not text[start:np_start].strip(" \"\u201c"):
        return "pre"
    rest = text[verb_end:end]
    rest = re.sub(r"^\s+(?:reporters|journalists|parliament|lawmakers|AFP|Reuters|AP|state (?:television|media|radio)|(?:a|the) (?:briefing|news conference))\b", "", rest)
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
    if rest[len(clause):].lstrip().startswith("that") or _NUMBERISH.search(clause) or len(clause.split()) > 8:
        return "pre"
    if _CONTINUATION.match(rest, len(clause)):
        return "both"
    return "post"


def _inside(spans: Sequence[tuple[int, int]], at: int) -> bool:
    return any(s <= at < e for s, e in spans)


def cues(text: str, start: int, end: int, quotes: Sequence[tuple[int, int]] = ()) -> list[Cue]:
    """Every attribution cue in text[start:end] (one sentence) outside the quotation spans."""
    found: list[Cue] = []
    for pattern, kind in ((_CITING, "citing"), (_ACCORDING, "data"), (_FROM, "data")):
        for m in pattern.finditer(text, start, end):
            if _inside(quotes, m.start()) or any(c.start <= m.start() < c.end for c in found):
                continue
            phrase, stop = _phrase_after(text, m.end(), end)
            source = clean(phrase)
            if source and source.lower() not in PRONOUNS:
                at_start = not text[start:m.start()].strip(" \"\u201c")
                position: Position = "pre" if at_start else "both"
                found.append(Cue(source, m.start(), stop, kind, position, definite=definite(phrase)))
    for m in _POSSESSIVE.finditer(text, start, end):
        if _inside(quotes, m.start()) or any(c.start <= m.start() < c.end for c in found):
            continue
        np = _walk_back(text, start, m.start())
        if np is None:
            continue
        phrase, np_start = np
        by = _BY.search(text[start:np_start])
        cue_start = np_start - (len(by.group(0)) if by else 0)
        if by and text[start:cue_start].strip():
            position = "post" if not re.search(r"\d", text[m.end():end]) else "both"
        else:
            position = "pre"
        source = clean(phrase)
        if source and source.lower() not in PRONOUNS:
            found.append(Cue(source, cue_start, m.end(), "data", position, definite=definite(phrase)))
        elif source.lower() in PRONOUNS:
            found.append(Cue(source.lower(), cue_start, m.end(), "data", position, "pronoun"))
    for m in _VERB.finditer(text, start, end):
        if _inside(quotes, m.start()) or any(c.start <= m.start() < c.end for c in found):
            continue
        verb = m.group(0)
        before = text[max(start, m.start() - 40):m.start()]
        if _BE.search(before) or _ADJECTIVAL.search(before) or _PARTICIPIAL.match(text, m.end()) or _NEGATION.search(before):
            continue
        kind = "action" if verb in ACTION else "speech"
        prev = text[start:m.start()].rstrip()
        if verb in _INVERTED_VERBS and (not prev or prev[-1] in ",\"\u201d"):
            inv = subject_after(text, m.end(), end)
            if inv:
                found.append(Cue(clean(inv[0]), m.start(), inv[1], kind, "post", definite=definite(inv[0])))
                continue
        subject = subject_before(text, start, m.start())
        if subject is None:
            continue
        phrase, np_start, reference = subject
        if reference == "name":
            if _past(phrase.split()[-1]):
                continue
            if verb in _NOUNISH and (_NOUN_USE.match(text[m.end():end]) or phrase.split()[-1].lower().endswith("ing")):
                continue
            source = clean(phrase)
            if not source or source in ("the", "a", "an", "this", "that", "there", "what", "which", "who", "one", "some", "many", "you", "people"):
                continue
            if source.lower() in PRONOUNS:
                reference, source = "pronoun", source.lower()
        else:
            source = phrase
        position = _position(text, start, np_start, m.end(), end)
        found.append(Cue(source, np_start, m.end(), kind, position, reference, definite(phrase)))
    for m in _PARTICIPLE.finditer(text, start, end):
        if not _inside(quotes, m.start()) and found:
            found.append(Cue("", m.start(), m.end(), "speech", "pre", "elided"))
    return sorted(found, key=lambda c: c.start)
