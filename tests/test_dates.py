"""Time expressions: publication dates and the start of cumulative periods."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.period import period_start
from factcheck.language.dates import resolve
from factcheck.pipeline import Checker, check

BASE = dt.date(2024, 1, 3)  # a Wednesday


@pytest.mark.parametrize(
    ("after", "start"),
    [
        (" killed since Oct. 7", dt.date(2023, 10, 7)),
        (" displaced since the war began in October 2023", dt.date(2023, 10, 1)),
        (" displaced since fighting erupted in April 2023", dt.date(2023, 4, 1)),
        (" arrested since seizing power on Feb. 1, 2021", dt.date(2021, 2, 1)),
        (" captured since launching a cross-border incursion on Aug. 6", dt.date(2023, 8, 6)),
        (" died since January", dt.date(2024, 1, 1)),
        (" disrupted since December", dt.date(2023, 12, 1)),
        (" recorded since Monday", dt.date(2024, 1, 1)),
        (" died since 2021", dt.date(2021, 1, 1)),
        (" burned so far this year", dt.date(2024, 1, 1)),
        (" arrived since the start of the year", dt.date(2024, 1, 1)),
        (" plagued by violence since the 1990s", None),
        (" cancelled since the grounding", None),
        (" killed in the war", None),
        # the start of a span the count is over
        (" were killed between March 1 and Aug. 15, the UN said", dt.date(2023, 3, 1)),
        (" died from 2019 to 2021", dt.date(2019, 1, 1)),
        (" were kidnapped in the first six months of the year", dt.date(2024, 1, 1)),
        (" died in the first two weeks of December", dt.date(2023, 12, 1)),
        (" were killed between them", None),
        (" came from the start", None),
    ],
)
def test_period_start(after: str, start: dt.date | None) -> None:
    assert period_start(after, BASE) == start


def test_a_leading_span_covers_the_sentence() -> None:
    assert period_start(" people were killed.", BASE, "From January to March 15, 531") == dt.date(2024, 1, 1)
    assert period_start(" people were killed.", BASE, "From the capital, 531") is None


def test_a_leading_since_covers_the_sentence() -> None:
    assert period_start(" people have been killed.", BASE, "Since Oct. 7, more than 600") == dt.date(2023, 10, 7)
    assert period_start(" people were killed.", BASE, "In the war, more than 600") is None


def test_resolve_relative_expressions() -> None:
    assert resolve("22 years ago", dt.date(2023, 12, 4)).year == 2001
    assert resolve("Oct. 7", dt.date(2024, 7, 27)) == dt.date(2023, 10, 7)  # the past one


def test_figures_listed_after_one_counted_over_a_period_share_it(checker: Checker) -> None:
    text = ("More than 2,000 people were killed between Jan. 1 and June 30, more than 900 were kidnapped "
            "and another 800 were injured, the UN said. Separately, 45 people died overnight.")
    claims = {c.text: c for c in check(text, published=dt.date(2023, 7, 5), checker=checker).claims}
    assert claims["More than 2,000"].period_start == dt.date(2023, 1, 1)
    assert claims["more than 900"].period_start == dt.date(2023, 1, 1)
    assert claims["800"].period_start == dt.date(2023, 1, 1)
    assert claims["45"].period_start is None, "another sentence"
    listed = check("Strikes have killed 37,000 people since Oct. 7, and 45 died overnight.", published=dt.date(2024, 6, 1), checker=checker).claims
    assert listed[1].period_start is None and listed[1].scope.value == "increment", "a day's count keeps its own scope"
