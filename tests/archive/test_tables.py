"""The store's tables: models as flat Arrow columns, and back."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from factcheck.archive import tables
from factcheck.models import Claim, Extraction, Finding, Located, Qualifier, Reference, Scope, Severity, Verdict

FIGURE = Located(
    start=10, end=26, value=39000, qualifier=Qualifier.more_than, step=1000, metric="killed", location="Gaza",
    period_start=dt.date(2023, 10, 7), scope=Scope.total, source="the ministry", id="c1", line=2, column=5,
    end_line=2, end_column=21, text="More than 39,000", sentence="More than 39,000 people were killed | <b>.",
)


def test_a_figure_round_trips_through_its_row() -> None:
    row = tables.FIGURES.row(FIGURE, key="k", n=1)
    built = tables.FIGURES.build([row], ["key", "n"])
    back = built.to_pylist()[0]
    assert back["qualifier"] == "more_than" and back["period_start"] == dt.date(2023, 10, 7)
    assert Located.model_validate(tables.FIGURES.values(back)) == FIGURE


def test_columns_follow_the_model_and_keep_their_types() -> None:
    schema = tables.FIGURES.schema
    assert schema.names[:2] == ["key", "n"]
    assert schema.names[2:] == list(Located.model_fields)
    assert schema.field("value").type == pa.float64() and schema.field("vague").type == pa.bool_()
    assert schema.field("period_start").type == pa.date32() and schema.field("scope").type == pa.string()


def test_a_nested_reference_becomes_one_column_per_field() -> None:
    ref = Reference(file="toll.csv", row=7, value=39175, as_of=dt.date(2024, 7, 27), source="Gaza MoH", source_url="https://example.org/t")
    claim = Claim(**dict(FIGURE), verdict=Verdict.supported, reference=ref, current=ref, message="ok")
    row = tables.VERDICTS.row(claim, key="k", n=1, series='["killed"]', lookup=['["killed"]'])
    assert row["reference_as_of"] == dt.date(2024, 7, 27) and row["current_row"] == 7
    assert "text" not in row  # the figure itself is in the figures table
    values = tables.VERDICTS.values(tables.VERDICTS.build([row], ["key", "n"]).to_pylist()[0])
    assert values["reference"] == ref.model_dump() and values["verdict"] == "supported"


def test_a_missing_nested_model_reads_back_as_none() -> None:
    claim = Claim(**dict(FIGURE), verdict=Verdict.unverifiable, message="no series")
    row = tables.VERDICTS.build([tables.VERDICTS.row(claim, key="k", n=1, series=None, lookup=[])], ["key", "n"]).to_pylist()[0]
    assert row["reference_file"] is None and tables.VERDICTS.values(row)["reference"] is None


def test_lists_and_mappings_are_json_text() -> None:
    note = Finding(rule="r", severity=Severity.warning, claim="", line=1, column=1, end_line=1, end_column=1, message="m")
    extraction = Extraction(path="a.txt", published=None, published_from="today", figures=[FIGURE], muted={"c1": ["x"]}, notes=[note])
    row = tables.EXTRACTION.row(extraction, key="k")
    assert row["muted"] == '{"c1": ["x"]}' and isinstance(row["notes"], str)
    values = tables.EXTRACTION.values(row)
    assert Extraction(path="a.txt", figures=[FIGURE], **values) == extraction


def test_rows_are_sorted_by_their_keys() -> None:
    rows = [tables.FIGURES.row(FIGURE, key=k, n=n) for k, n in (("b", 1), ("a", 2), ("a", 1))]
    built = tables.FIGURES.build(rows, ["key", "n"])
    assert list(zip(built.column("key").to_pylist(), built.column("n").to_pylist())) == [("a", 1), ("a", 2), ("b", 1)]
