"""Finding articles: folders, .git skipped, .gitignore honoured, globs, de-duplication."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.read.discover import Selector, discover


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() if p.is_absolute() else p.as_posix() for p in paths]


def test_folder_skips_git_and_honours_gitignore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, {
        ".git/HEAD": "ref", ".git/notes.txt": "x",
        ".gitignore": "build/\n*.tmp.md\n!keep.tmp.md\n",
        "a.md": "x", "b.txt": "x", "c.py": "x", "x.tmp.md": "x", "keep.tmp.md": "x",
        "build/out.md": "x",
        "sub/.gitignore": "private.txt\n", "sub/private.txt": "x", "sub/public.txt": "x",
    })
    monkeypatch.chdir(tmp_path)
    assert names(discover(["."]), tmp_path) == ["a.md", "b.txt", "keep.tmp.md", "sub/public.txt"]


def test_gitignore_of_the_enclosing_repository_applies_to_a_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, {".git/HEAD": "ref", ".gitignore": "desk/old/\n", "desk/new.md": "x", "desk/old/stale.md": "x"})
    monkeypatch.chdir(tmp_path)
    assert names(discover(["desk"]), tmp_path) == ["desk/new.md"]


def test_globs_are_expanded_and_filtered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, {"d/a.md": "x", "d/e/b.md": "x", "d/e/c.txt": "x", "d/e/img.png": "x"})
    monkeypatch.chdir(tmp_path)
    assert names(discover(["d/**/*.md"]), tmp_path) == ["d/a.md", "d/e/b.md"]
    assert names(discover(["d/e/*"]), tmp_path) == ["d/e/b.md", "d/e/c.txt"]
    with pytest.raises(InputError, match="no articles match"):
        discover(["d/*.rst"])


def test_named_files_are_kept_unless_excluded_and_duplicates_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, {"a.html": "x", "b.md": "x"})
    monkeypatch.chdir(tmp_path)
    assert names(discover(["a.html", "b.md", "b.md", "."]), tmp_path) == ["a.html", "b.md"]
    selector = Selector(exclude=["a.*"], root=tmp_path)
    assert names(discover(["a.html", "b.md"], selector), tmp_path) == ["b.md"]


def test_stdin_passes_through() -> None:
    assert discover(["-"]) == [Path("-")]


def test_split_errors_skips_only_binary_files_found_not_named(tmp_path: Path) -> None:
    from factcheck.errors import BinaryFileError, InputError
    from factcheck.read.discover import split_errors

    found = BinaryFileError("binary file", "drafts/photo.txt")
    named = BinaryFileError("binary file", "photo.txt")
    missing = InputError("no such file", "gone.txt")
    errors, skipped = split_errors([found, named, missing], ["drafts", "photo.txt"])
    assert errors == [named, missing] and skipped == [found]


def test_refuse_overwrite_names_the_article(tmp_path: Path) -> None:
    from factcheck.errors import InputError
    from factcheck.report.output import refuse_overwrite

    article = tmp_path / "a.txt"
    article.write_text("x")
    refuse_overwrite([article], [tmp_path / "report.json"])
    with pytest.raises(InputError, match="a.txt: is one of the articles"):
        refuse_overwrite([article], [article])
