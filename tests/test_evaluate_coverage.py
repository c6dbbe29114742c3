"""The coverage measure of ``factcheck.evaluate``: verdicts on gold figures about people, and
every contradicted-figure error, on this project's gold format and the shared dev format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.evaluate import COVERED_METRICS, Coverage, Gold, main
from factcheck.models import Claim, FileReport, Finding, Reason, Severity, Verdict

REFS = (
    "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
    "killed,Sudan,people,1100,,,2024-03-09,,Sudan Health Ministry,https://example.org/c1,all cumulative,yes\n"
    "killed,Sudan,people,1200,,,2024-03-10,,Sudan Health Ministry,https://example.org/c2,all cumulative,yes\n"
)
ARTICLES = {
    # dev format: NN.txt and NN.gold.json with "published", "claims", "optional", "ignore"
    "01": ("2024-03-10", "KHARTOUM - At least 1,200 people have been killed in Sudan, the health ministry said on Sunday. "
           "Police said 30 people were injured in a market fire.",
           [("At least 1,200", 1200, "at_least", "killed"), ("30", 30, "exact", "injured")]),
    "02": ("2024-03-25", "KHARTOUM - More than 5,000 people have been killed in Sudan, a local council said on Monday. "
           "The country's central bank raised interest rates by 2 percentage points.",
           [("More than 5,000", 5000, "more_than", "killed"), ("2", 2, "exact", "percent")]),
}


def claim(number: int, text: str, verdict: Verdict, reason: Reason, start: int, metric: str = "killed") -> Claim:
    return Claim.model_validate({
        "start": start, "end": start + len(text), "value": 1, "qualifier": "exact", "step": 1, "metric": metric,
        "id": f"c{number}", "line": 1, "column": start + 1, "end_line": 1, "end_column": start + len(text) + 1,
        "text": text, "sentence": "", "verdict": verdict, "reason": reason, "message": "",
    })


def test_coverage_counts_verdicts_on_gold_figures_about_people() -> None:
    gold = [
        Gold(0, 5, {"text": "1,200", "metric": "killed"}),
        Gold(10, 12, {"text": "30", "metric": "injured"}),
        Gold(20, 22, {"text": "2%", "metric": "percent"}),
        Gold(30, 32, {"text": "15", "metric": "detained"}),  # not found by the tool
    ]
    claims = [
        claim(1, "1,200", Verdict.contradicted, Reason.contradicted, 0),
        claim(2, "30", Verdict.unverifiable, Reason.no_series, 10, "injured"),
        claim(3, "2%", Verdict.supported, Reason.fits_current, 20, "percent"),
    ]
    error = Finding(rule="contradicted-figure", severity=Severity.error, claim="c1", line=1, column=1, end_line=1, end_column=6, message="wrong")
    warning = error.model_copy(update={"rule": "doubtful-figure", "severity": Severity.warning})
    coverage = Coverage()
    coverage.add(Path("a.txt"), gold, FileReport(path="a.txt", published=None, published_from="option", claims=claims, findings=[error, warning]))
    assert (coverage.gold, coverage.matched, coverage.judged) == (3, 2, 1)
    assert coverage.share == pytest.approx(1 / 3)
    assert coverage.verdicts == {"contradicted": 1, "unverifiable": 1} and coverage.reasons == {"no-series": 1}
    assert coverage.errors == ["a.txt: '1,200', gold '1,200' (killed): wrong"]
    assert set(COVERED_METRICS) == {"killed", "injured", "displaced", "refugees", "missing", "detained", "hostages"}


def test_coverage_on_a_dev_format_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "sudan.csv").write_text(REFS, encoding="utf-8")
    for name, (published, text, figures) in ARTICLES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        claims = [
            {"text": t, "occurrence": 1, "value": v, "qualifier": q, "high": None, "metric": m, "source": None, "source_alt": []}
            for t, v, q, m in figures
        ]
        gold = {"url": "https://example.org/article", "published": published, "optional": [], "ignore": [], "claims": claims}
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main([str(tmp_path), "--coverage", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["coverage"]
    assert (report["gold"], report["matched"], report["judged"]) == (3, 3, 2)
    assert report["unverifiable_reasons"] == {"no-series": 1}
    assert report["contradicted_errors"] == 1
    (error,) = report["errors"]
    assert error.startswith("02.txt: 'More than 5,000', gold 'More than 5,000' (killed): ")
