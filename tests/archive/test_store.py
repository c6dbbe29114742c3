"""The store: a folder of whole files, one run at a time."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from factcheck.archive.store import Store, StoreError, metadata, read, write


def test_a_new_store_is_made_and_marked(tmp_path: Path) -> None:
    Store(tmp_path / "store", create=True)
    assert (tmp_path / "store" / "FORMAT").read_text(encoding="utf-8") == "factcheck-archive 1\n"
    Store(tmp_path / "store")  # opens again


def test_a_folder_of_other_files_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="is not an archive store"):
        Store(tmp_path, create=True)
    with pytest.raises(StoreError, match="not an archive store"):
        Store(tmp_path / "missing")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "FORMAT").write_text("factcheck-archive 9\n", encoding="utf-8")
    with pytest.raises(StoreError, match="store format"):
        Store(tmp_path / "other")


def test_a_second_run_at_the_same_time_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "store", create=True)
    with store.lock():
        with pytest.raises(StoreError, match="in use by another"):
            with Store(tmp_path / "store").lock():
                pass
    with store.lock():
        pass  # free again


def test_what_an_interrupted_run_left_is_removed(tmp_path: Path) -> None:
    store = Store(tmp_path / "store", create=True)
    table = pa.table({"key": ["a"]})
    store.write_part("0.1+x+m", "whole", table, table)
    folder = store.extracted("0.1+x+m")
    write(folder / "half.figures.parquet", table)  # its articles file was never written
    (folder / ".whole.articles.parquet.123.tmp").write_bytes(b"partial")
    with store.lock():
        pass
    assert sorted(p.name for p in folder.iterdir()) == ["VERSION", "whole.articles.parquet", "whole.figures.parquet"]
    assert store.parts("0.1+x+m") == ["whole"] and store.extractors() == ["0.1+x+m"]


def test_files_carry_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    write(path, pa.table({"n": [1, 2]}), {"basis": "b1"}, durable=False)
    assert metadata(path) == {"basis": "b1"} and read(path).column("n").to_pylist() == [1, 2]
    path.write_bytes(b"not parquet")
    assert metadata(path) == {}
    with pytest.raises(StoreError, match="cannot read store file"):
        read(path)
