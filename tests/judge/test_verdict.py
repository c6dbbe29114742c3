"""The judge's outcome: verdict, reason code and rows used; errors only on strong evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.judge.verdict import Outcome, match
from factcheck.models import Figure, Qualifier, Reason, Scope, Verdict
from factcheck.reference.index import ReferenceIndex

Q = Qualifier
DAY = dt.date(2024, 9, 1)

DATA = (
    "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
    # Sudan: IOM counts people displaced inside the country (the series of record); UNHCR counts inside and abroad
    "displaced,Sudan,people,10000000,,,2024-08-27,,IOM,https://example.org/1,inside current,yes\n"
    "displaced,Ukraine,people,6000000,,,2024-06-30,,UNHCR,https://example.org/2,both current,\n"
    # Gaza: the ministry's cumulative toll (of record), another body's estimate, a day's count
    "killed,Gaza,people,39000,,,2024-07-27,2023-10-07,Gaza Ministry of Health,https://example.org/3,all cumulative,yes\n"
    "killed,Gaza,people,40005,,,2024-08-15,2023-10-07,Gaza Ministry of Health,https://example.org/4,all cumulative,yes\n"
    "killed,Sudan,people,15000,,,2024-01-01,,UN experts,https://example.org/5,,\n"
    "killed,Sudan,people,61000,,,2024-01-01,,London School of Hygiene,https://example.org/6,,\n"
    # hostages: taken (of record) and still held
    "hostages,Israel,hostages,251,,,2024-01-01,,Israeli government,https://example.org/7,taken,yes\n"
    "hostages,Israel,hostages,101,,,2024-08-01,,Israeli government,https://example.org/8,held,yes\n"
    # civilians only
    "killed,Ukraine,civilians,11520,,,2024-07-31,2022-02-24,OHCHR,https://example.org/9,civilians cumulative,yes\n"
    # a period's count: deaths in one month
    "killed,Haiti,people,1379,,,2024-06-30,2024-06-01,BINUH,https://example.org/10,period,\n"
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ReferenceIndex:
    folder = tmp_path_factory.mktemp("defs")
    (folder / "data.csv").write_text(DATA, encoding="utf-8")
    return ReferenceIndex.load([folder])


def fig(value: float, metric: str, location: str | None, qualifier: Qualifier = Q.exact, step: float = 1000, **kw: object) -> Figure:
    return Figure(start=0, end=1, value=value, qualifier=qualifier, step=step, metric=metric, location=location, **kw)  # type: ignore[arg-type]


def judged(index: ReferenceIndex, figure: Figure, day: dt.date = DAY, known_date: bool = True) -> Outcome:
    return match(figure, index, day, known_date)


def test_planted_wider_displaced_figure_is_not_contradicted_by_a_narrower_series(index: ReferenceIndex) -> None:
    """UNHCR counts people abroad too: its 12.5 million for Sudan is never judged by IOM's count inside."""
    wider = fig(12.5e6, "displaced", "Sudan", Q.approx, 1e5, subject="people", source="UNHCR", canonical_source="UNHCR")
    outcome = judged(index, wider)
    assert outcome.verdict is not Verdict.contradicted
    assert outcome.reason is Reason.other_definition
    assert outcome.reference is not None and outcome.reference.source == "IOM"


def test_an_unattributed_figure_above_a_narrower_record_may_count_more(index: ReferenceIndex) -> None:
    above = judged(index, fig(12.5e6, "displaced", "Sudan", Q.approx, 1e5))
    assert above.verdict is Verdict.unverifiable and above.reason is Reason.other_definition
    below = judged(index, fig(5e6, "displaced", "Sudan", Q.approx, 1e6))
    assert below.verdict is Verdict.contradicted, "fewer than inside alone: wrong whatever it counts"
    assert below.reason is Reason.below_series, "but below the one row known, it may be an earlier figure: no error"


def test_refugees_are_never_judged_by_a_count_inside(index: ReferenceIndex) -> None:
    internal = judged(index, fig(10e6, "displaced", "Sudan", subject="internally displaced people", step=1e6))
    assert internal.verdict is Verdict.supported and internal.reason is Reason.fits_current


def test_own_source_or_record_series_contradicting_at_a_known_date_is_strong(index: ReferenceIndex) -> None:
    own = judged(index, fig(45000, "killed", "Gaza", Q.more_than, source="health ministry", canonical_source="Gaza Ministry of Health"))
    assert (own.verdict, own.reason) == (Verdict.contradicted, Reason.contradicted)
    assert own.current is not None and own.current.value == 40005
    unattributed = judged(index, fig(45000, "killed", "Gaza"))
    assert unattributed.reason is Reason.contradicted
    between = judged(index, fig(39500, "killed", "Gaza", step=1))
    assert between.reason is Reason.contradicted, "within the series' history and fitting no row"


def test_a_figure_below_every_row_of_its_series_is_no_error(index: ReferenceIndex) -> None:
    """An earlier figure than the data holds, or a part (a day's toll): not known to be wrong."""
    day = judged(index, fig(250, "killed", "Gaza", Q.at_least, 10, source="health ministry", canonical_source="Gaza Ministry of Health"))
    assert (day.verdict, day.reason) == (Verdict.contradicted, Reason.below_series)


def test_a_guessed_date_makes_no_contradiction_strong(index: ReferenceIndex) -> None:
    guessed = judged(index, fig(45000, "killed", "Gaza"), known_date=False)
    assert (guessed.verdict, guessed.reason) == (Verdict.contradicted, Reason.contradicted_undated)


