"""The on-disk reference cache: hits, misses on any change, and graceful failure."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck import cache
from factcheck.reference.index import ReferenceIndex, bundled_path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "refs"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def refs(tmp_path: Path) -> Path:
    folder = tmp_path / "refs"
    shutil.copytree(FIXTURE, folder)
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("refs-*.pickle"))


def test_second_load_comes_from_the_cache(cache_dir: Path, refs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = ReferenceIndex.load([refs])
    assert len(_entries(cache_dir)) == 1
    monkeypatch.setattr(ReferenceIndex, "_build", classmethod(lambda cls, files: pytest.fail("rebuilt")))
    second = ReferenceIndex.load([refs])
    assert second.rows == first.rows and second.series == first.series
    assert second.aliases.table == first.aliases.table and second.files == first.files


def test_nothing_is_written_next_to_the_inputs(cache_dir: Path, refs: Path) -> None:
    before = sorted(p.name for p in refs.iterdir())
    ReferenceIndex.load([refs])
    assert sorted(p.name for p in refs.iterdir()) == before


def test_a_changed_file_misses_the_cache(cache_dir: Path, refs: Path) -> None:
    data = next(p for p in sorted(refs.glob("*.csv")) if p.name != "aliases.csv")
    first = ReferenceIndex.load([refs])
    url = next(r.source_url for r in first.rows if r.file == str(data))
    edited = url[:-1] + ("y" if url[-1] != "y" else "z")
    stat = data.stat()
    data.write_text(data.read_text(encoding="utf-8").replace(url, edited), encoding="utf-8")
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and time: the content hash decides
    assert data.stat().st_size == stat.st_size
    second = ReferenceIndex.load([refs])
    assert edited in {r.source_url for r in second.rows}
    assert len(_entries(cache_dir)) == 2


def test_off_unwritable_or_corrupt_cache_still_loads(cache_dir: Path, refs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = ReferenceIndex.load([refs]).rows
    for entry in _entries(cache_dir):
        entry.write_bytes(b"not a pickle")
    assert ReferenceIndex.load([refs]).rows == expected
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(refs / "aliases.csv" / "sub"))  # cannot be created
    assert ReferenceIndex.load([refs]).rows == expected
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert cache.folder() is None
    assert ReferenceIndex.load([refs]).rows == expected


def test_a_folder_others_can_write_is_not_trusted(cache_dir: Path, refs: Path) -> None:
    if not hasattr(os, "getuid"):
        pytest.skip("POSIX permissions")
    cache_dir.mkdir(mode=0o700)
    cache_dir.chmod(0o777)
    ReferenceIndex.load([refs])
    assert _entries(cache_dir) == []


def test_old_entries_are_pruned(cache_dir: Path, refs: Path) -> None:
    data = next(p for p in sorted(refs.glob("*.csv")) if p.name != "aliases.csv")
    original = data.read_text(encoding="utf-8")
    for n in range(cache.KEEP + 2):
        data.write_text(original + "\n" * n, encoding="utf-8")
        ReferenceIndex.load([refs])
    assert len(_entries(cache_dir)) == cache.KEEP


def test_bundled_data_is_cached_too(cache_dir: Path) -> None:
    index = ReferenceIndex.load()
    assert _entries(cache_dir) and ReferenceIndex.load().rows == index.rows
    assert all(Path(r.file).parent == bundled_path() for r in index.rows)


def test_country_tables_and_gazetteer_pattern_come_back_unchanged(cache_dir: Path) -> None:
    from factcheck.language import gazetteer as places
    from factcheck.language.trie import alternation

    places._tables.cache_clear()
    try:
        first = places._tables()
        places._tables.cache_clear()
        assert places._tables() == first == (places._countries(), places._demonyms(), places._capitals())
        assert list(cache_dir.glob("places-*.pickle"))
        forms = ["Sudan", "South Sudan", "Gaza"]
        assert places._pattern(forms) == places._pattern(forms) == alternation(forms)
    finally:
        places._tables.cache_clear()
