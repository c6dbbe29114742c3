"""The shipped table schemas are the one definition of the CSV columns."""

from __future__ import annotations

import json

from factcheck.reference import csvfile, tableschema
from factcheck.reference.aliases import ALIAS_KINDS
from factcheck.reference.rows import RefRow

TYPES = {"string", "number", "date"}
FIELD_KEYS = {"name", "type", "format", "groupChar", "constraints", "description"}
CONSTRAINTS = {"required", "pattern", "enum"}


def test_schemas_ship_in_the_package_and_are_table_schemas() -> None:
    for kind in tableschema.KINDS:
        data = json.loads(tableschema.schema_path(kind).read_text(encoding="utf-8"))
        assert data["missingValues"] == [""]
        for field in data["fields"]:
            assert set(field) <= FIELD_KEYS and field["type"] in TYPES and field["description"]
            assert set(field.get("constraints", {})) <= CONSTRAINTS


def test_the_loader_takes_its_columns_from_the_schema() -> None:
    assert csvfile.REQUIRED == ("metric", "value", "as_of", "source", "source_url")
    assert set(csvfile.FIELDS) == set(csvfile.REQUIRED) | set(csvfile.OPTIONAL)
    assert csvfile.NUMBERS == ("value", "low", "high") and csvfile.DATES == ("as_of", "period_start")
    assert set(csvfile.FIELDS) <= set(RefRow._fields)
    assert csvfile.ALIAS_COLUMNS == ("kind", "alias", "canonical")
    (kind,) = [f for f in tableschema.fields("aliases") if f.name == "kind"]
    assert kind.enum == ALIAS_KINDS


def test_constraints_report_the_cell() -> None:
    (url,) = [f for f in tableschema.fields("rows") if f.name == "source_url"]
    assert url.problem("https://example.org/a") is None
    assert url.problem("ftp://example.org") == "column 'source_url': 'ftp://example.org' does not match the pattern https?://\\S+"
    (record,) = [f for f in tableschema.fields("rows") if f.name == "record"]
    assert tableschema.column_problems(record, ["yes", "", "Y"]) == {2: "column 'record': 'Y' is not one of yes"}
