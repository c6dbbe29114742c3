"""The day a figure was given, when the copy dates it before publication (extract/stated.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 6, 5)  # a Wednesday


def stated(checker: Checker, text: str, figure: str) -> dt.date | None:
    claims = check(text, published=PUBLISHED, checker=checker).claims
    return next(c.stated for c in claims if c.text.endswith(figure))


@pytest.mark.parametrize(
    ("text", "figure", "day"),
    [
        # a reporting verb or a measure's verb dated before publication
        ("The ministry said on Sunday that 20,674 people had been killed.", "20,674", dt.date(2024, 6, 2)),
        ("On Saturday the disaster authority put the death toll at about 100.", "100", dt.date(2024, 6, 1)),
        ("The death toll rose to 569 on Monday, officials said.", "569", dt.date(2024, 6, 3)),
        ("The agency said on May 28 that 1.7 million people had fled.", "1.7 million", dt.date(2024, 5, 28)),
        # the day before publication is a day before; the day of publication is the copy's own
        ("The ministry said on Tuesday that 20,674 people had been killed.", "20,674", dt.date(2024, 6, 4)),
        ("The ministry said on Wednesday that 20,674 people had been killed.", "20,674", None),
        # the day of the event counted, not of the figure
        ("About 1,200 people were killed on Oct. 7, officials said.", "1,200", None),
        ("Shelling killed 14 people on Saturday, the governor said.", "14", None),
    ],
)
def test_stated_day(checker: Checker, text: str, figure: str, day: dt.date | None) -> None:
    assert stated(checker, text, figure) == day
