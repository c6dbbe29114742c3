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
    assert (between.verdict, between.reason) == (Verdict.contradicted, Reason.below_series), (
        "between two earlier rows: the toll passed through it, so it may be an earlier figure, not a wrong one"
    )
    assert "between two of its earlier rows" in between.message


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


GROWTH = (
    "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
    # a toll that says it is a running total: 100 a day
    "killed,Sudan,people,1000,,,2024-03-01,2024-01-01,Health Ministry,https://example.org/g1,all cumulative,yes\n"
    "killed,Sudan,people,1100,,,2024-03-09,2024-01-01,Health Ministry,https://example.org/g2,all cumulative,yes\n"
    "killed,Sudan,people,1200,,,2024-03-10,2024-01-01,Health Ministry,https://example.org/g3,all cumulative,yes\n"
    # a running total with a single row; the same toll with no definition (judged as before)
    "injured,Sudan,people,300,,,2024-02-01,2024-01-01,Health Ministry,https://example.org/g4,all cumulative,yes\n"
    "injured,Haiti,people,300,,,2024-02-01,,Health Ministry,https://example.org/g5,,yes\n"
    # hostages taken: a fixed count, not a rising one
    "hostages,Israel,hostages,251,,,2023-11-01,,Israeli government,https://example.org/g6,taken cumulative,yes\n"
    # refugees from Syria and from Sudan, counted in all host countries; one host's own series
    "refugees,Syria,people,4600000,,,2016-01-01,,UNHCR,https://example.org/g7,abroad current,\n"
    "refugees,Sudan,people,2000000,,,2024-05-01,2023-04-15,UNHCR,https://example.org/g8,abroad cumulative,\n"
    "refugees,Chad,Sudanese,600000,,,2024-05-01,2023-04-15,UNHCR,https://example.org/g9,abroad cumulative,\n"
    "displaced,Gaza,people,1900000,,,2024-01-01,,UNRWA,https://example.org/g10,inside current,\n"
)
ALIASES = (
    "kind,alias,canonical\n"
    "demonym,Syrians,Syria\ndemonym,Sudanese,Sudan\ndemonym,Gazans,Gaza\n"
    "demonym,Palestinians,Gaza\ndemonym,Palestinians,Palestinian territories\n"
)


@pytest.fixture(scope="module")
def growth(tmp_path_factory: pytest.TempPathFactory) -> ReferenceIndex:
    folder = tmp_path_factory.mktemp("growth")
    (folder / "data.csv").write_text(GROWTH, encoding="utf-8")
    (folder / "aliases.csv").write_text(ALIASES, encoding="utf-8")
    return ReferenceIndex.load([folder])


def sudan(value: float, **kw: object) -> Figure:
    return fig(value, "killed", "Sudan", step=1, **kw)


def test_the_figure_of_the_day_before_publication_is_not_outdated(growth: ReferenceIndex) -> None:
    """Copy quotes the figure of the day before: the update may come out after it was written."""
    day_before = judged(growth, sudan(1100), dt.date(2024, 3, 10))
    assert (day_before.verdict, day_before.reason) == (Verdict.supported, Reason.fits_current)
    assert day_before.reference is not None and (day_before.reference.value, day_before.reference.as_of) == (1100, dt.date(2024, 3, 9))
    assert day_before.current is not None and day_before.current.value == 1200
    assert "came out within a day of publication" in day_before.message
    two_days = judged(growth, sudan(1100), dt.date(2024, 3, 11))
    assert (two_days.verdict, two_days.reason) == (Verdict.outdated, Reason.fits_earlier)
    older = judged(growth, sudan(1000), dt.date(2024, 3, 10))
    assert older.verdict is Verdict.outdated, "only a row dated within the grace is the figure of the day"


def test_the_figure_of_the_day_before_from_another_source_still_names_it(growth: ReferenceIndex) -> None:
    other = judged(growth, sudan(1100, source="Doctors' union", canonical_source="Doctors' union"), dt.date(2024, 3, 10))
    assert (other.verdict, other.reason) == (Verdict.supported, Reason.fits_other_source)


@pytest.mark.parametrize("day", [dt.date(2024, 3, 10), dt.date(2024, 3, 11)])
def test_a_toll_just_above_a_row_of_the_day_may_be_newer(growth: ReferenceIndex, day: dt.date) -> None:
    """At 100 a day, a figure within twice a day's growth above the row of the day may be the
    next update; far above it is still wrong, even the day after."""
    outcome = judged(growth, sudan(1300), day)
    assert (outcome.verdict, outcome.reason) == (Verdict.unverifiable, Reason.may_be_newer)
    assert outcome.current is not None and outcome.current.value == 1200
    assert "within 1 day of publication" in outcome.message
    far = judged(growth, sudan(5000, qualifier=Q.more_than), day)
    assert (far.verdict, far.reason) == (Verdict.contradicted, Reason.contradicted)


