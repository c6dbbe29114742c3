from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.judge.series import candidate_series, same_source, subject_fits
from factcheck.judge.tolerance import accepted, supports
from factcheck.judge.verdict import match
from factcheck.models import Figure, Qualifier, Reason, Verdict
from factcheck.reference.aliases import Aliases
from factcheck.reference.index import ReferenceIndex

Q = Qualifier


def fig(value: float, qualifier: Qualifier = Q.exact, step: float = 1, **kw: object) -> Figure:
    return Figure(start=0, end=1, value=value, qualifier=qualifier, step=step, **kw)  # type: ignore[arg-type]


# Every example of the README table "How a figure is judged":
# (figure, qualifier, step, high, vague, reference, supported?)
TABLE = [
    (39000, Q.exact, 1000, None, False, 39175, True),
    (39000, Q.exact, 1000, None, False, 39600, False),
    (39175, Q.exact, 1, None, False, 39176, False),
    (12, Q.exact, 1, None, False, 12, True),
    (2.6e6, Q.approx, 1e5, None, False, 2.625e6, True),
    (2.6e6, Q.approx, 1e5, None, False, 3.0937e6, False),
    (40000, Q.nearly, 1000, None, False, 38983, True),
    (40000, Q.nearly, 1000, None, False, 40600, False),
    (40000, Q.nearly, 1000, None, False, 35000, False),
    (39000, Q.more_than, 1000, None, False, 39175, True),
    (39000, Q.more_than, 1000, None, False, 38983, True),
    (39000, Q.more_than, 1000, None, False, 37000, False),
    (1000, Q.more_than, 1000, None, False, 45000, False),
    (15000, Q.at_least, 1000, None, False, 15000, True),
    (15000, Q.at_least, 1000, None, False, 14990, False),
    (500, Q.less_than, 100, None, False, 450, True),
    (500, Q.less_than, 100, None, False, 120, False),
    (500, Q.at_most, 100, None, False, 500, True),
    (500, Q.at_most, 100, None, False, 501, False),
    (1.9e6, Q.up_to, 1e5, None, False, 1.9e6, True),
    (1.9e6, Q.up_to, 1e5, None, False, 7e5, False),
    (10, Q.range, 1, 15, False, 12, True),
    (10, Q.range, 1, 15, False, 16, False),
    (100, Q.at_least, 100, None, True, 450, True),
    (100, Q.at_least, 100, None, True, 4500, False),
    (100, Q.at_least, 100, None, True, 50, False),
]


@pytest.mark.parametrize(("value", "qualifier", "step", "high", "vague", "ref", "expected"), TABLE)
def test_tolerance_table(value: float, qualifier: Qualifier, step: float, high: float | None, vague: bool, ref: float, expected: bool) -> None:
    assert supports(fig(value, qualifier, step, high=high, vague=vague), ref)[0] is expected


def test_reasons_say_which_way_it_is_wrong() -> None:
    assert supports(fig(1000, Q.more_than, 1000), 45000) == (False, "it understates the reference")
    assert supports(fig(45000, Q.more_than, 1000), 39175) == (False, "the reference is below that")
    assert supports(fig(10000, Q.at_most, 1000), 38983) == (False, "the reference is above that")
    assert supports(fig(500, Q.less_than, 100), 120) == (False, "the figure is too high a limit for the reference")


