"""Carry-over by discourse: which figures without a cue of their own continue a source's report.

Within a paragraph, a source's report runs on over the sentences that follow its cue while
each holds an attributed figure or a cue of the same source; a sentence with neither ends it.
A figure without a cue takes the running report's source when it

- breaks down a figure before it ("Of those, 40 were children"; "17 of the deaths"; "They
  include 40 civilians"), or
- continues an institution's report: a clause that states a figure ("15 remain missing",
  "prices were 14.5% higher"), of the same metric as the report's figures, after a report
  that was not a direct quotation nor people's (witnesses, officials: after them the
  reporter's voice resumes), and not background ("Derna is home to 125,000 people", "the
  capital, a city of 4 million"); or an act of the source itself ("Xi also pledged ...").

A sentence that only attributes ("That is according to X.", "The figures were provisional, the
centre said.") covers the figures of the sentence before it (``bare``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, islice

from factcheck.attribution.words import background_words, statistic_verbs
from factcheck.language.clauses import clause_head
from factcheck.language.parse import Parse, Token
from factcheck.language.segment import Sentence

_BARE_START = re.compile(
    r"^(?:That|This|These|Those|The|Its|Their)\s+(?:is|was|figures?|numbers?|toll|death toll|tally|count|data|estimates?|statistics)\b"
)
BARE_OBJECT = re.compile(
    r"\b(?:confirmed|gave|released|provided|published|reported|issued|updated)\s+(?:the|its|their|those|these)\s+"
    r"(?:death\s+)?(?:toll|figures?|numbers?|tally|count|data|estimates?)\b"
)
_BARE_REST = re.compile(r"(?:\s+(?:so|this|that|on|in|at|late|last|earlier|a|an|the|its|statement|[A-Z][\w.-]*|(?![A-Z])\w+day|week|month))*\s*[.!]?")
_BREAKDOWN_START = re.compile(
    r"^\W*(?:Of|Among)\s+(?:them|those|these|whom|the\s+\w+|all\s+\w+)\b|^\W*(?:They|These|Those|The\s+(?:dead|victims|injured|wounded))\s+includ",
    re.I,
)
_DEPTH = 8
_PARTITIVE_OBJECTS = frozenset("them those these whom which".split())
_INCLUDE = frozenset("include includes included including comprise comprised".split())


@dataclass(frozen=True)
class Report:
    """A source's running report: who, as written, through whom, what it counts, where it ended."""

    source: str
    phrase: str | None
    relay: str | None
    metrics: frozenset[str]
    sentence: int
    paragraph: int
    quoted: bool
    person: bool = False


def compatible(metric: str, metrics: frozenset[str]) -> bool:
    """The figure counts what the report's figures count (or they are not known yet)."""
    return not metrics or metric in metrics


def _up(parse: Parse, token: Token) -> list[Token]:
    """The figure token and its nearest heads: a noun phrase and its clause, not the whole tree."""
    return list(islice(chain((token,), parse.ancestors(token)), _DEPTH))


def opens_breakdown(text: str, sentence: Sentence) -> bool:
    """A sentence opening "Of those", "Among them", "They include": it breaks down what came before."""
    return _BREAKDOWN_START.match(text, sentence.start, sentence.end) is not None


def breaks_down(parse: Parse | None, token: Token | None) -> bool:
    """A figure that breaks down an earlier one: a partitive ("17 of the deaths", "three of
    them"), "they include 40 civilians"."""
    if parse is None or token is None:
        return False
    for t in _up(parse, token):
        for c in parse.children(t):
            if c.dep == "prep" and c.lower in ("of", "among"):
                for o in parse.children(c):
                    kids = parse.children(o)
                    if o.dep == "pobj" and (o.lower in _PARTITIVE_OBJECTS or any(d.lower == "the" for d in kids) and o.tag in ("NNS", "JJ")) and not any(
                        d.dep == "nummod" for d in kids
                    ):
                        return True
        if t.lower in _INCLUDE and any(c.dep == "nsubj" and c.lower in ("they", "these", "those", "dead", "victims") for c in parse.children(t)):
            return True
        if t.pos in ("VERB", "AUX") and t.lower not in _INCLUDE:
            break
    return False


def background(parse: Parse | None, token: Token | None) -> bool:
    """A figure that describes a place or thing in the reporter's voice: "home to 125,000
    people", "a city of 4 million", "a population of"."""
    if parse is None or token is None:
        return False
    for t in _up(parse, token):
        if t.lower in background_words():
            return True
        if t.pos in ("VERB", "AUX"):
            break
    head = clause_head(parse, token)
    return any(c.lower in background_words() and c.dep in ("attr", "nsubj", "appos") for c in parse.children(head))


def states(parse: Parse | None, token: Token | None) -> bool:
    """A figure in a clause that states it rather than narrates an act: a copula or a verb of
    change or state ("prices were 14.5% higher", "15 remain missing", "GDP expanded 3%"), or a
    passive without an agent ("40 were killed")."""
    if parse is None or token is None:
        return False
    head = clause_head(parse, token)
    kids = parse.children(head)
    if any(c.dep == "aux" and (c.lower == "to" or c.tag == "MD") for c in kids) or any(
        c.dep == "xcomp" and any(g.lower == "to" for g in parse.children(c)) for c in kids
    ):
        return False  # a plan or a forecast in the reporter's voice ("are to be released")
    if head.lower in statistic_verbs() or head.pos not in ("VERB", "AUX"):
        return True
    if any(c.dep == "agent" for c in kids):
        return False
    return any(c.dep == "auxpass" for c in kids) or head.tag == "VBN" and not any(c.dep == "aux" for c in kids)


def actor(parse: Parse | None, token: Token | None) -> Token | None:
    """The subject of a figure's clause ("Xi also pledged 1 billion yuan" → Xi)."""
    if parse is None or token is None:
        return None
    head = clause_head(parse, token)
    return next((c for c in parse.children(head) if c.dep == "nsubj"), None)


def carries(report: Report | None, metric: str, sentence: Sentence, broken_down: bool, continues: bool, same_actor: bool) -> bool:
    """Whether a figure without a cue takes the running report's source: a breakdown of it, an
    act of the source itself ("Xi also pledged"), or a statement (``states``) continuing an
    organisation's report that was not a quotation."""
    if report is None or report.paragraph != sentence.paragraph or sentence.index - report.sentence > 1:
        return False
    if broken_down or same_actor:
        return True
    return continues and not report.quoted and not report.person and compatible(metric, report.metrics)


def bare(text: str, sentence: Sentence, cue_spans: Sequence[tuple[int, int]], sources: Sequence[str]) -> bool:
    """Whether a sentence only attributes what came before it (its cues' spans, in order)."""
    if not sources or not cue_spans:
        return False
    body = text[sentence.start:sentence.end]
    if _BARE_START.match(body) or BARE_OBJECT.search(body):
        return True
    first_start, first_end = cue_spans[0]
    return not text[sentence.start:first_start].strip() and _BARE_REST.fullmatch(text, first_end, sentence.end) is not None


def refers_back(text: str, sentence: Sentence) -> bool:
    """A sentence that names what came before ("X confirmed the toll"): it may start a paragraph."""
    return bool(BARE_OBJECT.search(text, sentence.start, sentence.end))
