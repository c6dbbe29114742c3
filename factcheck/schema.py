"""The JSON Schema of the JSON report, generated from the pydantic models."""

from __future__ import annotations

import json
from importlib import resources

from factcheck.models import Report

SCHEMA_FILE = "report.schema.json"


def schema() -> dict[str, object]:
    generated = Report.model_json_schema(mode="serialization")
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    generated["title"] = "factcheck report, schema version 1"
    return generated


def schema_json() -> str:
    return json.dumps(schema(), indent=2, sort_keys=True) + "\n"


def shipped_schema() -> str:
    """The schema file shipped in the package (kept equal to the generated one by a test)."""
    return (resources.files("factcheck") / SCHEMA_FILE).read_text(encoding="utf-8")
