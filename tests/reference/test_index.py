"""The reference index: what it builds once at load so that the judge never scans."""

from __future__ import annotations

from pathlib import Path

from factcheck.reference.index import ReferenceIndex

DATA = (
    "metric,location,subject,value,low,high,as_of,period_start,source,source_url,definition,record\n"
    "killed,Sudan,people,1000,,,2024-03-01,,Sudanese Ministry of Health,https://example.org/i1,all cumulative,\n"
    "killed,Sudan,people,20000,,,2024-03-01,,ACLED,https://example.org/i2,all cumulative,\n"
    "killed,Chad,people,50,,,2024-03-01,,Chad's health ministry,https://example.org/i3,,\n"
    "displaced,Sudan,people,9000000,,,2024-03-01,,IOM,https://example.org/i4,inside current,\n"
)


def test_series_of_one_body_come_from_names_read_at_load(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text(DATA, encoding="utf-8")
    index = ReferenceIndex.load([tmp_path])
    assert set(index.source_names) == {"Sudanese Ministry of Health", "ACLED", "Chad's health ministry", "IOM"}
    own = index.series_from("killed", "Sudan's health ministry")
    assert {(k[1], k[3]) for k in own} == {("Sudan", "Sudanese Ministry of Health")}
    assert {k[1] for k in index.series_from("killed", "health ministry of Chad")} == {"Chad"}
    assert index.series_from("displaced", "ACLED") == frozenset(), "a body's series of another metric only"
    assert index.series_from("killed", None) == frozenset()


def test_metrics_and_places_with_series(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text(DATA, encoding="utf-8")
    index = ReferenceIndex.load([tmp_path])
    assert index.metrics == frozenset({"killed", "displaced"})
    assert index.has_place("killed", "Chad") and not index.has_place("displaced", "Chad")
    assert not index.has_place("killed", None) and not index.has_place("killed", "")
