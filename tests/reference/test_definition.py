"""The definition and record columns: vocabulary, normalisation and refs check's problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.reference import tableschema
from factcheck.reference.definition import DIMENSIONS, describe, parse, relation, tokens
from factcheck.reference.index import ReferenceIndex
from factcheck.reference.validate import problems

HEADER = "metric,location,subject,value,as_of,source,source_url,definition,record\n"
TODAY = dt.date(2026, 1, 1)


def test_tokens_are_normalised_in_dimension_order() -> None:
    assert parse("current inside") == ("inside current", [])
    assert parse("  all   cumulative ") == ("all cumulative", [])
    assert parse("") == ("", [])
    assert tokens("inside current") == {"place": "inside", "time": "current"}
    assert describe("inside current") == "inside the country, those at the date"


def test_unknown_tokens_and_two_of_one_dimension_are_problems() -> None:
    _, found = parse("insde")
    assert found and "unknown definition token 'insde'" in found[0]
    _, found = parse("inside abroad")
    assert found == ["definition gives two place tokens, 'inside' and 'abroad': at most one per dimension"]


def test_relations_follow_what_each_token_counts() -> None:
    assert relation("inside", "both") == "narrower" and relation("both", "inside") == "wider"
    assert relation("held", "taken") == "narrower" and relation("held-alive", "held") == "narrower"
    assert relation("inside", "abroad") == "other" and relation("taken", "taken") == "same"


def test_schema_pattern_lists_the_vocabulary() -> None:
    (field,) = [f for f in tableschema.fields("rows") if f.name == "definition"]
    assert field.pattern is not None
    vocabulary = {t for options in DIMENSIONS.values() for t in options}
    listed = set(field.pattern.split(")(")[0].strip("(").split("|"))
    assert listed == vocabulary


def test_refs_check_names_every_definition_and_record_problem(tmp_path: Path) -> None:
    path = tmp_path / "defs.csv"
    path.write_text(
        HEADER
        + "displaced,Sudan,people,100,2024-01-01,IOM,https://example.org/a,insde,\n"
        + "displaced,Sudan,people,100,2024-01-01,UNHCR,https://example.org/b,inside abroad,\n"
        + "displaced,Chad,people,100,2024-01-01,IOM,https://example.org/c,inside,yes\n"
        + "displaced,Chad,people,120,2024-01-01,UNHCR,https://example.org/d,inside,yes\n"
        + "displaced,Chad,people,120,2024-02-01,UNHCR,https://example.org/e,both,no\n"
        + "displaced,Chad,people,130,2024-03-01,UNHCR,ftp://example.org/f,both,\n",
        encoding="utf-8",
    )
    found = [str(p) for p in problems([path], today=TODAY)]
    expected = [
        (2, "unknown definition token 'insde'"),
        (3, "definition gives two place tokens"),
        (5, "a second series of record for displaced/Chad/people/inside: IOM's series"),
        (6, "column 'record': 'no' is not one of yes"),
        (7, "column 'source_url': 'ftp://example.org/f' does not match the pattern"),
    ]
    for line, message in expected:
        assert any(f.startswith(f"{path}:{line}:") and message in f for f in found), f"{line}: {message}\n" + "\n".join(found)
    assert len(found) == len(expected), "\n".join(found)


def test_definitions_split_series_and_mark_the_record(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        HEADER
        + "displaced,Sudan,people,100,2024-01-01,IOM,https://example.org/a,current inside,yes\n"
        + "displaced,Sudan,people,140,2024-01-01,IOM,https://example.org/b,both current,\n",
        encoding="utf-8",
    )
    index = ReferenceIndex.load([path])
    assert sorted(k[5] for k in index.series) == ["both current", "inside current"]
    (record,) = index.record
    assert record[5] == "inside current"
    assert all(r.record == (r.definition == "inside current") for r in index.rows)
