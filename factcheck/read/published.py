"""The publication date an article states (front matter, then its first lines)."""

from __future__ import annotations

import datetime as dt
import re

from factcheck.language.dates import MONTHS, parse_iso, resolve
from factcheck.read.document import Document

_FULL_DATE = re.compile(
    rf"\b{MONTHS} \d{{1,2}},? \d{{4}}\b|\b\d{{1,2}} {MONTHS},? \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
)


_FRONT_KEYS = ("date", "published", "publication_date", "pubdate", "published_at")


_HEAD_LINES = 25


def published_date(doc: Document) -> dt.date | None:
    """The publication date an article states: front matter first, then its first lines."""
    for key in _FRONT_KEYS:
        if key in doc.front_matter:
            found = parse_iso(doc.front_matter[key]) or resolve(doc.front_matter[key], None)
            if found:
                return found
    head_end = doc.line_starts[min(_HEAD_LINES, len(doc.line_starts) - 1)] if len(doc.line_starts) > _HEAD_LINES else len(doc.checked)
    m = _FULL_DATE.search(doc.checked, 0, head_end)
    return resolve(m.group(0), None) if m else None
