"""Breaks inside a figure that the normalised view cannot undo: where a figure is unreadable.

The view (``language.normalize``) removes what a reader does not see. What remains visible
but splits a figure is found here, as *marks* (a span and a reason) that make every number
they touch unreadable: a space other than U+0020 among digits that is not digit grouping
("3<thin>9,000", "39<nbsp>,000", "2.<nbsp>6"), between a sign and its digits, or between
digits and a scale suffix ("$3<thin>m": 3 or 3 million?); a line break among digits that
join into one number ("3\\n9,000"); either inside a number word ("thou<thin>sand", "mil\\nlion").
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract import spelled
from factcheck.language.lexicon import entries
from factcheck.language.trie import alternation

HIDDEN_SPACE = "hidden-space"
_DIGITISH = "0123456789.,'\u2019/"
_RUN = re.compile(r"[\d.,'\u2019/]*")
_LETTERS = re.compile(r"[^\W\d_]*")
_JOINED = re.compile(r"-?\d{1,40}(?:[.,'\u2019]\d{1,40}){0,12}(?:/\d{1,4})?")
_SUFFIX = re.compile(r"(?:[kKmMbB]|mn|bn|tn|mil|MM)(?![^\W\d_])")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(number words, joiners): the words a figure is made of, and the small ones inside phrases."""
    cardinals, scales, denominators = spelled.lexicon()
    vague = {w for line in entries("extract", "vague-numbers") for w in line.split()[:-1]}
    number_words = {*cardinals, *scales, *denominators, *spelled.DOZENS, "minus", "negative", *vague} - {"of"}
    return frozenset(number_words), frozenset({"and", "of", "a", "an", "per", "cent", "percent"})


@lru_cache(maxsize=1)
def _phrase() -> re.Pattern[str]:
    """The number words that follow a word (" hundred and twelve"): a broken word breaks them all."""
    number_words, joiners = _vocabulary()
    return re.compile(rf"(?:(?:[ \t]{{1,3}}|[ \t]{{0,3}}-[ \t]{{0,3}})(?:{alternation([*number_words, *joiners])})\b){{0,12}}", re.I)


def marks(v: str, odd: frozenset[int], inside: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every break that makes a figure unreadable, kind "digits", "word" (a
    number word, unreadable on its own) or "joiner" ("and", "of": only with a number beside it);
    ``odd`` holds the view offsets of spaces other than U+0020, ``inside`` the spans of the numbers read."""
    found: list[tuple[int, int, str]] = []
    breaks = sorted(odd | {i for i in _line_breaks(v)})
    for p in breaks:
        if not 0 < p < len(v) - 1:
            continue
        left, right = v[p - 1], v[p + 1]
        is_odd = p in odd
        if left in _DIGITISH and right in _DIGITISH or left == "-" and right.isdigit():
            if any(s < p < e - 1 for s, e in inside):
                continue  # digit grouping: "39<thin>000"
            start = p - (len(v[max(0, p - 40):p]) - len(v[max(0, p - 40):p].rstrip(_DIGITISH + "-")))
            end = _end(_RUN, v, p + 1)
            if is_odd or _joins(v[start:p], v[p + 1:end]):
                found.append((start, end, "digits"))
        elif left.isalpha() and right.isalpha():
            start = p - (len(v[max(0, p - 20):p]) - len(v[max(0, p - 20):p].rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")))
            end = _end(_LETTERS, v, p + 1)
            word = (v[start:p] + v[p + 1:end]).lower()
            number_words, joiners = _vocabulary()
            if word in number_words or word in joiners:
                found.append((start, _end(_phrase(), v, end), "word" if word in number_words else "joiner"))
        elif left.isdigit() and _SUFFIX.match(v, p + 1):
            found.append((p - 1, _end(_SUFFIX, v, p + 1), "digits"))
    return found


def _end(pattern: re.Pattern[str], v: str, pos: int) -> int:
    m = pattern.match(v, pos)
    return m.end() if m else pos


def _line_breaks(v: str) -> list[int]:
    """Offsets of single line breaks (not paragraph breaks)."""
    out = []
    p = v.find("\n")
    while p >= 0:
        if v[p + 1:p + 2] != "\n" and v[p - 1:p] not in ("\n", "\r"):
            out.append(p)
        p = v.find("\n", p + 1)
    return out


def _joins(left: str, right: str) -> bool:
    """Whether digits either side of a line break read as one number ("3" and "9,000"), and
    neither is a year standing on its own line."""
    if _YEAR.fullmatch(left) or _YEAR.fullmatch(right.rstrip(".,")):
        return False
    return bool(_JOINED.fullmatch(left + right))
