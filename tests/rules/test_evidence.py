"""Rules decide on the claim's structured fields; an error only on strong evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.models import Claim, Reason, Reference, Scope, Severity, Verdict
from factcheck.pipeline import Checker, Options, check
from factcheck.rules import REGISTRY, Context

FIXTURES = Path(__file__).parent.parent / "fixtures"
DECOY = "DECOY: the judge's text, never read by a rule"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Options(refs=(FIXTURES / "refs",), today=dt.date(2024, 8, 1)))


def ref(value: float, as_of: dt.date, source: str = "Gaza Ministry of Health", row: int = 3) -> Reference:
    return Reference(file="nowhere.csv", row=row, value=value, as_of=as_of, source=source, source_url="https://example.org/x")


def claim(reason: Reason, verdict: Verdict, **kw: object) -> Claim:
    fields: dict[str, object] = {
        "start": 0, "end": 16, "value": 45000, "qualifier": "more_than", "step": 1000, "metric": "killed", "location": "Gaza",
        "id": "c1", "line": 1, "column": 1, "end_line": 1, "end_column": 17, "text": "More than 45,000", "sentence": "",
        "verdict": verdict, "reason": reason, "message": DECOY, **kw,
    }
    return Claim.model_validate(fields)


def fired(c: Claim, checker: Checker) -> dict[str, str]:
    context = Context(checker.index, checker.options.contested)
    found = {rule_id: r.check(c, context) for rule_id, r in REGISTRY.items()}
    return {k: v for k, v in found.items() if v is not None}


@pytest.mark.parametrize(
    ("reason", "verdict", "rule"),
    [
        (Reason.contradicted, Verdict.contradicted, "contradicted-figure"),
        (Reason.contradicted_other, Verdict.contradicted, "doubtful-figure"),
        (Reason.contradicted_undated, Verdict.contradicted, "doubtful-figure"),
        (Reason.fits_earlier, Verdict.outdated, "outdated-figure"),
        (Reason.fits_other_source, Verdict.supported, "source-mismatch"),
        (Reason.may_be_newer, Verdict.unverifiable, "unverifiable-figure"),
        (Reason.not_comparable, Verdict.unverifiable, "unverifiable-figure"),
        (Reason.other_definition, Verdict.unverifiable, "unverifiable-figure"),
        (Reason.no_series, Verdict.unverifiable, "unverifiable-figure"),
    ],
)
def test_each_reason_fires_its_rule_with_its_own_message(reason: Reason, verdict: Verdict, rule: str, checker: Checker) -> None:
    current = ref(39175, dt.date(2024, 7, 27))
    earlier = ref(30035, dt.date(2024, 2, 29), row=2)
    c = claim(reason, verdict, reference=earlier if reason is Reason.fits_earlier else current, current=current, source="UN refugee agency")
    found = fired(c, checker)
    assert list(found) == [rule], found
    assert DECOY not in found[rule] and found[rule]


def test_messages_come_from_the_rows() -> None:
    checker = Checker(Options(refs=(FIXTURES / "refs",)))
    current = ref(39175, dt.date(2024, 7, 27))
    contradicted = fired(claim(Reason.contradicted, Verdict.contradicted, reference=current, current=current), checker)
    assert contradicted["contradicted-figure"] == "45,000 (more than) vs 39,175 as of 2024-07-27, Gaza Ministry of Health: the reference is below that"
    increment = fired(claim(Reason.not_comparable, Verdict.unverifiable, reference=current, current=current, scope=Scope.increment), checker)
    assert increment["unverifiable-figure"].startswith("'More than 45,000' is a count for one period or event, not a running total")


def test_a_guessed_date_gives_no_error(checker: Checker) -> None:
    text = "More than 45,000 Palestinians have been killed in Gaza, according to Palestinian health authorities."
    undated = check(text, checker=checker)
    assert undated.published_from == "today"
    (c,) = undated.claims
    assert (c.verdict, c.reason) == (Verdict.contradicted, Reason.contradicted_undated)
    assert c.suggestion is None
    assert not [f for f in undated.findings if f.severity is Severity.error]
    assert [f.rule for f in undated.findings if f.claim == c.id] == ["doubtful-figure"]
    dated = check("Published: 2024-07-27\n\n" + text, checker=checker)
    (c,) = dated.claims
    assert c.reason is Reason.contradicted and [f.rule for f in dated.findings if f.severity is Severity.error] == ["contradicted-figure"]
    assert c.suggestion == "More than 39,000", "the current figure, with the article's qualifier and rounding"


def test_outdated_figures_carry_the_current_figure_as_suggestion(checker: Checker) -> None:
    text = "Published: 2024-07-27\n\nSome 30,035 Palestinians have been killed in Gaza, according to Palestinian health authorities."
    (c,) = check(text, checker=checker).claims
    assert c.reason is Reason.fits_earlier and c.suggestion == "Some 39,175"
    assert c.current is not None and (c.current.source, c.current.as_of) == ("Gaza Ministry of Health", dt.date(2024, 7, 27))
