"""Who or what a figure counts: the noun phrase after it (tests/corpus/README.md, "Subject").

``noun_phrase`` reads the words after a figure up to the counted head noun: "Chinese
military aircraft", "women and children", "prisoners of war". Modifiers that only
evaluate ("new", "strong") and proper names that are not nationalities ("Boeing jets") are
dropped; nationalities come from the gazetteer's demonyms, not a list of our own. On the parse, a
lone number's copula says who it counts ("323 of the dead were Egyptians": ``complement_phrase``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.extract.syntax import Anchor
from factcheck.language.lexicon import words

_WORD = re.compile(r"[ \u00a0]*([A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*)")
IRREGULAR = words("extract", "plural-nouns")
# Head nouns that stand for people: "40 dead", "claimed 500 lives".
PERSON_HEADS = {word: "people" for word in words("extract", "person-heads")}
# Words after a figure that end a noun phrase before it has a head.
STOP = words("extract", "phrase-stops")
DROP = words("extract", "subject-drop")
_STOPPING = STOP - {"more", "other", "some"}  # words that end a phrase before its head ("more" may start one)
# Metric words the metric already says: "displaced people" counts people.
METRIC_WORDS = words("extract", "metric-words")
_COMPLEMENT = frozenset("war understanding conscience".split())  # fixed "of" complements


@dataclass(frozen=True)
class Phrase:
    """A counted noun phrase: its words as kept, its head noun and its span."""

    text: str
    head: str
    start: int
    end: int


def is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR or lower.endswith(("men", "people")) or word[0].isupper() and lower.endswith("ese"):
        return True  # "Sudanese", "Timorese" are plural too
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "\u2019s")) and lower not in STOP


def _is_noun(word: str) -> bool:
    """A plural noun that can extend or join a phrase (not "injured", "killed")."""
    lower = word.lower()
    return is_plural(word) and lower not in METRIC_WORDS and lower not in PERSON_HEADS and not lower.endswith(("ed", "ing"))


def _adjective(word: str, demonym: Callable[[str], bool]) -> bool:
    """A capitalised modifier kept in a subject: a nationality or a regional adjective ("African")."""
    return demonym(word) or bool(re.search(r"(?:an|ean|ese|ish)$", word))


def noun_phrase(text: str, at: int, limit: int, demonym: Callable[[str], bool] = lambda w: False) -> Phrase | None:
    """The noun phrase starting at ``at`` (before ``limit``) that ends in a plural head noun."""
    words: list[tuple[str, int, int]] = []
    pos = at
    while len(words) < 7:
        m = _WORD.match(text, pos, limit)
        if not m:
            break
        words.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    head = None
    for i, (word, _, _) in enumerate(words[:5]):
        if word[0].isdigit() and i > 0 and words[i - 1][0][0].isupper():
            continue  # a model number: "Boeing 737 MAX 9 jets"
        if word[0].isdigit() or word.lower() in _STOPPING and word.lower() not in DROP:
            return None
        if is_plural(word):
            nxt = words[i + 1][0] if i + 1 < len(words) else ""
            if word[0].isupper() and word.lower().endswith("ese") and nxt[:1].isalpha() and nxt.lower() not in STOP:
                continue  # "Chinese military aircraft": a modifier here
            head = i
            break
    if head is None:
        return None
    while head + 1 < len(words) and _is_noun(words[head + 1][0]):
        head += 1  # "crew members", "police officers"
    last = head
    if head + 2 < len(words) and words[head + 1][0] == "and":
        for j in (head + 2, head + 3):
            if j >= len(words) or words[j][0][0].isdigit() or words[j][0].lower() in STOP:
                break
            if _is_noun(words[j][0]):
                last = j
                while last + 1 < len(words) and _is_noun(words[last + 1][0]):
                    last += 1  # "soldiers and police officers"
                break
    if last + 2 < len(words) and words[last + 1][0] == "of" and words[last + 2][0].lower() in _COMPLEMENT:
        last += 2
    kept: list[str] = []
    for i, (word, _, _) in enumerate(words[:last + 1]):
        lower = word.lower()
        if i < head and (lower in DROP or lower in METRIC_WORDS or word[0].isdigit() or word[0].isupper() and not _adjective(word, demonym)):
            continue
        if i + 1 < head and lower.endswith("ly") and words[i + 1][0].lower() in METRIC_WORDS:
            continue  # "critically injured people": the adverb goes with its dropped fate word
        if i == head and lower in PERSON_HEADS and not kept:
            kept.append(PERSON_HEADS[lower])
            continue
        kept.append(word)
    return Phrase(" ".join(kept), words[head][0].lower(), words[0][1], words[last][2])


def antecedent_before(text: str, at: int, floor: int, demonym: Callable[[str], bool] = lambda w: False) -> Phrase | None:
    """The noun phrase that ends right before ``at`` (", tens of thousands of whom" -> the troops)."""
    starts = [m.start(1) for m in re.finditer(r"(?:^|[ \u00a0])([A-Za-z])", text[max(floor, at - 60):at])]
    base = max(floor, at - 60)
    for offset in starts:
        phrase = noun_phrase(text, base + offset, at, demonym)
        if phrase is not None and text[phrase.end:at].strip(" ,\u00a0") == "":
            return phrase
    return None


def complement_phrase(text: str, spot: Anchor, limit: int, demonym: Callable[[str], bool] = lambda w: False) -> Phrase | None:
    """On the parse, who a lone number is said to be: "323 of the dead were Egyptians",
    "Of those, 40 were children" (the complement of its copula)."""
    verb = spot.predicate
    if spot.noun is not None or verb is None or spot.role.dep != "nsubj" or verb.lower not in words("extract", "copulas"):
        return None
    attr = next((c for c in spot.parse.children(verb) if c.dep == "attr" and c.pos in ("NOUN", "PROPN")), None)
    if attr is None or not is_plural(attr.text):
        return None
    first = spot.parse.subtree(attr)[0]
    return noun_phrase(text, first.start, limit, demonym)


def counted_phrase(spot: Anchor, demonym: Callable[[str], bool] = lambda w: False) -> Phrase | None:
    """On the parse, the noun the number quantifies with its modifiers between them, where the
    words found no plural head ("About 1 million Rohingya live in camps")."""
    noun = spot.noun
    if noun is None or noun.pos not in ("NOUN", "PROPN") or noun.start < spot.number.end:
        return None
    between = [t for t in spot.parse.tokens_in(spot.number.end, noun.start) if spot.parse.head(t) == noun]
    kept = [
        t.text for t in between
        if t.dep in ("amod", "compound") and t.lower not in DROP and t.lower not in METRIC_WORDS
        and (not t.text[0].isupper() or _adjective(t.text, demonym))
    ]
    head = PERSON_HEADS.get(noun.lower, noun.text) if not kept else noun.text
    return Phrase(" ".join([*kept, head]), noun.lower, between[0].start if between else noun.start, noun.end)
