from __future__ import annotations

import json

import jsonschema

from factcheck.models import Report
from factcheck.pipeline import check
from factcheck.schema import schema_json, shipped_schema


def test_shipped_schema_is_generated_from_the_models() -> None:
    assert shipped_schema() == schema_json(), "run: factcheck schema > factcheck/report.schema.json"


def test_report_validates_against_the_schema(checker) -> None:  # type: ignore[no-untyped-def]
    report = Report.of([check("More than 39,000 people were killed in Gaza, officials said.", checker=checker)])
    jsonschema.validate(json.loads(report.model_dump_json()), json.loads(shipped_schema()))
