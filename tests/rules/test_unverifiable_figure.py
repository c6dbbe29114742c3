"""unverifiable-figure: its message for a figure in a host country, one that may be newer and one
long after its only series ended."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.judge.verdict import as_reference, match
from factcheck.models import Claim, Figure, Qualifier, Verdict
from factcheck.reference.index import ReferenceIndex
from factcheck.rules import Context, unverifiable_figure

DATA = (
    "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
    "refugees,Syria,people,4600000,,,2016-01-01,,UNHCR,https://example.org/u1,abroad current,\n"
    "injured,Sudan,people,300,,,2024-02-01,2024-01-01,Health Ministry,https://example.org/u2,all cumulative,yes\n"
    "killed,Sudan,people,1100,,,2024-03-09,2024-01-01,Health Ministry,https://example.org/u3,all cumulative,yes\n"
    "killed,Sudan,people,1200,,,2024-03-10,2024-01-01,Health Ministry,https://example.org/u4,all cumulative,yes\n"
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ReferenceIndex:
    folder = tmp_path_factory.mktemp("unverifiable")
    (folder / "data.csv").write_text(DATA, encoding="utf-8")
    (folder / "aliases.csv").write_text("kind,alias,canonical\ndemonym,Syrians,Syria\n", encoding="utf-8")
    return ReferenceIndex.load([folder])


def message(index: ReferenceIndex, text: str, day: dt.date, **kw: object) -> str | None:
    figure = Figure(start=0, end=len(text), **kw)  # type: ignore[arg-type]
    outcome = match(figure, index, day)
    claim = Claim(
        **dict(figure), id="c1", line=1, column=1, end_line=1, end_column=len(text) + 1, text=text, sentence=text,
        verdict=outcome.verdict, reason=outcome.reason, reference=as_reference(outcome.reference),
        current=as_reference(outcome.current), other=as_reference(outcome.other), message="not read",
    )
    assert claim.verdict is Verdict.unverifiable
    return unverifiable_figure.check(claim, Context(index, frozenset()))


def test_a_figure_in_a_host_country_is_named_a_part_of_the_home_count(index: ReferenceIndex) -> None:
    found = message(
        index, "1.3 million", dt.date(2016, 2, 1), value=1.3e6, qualifier=Qualifier.exact, step=1e5,
        metric="refugees", location="Jordan", subject="Syrians",
    )
    assert found == (
        "'1.3 million' counts people of Syria in Jordan, a part of Syria's count: not compared with "
        "UNHCR's 4,600,000 as of 2016-01-01; check '1.3 million' by hand"
    )


def test_a_figure_above_the_only_row_says_its_growth_is_unknown(index: ReferenceIndex) -> None:
    found = message(index, "900", dt.date(2024, 6, 1), value=900, qualifier=Qualifier.exact, step=1, metric="injured", location="Sudan")
    assert found is not None and "above the only reference row by then, and how fast the count grows is unknown" in found


def test_a_figure_above_a_row_of_the_day_may_be_newer(index: ReferenceIndex) -> None:
    found = message(index, "1,300", dt.date(2024, 3, 10), value=1300, qualifier=Qualifier.exact, step=1, metric="killed", location="Sudan")
    assert found is not None and "above the latest reference of a growing count, which may have risen since" in found


def test_a_figure_long_after_its_series_ended_may_be_about_a_later_event(index: ReferenceIndex) -> None:
    found = message(index, "800", dt.date(2025, 8, 1), value=800, qualifier=Qualifier.exact, step=1, metric="killed", location="Sudan")
    assert found == (
        "the only series for '800' end 1,200 as of 2024-03-10 (Health Ministry), more than a year before "
        "publication: the figure may be about a later event, or the count have moved; check '800' by hand"
    )
