"""Performance rewrites give exactly the results of the plain code they replace."""

from __future__ import annotations

import datetime as dt
import random
import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable
from pathlib import Path

import pytest

from factcheck.extract import nonfigure, spelled
from factcheck.extract import quantity as numbers
from factcheck.language import dates
from factcheck.language.gazetteer import Gazetteer, alternation
from factcheck.reference.aliases import Aliases
from factcheck.reference.index import ReferenceIndex

CORPUS = sorted((Path(__file__).resolve().parent / "corpus").rglob("*.txt"))


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    return texts + ["\n\n".join(texts)]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_gazetteer_trie_matches_the_plain_alternation(index: ReferenceIndex) -> None:
    gazetteer = Gazetteer(index.aliases.table["location"])
    forms = sorted(set(gazetteer.names) | set(gazetteer.demonyms), key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)
    rnd = random.Random(7)
    tricky = []
    for form in forms:
        mixed = "".join(c.upper() if rnd.random() < 0.5 else c for c in form)
        tricky += [form, form.upper(), form.title(), mixed, form + "s", form[:-1], "x" + form]
    for text in [*_texts(), " ".join(tricky), "".join(tricky)]:
        assert _spans(gazetteer._pattern, text) == _spans(plain, text)


def test_alternation_prefers_the_longest_form() -> None:
    pattern = re.compile(r"\b" + alternation(["Congo", "Democratic Republic of the Congo", "Sudan", "South Sudan"]) + r"\b", re.I)
    found = [m.group(0) for m in pattern.finditer("South Sudan, Sudan and the Democratic Republic of the Congo; Congo.")]
    assert found == ["South Sudan", "Sudan", "Democratic Republic of the Congo", "Congo"]


def _plain_non_figures() -> re.Pattern[str]:
    """The non-figure pattern without its guard."""
    pattern = nonfigure.BEFORE.pattern
    assert pattern.startswith(nonfigure.GUARD + "(?:") and pattern.endswith(")")
    return re.compile(pattern[len(nonfigure.GUARD) + 3:-1], nonfigure.BEFORE.flags)


def _first_ops(items: list) -> list[tuple]:  # type: ignore[type-arg]
    op, arg = items[0]
    if op is sre.BRANCH:
        return [o for branch in arg[1] for o in _first_ops(list(branch))]
    if op is sre.SUBPATTERN:
        return _first_ops(list(arg[3]))
    return [(op, arg, items[1] if len(items) > 1 else None)]


def _can_start_inside_a_word(op: object, arg: object) -> bool:
    if op is sre.LITERAL:
        return chr(arg).isalpha() or chr(arg) == "_" or chr(arg).isspace()  # type: ignore[arg-type]
    if op is sre.MAX_REPEAT:
        return any(_can_start_inside_a_word(o, a) for o, a in list(arg[2])[:1])  # type: ignore[index]
    if op is sre.IN:
        return any(o is not sre.LITERAL and a is not sre.CATEGORY_DIGIT or o is sre.LITERAL and _can_start_inside_a_word(o, a) for o, a in arg)  # type: ignore[union-attr]
    return True


def test_non_figure_guard_assumption_holds() -> None:
    """Every alternative starts with \\b before a word character, or with a digit or punctuation:
    so ``blocked`` need only try the starts of words."""
    plain = _plain_non_figures()
    for op, arg, after in _first_ops(list(sre_parse.parse(plain.pattern, plain.flags))):
        if op is sre.AT:
            assert arg is sre.AT_BOUNDARY and after is not None
        else:
            assert not _can_start_inside_a_word(op, arg), (op, arg)
            if op is sre.MAX_REPEAT and arg[0] == 0:  # optional: what follows may start the match
                assert after is not None and not _can_start_inside_a_word(*after), (op, arg, after)


def test_non_figure_guard_matches_the_plain_pattern() -> None:
    for text in _texts():
        assert _spans(nonfigure.BEFORE, text) == _spans(_plain_non_figures(), text)


def test_blocked_at_word_starts_finds_what_every_position_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """``blocked`` tries the non-figure patterns only at a number and at the word starts before
    it; trying every position before it instead, the grammar finds the same numbers."""
    plain = _plain_non_figures()

    def everywhere(text: str, start: int, floor: int) -> int | None:
        m = nonfigure.AT.match(text, start)
        if m:
            return m.end()
        limit = min(len(text), start + nonfigure.WINDOW)
        for pos in range(start, max(floor, start - nonfigure.WINDOW) - 1, -1):
            m = plain.match(text, pos, limit)
            if m and m.end() > start:
                return m.end()
        return None

    for text in _texts()[:-1]:
        fast = numbers.find_numbers(text)
        with monkeypatch.context() as patch:
            patch.setattr(numbers, "blocked", everywhere)
            assert numbers.find_numbers(text) == fast