def test_a_toll_far_above_an_older_row_is_still_contradicted(growth: ReferenceIndex) -> None:
    """Ten days after the newest row, at 100 a day: 5,000 is beyond twice that growth."""
    outcome = judged(growth, sudan(5000, qualifier=Q.more_than), dt.date(2024, 3, 20))
    assert (outcome.verdict, outcome.reason) == (Verdict.contradicted, Reason.contradicted)
    near = judged(growth, sudan(2500, qualifier=Q.more_than), dt.date(2024, 3, 20))
    assert near.reason is Reason.may_be_newer and "at about 100 a day" in near.message


def test_a_running_total_with_one_row_has_unknown_growth(growth: ReferenceIndex) -> None:
    outcome = judged(growth, fig(900, "injured", "Sudan", step=1), dt.date(2024, 6, 1))
    assert (outcome.verdict, outcome.reason) == (Verdict.unverifiable, Reason.may_be_newer)
    assert "how fast it grows is unknown" in outcome.message
    below = judged(growth, fig(100, "injured", "Sudan", step=1), dt.date(2024, 6, 1))
    assert below.verdict is Verdict.contradicted, "below the one row: not a newer figure"


def test_a_series_that_does_not_say_it_is_cumulative_is_judged_as_before(growth: ReferenceIndex) -> None:
    outcome = judged(growth, fig(900, "injured", "Haiti", step=1), dt.date(2024, 6, 1))
    assert (outcome.verdict, outcome.reason) == (Verdict.contradicted, Reason.contradicted)


def test_hostages_taken_are_a_fixed_count_not_a_rising_one(growth: ReferenceIndex) -> None:
    outcome = judged(growth, fig(300, "hostages", "Israel", step=1, subject="hostages"), dt.date(2024, 1, 1))
    assert (outcome.verdict, outcome.reason) == (Verdict.contradicted, Reason.contradicted)


@pytest.mark.parametrize(
    ("value", "metric", "subject", "host", "home"),
    [(1.3e6, "refugees", "Syrians", "Jordan", "Syria"), (409000, "refugees", "Sudanese", "Egypt", "Sudan")],
)
def test_a_figure_in_a_host_country_is_a_part_of_the_home_count(
    growth: ReferenceIndex, value: float, metric: str, subject: str, host: str, home: str
) -> None:
    """'1.3 million Syrians in Jordan': moved to Syria by its demonym, it is a part of Syria's count."""
    outcome = judged(growth, fig(value, metric, host, Q.approx, 1000, subject=subject), dt.date(2024, 6, 1))
    assert (outcome.verdict, outcome.reason) == (Verdict.unverifiable, Reason.not_comparable)
    assert outcome.reference is not None and outcome.reference.source == "UNHCR"
    assert f"a part of {home}'s count (its people in {host})" in outcome.message


def test_the_whole_count_of_a_people_is_still_judged_where_its_demonym_places_it(growth: ReferenceIndex) -> None:
    anywhere = judged(growth, fig(4.6e6, "refugees", None, Q.approx, 100000, subject="Syrians"), dt.date(2016, 2, 1))
    assert (anywhere.verdict, anywhere.reason) == (Verdict.supported, Reason.fits_current)
    home = judged(growth, fig(4.6e6, "refugees", "Syria", Q.approx, 100000, subject="Syrians"), dt.date(2016, 2, 1))
    assert home.verdict is Verdict.supported


def test_a_host_with_a_series_of_its_own_is_judged_on_it(growth: ReferenceIndex) -> None:
    """'600,000 Sudanese who crossed into Chad': Chad's own series is about that host."""
    outcome = judged(growth, fig(600000, "refugees", "Chad", Q.approx, 1000, subject="Sudanese"), dt.date(2024, 6, 1))
    assert (outcome.verdict, outcome.reason) == (Verdict.supported, Reason.fits_current)
    assert outcome.reference is not None and outcome.reference.location == "Chad"


def test_a_place_of_the_same_people_is_no_host(growth: ReferenceIndex) -> None:
    """Gazans placed in the Palestinian territories are still Gaza's whole count."""
    outcome = judged(growth, fig(1.9e6, "displaced", "Palestinian territories", Q.approx, 100000, subject="Gazans"), dt.date(2024, 1, 15))
    assert (outcome.verdict, outcome.reason) == (Verdict.supported, Reason.fits_current)


def test_a_series_counted_from_a_date_says_nothing_long_after_it_ends(growth: ReferenceIndex) -> None:
    """"Floods have killed 800" three years on may be about a later flood: the series of an
    earlier event, ended long before, does not judge a figure that gives no period."""
    late = judged(growth, sudan(800), dt.date(2025, 3, 11))  # a year and a day after the newest row
    assert (late.verdict, late.reason) == (Verdict.unverifiable, Reason.series_ended)
    assert late.other is not None and late.other.as_of == dt.date(2024, 3, 10)
    assert "365 days" in late.message
    within = judged(growth, sudan(800), dt.date(2025, 3, 10))
    assert within.verdict is Verdict.contradicted, "within the horizon the series still judges it"
    since = judged(growth, sudan(800, period_start=dt.date(2024, 1, 1)), dt.date(2025, 3, 11))
    assert since.verdict is Verdict.contradicted, "a figure counted from the series' own date is still its count"


