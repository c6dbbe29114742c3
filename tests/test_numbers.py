from __future__ import annotations

import pytest

from factcheck.extract.quantity import find_numbers, words_value


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
        ("a five-point plan", "five-point", 5, 1),
        ("a 200,000-square-metre plant", "200,000-square-metre", 2e5, 1e5),
        ("30 members", "30", 30, 1),
        ("12 percent of voters", "12 percent", 12, 1),
        ("twenty-two years", "twenty-two", 22, 1),
        ("€2.5bn", "€2.5bn", 2.5e9, 1e8),
        ("some 7 million people", "7 million", 7e6, 1e6),
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
     "the 57th meeting", "at 3 p.m.", "at 10:30", "a 45-year-old man", "G7 leaders", "2024-07-27",
     "by 1530 GMT", "call (02) 8911-1406", "the 2023-24 season", "the 1981-2010 average", "the Boeing 737 MAX 9",
     "the bill, H.R. 815", "a Boeing 737-8", "Group of Seven", "on page 34", "Sheikh Hasina, 76, who",
     "Min Aung Hlaing, 67, extended", "men aged between 20 and 40", "children under five", "aged 12"],
)
def test_not_quantities(text: str) -> None:
    assert [text[n.start:n.end] for n in find_numbers(text)] == []


def test_codes_are_case_sensitive() -> None:
    """'An 26' is an aircraft, 'an 11-member bloc' a figure."""
    assert find_numbers("an An 26 crashed") == []
    (n,) = find_numbers("an 11-member bloc")
    assert (n.value, n.compound) == (11, "member")


def test_hyphenated_range_yields_both_ends() -> None:
    text = "adding 10-14 days"
    assert [text[n.start:n.end] for n in find_numbers(text)] == ["10", "14"]


def test_thousands_separators_are_not_years() -> None:
    (n,) = find_numbers("killed over 2,000 people")
    assert n.value == 2000 and n.step == 1000


def test_words_value() -> None:
    assert words_value("one hundred and five") == 105
    assert words_value("three thousand two hundred") == 3200
    assert words_value("a million") == 1e6
    assert words_value("banana") is None
