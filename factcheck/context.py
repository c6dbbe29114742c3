"""What a figure counts (metric), who (subject) and where (location), from the words around it."""

from __future__ import annotations

import re

from .numbers import Number
from .places import Gazetteer
from .refs import Aliases
from .segment import Sentence

# What the noun right after a figure counts; checked before verbs ("14,000 fighters ... killed").
_NOUN_METRICS = (
    ("fighters", r"fighters|troops|soldiers|militants|combatants|insurgents|rebels|servicemen|servicemembers|guerrillas|paramilitaries|mercenaries|jihadists|(?:military )?personnel"),
    ("hostages", r"hostages|captives"),
    ("refugees", r"refugees|asylum[ -]seekers"),
    ("displaced", r"(?:internally )?displaced (?:people|persons|civilians|Palestinians|Sudanese|residents)|IDPs|evacuees"),
    ("agreements", r"memorand(?:um|a|ums)|MoUs?|agreements?|deals?|accords?|treaties|treaty|contracts?|(?:cooperation )?documents"),
    ("members", r"members?|member (?:states|countries|nations)"),
    ("detained", r"prisoners|detainees|political prisoners|inmates"),
    ("killed", r"deaths|dead|fatalities|bodies|casualties|killings"),
    ("injured", r"injuries|wounded|injured"),
    ("aid", r"aid (?:trucks|lorries|convoys|deliveries|parcels)|trucks (?:of|carrying) (?:aid|humanitarian)"),
    ("years", r"years?"),
)
# Participles and verbs after a figure, in its clause.
_AFTER_METRICS = (
    ("hostages", r"abducted|kidnapped|taken (?:hostage|captive)|held (?:hostage|captive)|seized as hostages"),
    ("killed", r"killed|dead|died|perished|slain|executed|massacred|murdered|lost their lives|were killed|have been killed|deaths?"),
    ("injured", r"injured|wounded|hurt|maimed"),
    ("displaced", r"displaced|(?:forced |driven )?(?:from|out of) their homes|fled their homes|uprooted|made homeless"),
    ("refugees", r"fled (?:abroad|the country|across|to neighbo|into)|crossed (?:into|the border)|sought (?:refuge|asylum)"),
    ("missing", r"missing|unaccounted for"),
    ("detained", r"arrested|detained|jailed|imprisoned|rounded up|taken (?:into custody|prisoner)|in detention"),
)
# Cues before a figure ("killing 1,200", "a death toll of 300").
_BEFORE_METRICS = (
    ("killed", r"killing|killed|kill|death toll (?:\w+ ){0,3}(?:of|to|at|is|was|stands at|reached|passed|topped|surpassed|rose to|climbed to|hit)|deaths? of|died,? including|(?:the )?dead (?:number|include)"),
    ("injured", r"wounding|injuring|wounded|injured|injuries to"),
    ("hostages", r"abducting|kidnapping|taking hostage|seizing|abducted|kidnapped"),
    ("displaced", r"displacing|displacement of|displaced|uprooting|uprooted|forcing|forced|driven|drove|driving"),
    ("refugees", r"refugee (?:population|numbers?) (?:of|to|at)|hosting|hosts"),
    ("detained", r"arresting|detaining|arrested|detained|jailing|releas(?:e|ed|ing) (?:of )?"),
    ("fighters", r"a force of|army of|strength of|deploy(?:ed|ing)?|sen(?:t|ding)"),
    ("agreements", r"signed|signing|sign"),
    ("members", r"membership (?:of|to|at)|grouping of|bloc of|alliance of"),
)
_CLAUSE_END = re.compile(r"[;:()\"\u201c\u201d]|, (?:and|but|while|who|which|according)\b|\bwhile\b|\bbut\b|\d")
_AID = re.compile(r"\b(?:aid|humanitarian|relief|assistance|donat\w*|pledg\w*|reconstruction)\b", re.I)
_SUBJECT_WORD = re.compile(r"(?:(?:more|other|additional|new|some|further|of the|of) )?(?P<w>[A-Za-z][\w'-]*)(?: (?P<w2>[A-Za-z][\w'-]*))?")
_PERSON_IRREGULAR = frozenset({"people", "children", "men", "women", "dead", "wounded", "police", "personnel", "staff", "youth", "others", "persons"})
_STOP = frozenset(
    """of in at to on from for by with and or but have has had were was are is be been being the a an
    this that these those it its their his her who which whom as than since during after before
    over under more less about into out up down per each every year years month months week weeks
    day days hour hours percent""".split()
)
_GENERIC_SUBJECTS = {"others": "people", "persons": "people", "individuals": "people"}


