"""The kind of event a figure's copy names (extract/event.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.event import _kinds
from factcheck.pipeline import Checker, check
from factcheck.reference.definition import DIMENSIONS

PUBLISHED = dt.date(2024, 6, 5)


def event(checker: Checker, text: str, figure: str) -> str | None:
    claims = check(text, published=PUBLISHED, checker=checker).claims
    return next(c.event for c in claims if c.text.endswith(figure))


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("The earthquake has killed more than 2,000 people, officials said.", "2,000", "earthquake"),
        ("A storm burst two dams. More than 2,300 people have died in the city.", "2,300", "flood"),
        ("Cyclone Idai tore through the port.\\n\\nRescuers said 300 people had died.", "300", "flood"),
        ("Cholera has killed 1,500 people since April, the WHO said.", "1,500", "epidemic"),
        ("Pagers exploded across the country. At least 12 people were killed.", "12", "blasts"),
        ("Israeli strikes have killed 37,000 people in Gaza, the ministry said.", "37,000", None),
        ("Fighting has raged since the outbreak of war. Some 15,000 people have died.", "15,000", None),
    ],
)
def test_event(checker: Checker, text: str, figure: str, kind: str | None) -> None:
    assert event(checker, text.replace("\\n", "\n"), figure) == kind


def test_every_kind_is_a_definition_token() -> None:
    assert set(_kinds()[0].values()) <= set(DIMENSIONS["event"])
