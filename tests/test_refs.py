from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import ReferenceDataError
from factcheck.refcheck import problems
from factcheck.refs import ReferenceIndex, bundled_path

HEADER = "metric,location,subject,value,as_of,source,source_url\n"
GOOD = "members,,NATO,32,2024-03-07,NATO,https://www.nato.int/x\n"


def test_bundled_data_loads_and_every_row_has_provenance(index: ReferenceIndex) -> None:
    assert bundled_path().is_dir()
    assert len(index.rows) > 20
    for row in index.rows:
        assert row.source and row.source_url.startswith("https://") and row.as_of


def test_bundled_data_has_no_problems() -> None:
    assert problems() == []


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("metric,value\nkilled,3\n", "missing column", 1),
        (HEADER + "killed,Gaza,,abc,2024-01-01,X,https://x\n", "'value'", 2),
        (HEADER + GOOD + "killed,Gaza,,3,2024-13-01,X,https://x\n", "'as_of'", 3),
        (HEADER + "killed,Gaza,,3,2024-01-01,X,\n", "'source_url'", 2),
        (HEADER + "killed,Gaza,,3,2024-01-01,=HYPERLINK(\"x\"),https://x\n", "formula", 2),
        ("", "empty file", 1),
        ("metric;location;value\nkilled;Gaza;3\n", "delimiter", 1),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, body: str, message: str, line: int) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as caught:
        ReferenceIndex.load([path])
    assert message in str(caught.value)
    assert caught.value.line == line and caught.value.path == str(path)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + GOOD).encode())
    assert len(ReferenceIndex.load([path]).rows) == 1


def test_refs_check_finds_every_planted_fault(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        HEADER + GOOD + GOOD
        + "members,,NATO,31,2024-03-07,NATO,https://www.nato.int/y\n"
        + "members,,EU,27,2020-02-31,European Union,https://e.eu\n"
        + "members,,EU,27,2020-02-01,European Union,ftp://e.eu\n",
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text("metric,value\nkilled,3\n", encoding="utf-8")
    (tmp_path / "aliases.csv").write_text("kind,alias,canonical\nmetric,casualtees,casualties\nplace,x,y\n", encoding="utf-8")
    found = [str(p) for p in problems([tmp_path])]
    joined = "\n".join(found)
    assert "a.csv:3: duplicate of" in joined
    assert "a.csv:4: conflicts with" in joined
    assert "a.csv:5: column 'as_of'" in joined
    assert "a.csv:6: source_url" in joined
    assert "b.csv:1: missing column" in joined
    assert "aliases.csv:2: metric alias 'casualtees'" in joined
    assert "aliases.csv:3: kind 'place'" in joined


def test_index_answers_by_metric(index: ReferenceIndex) -> None:
    assert all(r.metric == "members" for r in index.candidates("members"))
    assert index.candidates("no-such-metric") == []
