"""The number grammar: every way copy writes a value (our own sentences, not the suites')."""

from __future__ import annotations

import pytest

from factcheck.extract.quantity import find_numbers, words_value


def one(text: str) -> tuple[str, float]:
    numbers = find_numbers(text)
    assert len(numbers) == 1, [(text[n.start:n.end], n.value) for n in numbers]
    n = numbers[0]
    return text[n.start:n.end], n.value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("sixty - four families", "sixty - four", 64),
        ("sixty   four families", "sixty   four", 64),
        ("Four hundred  and  twelve tents", "Four hundred  and  twelve", 412),
        ("three  thousand  and  five hundred homes", "three  thousand  and  five hundred", 3500),
        ("seventy-five hundred troops", "seventy-five hundred", 7500),
        ("half a billion dollars", "half a billion dollars", 5e8),
        ("a quarter million voters", "a quarter million", 2.5e5),
        ("quarter million voters", "quarter million", 2.5e5),
        ("a half million voters", "a half million", 5e5),
        ("four and a half million people", "four and a half million", 4.5e6),
        ("2 million and a half people", "2 million and a half", 2.5e6),
        ("two billion and a quarter", "two billion and a quarter", 2.25e9),
        ("three-quarters of a million tonnes", "three-quarters of a million", 7.5e5),
        ("one and a half tonnes", "one and a half", 1.5),
        ("half a dozen boats", "half a dozen", 6),
        ("four dozen eggs", "four dozen", 48),
        ("7 dozen eggs", "7 dozen", 84),
        ("3½ million", "3½ million", 3.5e6),
        ("4 3/4 tonnes", "4 3/4", 4.75),
        ("an 80k budget", "80k", 8e4),
        ("a 4.5bn loan", "4.5bn", 4.5e9),
        ("a 7mn grant", "7mn", 7e6),
        ("3mil SEK", "3mil", 3e6),
        ("US$ 5MM", "US$ 5MM", 5e6),
        ("12 lakh rupees", "12 lakh rupees", 1.2e6),
        ("2 crore rupees", "2 crore rupees", 2e7),
        ("five lakh crore", "five lakh crore", 5e12),
        ("7 hundred and 45 yuan", "7 hundred and 45 yuan", 745),
        ("3,50,000 rupees", "3,50,000 rupees", 350000),
        ("45'000 Franken", "45'000", 45000),
        ("6 250 000 inhabitants", "6 250 000", 6250000),
        ("temperatures of -7 overnight", "-7", -7),
        ("temperatures of minus 7 overnight", "minus 7", -7),
        ("negative two percent growth", "negative two percent", -2),
        ("an interest rate of .25", ".25", 0.25),
        ("6.2\nmillion people", "6.2\nmillion", 6.2e6),
    ],
)
def test_values(text: str, surface: str, value: float) -> None:
    got_surface, got_value = one(text)
    assert got_surface == surface
    assert got_value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("a third of the vote", "a third", 1 / 3),
        ("two-thirds of the members", "two-thirds", 2 / 3),
        ("three fifths of the budget", "three fifths", 0.6),
        ("a quarter of homes", "a quarter", 0.25),
        ("nearly half the population", "half", 0.5),
        ("half of the staff", "half", 0.5),
        ("one in four adults", "one in four", 0.25),
        ("1 in 8 children", "1 in 8", 0.125),
        ("seven out of ten households", "seven out of ten", 0.7),
        ("one in a thousand births", "one in a thousand", 0.001),
        ("⅓ of the land", "⅓", 1 / 3),
        ("about 2/3 of the land", "2/3", 2 / 3),
    ],
)
def test_shares_are_fractions(text: str, surface: str, value: float) -> None:
    (n,) = find_numbers(text)
    assert (text[n.start:n.end], n.share) == (surface, True)
    assert n.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["for a third term", "in the first half of the year", "in the second quarter", "an hour and a half later",
     "a half-brother", "the third quarter", "in the previous quarter", "a quarter century"],
)
def test_ordinals_and_periods_are_not_shares(text: str) -> None:
    assert [n for n in find_numbers(text) if n.share] == []


def test_a_point_is_not_a_share() -> None:
    (n,) = find_numbers("two-tenths of a percentage point faster")
    assert n.value == pytest.approx(0.2) and n.percent and not n.share


@pytest.mark.parametrize(
    "text",
    ["million", "thousands of" if False else "hundred", "the two three", "the 2024-25 season", "the 80s", "a 12-year-old boy",
     "a magnitude 5.8 quake", "a 6.4-magnitude earthquake", "a 5.1 tremor", "call 212-555-0188", "lives at 14 Harbour Road",
     "the M23 rebels", "the G20 summit", "COVID-19 wards", "Resolution 1701", "at 6 a.m.", "on 12 May 2024", "the 31st day"],
)
def test_not_quantities(text: str) -> None:
    assert [text[n.start:n.end] for n in find_numbers(text) if n.value not in (2, 3)] == []


@pytest.mark.parametrize(
    ("text", "surface", "why"),
    [
        ("about 48.000 people", "48.000", "ambiguous-separator"),
        ("4,5 percent of voters and 2.25% of others", "4,5", "ambiguous-separator"),
        ("a toll of 52,\n000 people", "52,\n000", "split"),
        ("a toll of 52,OOO people", "52,OOO", "homoglyph"),
        ("a toll of 1O0 people", "1O0", "homoglyph"),
    ],
)
def test_unreadable(text: str, surface: str, why: str) -> None:
    found = [(text[n.start:n.end], n.unreadable) for n in find_numbers(text) if n.unreadable]
    assert found == [(surface, why)]


def test_the_document_decides_the_convention() -> None:
    text = "Die Zahl stieg auf 1.250.000, also 48.000 mehr, ein Plus von 3,8 Prozent."
    values = [n.value for n in find_numbers(text)]
    assert values == [1250000, 48000, 3.8]
    assert all(n.unreadable is None for n in find_numbers(text))


def test_a_lone_decimal_comma_is_read_as_such() -> None:
    assert one("The rate was 2,5 percent.") == ("2,5 percent", 2.5)


def test_words_value() -> None:
    assert words_value("one hundred and five") == 105
    assert words_value("two thousand and two hundred") == 2200
    assert words_value("a million") == 1e6
    assert words_value("million") is None
    assert words_value("banana") is None
