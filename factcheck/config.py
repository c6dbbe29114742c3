"""Configuration: ``factcheck.toml``, or ``[tool.factcheck]`` in ``pyproject.toml``.

The file is found by searching upward from each checked path (from a glob's fixed leading
folders, the current folder for standard input); ``--config FILE`` names it instead. One
configuration applies to a run. Options given on the command line win over the file; paths
in the file (``refs``, ``extra-refs``, and the ``include``/``exclude`` patterns) are relative to
the file's folder. The file is validated by a pydantic model (``ConfigFile``), whose JSON
Schema ``factcheck schema --config`` prints; any problem is a one-line ``ConfigError`` (exit 2).

    refs = ["data/refs"]                 # reference CSV files or folders, instead of the bundled data
    extra-refs = ["data/local.csv"]      # reference CSV files or folders, added to the data
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
import os
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from factcheck.errors import ConfigError
from factcheck.models import CONTESTED_METRICS, METRICS, Severity
from factcheck.read.decode import read_bytes
from factcheck.read.discover import STDIN, glob_root, real
from factcheck.rules import REGISTRY

if TYPE_CHECKING:
    from factcheck.pipeline import Options

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
MIN_SEVERITY = ("error", "warning", "info")
RULE_SETTINGS = ("error", "warning", "info", "off")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
MAX_CONFIG_BYTES = 1024 * 1024

FailOn = Literal["error", "warning", "info", "never"]
MinSeverity = Literal["error", "warning", "info"]
RuleSetting = Literal["error", "warning", "info", "off"]
Metric = Literal[METRICS]  # type: ignore[valid-type]

_STRICT = ConfigDict(extra="forbid", strict=True, populate_by_name=False)

RulesTable = create_model(  # type: ignore[call-overload]  # one optional field per registered rule, so the schema lists them
    "RulesTable",
    __config__=_STRICT,
    **{rule_id.replace("-", "_"): (RuleSetting | None, Field(None, alias=rule_id, description=r.rule.summary)) for rule_id, r in REGISTRY.items()},
)


class ConfigFile(BaseModel):
    """A factcheck.toml (or the [tool.factcheck] table of a pyproject.toml)."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False, title="factcheck configuration")

    refs: list[str] | None = Field(None, description="Reference CSV files or folders to use instead of the bundled data (relative to this file).")
    extra_refs: list[str] | None = Field(None, alias="extra-refs", description="Reference CSV files or folders added to the data (relative to this file).")
    fail_on: FailOn | None = Field(None, alias="fail-on", description="Exit 1 when a finding is at or above this severity (default error).")
    min_severity: MinSeverity | None = Field(None, alias="min-severity", description="Show findings at or above this severity (default info).")
    contested_metrics: list[Metric] | None = Field(None, alias="contested-metrics", description="Metrics whose unattributed figures are attribution gaps.")
    include: list[str] | None = Field(None, description="gitignore-style patterns of the articles to check in folders and globs.")
    exclude: list[str] | None = Field(None, description="gitignore-style patterns of paths never checked (also when named).")
    rules: RulesTable | None = Field(None, description="Severity per rule, or off.")


KEYS = tuple(f.alias or name for name, f in ConfigFile.model_fields.items())


def config_schema() -> dict[str, Any]:
    """The JSON Schema of the configuration file."""
    generated = ConfigFile.model_json_schema(by_alias=True)
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return generated


def config_schema_json() -> str:
    return json.dumps(config_schema(), indent=2, sort_keys=True) + "\n"


def shipped_config_schema() -> str:
    """The schema file shipped in the package (kept equal to the generated one by a test)."""
    from importlib import resources

    return (resources.files("factcheck") / "config.schema.json").read_text(encoding="utf-8")


class Settings:
    """The effective configuration of a run: defaults, then the file, then the command line."""

    def __init__(self, source: Path | None = None, root: Path | None = None) -> None:
        self.source = source
        self.root = root or Path.cwd()
        self.refs: tuple[Path, ...] = ()
        self.extra_refs: tuple[Path, ...] = ()
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

        return Options(
            refs=self.refs, extra_refs=self.extra_refs, contested=frozenset(self.contested), disabled=self.disabled,
            severities=self.severities, **extra,
        )

    def override(
        self, *, refs: Iterable[Path] | None = None, extra_refs: Iterable[Path] | None = None, fail_on: str | None = None,
        min_severity: str | None = None,
    ) -> Settings:
        """Apply command-line options (None: not given) in place; returns self."""
        if refs:
            self.refs = tuple(refs)
        if extra_refs:
            self.extra_refs = tuple(extra_refs)
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
            f"extra-refs = {value([str(p) for p in self.extra_refs])}",
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
    data = read_bytes(path, MAX_CONFIG_BYTES, ConfigError, "configuration file")
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read configuration: not UTF-8 text ({exc.reason} at byte {exc.start})", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # 5,000-digit integers, nesting 50,000 deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc) or type(exc).__name__
        raise ConfigError(f"invalid TOML: {reason}", path) from None
    if path.name == PYPROJECT:
        tool = parsed.get("tool", {})
        return tool.get("factcheck") if isinstance(tool, dict) else None
    return parsed