def test_reference_ranges_and_limits_are_intervals() -> None:
    up_to = (950_000, 1_900_000)  # a row "up to 1.9 million": high only
    assert supports(fig(1.7e6, Q.exact, 1e5), up_to)[0]
    assert supports(fig(1.9e6, Q.approx, 1e5), up_to)[0]
    assert not supports(fig(2.2e6, Q.more_than, 1e5), up_to)[0]
    assert supports(fig(12000, Q.exact, 1000), (10000, 20000))[0]
    assert not supports(fig(25000, Q.exact, 1000), (10000, 20000))[0]
    assert accepted(fig(39000, Q.more_than, 1000)) == (38500, 48750)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small_index(tmp_path: Path) -> ReferenceIndex:
    write(tmp_path / "toll.csv", (
        "metric,location,subject,value,low,high,as_of,period_start,source,source_url,record\n"
        "killed,Gaza,Palestinians,30035,,,2024-02-29,2023-10-07,Gaza Ministry of Health,https://example.org/a,yes\n"
        "killed,Gaza,Palestinians,38983,,,2024-07-21,2023-10-07,Gaza Ministry of Health,https://example.org/b,yes\n"
        "killed,Gaza,Palestinians,39175,,,2024-07-27,2023-10-07,Gaza Ministry of Health,https://example.org/c,yes\n"
        "killed,Gaza,Palestinians,41000,,,2024-08-30,2023-10-07,Gaza Ministry of Health,https://example.org/d,yes\n"
        "killed,Israel,people,1400,,,2023-10-15,,Israeli government,https://example.org/e,yes\n"
        "killed,Israel,people,1200,,,2023-11-10,,Israeli government,https://example.org/f,yes\n"
        "hostages,Israel,hostages,251,,,2024-01-01,,Israeli government,https://example.org/g,\n"
        "displaced,Gaza,people,1900000,,1900000,2023-12-09,2023-10-07,UNRWA,https://example.org/h,\n"
        "displaced,Sudan,people,6720136,,,2024-04-17,2023-04-15,IOM,https://example.org/i,\n"
        "displaced,Sudan,people,10834382,,,2024-08-27,,IOM,https://example.org/j,\n"
        "members,,NATO,31,,,2023-04-04,,NATO,https://example.org/k,yes\n"
        "members,,NATO,32,,,2024-03-07,,NATO,https://example.org/l,yes\n"
    ))
    write(tmp_path / "aliases.csv", "kind,alias,canonical\nsource,Palestinian health authorities,Gaza Ministry of Health\n")
    return ReferenceIndex.load([tmp_path])


def gaza(value: float, qualifier: Qualifier = Q.exact, step: float = 1000, **kw: object) -> Figure:
    return fig(value, qualifier, step, **{"metric": "killed", "location": "Gaza", "subject": "Palestinians", **kw})


def test_time_aware_current_row(small_index: ReferenceIndex) -> None:
    assert match(gaza(39000, Q.more_than), small_index, dt.date(2024, 7, 27)).verdict is Verdict.supported
    outdated = match(gaza(30000), small_index, dt.date(2024, 8, 1))
    assert outdated.verdict is Verdict.outdated
    assert outdated.message == (
        "30,000 (exact) vs 39,175 as of 2024-07-27, Gaza Ministry of Health: outdated, it matches 30,035 as of "
        "2024-02-29; the figure current then was 39,175"
    )
    assert outdated.reference is not None and outdated.reference.value == 30035
    assert outdated.current is not None and outdated.current.value == 39175


def test_message_says_what_was_compared(small_index: ReferenceIndex) -> None:
    f = gaza(39000, Q.more_than, source="Palestinian health authorities", canonical_source="Gaza Ministry of Health")
    assert match(f, small_index, dt.date(2024, 7, 27)).message == "39,000 (more than) vs 39,175 as of 2024-07-27, Gaza Ministry of Health"


def test_contradicted_says_why(small_index: ReferenceIndex) -> None:
    understated = match(gaza(1000, Q.more_than), small_index, dt.date(2024, 7, 27))
    assert understated.verdict is Verdict.contradicted and "it understates the reference" in understated.message
    assert understated.reason is Reason.below_series, "lower than every row: literally true, an earlier figure or a part"
    overstated = match(gaza(45000, Q.more_than), small_index, dt.date(2024, 7, 27))
    assert overstated.reason is Reason.contradicted and overstated.message.endswith("the reference is below that")
    assert match(fig(5000, metric="killed", location="Israel", step=1000), small_index, dt.date(2024, 1, 1)).verdict is Verdict.contradicted