def test_a_stock_says_nothing_a_year_after_its_newest_row(growth: ReferenceIndex) -> None:
    def syrians(day: dt.date) -> Outcome:
        return judged(growth, fig(3_000_000, "refugees", "Syria", qualifier=Q.approx, step=100_000, subject="people"), day)

    assert syrians(dt.date(2017, 1, 2)).reason is Reason.series_ended
    assert syrians(dt.date(2016, 12, 31)).verdict is Verdict.contradicted
    hostages = judged(growth, fig(300, "hostages", "Israel", step=1, subject="hostages"), dt.date(2030, 1, 1))
    assert hostages.verdict is Verdict.contradicted, "a count taken once (no period, not a stock) never ends"


def test_a_toll_growing_in_spikes_is_given_its_fastest_recent_growth(tmp_path: Path) -> None:
    """100 a day in a week with a massacre, 20 a day since: three days on, 1,800 may be newer."""
    (tmp_path / "data.csv").write_text(
        "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
        "killed,Sudan,people,1000,,,2024-03-01,2024-01-01,Health Ministry,https://example.org/s1,all cumulative,yes\n"
        "killed,Sudan,people,1500,,,2024-03-06,2024-01-01,Health Ministry,https://example.org/s2,all cumulative,yes\n"
        "killed,Sudan,people,1540,,,2024-03-08,2024-01-01,Health Ministry,https://example.org/s3,all cumulative,yes\n",
        encoding="utf-8",
    )
    spiky = ReferenceIndex.load([tmp_path])
    outcome = judged(spiky, sudan(1800), dt.date(2024, 3, 11))
    assert (outcome.verdict, outcome.reason) == (Verdict.unverifiable, Reason.may_be_newer)
    assert "at about 100 a day" in outcome.message
    far = judged(spiky, sudan(2500), dt.date(2024, 3, 11))
    assert far.reason is Reason.contradicted, "beyond twice the fastest growth"


def test_a_figure_dated_before_publication_is_judged_as_of_its_day(growth: ReferenceIndex) -> None:
    """"The ministry said on Saturday that 1,100 had died", in copy of the following Monday:
    the figure of its day, not an outdated one."""
    monday = dt.date(2024, 3, 11)
    undated = judged(growth, sudan(1100), monday)
    assert undated.verdict is Verdict.outdated
    dated_figure = judged(growth, sudan(1100, stated=dt.date(2024, 3, 9)), monday)
    assert (dated_figure.verdict, dated_figure.reason) == (Verdict.supported, Reason.fits_current)
    later = judged(growth, sudan(1100, stated=dt.date(2024, 3, 12)), monday)
    assert later.verdict is Verdict.outdated, "a day after publication is no day to judge by"


def test_an_event_series_judges_only_figures_about_that_event(tmp_path: Path) -> None:
    """A quake's toll is not a war's: a Syrian figure that names the earthquake meets only the
    earthquake's series, and one that does not never meets it."""
    (tmp_path / "data.csv").write_text(
        "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
        "killed,Syria,people,5900,,,2023-03-01,2023-02-06,OCHA,https://example.org/e1,all cumulative earthquake,\n"
        "killed,Syria,people,350000,,,2022-09-01,2011-03-01,OHCHR,https://example.org/e2,all cumulative,\n",
        encoding="utf-8",
    )
    both = ReferenceIndex.load([tmp_path])
    day = dt.date(2023, 3, 2)
    quake = judged(both, fig(5900, "killed", "Syria", step=100, event="earthquake"), day)
    assert (quake.verdict, quake.reason) == (Verdict.supported, Reason.fits_current)
    assert quake.reference is not None and quake.reference.source == "OCHA"
    war = judged(both, fig(5900, "killed", "Syria", step=100), day)
    assert war.reference is None or war.reference.source != "OCHA", "no event named: never the quake's series"
    assert war.verdict is not Verdict.supported
    other = judged(both, fig(5900, "killed", "Syria", step=100, event="flood"), day)
    assert (other.verdict, other.reason) == (Verdict.unverifiable, Reason.other_definition)


def test_the_message_says_a_stated_figure_was_judged_as_of_its_day(growth: ReferenceIndex) -> None:
    outcome = judged(growth, sudan(1100, stated=dt.date(2024, 3, 9)), dt.date(2024, 3, 11))
    assert outcome.message.endswith("(judged as of 2024-03-09, the day the copy dates it to)")
