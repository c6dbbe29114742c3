"""Attribute stage: who each figure is attributed to.

Cues (``cues.py``) say which side of them they cover: "X said that ..." covers what follows,
"..., X said." and "..., according to X" what comes before. A figure takes the covering cue of
its sentence with the highest priority (citing > data > reporting verb > pledge), the nearest
among equals. A figure inside a direct quotation takes the quotation's speaker (the cue next to
it, else the speaker of the paragraph's previous quotation). A sentence without a cue takes the
source of a bare cue in the next sentence of its paragraph ("That is according to X.", "The
figures were provisional, the centre said."). Pronouns ("it said", "they estimated"), elided
subjects ("... and said") and short references ("the ministry added", "the agency") resolve
against the sources seen so far. Anything else is the reporter's own voice: no source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from factcheck.attribution.cues import Cue, cues
from factcheck.extract.figures import breaks_down
from factcheck.language.gazetteer import countries
from factcheck.language.segment import Sentence
from factcheck.models import Figure
from factcheck.reference.aliases import Aliases

GENERIC_HEADS = frozenset(
    """agency organisation organization office group body centre center mission bureau institute monitor regulator
    watchdog service committee study report survey company firm charity alliance coalition network platform
    department commission council authority administration observatory tracker project programme program fund
    union bloc secretariat foundation broadcaster operator ngo outlet newspaper channel tribunal court team""".split()
)
STANDALONE_HEADS = frozenset(
    """government police army military junta authorities officials official ministry minister president spokesman
    spokeswoman spokesperson governor rebels militants doctors medics residents witnesses sources researchers
    analysts experts organisers organizers cabinet navy parliament guard force forces""".split()
)
DATA_HEADS = frozenset("data figures figure tally count statistics numbers estimates estimate records toll".split())
_PERSON_WORDS = frozenset(
    """spokesman spokeswoman spokesperson minister president governor commander secretary-general director
    coordinator chief resident farmer teacher surgeon doctor official mayor envoy ambassador premier chancellor
    magistrate ombudsman""".split()
)
_ORG_WORDS = (GENERIC_HEADS | STANDALONE_HEADS) - _PERSON_WORDS | frozenset(
    """ministry agency forces force news un press times post media television tv radio association federation league
    party movement front corps bank international nations republic university school hospital red crescent cross
    intelligence command initiative watch borders""".split()
)
_BARE_START = re.compile(
    r"^(?:That|This|These|Those|The|Its|Their)\s+(?:is|was|figures?|numbers?|toll|death toll|tally|count|data|estimates?|statistics)\b"
)
_BARE_OBJECT = re.compile(r"\b(?:confirmed|gave|released|provided|published|reported|issued|updated)\s+(?:the|its|their|those|these)\s+(?:death\s+)?(?:toll|figures?|numbers?|tally|count|data|estimates?)\b")
_QUOTE_CHARS = '"\u201c\u201d'
_RECENT_PARAGRAPHS = 2
_HISTORY = 50


@dataclass(frozen=True)
class Seen:
    """A resolved source and where it was seen."""

    source: str
    sentence: int
    paragraph: int
    person: bool


def quotations(text: str, sents: list[Sentence]) -> list[tuple[int, int]]:
    """Direct quotations, paired per paragraph; an unclosed one runs to the paragraph's end."""
    paragraphs: dict[int, list[int]] = {}
    for s in sents:
        span = paragraphs.setdefault(s.paragraph, [s.start, s.end])
        span[1] = s.end
    out: list[tuple[int, int]] = []
    for start, end in paragraphs.values():
        opened: int | None = None
        for i in range(start, end):
            ch = text[i]
            if ch not in _QUOTE_CHARS:
                continue
            if opened is None and ch != "\u201d":
                opened = i
            elif opened is not None and ch != "\u201c":
                out.append((opened, i + 1))
                opened = None
        if opened is not None:
            out.append((opened, end))
    return out


def _tables(aliases: Aliases) -> tuple[dict[str, list[str]], set[str]]:
    """(aliases of each canonical source, place names): built once per run, not per article."""

    def build() -> tuple[dict[str, list[str]], set[str]]:
        by_canonical: dict[str, list[str]] = {}
        for alias, canonical in aliases.table["source"].items():
            by_canonical.setdefault(canonical, []).append(alias)
        places = set(countries()) | set(aliases.table["location"]) | {v.lower() for v in aliases.table["location"].values()}
        return by_canonical, places

    return aliases.derived("attribute", build)


