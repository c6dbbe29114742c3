from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.match import match, supports
from factcheck.models import Figure, Qualifier, Verdict
from factcheck.refs import ReferenceIndex


def fig(value: float, qualifier: Qualifier = Qualifier.exact, step: float = 1, **kw: object) -> Figure:
    return Figure(start=0, end=1, value=value, qualifier=qualifier, step=step, **kw)  # type: ignore[arg-type]


# The tolerance table documented in the README: (figure, qualifier, step, reference, supported?)
TABLE = [
    (39000, Qualifier.exact, 1000, 39175, True),
    (39000, Qualifier.exact, 1000, 39600, False),
    (39175, Qualifier.exact, 1, 39176, False),
    (2.6e6, Qualifier.approx, 1e5, 2.625e6, True),
    (2.6e6, Qualifier.approx, 1e5, 3.09e6, False),
    (40000, Qualifier.nearly, 1000, 38983, True),
    (40000, Qualifier.nearly, 1000, 40600, False),
    (39000, Qualifier.more_than, 1000, 39175, True),
    (39000, Qualifier.more_than, 1000, 37000, False),
    (1000, Qualifier.more_than, 1000, 45000, False),
    (500, Qualifier.less_than, 100, 450, True),
    (500, Qualifier.less_than, 100, 120, False),
    (1.9e6, Qualifier.up_to, 1e5, 1.9e6, True),
    (10, Qualifier.range, 1, 12, True),
]


@pytest.mark.parametrize(("value", "qualifier", "step", "ref", "expected"), TABLE)
def test_tolerance_table(value: float, qualifier: Qualifier, step: float, ref: float, expected: bool) -> None:
    high = 15 if qualifier is Qualifier.range else None
    assert supports(fig(value, qualifier, step, high=high), ref)[0] is expected


def test_vague_quantities() -> None:
    hundreds = fig(100, Qualifier.at_least, 100, vague=True)
    assert supports(hundreds, 450)[0] and not supports(hundreds, 4500)[0] and not supports(hundreds, 50)[0]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small_index(tmp_path: Path) -> ReferenceIndex:
    write(tmp_path / "toll.csv", (
        "metric,location,subject,value,as_of,period_start,source,source_url\n"
        "killed,Gaza,Palestinians,30035,2024-02-29,2023-10-07,Gaza Ministry of Health,https://example.org/a\n"
        "killed,Gaza,Palestinians,39175,2024-07-27,2023-10-07,Gaza Ministry of Health,https://example.org/b\n"
        "killed,Gaza,Palestinians,41000,2024-08-30,2023-10-07,Gaza Ministry of Health,https://example.org/c\n"
        "killed,Israel,people,1200,2023-11-10,,Israeli government,https://example.org/d\n"
    ))
    write(tmp_path / "aliases.csv", "kind,alias,canonical\nsource,Palestinian health authorities,Gaza Ministry of Health\nsource,Israeli tallies,Israeli government\n")
    return ReferenceIndex.load([tmp_path])


def test_time_aware_current_row(small_index: ReferenceIndex) -> None:
    f = fig(39000, Qualifier.more_than, 1000, metric="killed", location="Gaza", subject="Palestinians")
    assert match(f, small_index, dt.date(2024, 7, 27)).verdict is Verdict.supported
    outdated = match(fig(30000, Qualifier.exact, 1000, metric="killed", location="Gaza"), small_index, dt.date(2024, 8, 1))
    assert outdated.verdict is Verdict.outdated
    assert "30,035 as of 2024-02-29" in outdated.message and "39,175" in outdated.message


def test_message_says_what_was_compared(small_index: ReferenceIndex) -> None:
    f = fig(39000, Qualifier.more_than, 1000, metric="killed", location="Gaza")
    assert match(f, small_index, dt.date(2024, 7, 27)).message == "39,000 (more_than) vs 39,175 as of 2024-07-27, Gaza Ministry of Health"


def test_contradicted_and_unverifiable(small_index: ReferenceIndex) -> None:
    assert match(fig(5000, metric="killed", location="Israel", step=1000), small_index, dt.date(2024, 1, 1)).verdict is Verdict.contradicted
    assert match(fig(5000, metric="killed", location="Sudan"), small_index, dt.date(2024, 1, 1)).verdict is Verdict.unverifiable
    assert match(fig(1200, metric="killed", location="Israel", step=100), small_index, dt.date(2023, 11, 1)).verdict is Verdict.unverifiable


def test_source_aware(small_index: ReferenceIndex) -> None:
    f = fig(1200, metric="killed", location="Israel", step=100, canonical_source="Israeli government")
    outcome = match(f, small_index, dt.date(2024, 1, 1))
    assert outcome.verdict is Verdict.supported and outcome.current is not None
    assert outcome.current.source == "Israeli government"


def test_period_must_match(small_index: ReferenceIndex) -> None:
    f = fig(39000, Qualifier.more_than, 1000, metric="killed", location="Gaza", period_start=dt.date(2014, 7, 8))
    assert match(f, small_index, dt.date(2024, 7, 27)).verdict is Verdict.unverifiable