def find(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], at or above start."""
    here = real(start)
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if os.path.isfile(candidate):
            return candidate
        candidate = folder / PYPROJECT
        if os.path.isfile(candidate) and _table(candidate) is not None:
            return candidate
    return None


def search_start(name: str) -> Path:
    """Where the configuration of a checked path is searched from: the folder itself, a file's
    folder, a glob's fixed leading folders, or the current folder for standard input."""
    path = Path(name)
    if name == STDIN:
        return Path.cwd()
    if os.path.isdir(path):
        return path
    if not os.path.lexists(path):
        from glob import has_magic

        if has_magic(name):
            root = glob_root(name)
            while not os.path.isdir(root) and root != root.parent:
                root = root.parent
            return root
    return path.parent


def discover(paths: Iterable[str]) -> Path | None:
    """The one configuration file for the paths of a run (ConfigError when they disagree)."""
    found: dict[Path, str] = {}
    for name in paths:
        start = search_start(name)
        config = find(start) if os.path.isdir(start) else None
        if config is not None:
            found.setdefault(config, name)
    if len(found) > 1:
        (a, first), (b, second) = list(found.items())[:2]
        raise ConfigError(f"{first} and {second} are under different configuration files ({a}, {b}): check them in separate runs or pass --config")
    return next(iter(found), None)


def _problem(error: Any, where: str) -> str:
    """One line for the first problem pydantic found."""
    loc = [str(part) for part in error["loc"]]
    key, kind, value = loc[0] if loc else "", error["type"], error.get("input")
    if kind == "extra_forbidden":
        if len(loc) == 2 and loc[0] == "rules":
            return f"unknown rule {loc[1]!r} in rules (known: {', '.join(REGISTRY)})"
        return f"unknown key {loc[-1]!r}{where} (known: {', '.join(KEYS)})"
    if key == "rules":
        if len(loc) == 1:
            return "'rules' must be a table of rule = severity"
        return f"'rules.{loc[1]}' must be one of {', '.join(RULE_SETTINGS)}, not {value!r}"
    if key in ("fail-on", "min-severity"):
        return f"{key!r} must be one of {', '.join(FAIL_ON if key == 'fail-on' else MIN_SEVERITY)}, not {value!r}"
    if key == "contested-metrics" and len(loc) == 2 and kind == "literal_error":
        return f"{key!r}: unknown value {value!r} (one of: {', '.join(METRICS)})"
    if kind in ("list_type", "string_type"):
        return f"{key!r} must be a list of strings"
    return f"{'.'.join(loc)}: {error['msg']}"


def load(path: Path) -> Settings:
    """Settings from one configuration file, validated."""
    path = Path(path)
    table = _table(path)
    where = " in [tool.factcheck]" if path.name == PYPROJECT else ""
    if table is None:
        raise ConfigError("no [tool.factcheck] table", path)
    try:
        parsed = ConfigFile.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(_problem(exc.errors()[0], where), path) from None
    except RecursionError:
        raise ConfigError("nested too deeply", path) from None
    settings = Settings(real(path), real(path).parent)
    if parsed.refs is not None:
        settings.refs = tuple(settings.root / p for p in parsed.refs)
    if parsed.extra_refs is not None:
        settings.extra_refs = tuple(settings.root / p for p in parsed.extra_refs)
    settings.fail_on = parsed.fail_on or settings.fail_on
    settings.min_severity = parsed.min_severity or settings.min_severity
    if parsed.contested_metrics is not None:
        settings.contested = tuple(parsed.contested_metrics)
    if parsed.include is not None:
        settings.include = tuple(parsed.include)
    if parsed.exclude is not None:
        settings.exclude = tuple(parsed.exclude)
    if parsed.rules is not None:
        for rule_id, setting in parsed.rules.model_dump(by_alias=True, exclude_none=True).items():
            settings.rules[rule_id] = setting
    return settings


def resolve(paths: Iterable[str], config_file: Path | None = None) -> Settings:
    """The settings for a run over paths: --config FILE, else the file found, else defaults."""
    source = config_file if config_file is not None else discover(paths)
    return load(source) if source is not None else Settings()