class Resolver:
    """Resolves pronouns, elided subjects and short references against the sources seen so far."""

    def __init__(self, aliases: Aliases) -> None:
        self.aliases = aliases
        self.seen: list[Seen] = []
        self._known: dict[str, str | None] = {}
        self._by_canonical, self._places = _tables(aliases)

    def known(self, source: str) -> str | None:
        """The canonical name of a source the aliases know (cached: the look-up may scan)."""
        if source not in self._known:
            self._known[source] = self.aliases.known("source", source)
        return self._known[source]

    def is_person(self, source: str) -> bool:
        """A person's name or title ("Kemal Aydin", "regional governor Oleh Kiper"), not an organisation."""
        words = source.replace("'s", "").split()
        lower = {w.lower().strip(",.") for w in words}
        if lower & _PERSON_WORDS:
            return True
        if lower & _ORG_WORDS or lower & {"of", "for"} or source.lower() in self._places or self.known(source):
            return False
        names = [w for w in words if w[:1].isupper()]
        return 1 <= len(names) <= 3 and len(names) == len(words) and not any(w.isupper() and len(w) > 1 for w in names)

    def resolve(self, cue: Cue, sentence: int, paragraph: int, earlier: list[str | None]) -> str | None:
        """The source a cue stands for; ``earlier`` are the resolved cues before it in its sentence."""
        if cue.reference == "elided":
            previous = [s for s in earlier if s]
            return previous[-1] if previous else (self.seen[-1].source if self.seen else None)
        if cue.reference == "pronoun":
            return self._pronoun(cue.source, paragraph)
        if cue.definite and not self.known(cue.source):
            return self._short(cue.source, paragraph) or cue.source
        if cue.source.lower() in STANDALONE_HEADS:
            return self._short(cue.source, paragraph, aliases=False) or cue.source
        return cue.source

    def remember(self, source: str | None, sentence: int, paragraph: int) -> None:
        if source and (not self.seen or self.seen[-1].source != source):
            self.seen.append(Seen(source, sentence, paragraph, self.is_person(source)))
            del self.seen[:-_HISTORY]

    def _pronoun(self, pronoun: str, paragraph: int) -> str | None:
        recent = [s for s in reversed(self.seen) if paragraph - s.paragraph <= _RECENT_PARAGRAPHS]
        if pronoun in ("he", "she", "i", "we"):
            wanted = [s for s in recent if s.person]
        elif pronoun == "it":
            wanted = [s for s in recent if not s.person]
        else:
            wanted = [s for s in recent if not s.person] or recent
        pick = wanted or recent
        return pick[0].source if pick else None

    def _short(self, source: str, paragraph: int, aliases: bool = True) -> str | None:
        """'ministry', 'UN agency', 'data': an earlier source it refers to, or None."""
        words = source.split()
        if not words or len(words) > 4 or any(w[:1].isupper() and w not in ("UN", "U.N.") for w in words):
            return None
        head = words[-1].lower()
        if head not in GENERIC_HEADS | STANDALONE_HEADS | DATA_HEADS:
            return None
        modifiers = {w.lower() for w in words[:-1]} - {"un", "u.n."}
        if len(modifiers) > 1:
            return None
        for expand in (False, True) if aliases else (False,):
            for seen in reversed(self.seen):
                names = self._names(seen.source) if expand else [re.sub(r"'s\b", "", seen.source.lower())]
                if any(head in n.split() and modifiers <= set(n.split()) for n in names):
                    return seen.source
        if head in STANDALONE_HEADS:
            return None
        recent = [s for s in reversed(self.seen) if paragraph - s.paragraph <= _RECENT_PARAGRAPHS]
        if head in GENERIC_HEADS:
            recent = [s for s in recent if not s.person and s.source.split()[-1].lower() not in STANDALONE_HEADS | DATA_HEADS]
        return recent[0].source if recent else None

    def _names(self, source: str) -> list[str]:
        """A source and every alias of its canonical name, lower-case with possessives dropped."""
        canonical = self.known(source)
        names = [source]
        if canonical:
            names.append(canonical)
            names.extend(self._by_canonical.get(canonical, []))
        return [re.sub(r"'s\b|\u2019s\b", "", n.lower()) for n in names]


def canonical_source(aliases: Aliases, source: str) -> str:
    """The canonical name: the whole phrase's alias, else a known trailing part ("state news agency APP")."""
    known = aliases.known("source", source)
    if known:
        return known
    words = source.split()
    for i in range(1, len(words)):
        known = aliases.known("source", " ".join(words[i:]))
        if known:
            return known
    return aliases.canonical("source", source) or source


def _covers(cue: Cue, figure: Figure) -> bool:
    if cue.position == "pre":
        return cue.end <= figure.start
    if cue.position == "post":
        return figure.end <= cue.start
    return True


def _pick(figure: Figure, resolved: list[tuple[Cue, str | None]]) -> str | None:
    """The source of the covering cue with the highest priority, the nearest among equals."""
    covering = [(c, s) for c, s in resolved if s and _covers(c, figure)]
    if not covering:
        return None
    def rank(cs: tuple[Cue, str | None]) -> tuple[int, int]:
        c = cs[0]
        return (-c.priority, min(abs(c.start - figure.end), abs(figure.start - c.end)))
    return min(covering, key=rank)[1]


