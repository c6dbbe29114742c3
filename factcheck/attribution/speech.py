"""Attribution cues on the dependency parse of one sentence, and which figures each covers.

A cue covers the subtree of its ``anchor`` token, entered through the dependencies it allows:

- a reporting verb covers its clausal complement or adjunct ("X said [40 died]", "[40 died],
  said X", "X warned, adding [that ...]"); a verb that also reports a noun covers its object
  ("the junta reported [12 deaths]", "estimated at [2,000]", "appealed for [$8 billion]"); a
  verb like "put" or "gave" reports only a data noun ("put the toll at [50]", "gave a figure of
  [320]"). Its speaker is its subject (or agent), with appositives, relative and participial
  modifiers stripped (``phrase``); a conjoined or "adding"-type verb without one takes its
  head's; without any, the adjacent noun phrase of the text (``cues``).
- a reporting verb set off after the clause it reports ("[40 died], the agency said, [while
  80,000 fled]") covers the clause it hangs from, up its conjunction chain;
- a reporting verb closing its sentence after a comma ("..., hospital officials said.")
  covers all before it, as the farthest cue, whatever the parse made of the sentence;
- a reporting verb in a relative or participial clause on the figure's noun ("the [nine]
  deaths that Hezbollah reported", "the [41] announced by Amman");
- "according to X", "per X", "by X's count", data nouns with their owner and surveys
  (``datacues``); on a reporting verb "according to" names its relay ("the commission said,
  according to ANI"), as "citing Y" names the source a reporting verb relays ("Reuters
  reported, citing the ministry"), see ``relay``.

A verb of action ("pledged", "ordered", "claimed ... lives") is no cue. Cue words inside a
quotation are skipped: the quotation belongs to its speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from factcheck.attribution import datacues, relay
from factcheck.attribution.cues import clean, subject_after, subject_before
from factcheck.attribution.phrase import Speaker, source_of, speaker
from factcheck.attribution.tree import ParseCue, inside, top_conj
from factcheck.attribution.words import (
    action_verbs,
    circumstance_words,
    continuation_words,
    data_nouns,
    data_object_verbs,
    nounish_verbs,
    report_verbs,
    reporting_verbs,
    speech_verbs,
    state_words,
    statistic_verbs,
    study_nouns,
    survey_verbs,
)
from factcheck.language.clauses import is_clause_head
from factcheck.language.parse import Parse, Token
from factcheck.language.segment import after_dateline

# An infinitive of the subject's own ("Brazil expects to receive 9 million") is an intention,
# not a report: "xcomp" is not content.
CLAUSAL = frozenset({"ccomp", "advcl", "parataxis", "dep", "oprd", "acomp", "csubj"})
NOMINAL = CLAUSAL | {"dobj", "prep", "attr", "nsubjpass", "dative", "agent", "conj"}
# "SANAA, Yemen -- ", "KALAMATA, Greece, June 16 - ", "11:15 - ": no subject starts before its end.
_AUXILIARIES = frozenset("will would could can may might should must do does did to shall".split())
_SAY = frozenset("say says said saying".split())
_VERBAL = frozenset({"VERB", "AUX"})


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return reporting_verbs() | action_verbs()


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Every word that may start a cue: the verbs, "according", "per", "by", data nouns, survey verbs."""
    return _verbs() | data_nouns() | survey_verbs() | {"according", "per", "by"}


