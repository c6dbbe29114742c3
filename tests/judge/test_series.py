"""Which series a figure may meet: where it is placed (its place, or its people's home)."""

from __future__ import annotations

import pytest

from factcheck.judge.series import GRACE, Placement, about, placement, series_for, subject_fits
from factcheck.models import Figure, Qualifier
from factcheck.reference.aliases import Aliases
from factcheck.reference.index import ReferenceIndex

DATA = (
    "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
    "refugees,Syria,people,4600000,,,2016-01-01,,UNHCR,https://example.org/s1,abroad current,\n"
    "refugees,Lebanon,Syrians,1000000,,,2016-01-01,,UNHCR,https://example.org/s2,abroad current,\n"
)
ALIASES = "kind,alias,canonical\ndemonym,Syrians,Syria\ndemonym,Kurds,Syria\ndemonym,Kurds,Iraq\nlocation,Hashemite Kingdom,Jordan\n"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ReferenceIndex:
    folder = tmp_path_factory.mktemp("places")
    (folder / "data.csv").write_text(DATA, encoding="utf-8")
    (folder / "aliases.csv").write_text(ALIASES, encoding="utf-8")
    return ReferenceIndex.load([folder])


def refugees(location: str | None, subject: str) -> Figure:
    return Figure(start=0, end=1, value=1e6, qualifier=Qualifier.approx, step=1e5, metric="refugees", location=location, subject=subject)


def test_grace_is_one_day() -> None:
    assert GRACE.days == 1


def test_a_people_named_in_a_host_country_is_moved_home_with_the_host_kept(index: ReferenceIndex) -> None:
    assert placement(refugees("Hashemite Kingdom", "Syrians"), index) == Placement("Syria", "Jordan")
    assert placement(refugees(None, "Syrians"), index) == Placement("Syria", None), "no place named: the whole count"
    assert placement(refugees("Syria", "Syrians"), index) == Placement("Syria", None)


def test_a_host_with_series_of_its_own_keeps_the_figure(index: ReferenceIndex) -> None:
    figure = refugees("Lebanon", "Syrians")
    assert placement(figure, index) == Placement("Lebanon", None)
    assert [k[1] for k in series_for(figure, index)] == ["Lebanon"]


def test_a_people_of_several_places_is_not_moved(index: ReferenceIndex) -> None:
    assert placement(refugees("Turkey", "Kurds"), index) == Placement("Turkey", None)


def test_a_series_subject_may_name_the_host() -> None:
    aliases = Aliases()
    aliases.add("location", "Tchad", "Chad")
    assert about("Sudanese refugees in Chad", "Chad", aliases)
    assert about("Tchad", "Chad", aliases)
    assert not about("Sudanese refugees", "Chad", aliases)
    assert not about("Chadian-born", "Chad", aliases), "a whole word only"


def test_a_people_named_with_or_without_the_metric_noun_is_one_subject() -> None:
    aliases = Aliases()
    assert subject_fits("Sudanese refugees", "Sudanese", "refugees", "Chad", aliases)
    assert subject_fits("Sudanese refugees", "Sudanese refugee", "refugees", "Chad", aliases)
    assert not subject_fits("Sudanese refugees", "Syrians", "refugees", "Chad", aliases)
    assert not subject_fits("Sudanese refugees", "refugees", "refugees", "Chad", aliases), "all refugees are more than the Sudanese"
