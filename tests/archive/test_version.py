"""When a stored row is still valid: keys, versions and series digests."""

from __future__ import annotations

import datetime as dt

from factcheck import __version__
from factcheck.archive.version import EXTRACTION_CODE, article_key, code_digest, extractor_version, series_digests, series_id
from factcheck.reference.index import ReferenceIndex


def test_an_article_key_changes_with_everything_extraction_depends_on() -> None:
    base = ("c0ffee", "text", dt.date(2024, 1, 2), None, "0.1.0+abc+model", "vocab")
    key = article_key(*base)
    for i, other in enumerate(("c0ffef", "markdown", dt.date(2024, 1, 3), "cp1252", "0.1.0+abd+model", "vocab2")):
        changed = list(base)
        changed[i] = other
        assert article_key(*changed) != key  # type: ignore[arg-type]
    assert article_key(*base) == key and len(key) == 32


def test_the_extractor_version_names_package_code_and_model() -> None:
    version = extractor_version()
    package, code, model = version.split("+")
    assert package == __version__ and code == code_digest(EXTRACTION_CODE)[:12] and model.startswith("en_core_web_sm")


def test_a_changed_row_changes_only_its_series_digest(index: ReferenceIndex) -> None:
    before = series_digests(index)
    key, rows = next(iter(index.series.items()))
    moved = ReferenceIndex([rows[0]._replace(value=rows[0].value + 1)] + [r for r in index.rows if r is not rows[0]], index.aliases, index.files)
    after = series_digests(moved)
    assert [k for k in before if before[k] != after.get(k)] == [series_id(key)]


def test_a_series_id_is_json_with_dates_written_out() -> None:
    assert series_id(("killed", "Gaza", "", "MoH", dt.date(2023, 10, 7), "")) == '["killed", "Gaza", "", "MoH", "2023-10-07", ""]'
