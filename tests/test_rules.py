"""One golden test per rule: a small article that triggers it, against fixture reference data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.models import Severity
from factcheck.pipeline import Checker, Options
from factcheck.read.decode import read_path
from factcheck.rules import REGISTRY, rules

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def fixture_checker() -> Checker:
    return Checker(Options(refs=(FIXTURES / "refs",), today=dt.date(2026, 1, 1)))


def test_registry_ids_are_stable_and_documented() -> None:
    assert [r.id for r in rules()] == [
        "contradicted-figure", "outdated-figure", "attribution-gap", "source-mismatch", "unverifiable-figure",
        "undated-article", "bad-suppression", "doubtful-figure", "unreadable-figure",
    ]
    for rule in rules():
        assert rule.name and rule.summary and len(rule.description) > 40
    assert REGISTRY["contradicted-figure"].rule.severity is Severity.error
    assert REGISTRY["unverifiable-figure"].rule.severity is Severity.info


@pytest.mark.parametrize("rule_id", list(REGISTRY))
def test_rule_golden(rule_id: str, fixture_checker: Checker, golden) -> None:  # type: ignore[no-untyped-def]
    report = fixture_checker.check_document(read_path(FIXTURES / "rules" / f"{rule_id}.txt"))
    mine = [f for f in report.findings if f.rule == rule_id]
    assert mine, f"{rule_id} did not fire on its own fixture"
    lines = [f"{f.line}:{f.column} {f.severity.value} {f.rule}: {f.message}" for f in report.findings]
    golden(f"rules/{rule_id}.txt", "\n".join(lines) + "\n")


def test_source_mismatch_ignores_facts_of_record(fixture_checker: Checker) -> None:
    from factcheck.pipeline import check

    text = "Published: 2024-07-27\n\nThe ASEAN bloc now has 10 members, Wong told reporters."
    report = check(text, checker=fixture_checker)
    assert [c.metric for c in report.claims] == ["members"]
    assert report.claims[0].verdict.value == "supported"
    assert not [f for f in report.findings if f.rule == "source-mismatch"]


def test_years_are_written_without_a_separator() -> None:
    from factcheck.reference.rows import fmt

    assert fmt(1962, "years") == "1962" and fmt(1962) == "1,962" and fmt(22, "years") == "22"
