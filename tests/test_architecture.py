"""The layout keeps its promises: no import cycles, one door to spaCy, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
MAX_LINES = 450


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """Modules imported by path; with top_level_only, only what runs at import time
    (not inside functions, not under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module:
            submodules = {f"{node.module}.{a.name}" for a in node.names} & set(MODULES)
            found.update(submodules or {node.module})  # `from factcheck import cache` needs cache only
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    return {m: {d for d in _imports(p, True) if d in MODULES and d != m} for m, p in MODULES.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_module_import_cycle() -> None:
    assert _cycle(_graph()) is None


def test_no_package_import_cycle() -> None:
    """Subpackages depend on each other in one direction only (factcheck.x -> factcheck.y)."""
    def package(module: str) -> str:
        return ".".join(module.split(".")[:2])

    graph: dict[str, set[str]] = {}
    for module, deps in _graph().items():
        graph.setdefault(package(module), set()).update(package(d) for d in deps if package(d) != package(module))
    graph.pop("factcheck", None)  # the package root re-exports the library entry points
    for deps in graph.values():
        deps.discard("factcheck")
    assert _cycle(graph) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_only_the_parse_module_imports_spacy() -> None:
    users = {m for m, p in MODULES.items() if any(i == "spacy" or i.startswith("spacy.") for i in _imports(p, False))}
    assert users <= {"factcheck.language.parse"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_small_and_postponed_annotations(module: str) -> None:
    source = MODULES[module].read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_LINES, f"{module} is over {MAX_LINES} lines: split it"
    if source.strip() and not source.lstrip().startswith('"""') or "def " in source or "class " in source:
        assert "from __future__ import annotations" in source, module