def _compile(table: tuple[tuple[str, str], ...], anchor: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(metric, re.compile(anchor.format(p), re.I)) for metric, p in table]


_NOUNS = _compile(_NOUN_METRICS, r"(?:(?:[A-Z][a-z]+|more|other|additional|new|foreign|armed|local|Hamas|Russian|Ukrainian|Israeli|Palestinian) ){{0,2}}(?:{0})\b")
_AFTER = _compile(_AFTER_METRICS, r"\b(?:{0})\b")
_BEFORE = _compile(_BEFORE_METRICS, r"\b(?:{0})\s+(?:\w+\s+){{0,3}}$")


def metric_of(text: str, number: Number, sentence: Sentence, end: int) -> str:
    """The metric a figure counts, from its unit, the noun after it and the verbs around it."""
    after = text[end:sentence.end]
    clause = after[:_clause_length(after)]
    if number.percent:
        return "percent"
    if number.unit:
        return "aid" if _AID.search(text, max(sentence.start, number.start - 60), min(sentence.end, end + 60)) else "money"
    if number.compound:
        if number.compound in ("member", "nation", "country", "state"):
            return "members"
        if number.compound == "strong":
            return "fighters"
        if number.compound == "year":
            return "years"
    head = clause.lstrip()
    for metric, pattern in _NOUNS:
        if pattern.match(head):
            return metric
    before = text[max(sentence.start, number.start - 60):number.start]
    for metric, pattern in _BEFORE:
        if pattern.search(before):
            return metric
    for metric, pattern in _AFTER:
        if pattern.search(clause):
            return metric
    if 1800 <= number.value <= 2100 and number.step >= 1 and not number.words and re.search(r"\b(?:since|in|from|until|till|by)\s+$", before):
        return "years"
    return "count"


def _clause_length(after: str) -> int:
    """How far after a figure its clause runs (up to a clause break or the next number)."""
    m = _CLAUSE_END.search(after, 1)
    return min(m.start() if m else len(after), 120)


def subject_of(text: str, end: int, sentence_end: int, metric: str) -> str | None:
    """The head noun right after a figure: who is counted."""
    if metric in ("money", "percent", "years", "members"):
        return None
    m = _SUBJECT_WORD.match(text, _skip_space(text, end), sentence_end)
    if not m:
        return None
    for word in (m.group("w"), m.group("w2")):
        if not word or word.lower() in _STOP:
            return None
        if word.lower() in _PERSON_IRREGULAR or (word.endswith("s") and not word.endswith(("ss", "'s", "us"))):
            return _GENERIC_SUBJECTS.get(word.lower(), word if word[0].isupper() else word.lower())
        if not word[0].isupper() or word.isupper():
            return None
    return None


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \u00a0\t":
        at += 1
    return at


class Organisations:
    """Names of organisations whose members are counted (from reference rows and subject aliases)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = {k.lower(): v for k, v in names.items()}
        forms = sorted(self.names, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in forms) + r")\b", re.I) if forms else None

    def nearest_before(self, text: str, before: int, start: int = 0) -> str | None:
        """The organisation named last before an offset."""
        found = None
        if self._pattern is not None:
            for m in self._pattern.finditer(text, start, before):
                found = self.names[m.group(0).lower()]
        return found


def location_of(
    text: str, sentences: list[Sentence], index: int, number: Number, gazetteer: Gazetteer, headline: Sentence | None
) -> str | None:
    """Where the counted thing is: a place in the sentence (nearest the figure, preferring
    'in X' after it), else the place most named in the previous few sentences, else the headline."""
    sentence = sentences[index]
    here = list(gazetteer.mentions(text, sentence.start, sentence.end))
    if here:
        after = [m for m in here if m.start >= number.end and re.search(r"\b(?:in|across|inside|within|from|of)\s+(?:the\s+)?$", text[max(0, m.start - 12):m.start])]
        if after:
            return after[0].name
        return min(here, key=lambda m: min(abs(m.start - number.end), abs(number.start - m.end))).name
    counts: dict[str, float] = {}
    recency: dict[str, int] = {}
    for back in range(max(0, index - 5), index):
        s = sentences[back]
        for m in gazetteer.mentions(text, s.start, s.end):
            counts[m.name] = counts.get(m.name, 0.0) + (1.0 if s.paragraph == sentence.paragraph else 0.75)
            recency[m.name] = back
    if counts:
        return max(counts, key=lambda name: (counts[name], recency[name]))
    if headline is not None:
        return next((m.name for m in gazetteer.mentions(text, headline.start, headline.end)), None)
    return None