def _dateparser(expression: str, base: dt.date | None) -> dt.date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _expressions(count: int) -> list[tuple[str, dt.date | None]]:
    rnd = random.Random(11)
    months = list(dates._MONTH_NUMBERS)
    out = []
    for _ in range(count):
        month = rnd.choice(months)
        month = rnd.choice([month, month.title(), month.upper(), month.title() + "."])
        day, year = rnd.randint(0, 32), rnd.choice([1979, 2000, 2023, 2024, 2025])
        suffix = rnd.choice(["", "st", "th"])
        expression = rnd.choice([
            f"{month} {day}{suffix}, {year}", f"{day}{suffix} {month} {year}", f"{month} {year}", f"{month}, {year}",
            f"{month} {day}{suffix}", f"{day} {month}", f"{year}-{rnd.randint(1, 13):02d}-{day:02d}", month,
            rnd.choice(["Monday", "tuesday", "Wed.", "Thursday.", "Sat", "Sunday"]),
        ])
        base = rnd.choice([None, dt.date(2020, 2, 29), dt.date(2023, 10, 7)]) if rnd.random() < 0.3 else dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randint(0, 2200))
        out.append((expression, base))
    return out


@pytest.mark.parametrize("base", [dt.date(2024, 2, 28), dt.date(2024, 2, 29), dt.date(2025, 3, 5), dt.date(2021, 2, 1)])
def test_february_29_reads_as_dateparser_reads_it(base: dt.date) -> None:
    for expression in ("Feb. 29", "29 February", "February 29th"):
        assert dates._calendar(expression, base) == _dateparser(expression, base)


@pytest.mark.parametrize("chunk", range(4))
def test_calendar_dates_read_as_dateparser_reads_them(chunk: int) -> None:
    checked = 0
    for expression, base in _expressions(800)[chunk * 200:(chunk + 1) * 200]:
        quick = dates._calendar(expression, base)
        if quick is not None:
            checked += 1
            assert quick == _dateparser(expression, base), (expression, base)
    assert checked > 140


def test_known_uses_canonical_names_as_before() -> None:
    aliases = Aliases()
    aliases.add("source", "Palestinian health authorities", "Gaza Ministry of Health")
    assert aliases.known("source", "the Gaza Ministry of Health") == "Gaza Ministry of Health"
    assert aliases.known("source", "nobody") is None
    aliases.add("source", "UN agency", "UNRWA")
    assert aliases.known("source", "unrwa") == "UNRWA"


@pytest.mark.parametrize("words", [nonfigure.CODE_WORDS, nonfigure.AGE_TENS])
def test_word_tries_match_the_plain_lists(words: list[str]) -> None:
    after = r"(?:[ \u00a0]\d+[A-Za-z]?(?:-\d+)?\b|(?:-(?:one|two|nine))?-year-old\b)"
    plain = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")" + after, re.I)
    trie = re.compile(r"\b" + alternation(words) + after, re.I)
    samples = [f"{pre}{w}{post}" for w in words for pre in ("", "x", "The ") for post in (" 12", "s 12", "-year-old", "-one-year-old", " x")]
    text = " ".join(samples + [s.upper() for s in samples])
    assert _spans(trie, text) == _spans(plain, text)


def _plain(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_number_pattern_matches_the_plain_pattern() -> None:
    cardinals, scales, denominators = spelled.lexicon()
    vocabulary = [*cardinals, *scales, *denominators, *spelled.DOZENS, "half", "quarter", "minus", "negative", "tens of thousands"]
    samples = " ".join(f"{w} {v}, two-{w} a {w} and one; {w}-{v} 1,{v} an {w}" for w in vocabulary for v in ("1", "20", "x"))
    for trie, plain in ((numbers._number_pattern(), numbers._number_pattern(_plain)), (spelled.token_pattern(), spelled.token_pattern(_plain))):
        for text in [*_texts(), samples]:
            assert [(m.span(), m.lastgroup) for m in trie.finditer(text)] == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_cue_patterns_match_the_plain_patterns() -> None:
    from factcheck.attribution import cues

    verbs = cues.SPEECH + cues.ACTION
    assert all(v == v.lower() for v in verbs)  # the trie is built from lower-case forms
    plain_verb = re.compile(r"\b(?:" + "|".join(sorted(verbs, key=len, reverse=True)) + r")\b")
    guard = "(?=['\\u2019])"
    assert cues._POSSESSIVE.pattern.startswith(guard)
    plain_possessive = re.compile(cues._POSSESSIVE.pattern[len(guard):], cues._POSSESSIVE.flags)
    samples = " ".join(f"{v} {v.title()} {v}s x{v} officials' {v}" for v in verbs)
    for text in [*_texts(), samples]:
        assert _spans(cues._VERB, text) == _spans(plain_verb, text)
        assert _spans(cues._POSSESSIVE, text) == _spans(plain_possessive, text)
