"""Helpers for the attribution tests: the sources the library gives each figure of a text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from factcheck.models import Claim
from factcheck.pipeline import Checker, check

PUBLISHED = dt.date(2024, 5, 1)


def claims(checker: Checker, text: str) -> list[Claim]:
    return check(text, published=PUBLISHED, checker=checker).claims


@pytest.fixture
def sources(checker: Checker) -> Callable[[str], list[tuple[str, str | None]]]:
    """text -> [(figure as written, source)] through ``factcheck.check``."""

    def run(text: str) -> list[tuple[str, str | None]]:
        return [(c.text, c.source) for c in claims(checker, text)]

    return run


@pytest.fixture
def claims_of(checker: Checker) -> Callable[[str], list[Claim]]:
    def run(text: str) -> list[Claim]:
        return claims(checker, text)

    return run
