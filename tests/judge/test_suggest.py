"""The suggested correction: the current figure written in the article's style."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.judge.suggest import restyle, suggestion
from factcheck.judge.verdict import Outcome
from factcheck.models import Located, Qualifier, Reason, Verdict
from factcheck.reference.rows import RefRow

Q = Qualifier


def located(text: str, value: float, qualifier: Qualifier, step: float, metric: str = "killed", **kw: object) -> Located:
    return Located(
        start=0, end=len(text), value=value, qualifier=qualifier, step=step, metric=metric, id="c1", line=1, column=1,
        end_line=1, end_column=len(text) + 1, text=text, sentence=text, **kw,  # type: ignore[arg-type]
    )


def row(value: float, metric: str = "killed") -> RefRow:
    return RefRow("t.csv", 2, metric, "Gaza", "people", value, None, None, dt.date(2024, 8, 30), None, "Gaza Ministry of Health", "https://example.org")


def outcome(reason: Reason, current: RefRow) -> Outcome:
    return Outcome(Verdict.contradicted, reason, "", current, current)


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "step", "current", "expected"),
    [
        ("More than 39,000", 39000, Q.more_than, 1000, 41118, "More than 41,000"),
        ("nearly 40,000", 40000, Q.nearly, 1000, 41118, "nearly 42,000"),
        ("some 2.6 million", 2.6e6, Q.approx, 1e5, 2913000, "some 2.9 million"),
        ("at least 1,000", 1000, Q.at_least, 1000, 45000, "at least 45,000"),
        ("39000", 39000, Q.exact, 1000, 41118, "41000"),
        ("fewer than 500", 500, Q.less_than, 100, 620, "fewer than 700"),
        ("$3bn", 3e9, Q.exact, 1e9, 4.2e9, "$4bn"),
        ("40 000", 40000, Q.exact, 1000, 41118, "41 000"),
    ],
)
def test_the_current_figure_in_the_articles_style(text: str, value: float, qualifier: Qualifier, step: float, current: float, expected: str) -> None:
    figure = located(text, value, qualifier, step)
    assert suggestion(figure, outcome(Reason.contradicted, row(current)), known_date=True) == expected


def test_only_strong_findings_at_a_known_date_get_a_suggestion() -> None:
    figure = located("More than 39,000", 39000, Q.more_than, 1000)
    current = row(41118)
    assert suggestion(figure, outcome(Reason.fits_earlier, current), known_date=True) == "More than 41,000"
    assert suggestion(figure, outcome(Reason.contradicted, current), known_date=False) is None
    for weak in (Reason.contradicted_other, Reason.contradicted_undated, Reason.other_definition, Reason.fits_current):
        assert suggestion(figure, outcome(weak, current), known_date=True) is None


def test_no_suggestion_for_ranges_vague_or_word_numbers() -> None:
    current = row(41118)
    assert suggestion(located("between 30,000 and 35,000", 30000, Q.range, 1000, high=35000), outcome(Reason.contradicted, current), True) is None
    assert suggestion(located("thousands", 1000, Q.at_least, 1000, vague=True), outcome(Reason.contradicted, current), True) is None
    assert suggestion(located("forty thousand", 40000, Q.exact, 1000), outcome(Reason.contradicted, current), True) is None


def test_years_and_members_keep_their_form() -> None:
    assert restyle("1962", 1960, 1, "years") == "1960"
    assert restyle("31", 32, 1, "members") == "32"
    assert restyle("1.2m", 1.5e6, 1e5, "displaced") == "1.5m"
