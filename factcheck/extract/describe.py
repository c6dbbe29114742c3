"""What a figure counts (metric), who (subject) and for members which organisation, from the
words around it; ``location`` says where. The rules are tests/corpus/README.md's.

A figure with no noun of its own ("compared with about 500 a day", "twenty-two of them")
refers back: to the previous figure of its sentence, or for "of them" to the last figure,
or for ", tens of thousands of whom" to the noun phrase before the comma.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.extract import metric as parsed_metric
from factcheck.extract import wording as metrics
from factcheck.extract.claimhood import is_year
from factcheck.extract.money import money_metric
from factcheck.extract.quantity import Number
from factcheck.extract.subject import Phrase, antecedent_before, complement_phrase, counted_phrase, noun_phrase
from factcheck.extract.syntax import Anchor
from factcheck.language.clauses import clause_after
from factcheck.language.gazetteer import Gazetteer, countries
from factcheck.language.segment import Sentence
from factcheck.models import CONTESTED_METRICS, Figure

Demonym = Callable[[str], bool]

_PARTITIVE = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:(?P<anaphor>them|whom|those|these|which)\b"
    r"|(?:(?:the|its|their|his|her|our|[A-Z][\w-]*(?:'s|\u2019s))[ \u00a0]+)?(?:\d[\d,.]*[ \u00a0]+)?)"
)
_NEGATED = re.compile(r"\b(?:[Nn]one|[Nn]ot one|[Nn]either) of the[ \u00a0]+$")
_INCLUDING = re.compile(r"\b(?:including|among them)[ \u00a0]+$", re.I)
_NUMBER_OF = re.compile(r"\bnumber of[ \u00a0]+", re.I)
_OWN_VERB = re.compile(
    r"\b(?:have|has|had|are|were|is|was|will|would|could|can|may|might|remain|remained|live|lived|[a-z]{3,}ed)\b"
)
_GENERIC_ORG = re.compile(
    r"(?:bloc|alliance|group|grouping|union|organi[sz]ation|body|council|coalition|club|community|forum|assembly)\b", re.I
)
_ORG_NAME = re.compile(r"[ \u00a0]+((?:[A-Z][\w+.&'-]*)(?:[ \u00a0]+(?:of|for|and|the|[A-Z][\w+.&'-]*))*(?<![ \u00a0]of|and|the))")
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\+?(?![\w])")
_DEFINITE_BARE = re.compile(r"\b(?:the|those|these|all)[ \u00a0]+$", re.I)
RESTATED_REACH = 1500
_LOWER_NAME = re.compile(r"[ \u00a0]+((?:euro ?zone|eurozone))\b", re.I)


@dataclass(frozen=True)
class Description:
    metric: str
    subject: str | None
    refers_to: Figure | None = None  # the earlier figure this one refers back to


class Organisations:
    """Organisations whose members are counted (from reference rows and subject aliases),
    found by name or, failing that, as the nearest acronym ("ECOWAS", "OPEC+")."""

    def __init__(self, names: dict[str, str], gazetteer: Gazetteer | None = None) -> None:
        self.names = {k.lower(): v for k, v in names.items()}
        self.gazetteer = gazetteer
        forms = sorted(self.names, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in forms) + r")\b", re.I) if forms else None

    def canonical(self, name: str) -> str:
        return self.names.get(name.lower(), name)

    def nearest_before(self, text: str, before: int, start: int = 0) -> str | None:
        """The organisation named or abbreviated ("ECOWAS") last before an offset."""
        found: tuple[int, str] | None = None
        if self._pattern is not None:
            for m in self._pattern.finditer(text, start, before):
                found = (m.start(), self.names[m.group(0).lower()])
        for m in _ACRONYM.finditer(text, start, before):
            if (found is None or m.start() > found[0]) and self._is_acronym(text, m):
                found = (m.start(), self.canonical(m.group(0)))
        return found[1] if found else None

    def _is_acronym(self, text: str, m: re.Match[str]) -> bool:
        """Not a place, a dateline ("ABUJA, Jan 29") or a word of an all-capitals subhead."""
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if not any(c.islower() for c in line):
            return False
        if text[line_start:m.start()].strip() == "" and text[m.end():m.end() + 2] == ", ":
            return False
        return self.gazetteer is None or self.gazetteer.canonical(m.group(0)) is None


def describe(
    text: str, number: Number, start: int, end: int, sentence: Sentence, limit: int,
    earlier: Sequence[Figure], gazetteer: Gazetteer, organisations: Organisations | None,
    spot: Anchor | None = None,
) -> Description:
    """The metric and subject of the figure text[start:end]; ``limit`` is where the next figure
    starts, ``earlier`` the document's figures before it, ``spot`` the figure on the parse
    (its metric comes first; the words are the fallback)."""
    clause = clause_after(text, end, limit)
    sentence_text = text[sentence.start:sentence.end]
    demonym = _demonym_test(gazetteer)
    partitive = _PARTITIVE.match(text, end) if not number.compound else None
    anaphor = partitive.group("anaphor") if partitive else None
    phrase = None if anaphor else noun_phrase(text, partitive.end() if partitive else end, sentence.end, demonym)
    if partitive and not anaphor and phrase is None:
        phrase = noun_phrase(text, end, sentence.end, demonym)
    previous = earlier[-1] if earlier else None
    same_sentence = previous is not None and previous.sentence_start == sentence.start
    refers_back = anaphor is not None or (phrase is None and same_sentence and not _OWN_VERB.search(clause))
    antecedent = _antecedent(text, start, sentence, anaphor, earlier, demonym)

    if number.percent or number.share:  # a percentage or a proportion ("a third of")
        if partitive and phrase:
            return Description("percent", phrase.text)
        inherited = previous.subject if refers_back and previous and previous.metric == "percent" else None
        return Description("percent", inherited)
    if number.unit:
        return Description(money_metric(text, start, end, sentence.start, sentence.end, spot, earlier), None)
    if number.compound:
        compound = metrics.compound_metric(text, number, end)
        return Description(compound, _compound_subject(text, number, end, sentence, compound, organisations))
    if metrics.is_years(text, end) or is_year(text, number):
        return Description("years", None)
    twin = _restated(text, number, start, phrase, partitive, earlier)
    if twin is not None:  # "a list of the 14": the 14 hostages named before
        return Description(twin.metric, twin.subject, twin)
    negated = _NEGATED.search(text, max(sentence.start, start - 14), start) is not None
    reading = parsed_metric.on_parse(text, spot, is_country) if spot is not None and not negated else parsed_metric.Reading()
    metric = reading.metric
    if reading.weak:
        metric = metrics.cue_before(text, start, sentence.start) or metric
    if reading.refers_back:
        refers_back = True
        metric = antecedent.metric if antecedent is not None else None
    counted = phrase or _number_of(text, start, sentence, demonym)
    context = text[max(0, sentence.start - 300):sentence.end]
    if metric is None and counted is not None and not (partitive and phrase and phrase.head == "members"):
        following = text[counted.end:min(sentence.end, counted.end + 160)]
        metric = metrics.strong_noun(_raw(text, counted), counted.head, sentence_text, following, context)
    if reading.settled:
        metric = metric or (metrics.weak_noun(counted.head, _raw(text, counted)) if counted else None) or "count"
    if metric is None and _INCLUDING.search(text, max(sentence.start, start - 14), start) and previous and same_sentence:
        metric = previous.metric  # "killed 32 people, including 11 children"
    if not negated:
        metric = metric or metrics.cue_before(text, start, sentence.start) or metrics.cue_after(clause)
    if metric == "released":  # freed hostages or prisoners: the clause or the noun says which
        kept = metrics.weak_noun(counted.head) if counted else None
        metric = metrics.cue_after(clause) or (kept if kept in ("hostages", "detained") else None) or "detained"
    if metric is None and counted is not None:
        metric = metrics.weak_noun(counted.head, _raw(text, counted))
    if metric is None and antecedent is not None and (refers_back or anaphor == "whom"):
        metric = antecedent.metric
    across = False
    if metric is None and reading.refers_back and antecedent is None:
        antecedent = _before_sentence(text, sentence, earlier)  # "It has registered 90,000": what the sentence before counted
        across = antecedent is not None
        metric = antecedent.metric if antecedent is not None else None
    metric = metric or "count"
    if metric == "members":
        floor = max(0, sentence.start - 2000)
        return Description(metric, organisations.nearest_before(text, start, floor) if organisations else None)
    if spot is not None:
        phrase = complement_phrase(text, spot, sentence.end, demonym) or phrase
        if phrase is None and anaphor is None and not number.vague:
            phrase = counted_phrase(spot, demonym)
    inherit = anaphor is not None or same_sentence or across
    subject = _subject(text, start, sentence, metric, phrase, antecedent if inherit else None, demonym)
    return Description(metric, subject, antecedent.refers_to if antecedent and refers_back else None)


def is_country(name: str) -> bool:
    """A country named as such ("Chad", "the UK"), not a city or region."""
    table = countries()
    return name.lower().removeprefix("the ") in table or name in table


def _number_of(text: str, start: int, sentence: Sentence, demonym: Demonym) -> Phrase | None:
    """The X of "the number of X ... (rose) to N" before a figure."""
    found = None
    for m in _NUMBER_OF.finditer(text, sentence.start, start):
        found = noun_phrase(text, m.end(), start, demonym)
    return found


def _raw(text: str, phrase: Phrase) -> str:
    return text[phrase.start:phrase.end]


def _demonym_test(gazetteer: Gazetteer) -> Demonym:
    return lambda word: word.lower() in gazetteer.demonyms


def _antecedent(
    text: str, start: int, sentence: Sentence, anaphor: str | None, earlier: Sequence[Figure], demonym: Demonym
) -> Description | None:
    """What a figure refers back to: the noun phrase before ", N of whom", else the last
    earlier figure that counts something (not a percentage, sum of money or year); for a
    figure without "of them", only one in the same sentence."""
    if anaphor == "whom":
        comma = text.rfind(",", sentence.start, start)
        phrase = antecedent_before(text, comma, sentence.start, demonym) if comma > 0 else None
        if phrase is not None:
            head_metric = metrics.strong_noun(_raw(text, phrase), phrase.head, "") or metrics.weak_noun(phrase.head)
            return Description(head_metric or "count", phrase.text)
    for figure in reversed(earlier):
        if start - figure.end > 600 or anaphor is None and figure.sentence_start != sentence.start:
            break
        if figure.unit is None and figure.metric not in ("percent", "years"):
            return Description(figure.metric, figure.subject, figure)
    return None


def _restated(
    text: str, number: Number, start: int, phrase: Phrase | None, partitive: re.Match[str] | None, earlier: Sequence[Figure]
) -> Figure | None:
    """The earlier figure a definite bare number restates ("a list of the 14" after "14
    hostages"): same value, no noun of its own, within ``RESTATED_REACH`` characters."""
    if phrase is not None or partitive is not None or number.vague or not _DEFINITE_BARE.search(text, max(0, start - 8), start):
        return None
    for figure in reversed(earlier):
        if start - figure.end > RESTATED_REACH:
            break
        if figure.value == number.value and figure.high is None and figure.unit is None and figure.metric not in ("percent", "years"):
            return figure
    return None


def _before_sentence(text: str, sentence: Sentence, earlier: Sequence[Figure]) -> Description | None:
    """The last figure of the sentence before, in the same paragraph, that counts something."""
    for figure in reversed(earlier):
        if figure.sentence_start == sentence.start:
            continue
        if figure.sentence_end > sentence.start or sentence.start - figure.sentence_end > 3 or "\n" in text[figure.sentence_end:sentence.start]:
            return None  # not the sentence right before it in the paragraph
        if figure.unit is None and figure.metric not in ("percent", "years"):
            return Description(figure.metric, figure.subject, figure)
    return None


def _subject(
    text: str, start: int, sentence: Sentence, metric: str, phrase: Phrase | None, antecedent: Description | None,
    demonym: Demonym,
) -> str | None:
    if metric in ("money", "percent", "years"):
        return None
    if phrase is not None:
        return phrase.text
    number_of = _number_of(text, start, sentence, demonym)
    if number_of is not None:
        return number_of.text
    if antecedent is not None and antecedent.subject:
        return antecedent.subject
    return "people" if metric in CONTESTED_METRICS and metric != "fighters" else None


def _compound_subject(
    text: str, number: Number, end: int, sentence: Sentence, metric: str, organisations: Organisations | None
) -> str | None:
    """"four-day" counts days, "543-seat" seats; a "10-member" bloc's members are its name."""
    if metric == "years":
        return None
    if metric == "members":
        name = _ORG_NAME.match(text, end)
        if name and not _GENERIC_ORG.match(name.group(1)):
            return organisations.canonical(name.group(1)) if organisations else name.group(1)
        lower = _LOWER_NAME.match(text, end)
        if lower:
            return lower.group(1)
        floor = max(0, sentence.start - 2000)
        return organisations.nearest_before(text, end, floor) if organisations else None
    if metric == "fighters":
        return None
    words = (number.compound or "").split("-")
    return " ".join(words[:-1] + [_plural(words[-1])])


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
