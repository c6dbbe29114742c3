from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.language import parse, parsecache


def _refuse() -> None:
    raise AssertionError("the model was asked for a sentence that is in the cache")


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.delenv("FACTCHECK_NO_PARSE_CACHE", raising=False)
    return tmp_path / "cache"


def test_a_parsed_sentence_comes_back_from_the_cache_without_the_model(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Officials said 45 people died.\n\nIt   rained on 12 days."
    spans = [(0, 30), (32, len(text))]
    first = parse.parse_spans(text, spans)
    assert (own_cache / parsecache.FILE).is_file()
    monkeypatch.setattr(parse, "pipeline", _refuse)
    moved = "Earlier copy. " + text  # the same sentences at other offsets
    again = parse.parse_spans(moved, [(s + 14, e + 14) for s, e in spans])
    for a, b in zip(first, again, strict=True):
        assert [(t.text, t.dep, t.head, t.start + 14, t.end + 14) for t in a] == [(t.text, t.dep, t.head, t.start, t.end) for t in b]
        assert all(moved[t.start:t.end] == t.text for t in b)


def test_an_edited_sentence_is_parsed_again(own_cache: Path) -> None:
    parse.parse_spans("Officials said 45 people died.", [(0, 30)])
    keys = [parsecache.key(parse.model_id(), "Officials said 46 people died.")]
    assert parsecache.load(keys) == {}


def test_no_cache_when_turned_off(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    parse.parse_spans("Officials said 45 people died.", [(0, 30)])
    assert not (own_cache / parsecache.FILE).exists()


def test_the_parse_cache_alone_can_be_turned_off(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_PARSE_CACHE", "1")
    parse.parse_spans("Officials said 45 people died.", [(0, 30)])
    assert not (own_cache / parsecache.FILE).exists()


def test_a_corrupt_cache_file_only_means_parsing_again(own_cache: Path) -> None:
    own_cache.mkdir(mode=0o700)
    (own_cache / parsecache.FILE).write_bytes(b"not a database at all" * 100)
    (only,) = parse.parse_spans("Officials said 45 people died.", [(0, 30)])
    assert [t.text for t in only][:2] == ["Officials", "said"]


def test_old_entries_are_dropped_beyond_the_limit(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsecache, "KEEP", 3)
    rows: list[parsecache.Row] = [(0, 1, "a", "DET", "DT", "ROOT", 0)]
    for n in range(5):
        parsecache.store([(f"k{n}", rows)])
    assert set(parsecache.load([f"k{n}" for n in range(5)])) == {"k2", "k3", "k4"}