def test_another_sources_series_only_makes_a_weak_contradiction(index: ReferenceIndex) -> None:
    other = judged(index, fig(30000, "killed", "Sudan", source="Sudan Doctors Network"))
    assert (other.verdict, other.reason) == (Verdict.contradicted, Reason.contradicted_other)
    assert other.current is not None and other.current.source in {"UN experts", "London School of Hygiene"}
    unattributed = judged(index, fig(30000, "killed", "Sudan"))
    assert unattributed.reason is Reason.contradicted_other, "neither Sudan series is of record"


def test_own_series_contradicts_and_names_the_source_whose_figure_it_is(index: ReferenceIndex) -> None:
    outcome = judged(index, fig(60000, "killed", "Sudan", Q.approx, canonical_source="UN experts", source="UN experts"))
    assert outcome.reason is Reason.contradicted
    assert outcome.other is not None and outcome.other.source == "London School of Hygiene"
    assert outcome.message.endswith("; it matches London School of Hygiene's figure (61,000 as of 2024-01-01)")


def test_supported_by_another_source_only(index: ReferenceIndex) -> None:
    outcome = judged(index, fig(61000, "killed", "Sudan", source="Reuters tally"))
    assert (outcome.verdict, outcome.reason) == (Verdict.supported, Reason.fits_other_source)
    assert outcome.reference is not None and outcome.reference.source == "London School of Hygiene"


@pytest.mark.parametrize("scope", [Scope.increment, Scope.subset, Scope.share])
def test_increment_subset_and_share_are_not_comparable_with_a_total(index: ReferenceIndex, scope: Scope) -> None:
    outcome = judged(index, fig(45, "killed", "Gaza", step=1, scope=scope))
    assert (outcome.verdict, outcome.reason) == (Verdict.unverifiable, Reason.not_comparable)
    assert outcome.reference is not None and outcome.reference.value == 40005


def test_an_increment_is_judged_by_a_period_count_of_its_period(index: ReferenceIndex) -> None:
    june = fig(1379, "killed", "Haiti", step=1, scope=Scope.increment, period_start=dt.date(2024, 6, 1))
    assert judged(index, june).verdict is Verdict.supported
    total = fig(1379, "killed", "Haiti", step=1)
    assert judged(index, total).reason is Reason.other_definition, "a total is not judged by a month's count"
    since = fig(1379, "killed", "Haiti", step=1, period_start=dt.date(2024, 6, 1))
    assert judged(index, since).verdict is Verdict.supported, "'since June 1' counts that period"


def test_hostage_counts_by_what_they_count(index: ReferenceIndex) -> None:
    held = fig(101, "hostages", "Israel", step=1, subject="hostages")
    assert judged(index, held).verdict is Verdict.supported
    fewer = judged(index, fig(59, "hostages", "Israel", step=1, subject="hostages"))
    assert fewer.verdict is not Verdict.contradicted, "59 may be those still held, or alive"
    more = judged(index, fig(300, "hostages", "Israel", step=1, subject="hostages"))
    assert more.reason is Reason.contradicted, "more than were ever taken"


def test_civilians_and_everyone_are_different_counts(index: ReferenceIndex) -> None:
    civilians = judged(index, fig(11500, "killed", "Ukraine", Q.more_than, 100, subject="civilians"))
    assert civilians.verdict is Verdict.supported
    everyone = judged(index, fig(5000, "killed", "Ukraine", subject="people"))
    assert everyone.verdict is Verdict.unverifiable


def test_no_series_and_no_row_yet(index: ReferenceIndex) -> None:
    assert judged(index, fig(5, "killed", "Chad")).reason is Reason.no_series
    early = judged(index, fig(10e6, "displaced", "Sudan", step=1e6), day=dt.date(2024, 1, 1))
    assert early.reason is Reason.no_row_yet and early.other is not None and early.other.as_of == dt.date(2024, 8, 27)


def test_outdated_names_both_rows(index: ReferenceIndex) -> None:
    outcome = judged(index, fig(39000, "killed", "Gaza"))
    assert (outcome.verdict, outcome.reason) == (Verdict.outdated, Reason.fits_earlier)
    assert outcome.reference is not None and outcome.current is not None
    assert (outcome.reference.value, outcome.current.value) == (39000, 40005)


def test_extra_refs_add_to_the_data(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text(
        "metric,location,value,as_of,source,source_url\nkilled,Chad,120,2024-05-01,Chad Red Cross,https://example.org/chad\n",
        encoding="utf-8",
    )
    both = ReferenceIndex.load(None, [tmp_path])
    bundled = ReferenceIndex.load()
    assert len(both.rows) == len(bundled.rows) + 1
    assert judged(both, fig(120, "killed", "Chad", step=1)).verdict is Verdict.supported
    only = ReferenceIndex.load([tmp_path])
    assert len(only.rows) == 1


def test_an_unreadable_figure_is_never_judged(index: ReferenceIndex) -> None:
    if "unreadable" not in Figure.model_fields:
        pytest.skip("Figure.unreadable is not in the contract yet")
    unreadable = fig(39000, "killed", "Gaza", unreadable="ambiguous-separator")
    assert (judged(index, unreadable).verdict, judged(index, unreadable).reason) == (Verdict.unverifiable, Reason.unreadable)
