"""Configuration: ``factcheck.toml``, or ``[tool.factcheck]`` in ``pyproject.toml``.

The file is found by searching upward from each checked path (the current folder for
standard input); ``--config FILE`` names it instead. One configuration applies to a run.
Options given on the command line win over the file; paths in the file (``refs``, and the
``include``/``exclude`` patterns) are relative to the file's folder. Unknown keys, rules,
severities or metrics are a ``ConfigError`` (exit 2).

    refs = ["data/refs"]                 # reference CSV files or folders
    fail-on = "warning"                  # error | warning | info | never
    min-severity = "info"                # error | warning | info
    contested-metrics = ["killed", "displaced"]
    include = ["*.md", "*.txt"]          # gitignore-style patterns, for folders and globs
    exclude = ["drafts/old/"]            # also applies to files named on the command line
    [rules]                              # [tool.factcheck.rules] in pyproject.toml
    attribution-gap = "error"            # error | warning | info | off
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import ConfigError
from factcheck.models import CONTESTED_METRICS, METRICS, Severity
from factcheck.rules import REGISTRY

if TYPE_CHECKING:
    from factcheck.pipeline import Options

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
MIN_SEVERITY = ("error", "warning", "info")
RULE_SETTINGS = ("error", "warning", "info", "off")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
KEYS = ("refs", "fail-on", "min-severity", "contested-metrics", "include", "exclude", "rules")


class Settings:
    """The effective configuration of a run: defaults, then the file, then the command line."""

    def __init__(self, source: Path | None = None, root: Path | None = None) -> None:
        self.source = source
        self.root = root or Path.cwd()
        self.refs: tuple[Path, ...] = ()
        self.fail_on = "error"
        self.min_severity = "info"
        self.contested: tuple[str, ...] = CONTESTED_METRICS
        self.include: tuple[str, ...] = DEFAULT_INCLUDE
        self.exclude: tuple[str, ...] = ()
        self.rules: dict[str, str] = {rule_id: r.rule.severity.value for rule_id, r in REGISTRY.items()}

    @property
    def disabled(self) -> frozenset[str]:
        return frozenset(r for r, s in self.rules.items() if s == "off")

    @property
    def severities(self) -> dict[str, Severity]:
        return {r: Severity(s) for r, s in self.rules.items() if s != "off" and s != REGISTRY[r].rule.severity.value}

    def options(self, **extra: Any) -> Options:
        """The pipeline options these settings ask for, plus extra fields (published, ...)."""
        from factcheck.pipeline import Options

        return Options(refs=self.refs, contested=frozenset(self.contested), disabled=self.disabled, severities=self.severities, **extra)

    def override(self, *, refs: Iterable[Path] | None = None, fail_on: str | None = None, min_severity: str | None = None) -> Settings:
        """Apply command-line options (None: not given) in place; returns self."""
        if refs:
            self.refs = tuple(refs)
        if fail_on is not None:
            self.fail_on = fail_on
        if min_severity is not None:
            self.min_severity = min_severity
        return self

    def to_toml(self) -> str:
        """The effective configuration as a factcheck.toml would say it."""
        def value(v: Any) -> str:
            if isinstance(v, (tuple, list)):
                return "[" + ", ".join(value(x) for x in v) + "]"
            return json.dumps(str(v), ensure_ascii=False)

        lines = [f"# effective configuration; file: {self.source if self.source else 'none (defaults)'}"]
        lines += [
            f"refs = {value([str(p) for p in self.refs])}",
            f"fail-on = {value(self.fail_on)}",
            f"min-severity = {value(self.min_severity)}",
            f"contested-metrics = {value(self.contested)}",
            f"include = {value(self.include)}",
            f"exclude = {value(self.exclude)}",
            "",
            "[rules]",
            *(f"{rule_id} = {value(s)}" for rule_id, s in self.rules.items()),
        ]
        return "\n".join(lines) + "\n"


def _table(path: Path) -> dict[str, Any] | None:
    """The factcheck table of a config file, or None when a pyproject.toml has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no such configuration file", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from None
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        return tool.get("factcheck") if isinstance(tool, dict) else None
    return data


def find(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], at or above start."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT
        if candidate.is_file() and _table(candidate) is not None:
            return candidate
    return None


def discover(paths: Iterable[str]) -> Path | None:
    """The one configuration file for the paths of a run (ConfigError when they disagree)."""
    found: dict[Path, str] = {}
    for name in paths:
        path = Path(name)
        start = Path.cwd() if name == "-" else path if path.is_dir() else path.parent
        config = find(start) if start.exists() else None
        if config is not None:
            found.setdefault(config, name)
    if len(found) > 1:
        (a, first), (b, second) = list(found.items())[:2]
        raise ConfigError(f"{first} and {second} are under different configuration files ({a}, {b}): check them in separate runs or pass --config")
    return next(iter(found), None)


def _strings(path: Path, key: str, value: Any, allowed: Iterable[str] | None = None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key!r} must be a list of strings", path)
    if allowed is not None:
        bad = [v for v in value if v not in allowed]
        if bad:
            raise ConfigError(f"{key!r}: unknown value {bad[0]!r} (one of: {', '.join(allowed)})", path)
    return tuple(value)


def _choice(path: Path, key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ConfigError(f"{key!r} must be one of {', '.join(allowed)}, not {value!r}", path)
    return str(value)


def load(path: Path) -> Settings:
    """Settings from one configuration file, validated."""
    path = Path(path)
    table = _table(path)
    where = " in [tool.factcheck]" if path.name == PYPROJECT else ""
    if table is None:
        raise ConfigError("no [tool.factcheck] table", path)
    settings = Settings(path.resolve(), path.resolve().parent)
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"unknown key {key!r}{where} (known: {', '.join(KEYS)})", path)
        if key == "refs":
            settings.refs = tuple(settings.root / p for p in _strings(path, key, value))
        elif key == "fail-on":
            settings.fail_on = _choice(path, key, value, FAIL_ON)
        elif key == "min-severity":
            settings.min_severity = _choice(path, key, value, MIN_SEVERITY)
        elif key == "contested-metrics":
            settings.contested = _strings(path, key, value, METRICS)
        elif key == "include":
            settings.include = _strings(path, key, value)
        elif key == "exclude":
            settings.exclude = _strings(path, key, value)
        else:
            if not isinstance(value, dict):
                raise ConfigError("'rules' must be a table of rule = severity", path)
            for rule_id, setting in value.items():
                if rule_id not in REGISTRY:
                    raise ConfigError(f"unknown rule {rule_id!r} in rules (known: {', '.join(REGISTRY)})", path)
                settings.rules[rule_id] = _choice(path, f"rules.{rule_id}", setting, RULE_SETTINGS)
    return settings


def resolve(paths: Iterable[str], config_file: Path | None = None) -> Settings:
    """The settings for a run over paths: --config FILE, else the file found, else defaults."""
    source = config_file if config_file is not None else discover(paths)
    return load(source) if source is not None else Settings()
