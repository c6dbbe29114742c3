"""Finding articles to check (folders, globs, .gitignore, include/exclude patterns), and
writing reports atomically."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

import pathspec

from factcheck.errors import BinaryFileError, InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})


DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in sorted(ARTICLE_SUFFIXES))


STDIN = "-"


class Selector:
    """Which files count as articles: gitignore-style include and exclude patterns, matched
    against the path relative to root (the configuration file's folder)."""

    def __init__(self, include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = (), root: Path | None = None) -> None:
        self.include = pathspec.GitIgnoreSpec.from_lines(list(include))
        self.exclude = pathspec.GitIgnoreSpec.from_lines(list(exclude))
        self.root = (root or Path.cwd()).resolve()

    def _relative(self, path: Path) -> str:
        resolved = path.resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.name

    def excluded(self, path: Path) -> bool:
        rel = self._relative(path)
        return self.exclude.match_file(rel) or (path.is_dir() and self.exclude.match_file(rel + "/"))

    def wanted(self, path: Path) -> bool:
        return self.include.match_file(self._relative(path)) and not self.excluded(path)


def _git_root(folder: Path) -> Path | None:
    for parent in (folder, *folder.parents):
        if (parent / ".git").exists():
            return parent
    return None


def _gitignore(folder: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, pathspec.GitIgnoreSpec]]) -> bool:
    """Whether the deepest .gitignore with a pattern matching path ignores it."""
    verdict = False
    for base, spec in specs:
        rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        result = spec.check_file(rel).include
        if result is not None:
            verdict = result
    return verdict


def walk(top: Path, selector: Selector, errors: list[InputError] | None = None) -> list[Path]:
    """Articles under a folder: hidden entries (.git) skipped, .gitignore files honoured
    (also those of the enclosing repository above top), include/exclude applied.

    An unreadable folder below top, or a broken link with an article's name, is added to
    errors (raised when errors is None); an unreadable top raises."""
    top_abs = top.resolve()
    specs: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    root = _git_root(top_abs)
    if root is not None:
        for folder in reversed([top_abs, *top_abs.parents][1:len(top_abs.relative_to(root).parts) + 1]):
            spec = _gitignore(folder)
            if spec is not None:
                specs.append((folder, spec))
    found: list[Path] = []

    def visit(folder: Path, shown: Path, inherited: list[tuple[Path, pathspec.GitIgnoreSpec]]) -> None:
        spec = _gitignore(folder)
        active = inherited + [(folder, spec)] if spec is not None else inherited
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            problem = InputError(f"cannot read folder: {exc.strerror or exc}", shown)
            if errors is None or folder == top_abs:
                raise problem from None
            errors.append(problem)
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path, display = folder / entry.name, shown / entry.name
            is_dir = entry.is_dir()
            if _ignored(path, is_dir, active):
                continue
            if is_dir and not entry.is_symlink():
                if not selector.excluded(display):
                    visit(path, display, active)
            elif entry.is_file() and selector.wanted(display):
                found.append(display)
            elif entry.is_symlink() and not os.path.exists(path) and selector.wanted(display):
                problem = InputError("broken symbolic link", display)
                if errors is None:
                    raise problem
                errors.append(problem)

    visit(top_abs, top, specs)
    return found


def discover(paths: Iterable[str], selector: Selector | None = None, errors: list[InputError] | None = None) -> list[Path]:
    """Files named (unless excluded), articles under named folders and files matching globs.

    With errors given, a path that cannot be used is added to it and the others are still
    found; without, the first such path raises."""
    selector = selector or Selector()
    out: list[Path] = []
    for name in paths:
        try:
            out.extend(_discover_one(name, selector, errors))
        except OSError as exc:  # e.g. a path inside a folder we may not search
            if errors is None:
                raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
            errors.append(InputError(f"cannot read: {exc.strerror or exc}", name))
        except InputError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return list(dict.fromkeys(out))


def _discover_one(name: str, selector: Selector, errors: list[InputError] | None) -> list[Path]:
    if name == STDIN:
        return [Path(STDIN)]
    path = Path(name)
    if path.is_dir():
        problems = len(errors or ())
        found = walk(path, selector, errors)
        if not found and len(errors or ()) == problems:
            raise InputError("directory holds no articles (*.txt, *.md)", name)
        return found
    if path.is_symlink() and not path.exists():
        raise InputError("broken symbolic link", name)
    if not path.exists() and glob.has_magic(name):
        matches = [Path(m) for m in sorted(glob.glob(name, recursive=True))]
        found = [p for m in matches for p in (walk(m, selector, errors) if m.is_dir() else [m] if selector.wanted(m) else [])]
        if not found:
            raise InputError("no articles match this pattern", name)
        return found
    if not path.exists():
        raise InputError("no such file or directory", name)
    return [] if selector.excluded(path) else [path]


def split_errors(errors: Iterable[InputError], named: Iterable[str]) -> tuple[list[InputError], list[InputError]]:
    """(errors, skipped): a binary file found in a folder or by a glob is skipped with a
    warning; one named on the command line is an error like any other."""
    names = {str(Path(p)) for p in named}
    out: tuple[list[InputError], list[InputError]] = ([], [])
    for error in errors:
        out[isinstance(error, BinaryFileError) and error.path not in names].append(error)
    return out
