from __future__ import annotations

import pytest

from factcheck.numbers import find_numbers, words_value


@pytest.mark.parametrize(
    ("text", "surface", "value", "step"),
    [
        ("39,000 people", "39,000", 39000, 1000),
        ("39 000 people", "39 000", 39000, 1000),
        ("39,175 people", "39,175", 39175, 1),
        ("2.6 million people", "2.6 million", 2.6e6, 1e5),
        ("1.5bn", "1.5bn", 1.5e9, 1e8),
        ("$3m in aid", "$3m", 3e6, 1e6),
        ("half a million people", "half a million", 5e5, 5e5),
        ("seven memorandums", "seven", 7, 1),
        ("twenty-two years", "twenty-two", 22, 1),
        ("two hundred and fifty people", "two hundred and fifty", 250, 10),
        ("a dozen boats", "a dozen", 12, 1),
        ("12%", "12%", 12, 1),
        ("12 per cent", "12 per cent", 12, 1),
        ("3.5 percent", "3.5 percent", 3.5, 0.1),
        ("1.2 million euros", "1.2 million euros", 1.2e6, 1e5),
        ("US$40 million", "US$40 million", 4e7, 1e6),
        ("tens of thousands", "tens of thousands", 1e4, 1e4),
        ("the 10-member bloc", "10-member", 10, 1),
        ("30 members", "30", 30, 1),
    ],
)
def test_values(text: str, surface: str, value: float, step: float) -> None:
    numbers = find_numbers(text)
    assert len(numbers) == 1
    n = numbers[0]
    assert text[n.start:n.end] == surface
    assert n.value == pytest.approx(value)
    assert n.step == pytest.approx(step)


def test_currency_and_percent_markers() -> None:
    (money,) = find_numbers("a pledge of €2 billion")
    assert money.unit == "EUR"
    (pct,) = find_numbers("turnout was 61.5%")
    assert pct.percent and pct.unit is None


@pytest.mark.parametrize(
    "text",
    ["July 27, 2024", "on Oct. 7", "27 July 2024", "in the 1990s", "COP28", "F-16", "Covid-19", "Resolution 2334",
     "the 57th meeting", "at 3 p.m.", "at 10:30", "a 45-year-old man", "G7 leaders", "2024-07-27"],
)
def test_not_quantities(text: str) -> None:
    assert find_numbers(text) == []


def test_words_value() -> None:
    assert words_value("one hundred and five") == 105
    assert words_value("three thousand two hundred") == 3200
    assert words_value("a million") == 1e6
    assert words_value("banana") is None
