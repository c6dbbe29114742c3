"""Spelled and mixed numbers: "fifty - two", "three hundred  and  thirty one", "two-thirds",
"half a million", "five and a half million", "3 million and a half", "13 lakh", "three lakh
crore", "6 crore and two hundred", "3 hundred and 21", "2 1/4", "2½ million", "half a dozen".

``tokens`` reads number tokens from a position (number words from the data files, small
integers, digit fractions and vulgar fractions, separated by at most three blanks, one line
break or a hyphen); ``read`` evaluates the longest prefix of them that is one number. A bare
scale word ("million") is never a number, and "two three" is two numbers, not five.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from factcheck.language.lexicon import entries
from factcheck.language.trie import alternation

VULGAR = "\u00bc\u00bd\u00be\u2150\u2151\u2152\u2153\u2154\u2155\u2156\u2157\u2158\u2159\u215a\u215b\u215c\u215d\u215e"
MAX_TOKENS = 24


def _table(name: str) -> dict[str, float]:
    return {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1]) for line in entries("extract", name)}


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """(cardinals, scales, denominators): word -> value, from the data files."""
    return _table("cardinals"), _table("scales"), _table("denominators")


DOZENS = frozenset({"dozen", "dozens", "dz", "dzs", "doz", "dozs"})
_JOINERS = ("and", "a", "an", "of")


@lru_cache(maxsize=2)
def token_pattern(join: Callable[[Iterable[str]], str] = alternation) -> re.Pattern[str]:
    """One token after up to three blanks, a line break or a hyphen; ``join`` builds the word
    alternation (a trie by default; ``test_fastpaths`` compares it with a plain one)."""
    cardinals, scales, denominators = lexicon()
    words = join([*cardinals, *scales, *denominators, *DOZENS, *_JOINERS])
    return re.compile(
        r"(?P<gap>[ \t]{0,3}(?:(?:\r\n|\r|\n)[ \t]{0,3})?(?P<hyphen>-[ \t]{0,3})?)"
        rf"(?:(?P<word>{words})\b|(?P<frac>\d{{1,3}}/\d{{1,3}})(?![\d/])|(?P<vulgar>[{VULGAR}])|(?P<int>\d{{1,3}})(?![\d.,/]))",
        re.I,
    )


@dataclass(frozen=True)
class Token:
    kind: str  # unit teen tens hundred scale denom dozen and a of int num frac
    value: float
    start: int
    end: int
    word: str = ""
    hyphen: bool = False  # a hyphen before it ("twenty-two")
    gap: int = 0  # characters between the previous token and this one
    step: float = 0.0  # the rounding step of a digit number ("2.6": 0.1)


def tokens(text: str, pos: int, first: Token | None = None) -> list[Token]:
    """Number tokens from pos (after ``first``, a digit number already read, when given)."""
    cardinals, scales, denominators = lexicon()
    pattern = token_pattern()
    out = [first] if first else []
    while len(out) < MAX_TOKENS:
        m = pattern.match(text, pos)
        if m is None or (not out and m.group("gap")):
            break
        gap = m.end("gap") - m.start("gap")
        if out and gap == 0 and not m.group("vulgar"):
            break  # "twentytwo" is not two tokens
        if m.group("word"):
            word = m.group("word").lower()
            if word in cardinals:
                value = cardinals[word]
                kind = "unit" if value < 10 else "teen" if value < 20 else "tens"
            elif word in scales:
                value, kind = scales[word], "hundred" if scales[word] == 100 else "scale"
            elif word in denominators:
                value, kind = denominators[word], "denom"
            elif word in DOZENS:
                value, kind = 12.0, "dozen"
            else:
                value, kind = 0.0, "a" if word in ("a", "an") else word
            token = Token(kind, value, m.start("word"), m.end(), word, bool(m.group("hyphen")), gap)
        elif m.group("frac"):
            num, den = m.group("frac").split("/")
            if int(den) < 2 or int(num) >= int(den):
                break
            token = Token("frac", int(num) / int(den), m.start("frac"), m.end(), m.group("frac"), False, gap)
        elif m.group("vulgar"):
            token = Token("frac", unicodedata.numeric(m.group("vulgar")), m.start("vulgar"), m.end(), m.group("vulgar"), False, gap)
        else:
            token = Token("int", float(m.group("int")), m.start("int"), m.end(), m.group("int"), bool(m.group("hyphen")), gap)
        if out and out[-1].kind in ("unit", "teen") and token.kind in ("unit", "teen"):
            break  # "one one", "ten five": never one number
        out.append(token)
        pos = m.end()
    return out


@dataclass(frozen=True)
class Reading:
    """What a run of tokens says: value, rounding step, how many tokens it used, and whether
    it is a proportion ("a third", "two-thirds": a share of something)."""

    value: float
    step: float
    used: int
    share: bool = False
    denominator: float = 0.0


def _small_ok(small: float, kind: str, state: str) -> bool:
    if state == "":
        return True
    if state == "tens":
        return kind == "unit" and small % 10 == 0
    return False


def cardinal(toks: list[Token], i: int) -> tuple[float, int, float, str] | None:
    """(value, next index, last scale, kind of the last token) of the cardinal at toks[i]."""
    total = hundreds = small = 0.0
    state = ""  # "", "unit", "teen", "tens", "done": the tens-and-units part
    last_scale = 0.0
    seen = False
    j = i
    n = len(toks)
    while j < n:
        t = toks[j]
        k = t.kind
        if k == "a":
            nxt = toks[j + 1] if j + 1 < n else None
            if seen or nxt is None or nxt.kind not in ("hundred", "scale", "dozen"):
                break
            small, state, seen = 1.0, "done", True
        elif k in ("unit", "teen", "tens"):
            if not _small_ok(small, k, state) or (state == "" and small):
                break
            small = small + t.value if state == "tens" else t.value
            state = "done" if state == "tens" else k
            seen = True
        elif k in ("int", "num"):
            prev = toks[j - 1] if j > i else None
            after_hundred = prev is not None and prev.kind == "and" and j >= 2 and toks[j - 2].kind == "hundred" and t.value < 100
            before_scale = prev is not None and prev.kind == "scale" and j + 1 < n and toks[j + 1].kind in ("hundred", "scale")
            if not (j == i or after_hundred or before_scale) or t.hyphen:
                break
            small, state, seen = t.value, "done", True
        elif k == "hundred":
            if not seen or hundreds:
                break
            hundreds, small, state = (small or 1.0) * 100, 0.0, ""
        elif k == "scale":
            group = hundreds + small
            if not seen:
                break
            if group == 0:
                if not (total and t.value > last_scale):
                    break
                total *= t.value
            elif last_scale and t.value >= last_scale:
                break
            else:
                total += group * t.value
            hundreds = small = 0.0
            state, last_scale = "", t.value
        elif k == "dozen":
            if not seen or t.hyphen:
                break
            if small:
                small *= 12
            else:
                hundreds = (hundreds or 1.0) * 12
            state = "done"
        elif k == "and":
            nxt = toks[j + 1] if j + 1 < n else None
            if nxt is None or not (hundreds or total) or nxt.kind not in ("unit", "teen", "tens", "int") or (hundreds and small):
                break
            if nxt.kind == "int" and not (hundreds and toks[j - 1].kind == "hundred"):
                break
        else:
            break
        j += 1
    while j > i and toks[j - 1].kind in ("and", "a"):
        j -= 1
    if not seen or j == i:
        return None
    return total + hundreds + small, j, last_scale, toks[j - 1].kind


def fraction(toks: list[Token], i: int) -> tuple[float, int, float, float, float] | None:
    """(value, next index, numerator, denominator, whole part) of a fraction at toks[i]: "a
    third", "two-thirds", "one hundred thirty fifths" (100/35), "a twenty-first", "half",
    "3/4", "½"; "two hundred and fifty-four hundredths" is 200 + 54/100 (a proper fraction
    after "and" is added, an improper one divides the whole: "one hundred and thirty fifths")."""
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    if t.kind == "frac":
        return t.value, i + 1, t.value, 0.0, 0.0
    if t.kind == "denom" and t.word in ("half", "quarter"):
        return 1 / t.value, i + 1, 1.0, t.value, 0.0
    if t.kind == "a" and i + 1 < n and toks[i + 1].kind in ("denom", "tens"):
        numerator, j, parts = 1.0, i + 1, [t]
    else:
        read = cardinal(toks, i)
        if read is None:
            return None
        numerator, j = read[0], read[1]
        parts = toks[i:j]
    if j + 1 < n and toks[j].kind == "tens" and toks[j + 1].kind == "denom" and toks[j + 1].value < 10:
        den = toks[j].value + toks[j + 1].value  # "a twenty-first": 1/21
        return numerator / den, j + 2, numerator, den, 0.0
    if j >= n or toks[j].kind != "denom" or toks[j].word in _COMPOUND_ONLY:
        return None
    denom = toks[j]
    last = parts[-1]
    if denom.value < 10 and last.kind == "tens" and len(parts) > 1 and parts[-2].kind != "and":
        rest = numerator - last.value  # "one hundred thirty fifths": 100/35
        if rest > 0:
            return rest / (last.value + denom.value), j + 1, rest, last.value + denom.value, 0.0
    joined = max((k for k in range(i, j) if toks[k].kind == "and"), default=None)
    if joined is not None:
        after = cardinal(toks, joined + 1)
        if after is not None and after[0] < denom.value:
            part, whole, k = after[0] / denom.value, numerator - after[0], j + 1
            scale = toks[joined - 1].value if toks[joined - 1].kind == "scale" else 1.0
            if k < n and toks[k].kind == "scale" and toks[k].value < scale:
                scale, k = toks[k].value, k + 1  # "one billion and three quarters million"
            return whole + part * scale, k, after[0], denom.value / scale, whole  # "five billion and three quarters"
    if denom.word in ("half", "halves") and numerator != 1:
        return None
    return numerator / denom.value, j + 1, numerator, denom.value, 0.0


_COMPOUND_ONLY = frozenset({"first", "firsts", "second", "seconds"})


def _scale_after(toks: list[Token], j: int) -> tuple[float, int]:
    """A scale after a fraction: "half a million", "two thirds of a million", "quarter million"."""
    n = len(toks)
    k = j
    if k < n and toks[k].kind == "of":
        k += 1
    if k < n and toks[k].kind == "a":
        k += 1
    if k < n and toks[k].kind in ("scale", "hundred", "dozen") and not toks[k].word.endswith("s"):
        if toks[j].kind == "of" and toks[k - 1].kind != "a":
            return 1.0, j
        return toks[k].value, k + 1
    return 1.0, j


def _step(value: float) -> float:
    if value != int(value) or value < 100:
        return 1.0
    step = 1.0
    while value % (step * 10) == 0 and step < 1e12:
        step *= 10
    return step


def read(toks: list[Token]) -> Reading | None:
    """The number the tokens begin with, or None."""
    if not toks:
        return None
    part = fraction(toks, 0)
    if part is not None:
        value, j, _, denom, whole = part
        if whole:
            return Reading(value, 1 / denom, j)
        scale, j = _scale_after(toks, j)
        if scale > 1:
            return Reading(value * scale, scale / max(denom, 2), j)
        return Reading(value, 1 / max(denom, 2) ** 2, j, share=True, denominator=denom)
    read_whole = cardinal(toks, 0)
    if read_whole is None:
        return None
    value, j, last_scale, last_kind = read_whole
    first = toks[0]
    n = len(toks)
    if j < n and toks[j].kind == "frac" and toks[j].gap <= 3 and first.kind in ("int", "num") and j == 1:
        value, j = value + toks[j].value, j + 1  # "2 1/4", "2½"
        scale, j = _scale_after(toks, j)
        return Reading(value * scale, scale / 4 if scale > 1 else 0.25, j)
    if j + 1 < n and toks[j].kind == "and":
        after = fraction(toks, j + 1)
        if after is not None:
            frac, k, numerator, denom, _ = after
            if denom and numerator >= denom and toks[j + 1].kind != "a":
                total = value + numerator  # "one hundred and thirty-two fifths": 132/5
                return Reading(total / denom, 1.0, k)
            scale, k2 = _scale_after(toks, k) if k < n and toks[k].kind != "of" else (1.0, k)
            if scale > 1 and (not last_scale or scale < last_scale):
                if last_scale:
                    return Reading(value + frac * scale, scale / max(denom, 2), k2)  # "one billion and a half million"
                return Reading((value + frac) * scale, scale / max(denom, 2), k2)  # "five and a half million"
            if last_kind == "scale" and last_scale:
                return Reading(value + frac * last_scale, last_scale / max(denom, 2), k)  # "3 million and a half"
            return Reading(value + frac, 1 / max(denom, 2), k)  # "one and a half", "twenty and three fifths"
    return Reading(value, _step(value), j)
