"""Number grammar: find numeric expressions in prose and normalise their values.

``find_numbers`` returns every number written with digits, words, scale words, currency and
percent markers, and vague plurals ("hundreds"), skipping what is not a quantity at all:
dates and their parts, clock times, codes and names containing digits (COP28, F-16,
Resolution 2334), ordinals. Whether a number is a *claim* is decided by ``extract``.
All patterns are linear: no nested quantifiers over overlapping alternatives."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.currency import currency_names, currency_symbols
from factcheck.language.dates import MONTHS
from factcheck.language.trie import alternation

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}


_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}


_VAGUE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "tens of thousands": 1e4, "hundreds of thousands": 1e5, "tens of millions": 1e7,
    "hundreds of millions": 1e8,
}


_AGE_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"


_WORD = alternation(list(_UNITS) + list(_SCALES))  # a trie: the same matches as longest-first, faster


_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+"


_NUMBER = re.compile(  # every alternative starts a word: the guard skips other positions at once
    r"\b(?=\w)(?:"
    rf"(?P<vague>\b(?:(?:tens|hundreds) of (?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)\b)"
    rf"|(?P<half>\bhalf an? (?:million|billion|dozen)\b)"
    rf"|(?P<words>\b(?:an? )?(?:{_WORD})(?:(?: and |[ -])(?:{_WORD}))*\b)"
    rf"|(?<![\w/.:\u00b7-])(?P<digits>(?:{_DIGITS})(?:\.\d+)?)"
    rf"|(?<=\d[-\u2013])(?P<after_hyphen>(?:{_DIGITS})(?:\.\d+)?)"
    r")",
    re.I,
)


_SCALE_AFTER = re.compile(
    r"(?:[ \u00a0](?P<word>hundred|thousand|million|billion|trillion)\b"
    r"|[ \u00a0]?(?P<short>mn|mln|bn|tn|trn)\b|(?P<attached>[kmb])\b)",
    re.I,
)


_PERCENT_AFTER = re.compile(r"[ \u00a0]?%|[ \u00a0](?:per ?cent|percent)\b(?: points?)?|[ \u00a0]percentage points?\b", re.I)


# Words before a number that make it a name or code ("Resolution 2334", "MiG 29"), and the
# number words of ages ("twenty-two-year-old"); tries (``alternation``) keep the pattern fast.
_CODE_WORDS = (
    "Resolution Article Route Flight Highway Chapter Section Room Gate Page Platform Line Phase Category Unit Boeing"
    " Airbus Model Version Apollo Title Proposition Amendment Protocol Paragraph Clause Rule Level Block Building Sector"
    " Camp Area Zone Bus Tower Act Bill Law No. Nos. Number Decree Order Code Directive Regulation Vol. Volume Issue"
    " Episode Season Windows iPhone Su Tu Mig MiG Il Mi An Ka Ch Patriot Iskander Shahed Kinzhal Kalibr Type"
).split() + ["Storm Shadow"]


_AGE_TENS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()


# No alternative below starts inside a word (unless with a digit) or with white space; the guard
# skips those positions before trying them all (the same matches, twice as fast; see test_fastpaths).
NON_FIGURES_GUARD = r"(?:\b(?=\w)|(?=[^\w\s]|\d))"


_NON_FIGURES = re.compile(
    NON_FIGURES_GUARD + "(?:" + "|".join(
        (
            rf"\b{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTHS}(?:,? \d{{4}}\b)?",
            rf"\b{MONTHS},? \d{{4}}\b",
            r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
            r"\b\d{4}s\b|'\d0s\b|\bmid-\d{4}s?\b",
            r"\b\d{1,2}(?::\d{2})?(?:[ \u00a0]?(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|hrs\b))",
            r"\b\d{1,2}[:.]\d{2}\b(?![.,]\d)(?=[ \u00a0]?(?:[ap]\.?m|GMT|UTC|local|hours|on\b))",
            r"\b\d{1,2}:\d{2}\b",
            r"\b\d{4}[ \u00a0]?(?:GMT|UTC|hrs|hours (?:GMT|local))\b",
            r"\b(?:1[89]|20)\d{2}[-\u2013/](?:(?:1[89]|20)\d{2}|\d{2})\b",
            r"\(\d{2,4}\)[ \u00a0]?\d{3,4}[ -]?\d{3,4}\b",
            r"\b\d{4}[-\u2013/]\d{2,4}\b(?= (?:season|fiscal|financial|school|academic|budget))",
            r"\+?\d{1,3}[ -]\(?\d{2,4}\)?[ -]\d{3,4}[ -]\d{3,4}\b",
            r"(?-i:\b[A-Z][A-Za-z]+ \d+[A-Za-z]?(?:-\d+)? [A-Z]{2,} \d+\b)",
            rf"\b(?-i:(?=[A-Z]|iP)){alternation(_CODE_WORDS)}[ \u00a0]\d+[A-Za-z]?(?:-\d+)?\b",  # "An 26", not "an 11"
            r"\b(?:pages?|paragraph|clause|section|chapter|article|resolution|room|gate|platform|route|flight|highway)"
            r"[ \u00a0]\d+[A-Za-z]?\b",
            r"\b[A-Za-z]+-?\d+[A-Za-z]*(?:-\d+)?\b",
            r"(?-i:\b(?!U\.[SNK]\.|E\.U\.)(?:[A-Z]\.){2,3} ?\d+\b)",
            r"(?-i:\b(?:Group|Club) of (?:\d+|[A-Z][a-z]+)\b)",
            r"\b\d+(?:st|nd|rd|th)\b",
            rf"\b\d+-year-old\b|\b{alternation(_AGE_TENS)}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?-year-old\b",
            r"\b(?:aged|ages?) (?:between )?\d{1,3}(?:(?: and | to |[-\u2013])\d{1,3})?\b",
            rf"\b(?:children|boys|girls|kids|babies|infants|youngsters|those) (?:under|over|below|above|aged) (?:the age of )?(?:\d{{1,2}}|{_AGE_WORDS})\b",
            r"(?-i:\b[A-Z][a-z'\u2019-]+, \d{1,3}(?=, (?:who|was|is|has|had|said|told|will|would|[a-z]+ed)\b))",
        )
    ) + ")",
    re.I,
)


_COMPOUND = re.compile(r"[-\u2011]([A-Za-z]+(?:[-\u2011][A-Za-z]+)*)")


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


def words_value(phrase: str) -> float | None:
    """Value of a spelled-out number ("two hundred and fifty" -> 250, "a dozen" -> 12)."""
    total, current, seen = 0.0, 0.0, False
    for token in re.split(r"[ -]+", phrase.lower()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = current or 1.0
        elif token in _UNITS:
            value = _UNITS[token]
            if token == "dozen":
                current = (current or 1.0) * 12
            else:
                current += value
            seen = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token in _SCALES:
            total += (current or 1.0) * _SCALES[token]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def _step_of_integer(value: float) -> float:
    """The rounding step of a whole number: the largest power of ten dividing it (at least 1).
    Numbers under 100 are exact counts ("30 members" is not "about 30")."""
    if value < 100 or value != int(value):
        return 1.0
    step = 1.0
    while value % (step * 10) == 0 and step < 1e12:
        step *= 10
    return step


def _digits_value(raw: str) -> tuple[float, float]:
    cleaned = re.sub(r"[,\s\u00a0\u202f]", "", raw)
    value = float(cleaned)
    if "." in cleaned:
        decimals = len(cleaned.split(".")[1])
        return value, 10.0 ** -decimals
    return value, _step_of_integer(value)


@lru_cache(maxsize=1)
def _currency_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    symbols = sorted(currency_symbols(), key=len, reverse=True)
    names = sorted(currency_names(), key=len, reverse=True)
    before = re.compile(r"(?:" + "|".join(re.escape(s) for s in symbols) + r")[ \u00a0]?$")
    after = re.compile(
        r"[ \u00a0](?:(?:US|U\.S\.|American|Canadian|Australian|Hong Kong|Singapore) )?(?P<name>"
        + "|".join(re.escape(n) for n in names) + r")\b", re.I
    )
    return before, after


def _unit_before(text: str, start: int) -> tuple[str | None, int]:
    """A currency symbol or code right before a number: (ISO code, new start)."""
    m = _currency_patterns()[0].search(text, max(0, start - 5), start)
    if not m:
        return None, start
    symbol = m.group(0).strip()
    if symbol[0].isalpha() and m.start() > 0 and text[m.start() - 1].isalpha():
        return None, start
    return currency_symbols()[symbol], m.start()


def find_numbers(text: str, limit: int | None = None) -> list[Number]:
    """The numeric expressions in text (the first ``limit`` of them), in order, outside dates,
    times and codes."""
    blocked = _NON_FIGURES.finditer(text)  # consumed lazily: a limit stops both scans early
    block: tuple[int, int] | None = (-1, -1)
    out: list[Number] = []
    last_end = 0
    for m in _NUMBER.finditer(text):
        if m.start() < last_end:
            continue
        while block is not None and block[1] <= m.start():
            nxt = next(blocked, None)
            block = (nxt.start(), nxt.end()) if nxt else None
        if block is not None and block[0] <= m.start() < block[1]:
            continue
        number = _number(text, m)
        if number is not None:
            out.append(number)
            last_end = number.end
            if limit is not None and len(out) >= limit:
                break
    return out


def _number(text: str, m: re.Match[str]) -> Number | None:
    start, end = m.start(), m.end()
    words = vague = False
    if m.group("vague"):
        phrase = m.group("vague").lower()
        value, step, vague = _VAGUE[phrase], _VAGUE[phrase], True
    elif m.group("half"):
        value = _SCALES.get(m.group("half").split()[-1].lower(), 12) / 2
        step, words = value, True
    elif m.group("words"):
        phrase = m.group("words")
        if phrase.lower() in ("a", "an"):
            return None
        if phrase.lower().startswith(("a ", "an ")) and phrase.split()[1].lower() not in _SCALES and phrase.split()[1].lower() != "dozen":
            start += len(phrase.split()[0]) + 1
            phrase = phrase[len(phrase.split()[0]) + 1:]
        value = words_value(phrase)
        if value is None or not math.isfinite(value):
            return None  # "one hundred and one hundred and ..." overflows to infinity
        step, words = _step_of_integer(value), True
    else:
        raw = m.group("digits") or m.group("after_hyphen")
        if len(raw) > 40:
            return None
        value, step = _digits_value(raw)
        scale = _SCALE_AFTER.match(text, end)
        if scale:
            key = (scale.group("word") or scale.group("short") or scale.group("attached")).lower()
            factor = _SCALES.get(key) or _SHORT_SCALES[key]
            value, step, end = value * factor, step * factor, scale.end()
    if words and end < len(text):
        scale = _SCALE_AFTER.match(text, end)
        if scale and scale.group("short"):
            factor = _SHORT_SCALES[scale.group("short").lower()]
            value, step, end = value * factor, step * factor, scale.end()
    unit, start = _unit_before(text, start)
    percent = False
    pm = _PERCENT_AFTER.match(text, end)
    if pm and unit is None:
        percent, end = True, pm.end()
    elif unit is None:
        cm = _currency_patterns()[1].match(text, end)
        if cm:
            unit, end = currency_names()[cm.group("name").lower()], cm.end()
    compound = None
    if text[end:end + 1] in ("-", "\u2011") and not percent:
        cm = _COMPOUND.match(text, end)
        if cm:
            compound, end = cm.group(1).lower().replace("\u2011", "-"), cm.end()
    if math.isinf(value) or math.isnan(value):
        return None
    return Number(start, end, value, step, words, vague, percent, unit, compound)
