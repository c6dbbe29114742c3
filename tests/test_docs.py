"""The README documents every command, option and rule the tool has."""

from __future__ import annotations

from typing import Any

import typer.main

from factcheck.cli.app import app
from factcheck.rules import rules

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    out = []
    for name, command in group.commands.items():
        out.append((f"{prefix}{name}", command))
        if hasattr(command, "commands"):
            out.extend(_commands(command, f"{prefix}{name} "))
    return out


def test_every_command_is_documented() -> None:
    for name, _ in _commands(typer.main.get_command(app)):  # type: ignore[arg-type]
        if name != "check":
            assert f"factcheck {name}" in README, f"README does not document 'factcheck {name}'"


def test_every_option_is_documented() -> None:
    group = typer.main.get_command(app)
    for name, command in _commands(group):  # type: ignore[arg-type]
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in README, f"README does not document {opt} of '{name}'"


def test_every_rule_is_in_the_readme_table() -> None:
    for rule in rules():
        assert f"| `{rule.id}` | {rule.severity.value} | {rule.summary} |" in README