def test_unverifiable_names_the_gap(small_index: ReferenceIndex) -> None:
    assert match(fig(5000, metric="killed", location="Sudan"), small_index, dt.date(2024, 1, 1)).message == "no reference series covers this figure"
    early = match(fig(1200, metric="killed", location="Israel", step=100), small_index, dt.date(2023, 10, 1))
    assert early.verdict is Verdict.unverifiable
    assert early.message == "no reference row on or before 2023-10-01: the earliest is 1,400 as of 2023-10-15, Israeli government"


def test_a_figure_newer_than_the_data_is_unverifiable_not_wrong(small_index: ReferenceIndex) -> None:
    newer = match(gaza(39300, step=1), small_index, dt.date(2024, 7, 30))
    assert newer.verdict is Verdict.unverifiable and "may be newer than the data" in newer.message
    assert match(gaza(45000, Q.more_than), small_index, dt.date(2024, 7, 30)).verdict is Verdict.contradicted
    assert match(gaza(39300, step=1), small_index, dt.date(2024, 7, 27)).verdict is Verdict.contradicted


def test_source_aware(small_index: ReferenceIndex) -> None:
    f = fig(1200, metric="killed", location="Israel", step=100, source="Israeli officials", canonical_source="Israeli government")
    outcome = match(f, small_index, dt.date(2024, 1, 1))
    assert outcome.verdict is Verdict.supported and outcome.current is not None and outcome.current.source == "Israeli government"
    other = match(gaza(39000, Q.more_than, source="UN refugee agency", canonical_source="UNHCR"), small_index, dt.date(2024, 7, 27))
    assert other.verdict is Verdict.supported and other.reference is not None and other.reference.source == "Gaza Ministry of Health"


def test_own_series_decides_and_the_message_names_whose_figure_it_is(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", (
        "metric,location,subject,value,as_of,source,source_url\n"
        "killed,Sudan,people,15000,2024-01-01,UN experts,https://example.org/a\n"
        "killed,Sudan,people,61000,2024-01-01,London School of Hygiene,https://example.org/b\n"
    ))
    index = ReferenceIndex.load([tmp_path])
    outcome = match(fig(60000, Q.approx, 1000, metric="killed", location="Sudan", canonical_source="UN experts"), index, dt.date(2024, 2, 1))
    assert outcome.verdict is Verdict.contradicted
    assert outcome.message.endswith("; it matches London School of Hygiene's figure (61,000 as of 2024-01-01)")


def test_same_source() -> None:
    aliases = Aliases()
    aliases.add("source", "IDF", "Israeli government")
    assert same_source("IDF", "Israeli government", aliases)
    assert same_source("Sudan's health ministry", "Health Ministry of Sudan")
    assert not same_source("UN", "UN Security Council")
    assert not same_source(None, "UNHCR")


@pytest.mark.parametrize(
    ("row", "subject", "metric", "place", "expected"),
    [
        ("people", "people", "killed", "Gaza", True),
        ("Palestinians", "people", "killed", "Gaza", True),
        ("people", "Palestinians", "killed", "Gaza", True),
        ("Palestinians", "Gazans", "killed", "Gaza", True),
        ("people", "Palestinians", "killed", "Sudan", False),
        ("people", "children", "killed", "Gaza", False),
        ("Palestinians", "civilians", "killed", "Gaza", False),
        ("children", "children", "killed", "Gaza", True),
        ("hostages", "people", "hostages", "Israel", True),
        ("hostages", "captives", "hostages", "Israel", True),
        ("hostages", "Americans", "hostages", "Israel", False),
        ("people", None, "displaced", "Sudan", True),
        ("NATO", "NATO", "members", None, True),
        ("NATO", "EU", "members", None, False),
        ("NATO", None, "members", None, False),
    ],
)
def test_subject_matching(row: str, subject: str | None, metric: str, place: str | None, expected: bool) -> None:
    aliases = Aliases()
    aliases.add("metric", "captives", "hostages")
    for group, where in (("Palestinians", "Gaza"), ("Palestinians", "West Bank"), ("Gazans", "Gaza")):
        aliases.add("demonym", group, where)
    assert subject_fits(row, subject, metric, place, aliases) is expected


