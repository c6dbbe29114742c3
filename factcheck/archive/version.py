"""When a stored row is still valid: the extractor version, article keys and the judge's basis.

An article's extraction is stored under ``article_key``: a digest of its content, its kind
(plain text, Markdown or HTML, from the file name), the publication date given for it, the
forced encoding, the extractor version and the reference vocabulary extraction reads (the
aliases and organisation names). The extractor version is the package version, a digest of
the extraction code (every source and data file of the packages extraction runs, and the
archive's own row format) and the language model's name and version
(``factcheck.language.parse.model_name``): change any of them and every article is extracted
again. A judgement is valid for a *basis*: the judge version (package version and a digest
of the judge, rules and reference code), the rule settings, the aliases and the reference
rows; rows are compared series by series (``series_digests``), so a changed row re-judges
only the claims that could use its series.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import __version__

if TYPE_CHECKING:
    import datetime as dt

    from factcheck.pipeline import Checker, Options
    from factcheck.reference.aliases import Aliases
    from factcheck.reference.index import ReferenceIndex
    from factcheck.reference.rows import SeriesKey

PACKAGE = Path(__file__).resolve().parent.parent
EXTRACTION_CODE = (
    "language", "read", "extract", "attribution", "reference", "models.py", "pipeline.py", "errors.py",
    "archive/tables.py", "archive/work.py",
)
JUDGE_CODE = ("judge", "rules", "reference", "models.py", "pipeline.py", "archive/tables.py", "archive/work.py", "archive/judge.py")
_SUFFIXES = frozenset({".py", ".txt", ".csv", ".json", ".tsv"})


def digest(*parts: object) -> str:
    """A hex digest of the parts' text, separated so that no two lists of parts collide."""
    h = hashlib.sha256()
    for part in parts:
        text = str(part).encode("utf-8", "surrogatepass")
        h.update(len(text).to_bytes(8, "little"))
        h.update(text)
    return h.hexdigest()


def _files(names: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for name in names:
        path = PACKAGE / name
        if path.is_dir():
            out.extend(p for p in path.rglob("*") if p.is_file() and p.suffix in _SUFFIXES and "__pycache__" not in p.parts)
        elif path.is_file():
            out.append(path)
    return sorted(set(out))


@lru_cache(maxsize=4)
def code_digest(names: tuple[str, ...]) -> str:
    """A digest of the named packages' and files' source and data files (path and bytes)."""
    h = hashlib.sha256()
    for path in _files(names):
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """'<package version>+<extraction code digest>+<language model>' (loads the model)."""
    from factcheck.language.parse import model_name

    model = re.sub(r"[^A-Za-z0-9_.]+", "-", model_name()).strip("-")
    return f"{__version__}+{code_digest(EXTRACTION_CODE)[:12]}+{model}"


def judge_version() -> str:
    return f"{__version__}+{code_digest(JUDGE_CODE)[:12]}"


def aliases_digest(aliases: Aliases) -> str:
    table = {kind: sorted(names.items()) for kind, names in sorted(aliases.table.items())}
    demonyms = sorted((k, sorted(v)) for k, v in aliases.demonyms.items())
    return digest(json.dumps(table, ensure_ascii=False), json.dumps(demonyms, ensure_ascii=False))


def vocabulary(checker: Checker) -> str:
    """A digest of the reference data extraction reads: aliases and the organisations named
    by membership rows (as ``Checker`` builds them)."""
    members = sorted({r.subject for r in checker.index.candidates("members") if r.subject})
    return digest(aliases_digest(checker.index.aliases), json.dumps(members, ensure_ascii=False))


def article_key(content: str, kind: str, given: dt.date | None, encoding: str | None, extractor: str, vocab: str) -> str:
    """The store key of one article's extraction (``content`` is the sha256 of its bytes)."""
    return digest(content, kind, given.isoformat() if given else "", encoding or "", extractor, vocab)[:32]


def settings_of(options: Options) -> str:
    """The rule settings a judgement depends on, as text."""
    severities = sorted((rule, str(getattr(s, "value", s))) for rule, s in options.severities.items())
    return json.dumps({"contested": sorted(options.contested), "disabled": sorted(options.disabled), "severities": severities})


def judge_state(checker: Checker) -> str:
    """Everything but the reference rows that a judgement depends on."""
    return digest(judge_version(), settings_of(checker.options), aliases_digest(checker.index.aliases))[:32]


def series_id(key: SeriesKey) -> str:
    """A series key as one string: a JSON list (metric, location, subject, source, period
    start, and whatever else the key holds), dates as YYYY-MM-DD."""
    return json.dumps([_text(p) for p in key], ensure_ascii=False)


def _text(part: object) -> object:
    isoformat = getattr(part, "isoformat", None)
    return isoformat() if isoformat is not None else part


def series_metric(sid: str) -> str:
    return str(json.loads(sid)[0])


def series_digests(index: ReferenceIndex) -> dict[str, str]:
    """Each series of the index and a digest of its rows (every field, in as_of order)."""
    return {series_id(key): digest(*(repr(tuple(row)) for row in rows))[:24] for key, rows in index.series.items()}


def refs_digest(series: dict[str, str]) -> str:
    return digest(*(f"{k}={v}" for k, v in sorted(series.items())))[:32]


def basis(state: str, refs: str) -> str:
    """What a judged part is valid for: the judge state and the reference rows."""
    return digest(state, refs)[:24]
