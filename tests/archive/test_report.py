"""archive report: totals, series, ranked articles, timeline, rows; escaped; the same bytes twice."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from factcheck.archive.html import bars
from factcheck.archive.report import series_label
from tests.archive.conftest import Stored


def test_json_holds_every_section_with_consistent_totals(small_store: Stored, cli: Callable[..., Result]) -> None:
    result = cli("report", "--store", small_store.store, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"report", "version", "summary", "rules", "series", "articles", "timeline", "rows", "findings", "failed"}
    s = data["summary"]
    assert s["articles"] == 32 and s["unreadable"] == 1 and s["claims"] == s["judged"] > 0
    assert sum(r["findings"] for r in data["rules"] if r["severity"] == "warning") == s["warnings"]
    quotes = [r["quotes"] for r in data["series"]]
    assert quotes == sorted(quotes, reverse=True) and all(r["quotes"] == sum(r[v] for v in ("supported", "outdated", "contradicted", "unverifiable")) for r in data["series"])
    ranked = [(r["errors"], r["warnings"], r["infos"]) for r in data["articles"]]
    assert ranked == sorted(ranked, reverse=True)
    assert data["timeline"] and all(m["month"][:4].isdigit() for t in data["timeline"] for m in t["months"])
    assert all(r["file"].endswith(".csv") and r["source_url"].startswith("https://") for r in data["rows"])
    assert [r["path"] for r in data["failed"]] == [str(small_store.archive.folder / "desk1" / "scan.txt")]


def test_markdown_and_html_say_the_same_and_html_charts_the_timeline(small_store: Stored, cli: Callable[..., Result]) -> None:
    markdown = cli("report", "--store", small_store.store).stdout
    for heading in ("Findings by rule and severity", "Series quoted most", "Articles ranked by findings", "Outdated quotes over time",
                    "The reference rows behind the verdicts"):
        assert f"## {heading}" in markdown
    page = cli("report", "--store", small_store.store, "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page.lower()
    assert page.count("<figure>") == len(json.loads(cli("report", "--store", small_store.store, "--format", "json").stdout)["timeline"])


def test_the_same_store_gives_the_same_bytes(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert cli("report", "--store", small_store.store, "--format", "html", "--output", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == cli("report", "--store", small_store.store, "--format", "html").stdout


def test_text_from_articles_is_escaped(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "<b>story|1.txt").write_text("Gaza, Jan. 3, 2024 - At least 22,000 <script>alert(1)</script> people were killed, \x1b[31m.\n", encoding="utf-8")
    store = tmp_path / "store"
    assert cli("extract", folder, "--store", store, "--workers", 1).exit_code == 0
    assert cli("judge", "--store", store).exit_code == 0
    page = cli("report", "--store", store, "--format", "html").stdout
    markdown = cli("report", "--store", store).stdout
    assert "<script>" not in page and "&lt;b&gt;story|1.txt" in page
    assert "\\<b\\>story\\|1.txt" in markdown and "\x1b" not in markdown + page


def test_a_store_not_judged_yet_reports_so(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(small_store.store, store)
    shutil.rmtree(store / "judged")
    result = cli("report", "--store", store, "--format", "json")
    assert result.exit_code == 0 and "not judged yet: run 'factcheck archive judge'" in result.stderr
    assert json.loads(result.stdout)["summary"]["judged"] == 0


def test_series_labels_and_charts() -> None:
    assert series_label('["killed", "Gaza", "Palestinians", "Gaza Ministry of Health", "2023-10-07", ""]') == (
        "killed, Gaza, Palestinians, Gaza Ministry of Health, since 2023-10-07"
    )
    assert series_label('["members", "", "", "NATO", null]') == "members, any place, NATO"
    svg = bars([{"month": "2024-01", "outdated": 2}, {"month": "2024-03", "outdated": 4}], "a <series>")
    assert svg.count("<rect") == 3 and "a &lt;series&gt;" in svg  # February is drawn, empty
