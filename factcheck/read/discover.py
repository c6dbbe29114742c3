"""Finding articles to check (folders, globs, .gitignore, include/exclude patterns).

Nothing here raises on an odd tree: a symbolic link loop, an unreadable folder or a broken
link is an ``InputError`` for that path (added to ``errors``), and the rest is still found.
Paths are tested with ``os.path`` (which answers False where ``Path`` methods raise) and
made absolute with ``realpath`` (which, unlike ``Path.resolve``, never raises on a loop)."""

from __future__ import annotations

import errno
import glob
import os
from collections.abc import Iterable
from pathlib import Path

import pathspec

from factcheck.errors import BinaryFileError, FactcheckError, InputError, InputWarning

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})


DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in sorted(ARTICLE_SUFFIXES))


STDIN = "-"


class Selector:
    """Which files count as articles: gitignore-style include and exclude patterns, matched
    against the path relative to root (the configuration file's folder)."""

    def __init__(self, include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = (), root: Path | None = None) -> None:
        self.include = pathspec.GitIgnoreSpec.from_lines(list(include))
        self.exclude = pathspec.GitIgnoreSpec.from_lines(list(exclude))
        self.root = real(root or Path.cwd())

    def _relative(self, path: Path) -> str:
        resolved = real(path)
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.name

    def excluded(self, path: Path) -> bool:
        rel = self._relative(path)
        return self.exclude.match_file(rel) or (os.path.isdir(path) and self.exclude.match_file(rel + "/"))

    def wanted(self, path: Path) -> bool:
        return self.include.match_file(self._relative(path)) and not self.excluded(path)


def real(path: Path) -> Path:
    """The absolute path with links resolved as far as they go (a loop stays as it is)."""
    return Path(os.path.realpath(path))


def link_problem(path: Path) -> str | None:
    """'symbolic link loop' or 'broken symbolic link' for a link that leads nowhere, else None."""
    if not os.path.islink(path) or os.path.exists(path):
        return None
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _git_root(folder: Path) -> Path | None:
    for parent in (folder, *folder.parents):
        if os.path.exists(parent / ".git"):
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
    top_abs = real(top)
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
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link = is_dir = False
            try:
                is_file = entry.is_file()
            except OSError:  # a link loop
                is_file = False
            if _ignored(path, is_dir, active):
                continue
            if is_dir:
                if not selector.excluded(display):
                    visit(path, display, active)
            elif is_file and selector.wanted(display):
                found.append(display)
            elif is_link and selector.wanted(display) and (what := link_problem(path)) is not None:
                problem = InputError(what, display)
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
        except (OSError, RuntimeError, ValueError) as exc:  # a folder we may not search, a NUL in the name
            problem = InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", name)
            if errors is None:
                raise problem from None
            errors.append(problem)
        except InputError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return list(dict.fromkeys(out))


def _discover_one(name: str, selector: Selector, errors: list[InputError] | None) -> list[Path]:
    if name == STDIN:
        return [Path(STDIN)]
    path = Path(name)
    if os.path.isdir(path):
        problems = len(errors or ())
        found = walk(path, selector, errors)
        if not found and len(errors or ()) == problems:
            raise InputError("directory holds no articles (*.txt, *.md)", name)
        return found
    problem = link_problem(path)
    if problem is not None:
        raise InputError(problem, name)
    if not os.path.lexists(path) and glob.has_magic(name):
        return _glob(name, selector, errors)
    if not os.path.lexists(path):
        raise InputError("no such file or directory", name)
    return [] if selector.excluded(path) else [path]


def _glob(name: str, selector: Selector, errors: list[InputError] | None) -> list[Path]:
    """The articles a glob matches: files it names (include/exclude applied), and the
    articles under folders it names; a link that leads nowhere is an error for that link."""
    found: list[Path] = []
    problems = len(errors or ())
    for match in sorted(glob.glob(name, recursive=True)):
        path = Path(match)
        if os.path.isdir(path):
            try:
                found.extend(walk(path, selector, errors))
            except InputError as exc:  # an unreadable folder the glob matched: named, the rest still found
                if errors is None:
                    raise
                errors.append(exc)
        elif os.path.isfile(path):
            if selector.wanted(path):
                found.append(path)
        elif (problem := link_problem(path)) is not None and selector.wanted(path):
            if errors is None:
                raise InputError(problem, match)
            errors.append(InputError(problem, match))
    if not found and len(errors or ()) == problems:
        raise InputError("no articles match this pattern", name)
    return found


def glob_root(name: str) -> Path:
    """The folder a glob searches from: its leading components without wildcards ('.' for none)."""
    parts = Path(name).parts
    fixed = parts[:next((i for i, p in enumerate(parts) if glob.has_magic(p)), len(parts))]
    return Path(*fixed) if fixed else Path(".")


def split_errors(errors: Iterable[FactcheckError], named: Iterable[str]) -> tuple[list[FactcheckError], list[FactcheckError]]:
    """(errors, warnings): a binary file found in a folder or by a glob is skipped with a
    warning (one named on the command line is an error like any other), and an
    ``InputWarning`` is a warning about a file that was still checked."""
    names = {str(Path(p)) for p in named}
    out: tuple[list[FactcheckError], list[FactcheckError]] = ([], [])
    for error in errors:
        skipped = isinstance(error, BinaryFileError) and error.path not in names
        out[skipped or isinstance(error, InputWarning)].append(error)
    return out