def _bare(text: str, sentence: Sentence, resolved: list[tuple[Cue, str | None]]) -> str | None:
    """The source of a sentence that only attributes what came before it."""
    sources = [s for _, s in resolved if s]
    if not sources:
        return None
    body = text[sentence.start:sentence.end]
    if _BARE_START.match(body) or _BARE_OBJECT.search(body):
        return sources[0]
    first = resolved[0][0]
    rest = text[first.end:sentence.end]
    if not text[sentence.start:first.start].strip() and re.fullmatch(r"(?:\s+(?:so|this|that|on|in|at|late|last|earlier|a|an|the|its|statement|[A-Z][\w.-]*|(?![A-Z])\w+day|week|month))*\s*[.!]?", rest):
        return sources[0]
    return None


def _refers_back(text: str, sentence: Sentence) -> bool:
    """A sentence that names what came before ("X confirmed the toll"): it may start a paragraph."""
    return bool(_BARE_OBJECT.search(text, sentence.start, sentence.end))


def _speaker(text: str, quote: tuple[int, int], resolved: list[tuple[Cue, str | None]], previous: str | None) -> str | None:
    """The speaker of a quotation: a cue right after it or right before it, else the previous speaker."""
    start, end = quote
    for cue, source in resolved:
        between = text[end:cue.start]
        if source and cue.start >= end and len(between) < 120 and not any(ch in between for ch in '.!?"\u201c\u201d\n\r'):
            return source
    for cue, source in resolved:
        before = text[cue.end:start]
        if source and cue.end <= start and "\n" not in before and re.fullmatch(r"[ ,:]*(?:\S+ *){0,4}", before) and before.strip().endswith((":", ",")):
            return source
    return previous


def _within(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted, not overlapping) that overlap [lo, hi)."""
    i = max(0, bisect_right(starts, lo) - 1)
    out = []
    while i < len(spans) and spans[i][0] < hi:
        if spans[i][1] > lo:
            out.append(spans[i])
        i += 1
    return out


def attribute(text: str, figures: list[Figure], sents: list[Sentence], aliases: Aliases) -> list[Figure]:
    """Figures with ``source`` (as written, resolved) and ``canonical_source`` set where a cue covers them."""
    quotes = sorted(quotations(text, sents))
    quote_starts = [q[0] for q in quotes]
    resolver = Resolver(aliases)
    per_sentence: list[list[tuple[Cue, str | None]]] = []
    for sentence in sents:
        resolved: list[tuple[Cue, str | None]] = []
        for cue in cues(text, sentence.start, sentence.end, _within(quotes, quote_starts, sentence.start, sentence.end)):
            source = resolver.resolve(cue, sentence.index, sentence.paragraph, [s for _, s in resolved])
            resolved.append((cue, source))
            resolver.remember(source, sentence.index, sentence.paragraph)
        per_sentence.append(resolved)
    all_cues = [(c, s) for resolved in per_sentence for c, s in resolved]
    cue_starts = [c.start for c, _ in all_cues]
    sentence_starts = [s.start for s in sents]
    speakers: dict[tuple[int, int], str | None] = {}
    last: dict[int, str | None] = {}
    for quote in quotes:
        at = bisect_right(sentence_starts, quote[0]) - 1
        paragraph = sents[at].paragraph if at >= 0 else -1
        near = all_cues[bisect_left(cue_starts, quote[0] - 400):bisect_right(cue_starts, quote[1] + 400)]
        speakers[quote] = _speaker(text, quote, near, last.get(paragraph))
        last[paragraph] = speakers[quote]
    index_of = {s.start: s.index for s in sents}
    with_figures = {index_of.get(f.sentence_start) for f in figures}
    out: list[Figure] = []
    for figure in figures:
        index = index_of.get(figure.sentence_start)
        source: str | None = None
        inside = [q for q in _within(quotes, quote_starts, figure.start, figure.end) if q[0] < figure.start < q[1]]
        if inside:
            source = speakers.get(inside[0])
        elif index is not None:
            resolved = per_sentence[index]
            source = _pick(figure, resolved)
            following = index + 1
            if not resolved and following < len(sents) and following not in with_figures and (
                sents[following].paragraph == sents[index].paragraph or _refers_back(text, sents[following])
            ):
                source = _bare(text, sents[following], per_sentence[following])
        if not source and out and out[-1].metric == figure.metric and breaks_down(text, out[-1], figure):
            source = out[-1].source
        if source:
            figure = figure.model_copy(update={"source": source, "canonical_source": canonical_source(aliases, source)})
        out.append(figure)
    return out
