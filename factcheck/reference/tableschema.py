"""The shipped table schemas of reference CSVs (``schemas/*.schema.json``, Frictionless Table Schema).

The schema is the one definition of a CSV kind's columns: which exist, which are required,
their types and their constraints (pattern, enum). ``csvfile`` takes its column lists from it
and ``constraint_problems`` checks a column's cells against a field's pattern and enum.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

KINDS = ("rows", "aliases")


@dataclass(frozen=True)
class Field:
    """One column of a table schema."""

    name: str
    type: str
    required: bool
    pattern: str | None
    enum: tuple[str, ...] | None
    description: str

    def problem(self, text: str) -> str | None:
        """Why a non-empty cell breaks the field's pattern or enum, or None."""
        if self.enum is not None and text not in self.enum:
            return f"column {self.name!r}: {text[:40]!r} is not one of {', '.join(self.enum)}"
        if self.pattern is not None and _compiled(self.pattern).fullmatch(text) is None:
            return f"column {self.name!r}: {text[:40]!r} does not match the pattern {self.pattern}"
        return None


def schema_path(kind: str) -> Path:
    """The shipped schema file of a CSV kind ('rows' or 'aliases')."""
    return Path(str(resources.files("factcheck.reference") / "schemas" / f"{kind}.schema.json"))


@lru_cache(maxsize=len(KINDS))
def fields(kind: str) -> tuple[Field, ...]:
    """The fields of a CSV kind, in the schema's (and the files') column order."""
    data = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    out = []
    for f in data["fields"]:
        constraints = f.get("constraints", {})
        enum = constraints.get("enum")
        out.append(Field(
            name=f["name"], type=f.get("type", "string"), required=bool(constraints.get("required", False)),
            pattern=constraints.get("pattern"), enum=tuple(enum) if enum is not None else None,
            description=f.get("description", ""),
        ))
    return tuple(out)


def names(kind: str, *, required: bool | None = None, type: str | None = None) -> tuple[str, ...]:
    """Column names of a kind, optionally only the (not) required ones or those of one type."""
    return tuple(
        f.name for f in fields(kind)
        if (required is None or f.required is required) and (type is None or f.type == type)
    )


def constrained(kind: str) -> tuple[Field, ...]:
    """The fields with a pattern or an enum to check."""
    return tuple(f for f in fields(kind) if f.pattern is not None or f.enum is not None)


@lru_cache(maxsize=32)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def column_problems(field: Field, texts: list[str]) -> dict[int, str]:
    """{index: problem} for the non-empty cells of a column that break the field's constraints
    (each distinct value is checked once)."""
    verdicts = {t: field.problem(t) for t in set(texts) if t}
    bad = {t: p for t, p in verdicts.items() if p is not None}
    if not bad:
        return {}
    return {i: bad[t] for i, t in enumerate(texts) if t in bad}
