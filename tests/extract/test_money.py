"""Aid or money: what a sum of money is (extract/money.py; tests/corpus/README.md, "Metric")."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.money import kind_of
from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 6, 1)


def metrics(checker: Checker, text: str) -> list[tuple[str, str]]:
    return [(c.text, c.metric) for c in check(text, published=PUBLISHED, checker=checker).claims]


@pytest.mark.parametrize(
    ("sentence", "figure", "metric"),
    [
        # given, promised or lent to a country, people or cause
        ("Norway pledged $40m to the relief fund.", "$40m", "aid"),
        ("The bank agreed to lend Ghana $1.2 billion.", "$1.2 billion", "aid"),
        ("Japan will give Manila $300 million over two years.", "$300 million", "aid"),
        ("The World Bank approved a $700m loan for Nepal on Friday.", "$700m", "aid"),
        ("Kenya secured a $1 billion credit line from the IMF.", "$1 billion", "aid"),
        ("The bloc unveiled an EUR 3 billion package for Jordan.", "EUR 3 billion", "aid"),
        ("The package includes 2 billion euros in concessional loans.", "2 billion euros", "aid"),
        ("The largest single donation, $45 million, came from Qatar.", "$45 million", "aid"),
        ("Ministers blocked relief worth 6 billion euros for Moldova.", "6 billion euros", "aid"),
        ("Rich nations have promised $900 million to the flood victims.", "$900 million", "aid"),
        ("The agency appealed for $2.5 billion to feed 8 million people.", "$2.5 billion", "aid"),
        # every other sum
        ("The firm took out a $2.9bn loan to buy the mine.", "$2.9bn", "money"),
        ("The country needs $12 billion in external financing next year.", "$12 billion", "money"),
        ("The floods caused $3 billion in damage to roads.", "$3 billion", "money"),
        ("Investors pledged to invest $4 billion in the port.", "$4 billion", "money"),
        ("The government set aside $90 million for flood defences.", "$90 million", "money"),
        ("Exports rose to $14 billion last year.", "$14 billion", "money"),
        ("The takeover is worth $5 billion.", "$5 billion", "money"),
        ("The minister announced 12 billion pounds of tax rises.", "12 billion pounds", "money"),
        ("Its foreign debt stands at $61 billion.", "$61 billion", "money"),
    ],
)
def test_aid_or_money(checker: Checker, sentence: str, figure: str, metric: str) -> None:
    found = dict(metrics(checker, sentence))
    assert found[figure] == metric


def test_a_conversion_in_brackets_counts_what_the_sum_it_converts_counts(checker: Checker) -> None:
    found = metrics(checker, "Beijing offered 5 billion yuan ($690 million) in food aid.")
    assert found == [("5 billion yuan", "aid"), ("$690 million", "aid")]
    found = metrics(checker, "The city set aside 9 billion rupees ($108 million) for the stadium.")
    assert found == [("9 billion rupees", "money"), ("$108 million", "money")]


def test_a_sum_continues_the_account_of_the_package_before_it_in_the_paragraph(checker: Checker) -> None:
    text = "Berlin promised $800 million to Iraq on Monday. The first $300 million will come as credit lines."
    assert metrics(checker, text) == [("$800 million", "aid"), ("$300 million", "aid")]
    text = "Berlin promised $800 million to Iraq on Monday.\n\nThe first $300 million will come as credit lines."
    assert metrics(checker, text) == [("$800 million", "aid"), ("$300 million", "money")]


def test_kinds_of_sums() -> None:
    assert [kind_of(w) for w in ("grants", "Budget", "loan", "trucks")] == ["aid", "money", "loan", None]
