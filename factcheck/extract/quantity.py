"""Number grammar: find numeric expressions in prose and normalise their values.

``find_numbers`` returns every number written with digits (any grouping: "39,000", "39 000",
"39'000", "1,00,000"; decimals by the document's convention, ``separators``), words and
fractions (``spelled``: "fifty - two", "two-thirds", "half a million", "five and a half
million"), scale words and suffixes ("2.6 million", "$3m", "1.5bn", "5k", "2mil", "US$1MM",
"13 lakh", "three lakh crore"), shares ("one in five", "three out of four"), signs ("-5",
"minus 5"), currency and percent markers, and vague plurals ("hundreds"), skipping what is
not a quantity at all (``nonfigure``). It reads the document's normalised view
(``language.normalize``), so hidden characters neither split nor invent a figure, and every
span points at the original text. A figure that cannot be read safely comes back with an
``unreadable`` reason instead of a guessed value. Whether a number is a *claim* is decided by
``claimhood``. All patterns are linear: no nested quantifiers over overlapping alternatives.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.extract import hidden, separators, spelled
from factcheck.extract.currency import currency_after, currency_before, currency_names
from factcheck.extract.nonfigure import blocked
from factcheck.language.lexicon import entries, words
from factcheck.language.normalize import View, view
from factcheck.language.trie import alternation
from factcheck.models import Unreadable


@dataclass(frozen=True)
class Number:
    """A numeric expression: span (start, end) in the text and its normalised value."""

    start: int
    end: int
    value: float
    step: float
    words: bool = False
    vague: bool = False
    percent: bool = False
    unit: str | None = None
    compound: str | None = None  # the words after a hyphen: "member" of "10-member", "square-metre"
    share: bool = False  # a proportion, stored as a fraction: "a third" 0.333, "one in five" 0.2
    unreadable: Unreadable | None = None  # why it cannot be read safely ("ambiguous-separator", "hidden-space", ...)


@lru_cache(maxsize=1)
def _vague() -> dict[str, float]:
    return {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1]) for line in entries("extract", "vague-numbers")}


@lru_cache(maxsize=1)
def _suffixes() -> dict[str, float]:
    return {line.split()[0]: float(line.split()[1]) for line in entries("extract", "scale-suffixes")}


_GLYPHS = "OoIl\u041e\u043e\u039f\u03bf"  # letters that pass for digits: O o I l, Cyrillic and Greek O
_AS_DIGITS = str.maketrans("OoIl\u041e\u043e\u039f\u03bf", "00110000")
_DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:'\d{3})+|(?:\u2019\d{3})+|(?: \d{3})+))"
    r"(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"
)


@lru_cache(maxsize=2)
def _number_pattern(join: Callable[[Iterable[str]], str] = alternation) -> re.Pattern[str]:
    """The pattern that finds where numbers start; ``join`` turns a word list into a regex
    (a trie by default; ``test_fastpaths`` checks it finds what a plain alternation finds)."""
    cardinals, scales, denominators = spelled.lexicon()
    starts = join([*cardinals, "half", "quarter", "minus", "negative"])
    after_article = join([*scales, *denominators, *cardinals, *spelled.DOZENS])
    vague = join(_vague()).replace("\\ ", r"\s{1,3}")
    glyph = rf"(?<![\w.,])(?=[\d{_GLYPHS},.]{{0,7}}\d)(?=[\d,.]{{0,7}}[{_GLYPHS}])[\d{_GLYPHS}]{{1,3}}(?:[,.][\d{_GLYPHS}]{{3}})+(?![\w])"
    return re.compile(  # the first character picks the branch: digit-like, letter, vulgar fraction
        r"(?:\b(?=\w)|(?=[-.]\d))(?:(?=[\d.-])(?:"
        rf"(?P<glyph>{glyph}|(?<![\w.,])\d[\d{_GLYPHS}]*[{_GLYPHS}]\d[\d{_GLYPHS}]*(?![\w.,])|(?<![\w.,])\d{{1,3}}(?:[{_GLYPHS}]{{2,}}|[Oo\u041e\u043e\u039f\u03bf])(?![\w.,]))"
        r"|(?<![\w/.:\u00b7,-])(?P<neg>-)(?=\d)"
        r"|(?<![\w/.:\u00b7,\d])(?P<dot>\.)(?=\d)"
        r"|(?<![\w/.:\u00b7-])(?P<digits>\d)"
        r"|(?:(?<=\d[-\u2013])|(?<=\d[kKmMbB][-\u2013])|(?<=\d%[-\u2013])|(?<=\dbn[-\u2013]))(?P<after_hyphen>\d))"
        rf"|(?=[^\W\d_])(?:(?P<glyph_letter>{glyph})"
        rf"|(?P<vague>\b(?:{vague})\b)"
        rf"|(?P<words>\b(?:an?[ \t]{{1,3}}(?=(?:{after_article})\b)|(?=(?:{starts})\b))[a-z]))"
        rf"|(?P<vulgar>[{spelled.VULGAR}])"
        r")",
        re.I,
    )


_DIGIT_RUN = re.compile(_DIGITS)
_FRACTION = re.compile(r"(\d{1,2})/(\d{1,3})(?![\d/])")
_SUFFIX = re.compile(r"(?:(?P<attached>[a-z]{1,3})|[ ]{1,2}(?P<spaced>mn|mln|bn|tn|trn|mil|k)|(?-i:[ ]?(?P<mm>MM)|[ ](?P<M>M)))\b", re.I)
_PERCENT_AFTER = re.compile(r"[ ]?%|[ ](?:per ?cent|percent)\b(?: points?)?|[ ]percentage points?\b", re.I)
_POINT = re.compile(r"[ ]of[ ]an?[ ](?:percentage[ ])?point\b", re.I)
_COMPOUND = re.compile(r"[-\u2011]([A-Za-z]+(?:[-\u2011][A-Za-z]+)*)")
_SHARE_OF = re.compile(r"[ ]{1,3}(?:in|out[ ]of)[ ]{1,3}(?:every[ ]{1,3})?(?=[\da-z])", re.I)
_SIGN_WORD = re.compile(r"(?:minus|negative)[ ]{1,3}", re.I)
_SPLIT = re.compile(r"\d[,.][ \t]{0,3}(?:(?:\r\n|\r|\n)[ \t]{0,3})?$")
_NOT_SHARE_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|last|past|next|previous|final|opening|each|every|other|latter|former|back|top|bottom"
    r"|consecutive|straight|successive|this|that|and)[ ]{1,3}(?:\w+[ ]{1,3})?$", re.I
)
_BARE_SHARE_BEFORE = re.compile(r"\b(?:than|nearly|almost|about|around|roughly|some|over|under|just|by|to|only|barely|least)[ ]{1,3}$", re.I)
_BARE_SHARE_AFTER = re.compile(r"[ ]{1,3}(?:of|the|its|their|his|her|our|all|them|those|these)\b", re.I)
_SINGULAR_SHARE_AFTER = re.compile(r"[ ]{0,3}(?:of\b|more\b|less\b|fewer\b|higher\b|lower\b|[.,;:!?)\u2014]|$)", re.I)
_NOT_HALF_AFTER = re.compile(r"-|[ ]{1,3}(?:time|hour|day|century|way|brother|sister|mast|life|past|term|year|decade|an?)\b", re.I)



@lru_cache(maxsize=1)
def _not_compound() -> frozenset[str]:
    return words("extract", "not-compound")


def step_of_integer(value: float) -> float:
    """The rounding step of a whole number: the largest power of ten dividing it (at least 1).
    Numbers under 100 are exact counts ("30 members" is not "about 30")."""
    return spelled._step(value)


def words_value(phrase: str) -> float | None:
    """Value of a spelled-out number ("two hundred and fifty" -> 250, "a dozen" -> 12)."""
    toks = spelled.tokens(phrase, 0)
    reading = spelled.read(toks)
    if reading is None or reading.used != len(toks) or toks[-1].end != len(phrase.rstrip()):
        return None
    return reading.value


def find_numbers(text: str, limit: int | None = None, normalized: View | None = None) -> list[Number]:
    """The numeric expressions in text (the first ``limit`` of them), in order, outside dates,
    times and codes; spans are offsets into text."""
    seen = normalized or view(text)
    out = _scan(seen, limit, _Separators(separators.UNKNOWN))
    if seen.odd or seen.unreadable or "\n" in seen.text:
        out = _hidden(seen.text, out, seen)
    if seen.origin is None:
        return out
    return [_moved(n, *seen.span(n.start, n.end)) for n in out]


class _Separators:
    """The separator convention numbers are read with, and the evidence the numbers give."""

    def __init__(self, style: str) -> None:
        self.style = style
        self.english = self.continental = 0
        self.raws: list[str] = []

    def read(self, raw: str) -> tuple[float, float] | str:
        english, continental = separators.evidence(raw)
        self.english += english
        self.continental += continental
        self.raws.append(raw)
        return separators.read(raw, self.style)


def _scan(seen: View, limit: int | None, seps: _Separators) -> list[Number]:
    """One pass of the grammar over the view; a second when the document's own numbers show
    that it separates digits otherwise than first assumed."""
    v = seen.text
    pattern = _number_pattern()
    out: list[Number] = []
    pos = last_end = 0
    while limit is None or len(out) < limit:
        m = pattern.search(v, pos)
        if m is None:
            break
        start = m.start()
        end = blocked(v, start, last_end)
        if end is not None:
            pos = max(end, start + 1)
            continue
        number = _number(v, m, seps)
        if number is None:
            run = _DIGIT_RUN.match(v, start) if v[start].isdigit() else None
            pos = max(run.end() if run else 0, start + 1)  # past a run of digits at once, not one digit at a time
            continue
        if number.unreadable == "split" and out and out[-1].end >= number.start - 8:
            head = out.pop()
            digits = re.sub(r"\D", "", v[head.start:number.end])
            number = replace(head, end=number.end, value=float(digits), step=1.0, unreadable="split")
        out.append(number)
        pos = last_end = number.end
    style = separators.decide(seps.english, seps.continental)
    if style != seps.style and any(separators.read(r, style) != separators.read(r, seps.style) for r in seps.raws):
        return _scan(seen, limit, _Separators(style))
    return out


def _moved(n: Number, start: int, end: int) -> Number:
    return Number(start, end, n.value, n.step, n.words, n.vague, n.percent, n.unit, n.compound, n.share, n.unreadable)


_JOINING_GAP = re.compile(r"[\s-]+|\b(?:of|and|an?)\b", re.I)


def _hidden(v: str, numbers: list[Number], seen: View) -> list[Number]:
    """Numbers a visible break splits (``hidden.marks``) or a bidi override covers are unreadable."""
    found: list[tuple[int, int, Unreadable, str]] = [(s, e, "bidi-override", "") for s, e, _ in seen.unreadable]
    found += [(s, e, "hidden-space", kind) for s, e, kind in hidden.marks(v, seen.odd, [(n.start, n.end) for n in numbers])]
    if not found:
        return numbers
    touched: set[int] = set()
    out: list[Number] = []
    for n in numbers:
        for k, (s, e, why, kind) in enumerate(found):
            gap = v[n.end:s] if n.end <= s else v[e:n.start] if e <= n.start else ""
            if kind == "digits":
                near = len(gap) <= 3 and not gap.strip(" \t\r\n")
            else:
                near = n.start < e and s < n.end if why == "bidi-override" else len(gap) <= 6 and not _JOINING_GAP.sub("", gap)
            if near:
                touched.add(k)
                n = replace(n, start=min(n.start, s), end=max(n.end, e), unreadable=why)
        out.append(n)
    out += [Number(s, e, 0.0, 1.0, words=True, unreadable=why) for k, (s, e, why, kind) in enumerate(found) if (kind == "word" or why == "bidi-override") and k not in touched]
    merged: list[Number] = []
    for n in sorted(out, key=lambda x: x.start):
        if merged and n.start < merged[-1].end:
            prev = merged.pop()
            n = replace(prev, end=max(prev.end, n.end), unreadable=prev.unreadable or n.unreadable)
        merged.append(n)
    return merged


def _number(v: str, m: re.Match[str], seps: _Separators) -> Number | None:
    kind = m.lastgroup
    start = m.start()
    if kind in ("glyph", "glyph_letter"):
        digits = re.sub(r"\D", "", m.group(0).translate(_AS_DIGITS))
        return Number(start, m.end(), float(digits), 1.0, unreadable="homoglyph")
    if kind == "vague":
        value = _vague()[" ".join(m.group("vague").lower().split())]
        if m.group("vague").lower() == "scores" and not v.startswith(" of", m.end()):
            return None
        return _markers(v, Number(start, m.end(), value, value, vague=True))
    if kind == "words":
        return _spelled(v, start)
    if kind == "vulgar":
        toks = spelled.tokens(v, start)
        reading = spelled.read(toks)
        if reading is None:
            return None
        return _markers(v, Number(start, toks[reading.used - 1].end, reading.value, reading.step, share=reading.share))
    sign = 1.0
    pos = start
    if kind == "neg":
        sign, pos = -1.0, start + 1
    first = _digit_token(v, pos, seps)
    if first is None or isinstance(first, Number):
        return first
    toks = spelled.tokens(v, first.end, first)
    reading = spelled.read(toks)
    if reading is None:
        return None
    end = toks[reading.used - 1].end
    value, step = reading.value, reading.step
    if first.kind == "num" and reading.used == 1:
        value, step = first.value, first.step
        suffix = _SUFFIX.match(v, end)
        factor = _suffix_factor(suffix, first) if suffix else 0.0
        if suffix and factor:
            value, step, end = value * factor, step * factor, suffix.end()
    elif first.kind == "num" and first.value and not reading.share and reading.value % first.value == 0:
        step = first.step * reading.value / first.value  # "2.6 million": 100,000; "40 million": 1,000,000
    number = Number(start, end, round(value * sign, 9), step, share=reading.share)
    if first.kind == "num" and reading.used == 1:
        number = _share_of(v, number)
    return _markers(v, number)


def _digit_token(v: str, pos: int, seps: _Separators | None) -> spelled.Token | Number | None:
    """The digits at pos as a token, a fraction token ("3/4"), an unreadable Number, or None
    (not a figure: "000", a run of over 40 digits)."""
    frac = _FRACTION.match(v, pos)
    if frac and 2 <= int(frac.group(2)) <= 10 and int(frac.group(1)) < int(frac.group(2)):
        return spelled.Token("frac", int(frac.group(1)) / int(frac.group(2)), pos, frac.end(), frac.group(0))
    if v[pos] == ".":
        run = re.match(r"\.\d+", v[pos:pos + 41])
        raw = "0" + run.group(0) if run else ""
    else:
        run = _DIGIT_RUN.match(v, pos)
        raw = run.group(0) if run else ""
    if not run or len(raw) > 40:
        return None
    end = pos + len(raw) - (1 if v[pos] == "." else 0)
    if raw[0] == "0" and len(raw) > 1 and raw[1].isdigit():
        if _SPLIT.search(v, max(0, pos - 12), pos):
            return Number(pos, end, 0.0, 1.0, unreadable="split")  # "39,\n000": a figure broken by a line
        return None
    cleaned = raw.replace(" ", "").replace("'", "").replace("\u2019", "") if len(raw) > 3 else raw
    if "," in raw or "." in raw:
        read = seps.read(cleaned) if seps is not None else separators.read(cleaned, separators.UNKNOWN)
        if isinstance(read, str):
            return Number(pos, end, float(re.sub(r"\D", "", cleaned)), 1.0, unreadable="ambiguous-separator")
        value, step = read
    else:
        value, step = float(cleaned), 0.0
    if not math.isfinite(value):
        return None
    return spelled.Token("num", value, pos, end, raw, step=step or step_of_integer(value))


def _suffix_factor(m: re.Match[str], first: spelled.Token) -> float:
    if m.group("attached"):
        word = m.group("attached")
        if word == "MM":
            return 1e6
        if word.lower() != word and word not in ("K", "M", "B", "BN", "Bn"):
            return 0.0
        return _suffixes().get(word.lower(), 0.0)
    if m.group("mm"):
        return 1e6
    if m.group("M"):
        return 1e6 if any(c in first.word for c in ",.") else 0.0
    return _suffixes().get((m.group("spaced") or "").lower(), 0.0)


def _spelled(v: str, start: int) -> Number | None:
    sign = 1.0
    pos = start
    sign_word = _SIGN_WORD.match(v, pos)
    if sign_word:
        sign, pos = -1.0, sign_word.end()
        if not v[pos:pos + 1].isalnum():
            return None
        if v[pos].isdigit():
            first = _digit_token(v, pos, None)
            if not isinstance(first, spelled.Token) or first.kind != "num":
                return None
            return Number(start, first.end, -first.value, first.step)
    toks = spelled.tokens(v, pos)
    reading = spelled.read(toks)
    if reading is None or not math.isfinite(reading.value):
        return None
    end = toks[reading.used - 1].end
    if reading.share and not _share_reads(v, pos, end, toks[reading.used - 1].word):
        return None
    number = Number(start, end, reading.value * sign, reading.step, words=True, share=reading.share)
    if not reading.share and reading.value == int(reading.value) and reading.value >= 1:
        number = _share_of(v, number)
    return _markers(v, number)


def _share_reads(v: str, start: int, end: int, last: str) -> bool:
    """Whether a fraction word is a share here: "a third of", "two-thirds", "half the", not
    "a third term", "the first half", "an hour and a half", "half-time"."""
    if _NOT_SHARE_BEFORE.search(v, max(0, start - 24), start):
        return False
    if v[start:end].lower() in ("half", "quarter"):  # no article, no numerator
        return bool(_BARE_SHARE_AFTER.match(v, end) or last == "half" and _BARE_SHARE_BEFORE.search(v, max(0, start - 12), start))
    if last in ("half", "halves"):
        return not _NOT_HALF_AFTER.match(v, end)
    if last.endswith("s") or "/" in last:
        return True
    return bool(_SINGULAR_SHARE_AFTER.match(v, end))


def _share_of(v: str, number: Number) -> Number:
    """"one in five", "3 out of 4", "one in a million": a share, stored as a fraction."""
    m = _SHARE_OF.match(v, number.end)
    if m is None:
        return number
    if v[m.end()].isdigit():
        run = re.match(r"\d{1,7}(?:,\d{3})*(?![\d.,/]\d)", v[m.end():m.end() + 12])
        if run is None:
            return number
        whole, end = float(run.group(0).replace(",", "")), m.end() + run.end()
        if 1800 <= whole <= 2100 and len(run.group(0)) == 4:
            return number  # "5 in 2019"
    else:
        toks = spelled.tokens(v, m.end())
        reading = spelled.read(toks)
        if reading is None or reading.share:
            return number
        whole, end = reading.value, toks[reading.used - 1].end
    if not (number.value < whole and (number.value == 1 or whole <= 100 or "out" in m.group(0).lower())):
        return number
    return Number(number.start, end, number.value / whole, 1 / whole, words=number.words, share=True)


def _markers(v: str, number: Number) -> Number:
    """Currency before or after, percent after, a compound after a hyphen."""
    start, end = number.start, number.end
    unit, start = currency_before(v, start)
    percent = False
    point = _POINT.match(v, end) if number.share else None
    pm = _PERCENT_AFTER.match(v, end)
    if point:
        return replace(number, end=point.end(), percent=True, share=False)
    if pm and unit is None:
        percent, end = True, pm.end()
    elif unit is None:
        cm = currency_after().match(v, end)
        if cm:
            unit, end = currency_names()[cm.group("name").lower()], cm.end()
    compound = None
    if v[end:end + 1] in ("-", "\u2011") and not percent:
        cm = _COMPOUND.match(v, end)
        if cm and cm.group(1).split("-")[0].lower() not in _not_compound():
            compound, end = cm.group(1).lower().replace("\u2011", "-"), cm.end()
    if math.isinf(number.value) or math.isnan(number.value):
        return number
    return replace(number, start=start, end=end, percent=percent, unit=unit, compound=compound,
                   share=number.share and not percent and unit is None)