def test_subjects_through_the_index(small_index: ReferenceIndex) -> None:
    people = fig(250, Q.approx, 10, metric="hostages", location="Israel", subject="people")
    assert match(people, small_index, dt.date(2024, 7, 27)).verdict is Verdict.supported
    children = gaza(15000, Q.at_least, subject="children")
    assert match(children, small_index, dt.date(2024, 7, 27)).verdict is Verdict.unverifiable


def test_period_must_match(small_index: ReferenceIndex) -> None:
    other_war = gaza(39000, Q.more_than, period_start=dt.date(2014, 7, 8))
    assert match(other_war, small_index, dt.date(2024, 7, 27)).verdict is Verdict.unverifiable
    since_war = fig(6.7e6, Q.approx, 1e5, metric="displaced", location="Sudan", period_start=dt.date(2023, 4, 1))
    keys = candidate_series(since_war, small_index, dt.date(2024, 9, 1))
    assert [k[4] for k in keys] == [dt.date(2023, 4, 15)]
    assert match(since_war, small_index, dt.date(2024, 9, 1)).verdict is Verdict.supported


def test_a_series_with_no_row_yet_keeps_a_figure_unverifiable(small_index: ReferenceIndex) -> None:
    total = fig(1e7, Q.more_than, 1e6, metric="displaced", location="Sudan")
    outcome = match(total, small_index, dt.date(2024, 5, 1))
    assert outcome.verdict is Verdict.unverifiable and "no row yet (IOM, from 2024-08-27)" in outcome.message
    assert match(total, small_index, dt.date(2024, 9, 1)).verdict is Verdict.supported


def test_members_over_time(small_index: ReferenceIndex) -> None:
    nato = fig(31, metric="members", subject="NATO")
    assert match(nato, small_index, dt.date(2023, 6, 1)).verdict is Verdict.supported
    assert match(nato, small_index, dt.date(2024, 7, 9)).verdict is Verdict.outdated
    assert match(fig(30, metric="members", subject="NATO"), small_index, dt.date(2024, 7, 9)).verdict is Verdict.contradicted


def test_up_to_row(small_index: ReferenceIndex) -> None:
    displaced = fig(1.9e6, Q.up_to, 1e5, metric="displaced", location="Gaza", subject="people")
    outcome = match(displaced, small_index, dt.date(2024, 1, 10))
    assert outcome.verdict is Verdict.supported and outcome.message == "1,900,000 (up to) vs up to 1,900,000 as of 2023-12-09, UNRWA"


def test_subject_naming_one_place_locates_the_figure(small_index: ReferenceIndex) -> None:
    small_index.aliases.add("demonym", "Gazans", "Gaza")
    gazans = fig(1.9e6, Q.approx, 1e5, metric="displaced", location="Palestinian territories", subject="Gazans")
    assert match(gazans, small_index, dt.date(2024, 1, 10)).verdict is Verdict.supported


def test_verdict_corpus_never_calls_a_supported_figure_contradicted(checker) -> None:  # type: ignore[no-untyped-def]
    from factcheck.evaluate import evaluate

    tally = evaluate([Path(__file__).parent / "corpus" / "verdicts"], checker)
    assert tally.verdicts >= 40
    assert tally.false_contradicted == 0, "\n".join(m for m in tally.misses if "verdict" in m)


def test_source_names_compare_by_content_words() -> None:
    assert same_source("Sudanese Ministry of Health", "Sudan's health ministry")
    assert same_source("Israeli military", "Israel military")
    assert not same_source("Sudanese army", "Sudanese Ministry of Health")