class SentenceCues:
    """Finds the cues of one parsed sentence (text[start:end]), outside its quotations."""

    def __init__(self, parse: Parse, text: str, quotes: Sequence[tuple[int, int]] = (), places: frozenset[str] = frozenset()) -> None:
        self.parse = parse
        self.text = text
        self.quotes = quotes
        self.places = places
        self.answered: set[int] = set()  # verb tokens the parse made a cue of or rejected
        self._subjects: dict[int, Speaker | None] = {}
        self._chosen: dict[int, int] = {}  # the subject token each verb's speaker came from
        self.dateline = after_dateline(text, parse.start, parse.end)

    def find(self) -> list[ParseCue]:
        """Every cue of the sentence, in text order."""
        out: list[ParseCue] = []
        verbs, triggers, data, surveys = _verbs(), _triggers(), data_nouns(), survey_verbs()
        for t in self.parse:
            if t.lower not in triggers or self.quotes and inside(self.quotes, t.start):
                continue
            if t.lower in verbs:
                out.extend(self._verb(t))
            elif t.lower in ("according", "per") or t.lower == "by" and t.dep == "prep":
                out.extend(datacues.according(self.parse, self.text, t, self.answered))
            if t.lower in data and t.pos == "NOUN":
                out.extend(datacues.data_noun(self.parse, self.text, t))
            if t.lower in surveys and t.dep in ("relcl", "acl"):
                out.extend(datacues.survey(self.parse, self.text, t))
        out = relay.combine(self.parse, self.text, self.quotes, out, self.answered)
        return sorted(out, key=lambda c: (c.start, c.kind))

    # reporting verbs

    def is_verb(self, t: Token) -> bool:
        """A verb, or a word the tagger took for a noun that heads a subject and a complement
        ("the IOM estimates [that ...]")."""
        if t.pos in _VERBAL or t.tag.startswith("VB"):
            return True
        deps = {c.dep for c in self.parse.children(t)}
        return "nsubj" in deps and bool(deps & {"ccomp", "dobj"})

    def _verb(self, v: Token) -> list[ParseCue]:
        p = self.parse
        if not self.is_verb(v) or v.lower in ("citing", "cited"):
            return []
        self.answered.add(v.i)
        if v.lower in action_verbs() and v.lower not in reporting_verbs():
            return []
        kids = p.children(v)
        if any(c.dep == "neg" for c in kids):
            return []
        if v.lower in nounish_verbs() and v.tag == "VB" and not any(c.dep == "aux" and c.lower in _AUXILIARIES for c in kids):
            return []  # "waiting list hits record 7.68 million": a noun the tagger took for a verb
        allowed = self._allowed(v, kids)
        if allowed is None:
            return []
        who = self.subject(v)
        if who is None:
            return []
        chosen = self._chosen.get(v.i)
        blocked = frozenset(
            c.i for c in kids
            if c.i == chosen or c.dep in ("agent", "expl", "dative") or c.dep == "dobj" and v.lower.startswith("tel")
            or c.dep == "advcl" and self._circumstance(c)
        )
        start = min(v.start, who.start) if who.reference != "elided" else v.start
        end = max(v.end, who.end) if who.reference != "elided" else v.end
        speaker_ = None if who.reference == "elided" else who
        trailing = self._trailing(v, kids, who)
        reports = trailing or any(c.dep in CLAUSAL for c in kids) or allowed is NOMINAL
        also = frozenset(c.i for c in kids if self._content(v, c, chosen, reports))
        cues = [ParseCue("speech", v.i, blocked, allowed, speaker_, start, end, v.i, also=also)]
        head = p.head(v)
        if trailing:
            anchor = top_conj(p, head)
            cues.append(ParseCue("speech", anchor.i, frozenset({v.i}), None, speaker_, start, end, v.i))
        if v.dep in ("relcl", "acl") and self._gap(v, kids):
            cues.append(ParseCue("speech", head.i, frozenset({v.i}), None, speaker_, start, end, v.i))
        if speaker_ is not None and self._final(v, kids, start, end):
            root = p.root() or v
            cues.append(ParseCue("speech", root.i, frozenset(), None, speaker_, start, end, v.i, before=start))
        return cues

    def _final(self, v: Token, kids: Sequence[Token], start: int, end: int) -> bool:
        """A cue that closes its sentence after a comma or a quotation ("..., hospital officials
        said on Monday."): whatever the parse made of the sentence, it attributes all before it."""
        before = self.text[self.parse.start:start].rstrip()
        if not before or before[-1] not in ',"\u201d' or any(c.dep in ("ccomp", "xcomp") and c.i > v.i for c in kids):
            return False
        tail = [t for t in self.parse.tokens_in(end, self.parse.end) if t.pos != "PUNCT"]
        if not tail:
            return True
        allowed = {
            t.i for c in kids
            if c.dep in ("prep", "npadvmod", "advmod", "dative", "dobj", "agent") or c.dep == "advcl" and c.tag == "VBG"  # ", adding ..."
            for t in self.parse.subtree(c)
        }
        chosen = self._chosen.get(v.i)
        if chosen is not None:
            allowed |= {t.i for t in self.parse.subtree(self.parse.tokens[chosen])}
        return all(t.i in allowed for t in tail)

    def _circumstance(self, clause: Token) -> bool:
        """An adverbial clause of circumstance ("as Kenya weighs ...", "after the quake struck")."""
        first = self.parse.subtree(clause)[0]
        return first.lower in circumstance_words() and first.dep in ("mark", "advmod")

    def _content(self, v: Token, c: Token, chosen: int | None, reports: bool) -> bool:
        """A child of a reporting verb that holds its content whatever its label: a clause the
        parse made a second subject, "and that ...", "said in a statement [that ...]", and
        the continuations of a report ("..., with 204 million registered", "compared with 500")."""
        p = self.parse
        if c.dep in ("nsubj", "csubj") and c.i != chosen:
            return True
        if c.dep == "conj" and any(m.dep == "mark" and m.lower == "that" for m in p.children(c)):
            return True
        if c.dep == "conj" and c.i > v.i and any(x.dep == "ccomp" and x.i < v.i for x in p.children(v)):
            # "40 were killed, the ministry said, and 90,000 have been wounded"
            return any(x.dep in ("auxpass", "nsubjpass") for x in p.children(c)) or c.lower in statistic_verbs()
        if c.dep in ("prep", "advmod", "npadvmod") and c.lower in continuation_words() and c.i > v.i:
            return reports  # not "employers added 142,000 jobs, up from 89,000"
        if c.dep == "prep":  # a finite clause below it: "said in a statement [that the officers had ...]"
            return any(
                t.pos in _VERBAL and is_clause_head(p, t) and any(g.dep in ("nsubj", "nsubjpass") for g in p.children(t))
                for t in p.subtree(c) if t.i != c.i
            )
        return False

    def _trailing(self, v: Token, kids: Sequence[Token], who: Speaker) -> bool:
        """A reporting verb set off after the clause it reports ("40 died, the agency said"),
        or "as reported by X": it covers the clause it hangs from."""
        if v.is_root:
            return False
        head = self.parse.head(v)
        if v.dep == "parataxis":
            return True
        marks = {c.lower for c in kids if c.dep == "mark"}
        if v.dep == "advcl" and marks:
            return marks == {"as"}
        content = any(c.dep in ("ccomp", "xcomp", "dobj") for c in kids)
        return (
            v.dep in ("advcl", "ccomp", "conj") and not content and v.i > head.i and who.reference != "elided"
            and head.lower not in reporting_verbs()
        )

    def _allowed(self, v: Token, kids: Sequence[Token]) -> frozenset[str] | None:
        """The dependencies through which v's content is covered, or None when v does not report."""
        if v.lower in report_verbs():
            return NOMINAL
        if v.lower in data_object_verbs():
            objects = [c for c in kids if c.dep in ("dobj", "nsubjpass")]
            return NOMINAL if any(self._data(o) for o in objects) else None
        if v.lower in speech_verbs():
            subject = next((c for c in kids if c.dep in ("nsubj", "nsubjpass")), None)
            if subject is not None and (subject.lower in study_nouns() or subject.lower in data_nouns()):
                return NOMINAL
            if v.lower in _SAY and any(c.dep == "dobj" and self._figure_like(c) for c in kids):
                return NOMINAL  # a headline's "Lebanon says more than 1,900 killed"
            return CLAUSAL
        return None

    def _figure_like(self, t: Token) -> bool:
        """A figure with a participle standing for a clause ("says 1,900 killed", "said 40 dead")."""
        kids = self.parse.children(t)
        counted = t.pos == "NUM" or any(c.dep == "nummod" for c in kids)
        return counted and any(c.dep in ("acl", "amod") and (c.tag == "VBN" or c.lower in state_words()) for c in kids)

    def _data(self, noun: Token) -> bool:
        """A data noun ("the toll", "a preliminary figure", "the number of dead")."""
        return noun.lower in data_nouns() or any(c.dep == "compound" and c.lower in data_nouns() for c in self.parse.children(noun))

    def _gap(self, v: Token, kids: Sequence[Token]) -> bool:
        """A relative or participial reporting verb whose object is the noun it modifies ("the
        deaths that X reported", "the $8 billion X appealed for", "the 41 announced by X")."""
        if v.lower not in report_verbs():
            return False
        if any(c.dep in ("ccomp", "xcomp") for c in kids):
            return False
        objects = [c for c in kids if c.dep == "dobj"]
        return not objects or all(o.lower in ("that", "which", "what") for o in objects)

    def subject(self, v: Token) -> Speaker | None:
        """Who a reporting verb names: its subject or agent, a conjoined head's, else the
        adjacent noun phrase of the text; an elided Speaker for "... and said" with none."""
        if v.i in self._subjects:
            return self._subjects[v.i]
        self._subjects[v.i] = None  # a cycle through a bad parse ends here
        found = self._subject(v)
        self._subjects[v.i] = found
        return found

    def _subject(self, v: Token) -> Speaker | None:
        p = self.parse
        kids = p.children(v)
        passive = any(c.dep == "auxpass" for c in kids)
        for c in kids:
            if c.dep == "agent":
                objects = [g for g in p.children(c) if g.dep == "pobj"]
                return self._named(v, speaker(p, self.text, objects[0])) if objects else None
        if passive or self._participle(v, kids):
            return None  # "were reported", "16 people reported missing": a passive without its agent
        subjects = sorted((c for c in kids if c.dep in ("nsubj", "csubj")), key=lambda c: abs(c.i - v.i))
        for subject in subjects:
            if subject.start < self.dateline:  # "KALAMATA, Greece - The Greek coast guard said"
                later = [c for c in p.children(subject) if c.dep in ("appos", "conj") and c.start >= self.dateline]
                if not later:
                    continue
                subject = later[0]
            if subject.lower in ("who", "which", "that") and v.dep == "relcl":
                subject = p.head(v)
            surveyed = datacues.surveyor(p, self.text, subject)
            if surveyed is not None:
                self._chosen[v.i] = subject.i
                return surveyed
            who = source_of(p, self.text, subject, self.dateline)
            if who is not None:
                self._chosen[v.i] = subject.i
                return self._named(v, who)
        if subjects:
            return None
        head = p.head(v)
        if v.dep == "conj" and self.is_verb(head) or v.dep in ("advcl", "xcomp") and v.tag == "VBG" and self.is_verb(head):
            inherited = self.subject(head) if head.lower in reporting_verbs() else self._any_subject(head)
            return inherited
        return self._text_subject(v)

    def _participle(self, v: Token, kids: Sequence[Token]) -> bool:
        """A past participle in a passive sense: "people reported missing", "deals believed to
        be worth" (not "has said", nor a past tense the tagger took for a participle)."""
        if v.tag != "VBN" or any(c.dep == "aux" and c.lower.startswith("ha") for c in kids):
            return False
        return v.dep == "acl" or not any(c.dep == "nsubj" for c in kids) or any(
            c.dep == "xcomp" and any(g.lower == "to" for g in self.parse.children(c)) for c in kids
        )

    def _any_subject(self, verb: Token) -> Speaker | None:
        """The subject of a verb that is not a cue itself ("It put ... and said")."""
        subject = next((c for c in self.parse.children(verb) if c.dep == "nsubj"), None)
        if subject is None:
            return self.subject(self.parse.head(verb)) if verb.dep == "conj" and not verb.is_root else None
        return speaker(self.parse, self.text, subject)

    def _named(self, v: Token, who: Speaker | None) -> Speaker | None:
        """A speaker, unless it is a place where something was recorded ("Kenya recorded ...")."""
        if who is None or who.reference != "name":
            return who
        if v.lower.startswith(("record", "regist")) and who.name.lower() in self.places:
            return None
        return who

    def _text_subject(self, v: Token) -> Speaker | None:
        """Without a parsed subject: the adjacent noun phrase of the text, before or after the
        verb (a finite verb only: a participle's subject is the noun it modifies)."""
        if v.dep in ("acl", "relcl", "amod", "pcomp", "pobj"):
            return None
        floor, ceiling = self.parse.start, self.parse.end
        after = subject_after(self.text, v.end, ceiling)
        if after is not None and self.text[floor:v.start].rstrip()[-1:] in (",", '"', "\u201d"):
            phrase, end = after
            name = clean(phrase)
            return Speaker(name, phrase, end - len(phrase), end) if name else None
        before = subject_before(self.text, floor, v.start)
        if before is None:
            return None
        phrase, start, reference = before
        if reference == "elided":
            return Speaker("", "", start, start, "elided")
        name = clean(phrase) if reference == "name" else phrase
        return Speaker(name, phrase, start, start + len(phrase), reference) if name else None
