"""Coreference for sources: pronouns, elided subjects and short references, resolved to the
nearest compatible source seen so far.

"he", "she", "I" and "we" take the nearest person; "it" the nearest organisation; "they" an
organisation, else anyone. A definite description ("the agency", "the ministry", "the
monitor", "the world body") takes an earlier source or organisation named inside a source
phrase whose name or aliases hold its head ("the ministry" → "Gaza's Health Ministry";
"the office" → "UN human rights office" of "spokesperson for the UN human rights office"),
else, for a generic head ("agency", "group", "body", "monitor"), the nearest organisation of
the last two paragraphs. ``canonical_source`` maps a name to its canonical source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.attribution.words import data_heads, generic_heads, org_words, person_words, standalone_heads
from factcheck.language.gazetteer import countries
from factcheck.reference.aliases import Aliases

RECENT_PARAGRAPHS = 2
_HISTORY = 50
_POSSESSIVE = re.compile(r"'s\b|\u2019s\b")


@dataclass(frozen=True)
class Seen:
    """A resolved source (or an organisation named in a source phrase) and where it was seen."""

    source: str
    sentence: int
    paragraph: int
    person: bool
    mention: bool = False
    described: tuple[str, ...] = ()


def tables(aliases: Aliases) -> tuple[dict[str, list[str]], frozenset[str]]:
    """(aliases of each canonical source, place names in lower case): built once per run."""

    def build() -> tuple[dict[str, list[str]], frozenset[str]]:
        by_canonical: dict[str, list[str]] = {}
        for alias, canonical in aliases.table["source"].items():
            by_canonical.setdefault(canonical, []).append(alias)
        places = {p.lower() for p in countries()} | set(aliases.table["location"]) | {v.lower() for v in aliases.table["location"].values()}
        return by_canonical, frozenset(places)

    return aliases.derived("attribute", build)


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


class Resolver:
    """Resolves pronouns, elided subjects and short references against the sources seen so far."""

    def __init__(self, aliases: Aliases) -> None:
        self.aliases = aliases
        self.seen: list[Seen] = []
        self._known: dict[str, str | None] = {}
        self._by_canonical, self.places = tables(aliases)

    def known(self, source: str) -> str | None:
        """The canonical name of a source the aliases know (cached: the look-up may scan)."""
        if source not in self._known:
            self._known[source] = self.aliases.known("source", source)
        return self._known[source]

    def is_person(self, source: str) -> bool:
        """A person's name or title ("Kemal Aydin", "regional governor Oleh Kiper"), not an organisation."""
        words = source.replace("'s", "").split()
        lower = {w.lower().strip(",.") for w in words}
        if lower & person_words():
            return True
        if lower & org_words() or lower & {"of", "for"} or source.lower() in self.places or self.known(source):
            return False
        names = [w for w in words if w[:1].isupper()]
        return 1 <= len(names) <= 3 and len(names) == len(words) and not any(w.isupper() and len(w) > 1 for w in names)

    def resolve(self, name: str, reference: str, definite: bool, paragraph: int, earlier: list[str | None]) -> str | None:
        """The source a cue's name stands for; ``earlier`` are the resolved cues before it in its sentence."""
        if reference == "elided":
            previous = [s for s in earlier if s]
            return previous[-1] if previous else (self.seen[-1].source if self.seen else None)
        if reference == "pronoun":
            return self._pronoun(name, paragraph)
        if definite and not self.known(name):
            return self._short(name, paragraph) or name
        if name.lower() in standalone_heads():
            return self._short(name, paragraph, aliases=False) or name
        return name

    def earlier(self, descriptions: tuple[str, ...], paragraph: int) -> str | None:
        """An earlier source that a short definite description beside a name refers to ("the
        mission, Operation Aspides" after "the European Union's naval mission")."""
        for d in descriptions:
            words = d.split()
            if 2 <= len(words) <= 3 and words[0] == "the":
                found = self._short(" ".join(words[1:]), paragraph, nearest=False)
                if found:
                    return found
        return None

    def remember(self, source: str | None, sentence: int, paragraph: int, mentions: tuple[str, ...] = (), described: tuple[str, ...] = ()) -> None:
        """Note a resolved source, after the organisations its phrase names; ``described`` are
        its appositive descriptions ("a US-based group"), which short references may match."""
        for mention in mentions:
            if mention != source and mention.lower() not in self.places and not any(s.source == mention for s in self.seen[-3:]):
                self.seen.append(Seen(mention, sentence, paragraph, False, True))
        if source and (not self.seen or self.seen[-1].source != source):
            self.seen.append(Seen(source, sentence, paragraph, self.is_person(source), False, described))
        elif source and described:
            last = self.seen[-1]
            self.seen[-1] = Seen(last.source, last.sentence, last.paragraph, last.person, last.mention, last.described + described)
        del self.seen[:-_HISTORY]

    def _recent(self, paragraph: int) -> list[Seen]:
        return [s for s in reversed(self.seen) if paragraph - s.paragraph <= RECENT_PARAGRAPHS]

    def _pronoun(self, pronoun: str, paragraph: int) -> str | None:
        recent = [s for s in self._recent(paragraph) if not s.mention]
        if pronoun in ("he", "she", "i", "we"):
            wanted = [s for s in recent if s.person]
        elif pronoun == "it":
            wanted = [s for s in self._recent(paragraph) if not s.person]
        else:
            wanted = [s for s in recent if not s.person] or recent
        pick = wanted or recent
        return pick[0].source if pick else None

    def _short(self, source: str, paragraph: int, aliases: bool = True, nearest: bool = True) -> str | None:
        """'ministry', 'UN agency', 'data': an earlier source it refers to, or None; with
        ``nearest`` False, only one whose name or description holds its head."""
        words = source.split()
        if not words or len(words) > 4 or any(w[:1].isupper() and w not in ("UN", "U.N.") for w in words):
            return None
        head = words[-1].lower()
        if head not in generic_heads() | standalone_heads() | data_heads():
            return None
        modifiers = {w.lower() for w in words[:-1]} - {"un", "u.n."}
        if len(modifiers) > 1:
            return None
        person = head in person_words()
        for expand in (False, True) if aliases else (False,):
            for seen in reversed(self.seen):
                if seen.person != person and head in org_words() | person_words():
                    continue
                names = self._names(seen.source) if expand else [_POSSESSIVE.sub("", n) for n in (seen.source.lower(), *seen.described)]
                if any(head in n.split() and modifiers <= set(n.split()) for n in names):
                    return seen.source
        if head in standalone_heads() or not nearest:
            return None
        recent = self._recent(paragraph)
        if head in generic_heads():
            recent = [s for s in recent if not s.person and not s.mention and s.source.split()[-1].lower() not in standalone_heads() | data_heads()]
        else:
            recent = [s for s in recent if not s.mention]
        return recent[0].source if recent else None

    def _names(self, source: str) -> list[str]:
        """A source and every alias of its canonical name, lower-case with possessives dropped."""
        canonical = self.known(source)
        names = [source]
        if canonical:
            names.append(canonical)
            names.extend(self._by_canonical.get(canonical, []))
        return [_POSSESSIVE.sub("", n.lower()) for n in names]
