"""archive extract: every article once, keyed by content and extractor; failures recorded."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import Result

from factcheck.archive import tables
from factcheck.archive.engine import InProcess
from factcheck.archive.extract import extract_archive, read_dates
from factcheck.archive.store import Store
from factcheck.errors import InputError, InternalError
from factcheck.models import Located
from factcheck.pipeline import Checker, Options
from factcheck.read.decode import read_path
from tests.archive.conftest import Archive, Stored
from tests.archive.corpus import generate, store_rows


def _paths(store: Path) -> dict[str, dict[str, object]]:
    return {r["path"]: r for r in pq.read_table(store / "paths.parquet").to_pylist()}


def test_every_article_is_stored_once_and_copies_share_it(small_store: Stored) -> None:
    paths = _paths(small_store.store)
    rows = store_rows(small_store.store)
    named = [str(p) for p in small_store.archive.paths]
    assert set(named) <= set(paths)
    copy = next(p for p in named if "copy-of" in p)
    original = next(p for p in named if p.endswith("story0000.txt"))
    assert paths[copy]["key"] == paths[original]["key"]
    keys = [r["key"] for r in rows["articles"]]
    assert len(keys) == len(set(keys)) == len(named) - 1
    scan = next(r for p, r in paths.items() if p.endswith("scan.txt"))
    assert scan["key"] is None and "binary" in str(scan["error"])


def test_stored_figures_are_what_the_checker_extracts(small_store: Stored, index: object) -> None:
    dates = read_dates(small_store.archive.dates)
    path = next(p for p in small_store.archive.paths if p.name == "story0005.txt")
    expected = Checker(Options(), index).extract(read_path(path), dates[path.resolve()])  # type: ignore[arg-type]
    key = _paths(small_store.store)[str(path)]["key"]
    stored = [r for r in store_rows(small_store.store)["figures"] if r["key"] == key]
    figures = [Located.model_validate(tables.FIGURES.values(r)) for r in sorted(stored, key=lambda r: r["n"])]
    assert figures == expected.figures and figures


def test_publication_dates_come_from_the_dates_file_the_article_or_today(small_store: Stored) -> None:
    paths = _paths(small_store.store)
    articles = {r["key"]: r for r in store_rows(small_store.store)["articles"]}

    def dated(name: str) -> tuple[object, object]:
        row = articles[next(r["key"] for p, r in paths.items() if p.endswith(name))]
        return row["published"], row["published_from"]

    assert dated("story0001.txt") == (dt.date(2023, 12, 8), "option")
    assert dated("story0004.md") == (dt.date(2024, 3, 28), "article")
    assert dated("story0007.txt") == (dt.date.today(), "today")


def test_an_unchanged_article_is_never_parsed_again(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    folder, store = tmp_path / "articles", tmp_path / "store"
    shutil.copytree(small_store.archive.folder, folder)
    shutil.copytree(small_store.store, store)
    again = cli("extract", folder, "--store", store, "--dates", folder / "dates.csv", "--workers", 1)
    assert again.exit_code == 0, again.output
    assert "32 articles: 0 extracted (0 figures), 31 already stored, 1 failed;" in again.stdout  # the binary file
    edited = folder / "desk2" / "story0002.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAt least 12 people were killed.\n", encoding="utf-8")
    once = cli("extract", folder, "--store", store, "--dates", folder / "dates.csv", "--workers", 1)
    assert "32 articles: 1 extracted" in once.stdout and "30 already stored" in once.stdout
    assert _paths(store)[str(edited)]["key"] != _paths(small_store.store)[str(small_store.archive.folder / "desk2" / "story0002.txt")]["key"]


def test_a_failing_article_is_recorded_and_the_others_go_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: object) -> None:
    paths, dates = generate(tmp_path / "articles", 6)
    original = Checker.extract

    def broken(self: Checker, doc: object, published: object = None) -> object:
        if str(getattr(doc, "path", "")).endswith("story0003.txt"):
            raise ValueError("boom")
        return original(self, doc, published)  # type: ignore[arg-type]

    monkeypatch.setattr(Checker, "extract", broken)
    checker = Checker(Options(), index)  # type: ignore[arg-type]
    store = Store(tmp_path / "store", create=True)
    with store.lock():
        done = extract_archive(store, paths, checker, InProcess(checker.options.model_dump_json()), read_dates(dates), batch_size=4)
    assert done.extracted == 5
    assert [(type(e), e.path) for e in done.errors] == [(InternalError, str(paths[3]))] and "ValueError: boom" in str(done.errors[0])
    monkeypatch.setattr(Checker, "extract", original)
    with store.lock():
        kept = extract_archive(store, paths, checker, InProcess(checker.options.model_dump_json()), read_dates(dates), batch_size=4)
        retried = extract_archive(store, paths, checker, InProcess(checker.options.model_dump_json()), read_dates(dates), retry_failed=True)
    assert kept.extracted == 0 and len(kept.errors) == 1
    assert retried.extracted == 1 and retried.errors == []


def test_a_bad_dates_file_is_one_line_naming_file_and_line(small_archive: Archive, cli: Callable[..., Result], tmp_path: Path) -> None:
    dates = tmp_path / "dates.csv"
    dates.write_text("path,published\ndesk0/story0000.txt,2024-01-02\ndesk1/story0001.txt,Jan 2\n", encoding="utf-8")
    result = cli("extract", small_archive.folder, "--store", tmp_path / "store", "--dates", dates, "--workers", 1)
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: error: {dates}:3: column 'published': 'Jan 2' is not a YYYY-MM-DD date\n"
    with pytest.raises(InputError, match="columns 'path' and 'published'"):
        (tmp_path / "bad.csv").write_text("file,date\n", encoding="utf-8")
        read_dates(tmp_path / "bad.csv")


def test_a_folder_that_is_not_a_store_is_refused(small_archive: Archive, cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("extract", small_archive.folder, "--store", tmp_path, "--workers", 1)
    assert result.exit_code == 2 and "is not an archive store" in result.stderr
    assert cli("judge", "--store", tmp_path / "missing").exit_code == 2
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
