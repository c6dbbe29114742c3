"""Attribute stage: who each figure is attributed to.

The sentences that hold figures are parsed, in one ``doc.parsed`` call per document (the
sentences extraction parsed already come from the document's cache; a "sentence" with more
than ``MAX_PARSED_FIGURES`` figures is a table, read from its words); the sentences around
them are read through their text cues only, which is all carry-over needs. For each figure,
in order:

1. the nearest cue on the parse that covers it (``speech``, ``datacues``, ``relay``): a
   reporting verb whose complement holds it, "according to X", "citing X", a data noun with
   its owner, a reporting relative clause, a survey; a reporting verb quoting another source
   ("Reuters reported that the ministry said ...") is the relay;
2. inside a direct quotation, the quotation's speaker (``quotes``);
3. the text cues of its sentence (``cues``), where the parse has no answer: a cue whose
   words the parse neither made a cue of nor rejected (a verb of action, a verb whose object
   is not its content, a passive without an agent);
4. a sentence right after it that only attributes ("That is according to X.");
5. the running report of its paragraph, for a breakdown or a continuation (``discourse``).

Sources resolve as they are met (``resolve``): pronouns, elided subjects and short references
take the nearest compatible source seen so far. Anything else is the reporter's own voice.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from factcheck.attribution import discourse
from factcheck.attribution.cues import ACTION, SPEECH, Cue, cues
from factcheck.attribution.phrase import speaker
from factcheck.attribution.quotes import Said, enclosing, quotations, speakers, within
from factcheck.attribution.resolve import Resolver, canonical_source
from factcheck.attribution.speech import SentenceCues
from factcheck.attribution.tree import ParseCue, path_of, ranked, reported_through
from factcheck.attribution.words import people_heads
from factcheck.extract.figures import MAX_PARSED_FIGURES
from factcheck.language.parse import Parse, Token
from factcheck.language.segment import Sentence
from factcheck.models import Figure
from factcheck.read.document import Document
from factcheck.reference.aliases import Aliases


@dataclass
class Cues:
    """One sentence's cues, resolved: on the parse (when parsed) and in the text."""

    sentence: Sentence
    parse: Parse | None = None
    parsed: list[tuple[ParseCue, Said]] = field(default_factory=list)
    text: list[tuple[Cue, Said]] = field(default_factory=list)
    answered: set[int] = field(default_factory=set)

    def all(self) -> list[Said]:
        """The resolved cues of the sentence: the parse's, and the text's the parse has no
        answer for (all the text's without a parse), in text order."""
        if self.parse is None:
            return [s for _, s in self.text]
        unread = [s for c, s in self.text if _unread(self.parse, c, self.answered)]
        return sorted([s for _, s in self.parsed] + unread, key=lambda s: s.start)


def _resolve_sentence(doc: Document, sentence: Sentence, parse: Parse | None, quotes: list[tuple[int, int]], resolver: Resolver) -> Cues:
    text = doc.checked
    inside = within(quotes, sentence.start, sentence.end)
    out = Cues(sentence, parse)
    earlier: list[str | None] = []
    text_cues = [c for c in cues(text, sentence.start, sentence.end, inside) if c.kind != "action"]
    if parse is not None:
        finder = SentenceCues(parse, text, inside, resolver.places)
        found = finder.find()
        out.answered = finder.answered
        done: dict[tuple[int, str], Said] = {}
        for found_cue in found:
            key = (found_cue.verb, found_cue.kind)
            if key not in done:
                done[key] = _said(found_cue, resolver, sentence, earlier)
                earlier.append(done[key].source)
            out.parsed.append((found_cue, done[key]))
    for text_cue in text_cues:
        unread = parse is None or _unread(parse, text_cue, out.answered)
        source = resolver.resolve(text_cue.source, text_cue.reference, text_cue.definite, sentence.paragraph, earlier if unread else [])
        said = Said(text_cue.start, text_cue.end, source, text_cue.source if text_cue.reference == "name" else None)
        if unread:  # a cue the parse has no answer for is part of the discourse too
            earlier.append(source)
            resolver.remember(source, sentence.index, sentence.paragraph)
        out.text.append((text_cue, said))
    return out


def _said(cue: ParseCue, resolver: Resolver, sentence: Sentence, earlier: list[str | None]) -> Said:
    """A parse cue's source and relay, resolved, and remembered."""
    relay = None
    if cue.relay is not None:
        r = cue.relay
        relay = resolver.resolve(r.name, r.reference, r.definite, sentence.paragraph, earlier)
        resolver.remember(relay, sentence.index, sentence.paragraph, r.mentions)
    who = cue.speaker
    if who is None:
        source = resolver.resolve("", "elided", False, sentence.paragraph, earlier)
        return Said(cue.start, cue.end, source, None, relay)
    source = resolver.resolve(who.name, who.reference, who.definite, sentence.paragraph, earlier)
    if who.reference == "name" and who.described:
        source = resolver.earlier(who.described, sentence.paragraph) or source
    resolver.remember(source, sentence.index, sentence.paragraph, who.mentions, who.described)
    return Said(cue.start, cue.end, source, who.phrase or None, relay)


