"""The store's tables: the pipeline's pydantic models as flat Arrow columns, and back.

Columns are derived from the models' fields, so a field added to ``Figure`` or ``Claim`` is
stored without a change here: numbers, flags, text and dates keep their Arrow type, enums
and literals are stored as their text, a nested model (``Claim.reference``) becomes one
column per field (``reference_as_of``), and anything else (lists, mappings) is JSON text.
Every table starts with its own key columns (``key``, the article; ``n``, the figure's
position in it) and is sorted by them, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from enum import Enum
from typing import Any, Union

import pyarrow as pa
from pydantic import BaseModel

from factcheck.models import Claim, Extraction, Finding, Located

_PLAIN: dict[Any, pa.DataType] = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), str: pa.string(), dt.date: pa.date32()}


def _unwrap(annotation: Any) -> Any:
    """``X | None`` -> X."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


class Column:
    """One stored column: its name, Arrow type and how a model value is written and read."""

    enum: type[Enum]

    def __init__(self, name: str, annotation: Any) -> None:
        self.name = name
        base = _unwrap(annotation)
        if base in _PLAIN:
            self.kind, self.type = "plain", _PLAIN[base]
        elif isinstance(base, type) and issubclass(base, Enum):
            self.kind, self.type, self.enum = "enum", pa.string(), base
        elif typing.get_origin(base) is typing.Literal:
            self.kind, self.type = "plain", pa.string()
        else:
            self.kind, self.type = "json", pa.string()

    def write(self, value: Any) -> Any:
        if value is None:
            return None
        if self.kind == "enum":
            return value.value
        if self.kind == "json":
            return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True)
        return value

    def read(self, value: Any) -> Any:
        if value is None or self.kind == "plain":
            return value
        return self.enum(value) if self.kind == "enum" else json.loads(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in value]
        return sorted(items) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _is_model(annotation: Any) -> bool:
    base = _unwrap(annotation)
    return isinstance(base, type) and issubclass(base, BaseModel)


class ModelTable:
    """A pydantic model (or some of its fields) as a flat table after ``keys`` columns."""

    def __init__(self, model: type[BaseModel], keys: list[tuple[str, pa.DataType]], fields: list[str] | None = None) -> None:
        self.model = model
        self.keys = keys
        self.fields = fields if fields is not None else list(model.model_fields)
        self.columns: dict[str, list[Column] | Column] = {}
        for name in self.fields:
            annotation = model.model_fields[name].annotation
            if _is_model(annotation):
                nested: type[BaseModel] = _unwrap(annotation)
                self.columns[name] = [Column(f"{name}_{sub}", f.annotation) for sub, f in nested.model_fields.items()]
            else:
                self.columns[name] = Column(name, annotation)
        flat = [c for cols in self.columns.values() for c in (cols if isinstance(cols, list) else [cols])]
        self.schema = pa.schema([pa.field(n, t) for n, t in keys] + [pa.field(c.name, c.type) for c in flat])

    def row(self, obj: BaseModel, **keys: Any) -> dict[str, Any]:
        """One row: the key columns given, then the object's fields."""
        out = dict(keys)
        for name, cols in self.columns.items():
            value = getattr(obj, name)
            if isinstance(cols, list):
                for col in cols:
                    out[col.name] = None if value is None else col.write(getattr(value, col.name[len(name) + 1:]))
            else:
                out[cols.name] = cols.write(value)
        return out

    def values(self, row: dict[str, Any]) -> dict[str, Any]:
        """The model's field values from a stored row (nested models as dicts)."""
        out: dict[str, Any] = {}
        for name, cols in self.columns.items():
            if isinstance(cols, list):
                sub = {col.name[len(name) + 1:]: col.read(row.get(col.name)) for col in cols}
                out[name] = None if all(v is None for v in sub.values()) else sub
            else:
                out[name] = cols.read(row.get(cols.name))
        return out

    def load(self, row: dict[str, Any]) -> Any:
        """The model from a row this table wrote, without validating it again (figures are
        read back by the hundred thousand; they were valid when stored)."""
        return self.model.model_construct(**self.values(row))

    def build(self, rows: list[dict[str, Any]], sort: list[str]) -> pa.Table:
        table = pa.Table.from_pylist(rows, schema=self.schema)
        return table.sort_by([(k, "ascending") for k in sort]) if rows else table


KEY = ("key", pa.string())
N = ("n", pa.int32())

FIGURES = ModelTable(Located, [KEY, N])
VERDICTS = ModelTable(
    Claim, [KEY, N, ("series", pa.string()), ("lookup", pa.list_(pa.string()))],
    fields=[f for f in Claim.model_fields if f not in Located.model_fields],
)
FINDINGS = ModelTable(Finding, [KEY, N])

EXTRACTION = ModelTable(
    Extraction,
    [KEY, ("content", pa.string()), ("kind", pa.string()), ("given", pa.date32()), ("extractor", pa.string()), ("figures", pa.int32()),
     ("error", pa.string()), ("error_kind", pa.string()), ("error_line", pa.int64())],
    fields=[f for f in Extraction.model_fields if f not in ("path", "figures")],
)
PATHS = pa.schema([
    ("path", pa.string()), ("key", pa.string()), ("extractor", pa.string()), ("error", pa.string()), ("error_kind", pa.string()),
    ("error_line", pa.int64()),
])
SERIES = pa.schema([("series", pa.string()), ("rows", pa.string())])


def table(schema: pa.Schema, rows: list[dict[str, Any]], sort: list[str]) -> pa.Table:
    built = pa.Table.from_pylist(rows, schema=schema)
    return built.sort_by([(k, "ascending") for k in sort]) if rows else built