def _covers(cue: Cue, figure: Figure) -> bool:
    if cue.position == "pre":
        return cue.end <= figure.start
    if cue.position == "post":
        return figure.end <= cue.start
    return True


_TEXT_VERBS = frozenset(SPEECH + ACTION)
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "poss", "conj"})  # a noun for sure
_PLAIN_VERBS = frozenset("said says told tells say added".split())


def _unread(parse: Parse, cue: Cue, answered: set[int]) -> bool:
    """A text cue's verb that the parse neither made a cue of nor rejected: a verb form the
    parse tagged as something else ("says" as a noun), or a verb the parse lists lack."""
    words = parse.tokens_in(cue.start, cue.end)
    if any(t.i in answered for t in words):
        return False
    if cue.kind != "speech":
        return True
    verbs = [t for t in words if t.lower in _TEXT_VERBS]
    return any(t.lower in _PLAIN_VERBS or t.pos in ("VERB", "AUX") or t.dep not in _ARGUMENTS for t in verbs)


def _text_pick(figure: Figure, sentence: Cues) -> Said | None:
    """The covering text cue the parse has no answer for: highest priority, then nearest."""
    parse = sentence.parse
    usable = []
    for cue, said in sentence.text:
        if not said.source or not _covers(cue, figure):
            continue
        if parse is not None and not _unread(parse, cue, sentence.answered):
            continue
        usable.append((cue, said))
    if not usable:
        return None
    return min(usable, key=lambda cs: (-cs[0].priority, min(abs(cs[0].start - figure.end), abs(figure.start - cs[0].end))))[1]


def figure_sentences(doc: Document, figures: list[Figure]) -> dict[int, list[Figure]]:
    """The figures of each sentence, by sentence index."""
    index_of = {s.start: s.index for s in doc.sentences}
    out: dict[int, list[Figure]] = {}
    for f in figures:
        i = index_of.get(f.sentence_start)
        if i is not None:
            out.setdefault(i, []).append(f)
    return out


def attribute(doc: Document, figures: list[Figure], aliases: Aliases) -> list[Figure]:
    """Figures with ``source``, ``source_phrase``, ``relay`` and ``canonical_source`` set where
    someone is said to give them; the same figures, in the same order."""
    text, sents = doc.checked, doc.sentences
    by_sentence = figure_sentences(doc, figures)
    parsed = [i for i, fs in by_sentence.items() if len(fs) <= MAX_PARSED_FIGURES]  # more: a table, read from its words
    parses = doc.parsed(parsed) if parsed else {}
    quotes = quotations(text, sents)
    resolver = Resolver(aliases)
    resolved = [_resolve_sentence(doc, s, parses.get(s.index), quotes, resolver) for s in sents]
    every = sorted((s for r in resolved for s in r.all()), key=lambda s: s.start)
    quoted = speakers(text, quotes, sents, every)
    out: dict[int, Figure] = {}
    report: discourse.Report | None = None
    for sentence in sents:
        here = by_sentence.get(sentence.index, [])
        attributed: list[tuple[Figure, Said, bool]] = []
        parse = resolved[sentence.index].parse
        broken: bool | None = None  # computed once, for the first figure without a cue of its own
        for figure in here:
            said, from_quote = _direct(doc, figure, sentence.index, resolved, quoted, quotes, by_sentence)
            if said is None:
                if broken is None:  # "Nairobi accounted for 17 of the deaths, followed by X with four"
                    broken = discourse.opens_breakdown(text, sentence) or any(
                        discourse.breaks_down(parse, t) and discourse.states(parse, t) for t in (_token(parse, f) for f in here)
                    )
                said = _carried(text, figure, resolved[sentence.index], report, broken, resolver)
            if said is not None and said.source:
                attributed.append((figure, said, from_quote))
                out[id(figure)] = _with(figure, said, aliases)
        has_quote = bool(within(quotes, sentence.start, sentence.end))
        report = _next_report(report, sentence, resolved[sentence.index], attributed, bool(here), has_quote, resolver)
    return [out.get(id(f), f) for f in figures]


def _direct(
    doc: Document, figure: Figure, index: int, resolved: list[Cues], quoted: dict[tuple[int, int], Said | None],
    quotes: list[tuple[int, int]], by_sentence: dict[int, list[Figure]],
) -> tuple[Said | None, bool]:
    """A figure's own cue (parse, quotation, text, a bare cue after it) and whether it is a quotation's."""
    here = resolved[index]
    quote = enclosing(quotes, figure.start)
    if here.parse is not None:
        token = here.parse.head_of_span(figure.start, figure.end)
        if token is not None:
            path = path_of(here.parse, token)
            found = ranked([c for c, _ in here.parsed], path)
            if found:
                said = {id(c): s for c, s in here.parsed}
                on_parse = said[id(found[0])]
                outer = reported_through(found[0], found[1:], path)
                if outer is not None and on_parse.source and said[id(outer)].source not in (None, on_parse.source):
                    on_parse = replace(on_parse, relay=said[id(outer)].source)
                if on_parse.source:
                    return on_parse, quote is not None
    quoted_by = quoted.get(quote) if quote is not None else None
    if quoted_by is not None:
        return quoted_by, True
    in_text = _text_pick(figure, here)
    if in_text is not None:
        return in_text, False
    following = index + 1
    sents = doc.sentences
    if not here.all() and following < len(sents) and following not in by_sentence and (
        sents[following].paragraph == here.sentence.paragraph or discourse.refers_back(doc.checked, sents[following])
    ):
        nxt = resolved[following]
        cues_next = nxt.all()
        if discourse.bare(doc.checked, sents[following], [(c.start, c.end) for c in cues_next], [c.source for c in cues_next if c.source]):
            return next(c for c in cues_next if c.source), False
    return None, False


def _carried(text: str, figure: Figure, here: Cues, report: discourse.Report | None, broken: bool, resolver: Resolver) -> Said | None:
    """The running report's source, for a figure that breaks it down or continues it."""
    parse = here.parse
    token = parse.head_of_span(figure.start, figure.end) if parse is not None else None
    own = [s for s in here.all() if s.source and s.end <= figure.start and ";" in text[s.end:figure.start]]
    if own:  # "..., the UN said; in 2023, 170 were killed each month"
        last = own[-1]
        metrics = report.metrics if report else frozenset()
        report = discourse.Report(last.source or "", last.phrase, last.relay, metrics, here.sentence.index, here.sentence.paragraph, False, _people(resolver, last.source or ""))
    if report is None:
        return None
    stated = discourse.states(parse, token)
    continues = stated and not discourse.background(parse, token)
    subject = discourse.actor(parse, token)
    same = False
    if subject is not None and parse is not None:
        who = speaker(parse, text, subject)
        same = who is not None and who.reference == "name" and who.name == report.source
    if not discourse.carries(report, figure.metric, here.sentence, broken, continues, same):
        return None
    return Said(figure.start, figure.end, report.source, report.phrase, report.relay)


def _next_report(
    report: discourse.Report | None, sentence: Sentence, here: Cues, attributed: list[tuple[Figure, Said, bool]], has_figures: bool,
    has_quote: bool, resolver: Resolver,
) -> discourse.Report | None:
    """The running report after a sentence: its last attributed figure's source, or its last
    cue's when it has no figure; none after a sentence with neither."""
    if attributed:
        _, said, from_quote = attributed[-1]
        counted = frozenset(f.metric for f, s, _ in attributed if s.source == said.source)
        if report is not None and report.source == said.source and report.paragraph == sentence.paragraph:
            counted |= report.metrics
        source = said.source or ""
        return discourse.Report(source, said.phrase, said.relay, counted, sentence.index, sentence.paragraph, from_quote, _people(resolver, source))
    if has_figures:
        return None
    named = [s for s in here.all() if s.source]
    if not named:
        return None
    last = named[-1]
    keep = report is not None and report.paragraph == sentence.paragraph and sentence.index - report.sentence <= 1
    metrics: frozenset[str] = report.metrics if keep and report is not None else frozenset()
    quoted = has_quote or bool(keep and report is not None and report.quoted and report.source == last.source)
    source = last.source or ""
    return discourse.Report(source, last.phrase, last.relay, metrics, sentence.index, sentence.paragraph, quoted, _people(resolver, source))


def _people(resolver: Resolver, source: str) -> bool:
    """A person, or people speaking as such ("witnesses", "officials"), not an institution."""
    words = source.lower().split()
    return resolver.is_person(source) or bool(words) and words[-1] in people_heads()


def _token(parse: Parse | None, figure: Figure) -> Token | None:
    return parse.head_of_span(figure.start, figure.end) if parse is not None else None


def _with(figure: Figure, said: Said, aliases: Aliases) -> Figure:
    source = said.source or ""
    return figure.model_copy(update={
        "source": source, "source_phrase": said.phrase or source, "relay": said.relay,
        "canonical_source": canonical_source(aliases, source),
    })
