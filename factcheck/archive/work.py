"""What a worker does: extract a batch of articles, judge a part's figures.

Tasks are plain data (the options as JSON, article texts, Arrow tables), so they travel to
a local process or a dask worker alike. Each process builds its ``Checker`` (reference data,
gazetteer; the language model on the first parse) once per set of options (``worker``) and
keeps it for every task after: the model is loaded once per worker, not once per batch.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from factcheck.archive import tables
from factcheck.archive.version import series_id, series_metric
from factcheck.errors import FactcheckError, InputError, InternalError
from factcheck.judge.series import candidate_series
from factcheck.models import Claim, Extraction, Located
from factcheck.pipeline import Checker, Options
from factcheck.read.document import Document


@dataclass(frozen=True)
class Article:
    """One article to extract: its store key, where it was found and its decoded text."""

    key: str
    path: str
    text: str
    encoding: str
    content: str
    kind: str
    given: dt.date | None


@dataclass(frozen=True)
class ExtractTask:
    name: str
    options: str
    extractor: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class JudgeTask:
    """Judge one part: every figure (``changed`` None), or only those that could use a
    changed series, keeping the ``previous`` verdicts and findings of the others."""

    extractor: str
    name: str
    options: str
    articles: pa.Table
    figures: pa.Table
    basis: str
    previous: tuple[pa.Table, pa.Table] | None = None
    changed: frozenset[str] | None = None
    reshaped: frozenset[str] = frozenset()  # metrics that gained or lost a series


@dataclass
class Judged:
    verdicts: pa.Table
    findings: pa.Table
    claims: int  # claims judged in this task


@dataclass
class Worker:
    """A process's checker and what it derives from the reference index, built once."""

    checker: Checker

    @cached_property
    def row_series(self) -> dict[tuple[str, int], str]:
        """The series of each reference row, by (file, line)."""
        return {(r.file, r.line): series_id(r.series) for r in self.checker.index.rows}

    def warm(self, model: bool) -> None:
        """Ready for the first task: the checker is built; with model, the language model loaded."""
        if model:
            from factcheck.language.parse import pipeline

            pipeline()


@lru_cache(maxsize=2)
def worker(options: str) -> Worker:
    """The worker for these options (JSON of ``Options``), built on first use in a process."""
    return Worker(Checker(Options.model_validate_json(options)))


def extract_task(task: ExtractTask) -> tuple[pa.Table, pa.Table]:
    """(articles, figures) of one batch; an article that fails is a row with its error."""
    checker = worker(task.options).checker
    articles: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for article in task.articles:
        row: dict[str, Any] = {
            "key": article.key, "content": article.content, "kind": article.kind, "given": article.given,
            "extractor": task.extractor, "figures": 0,
        }
        try:
            doc = Document.from_text(article.text, path=article.path, kind=article.kind, encoding=article.encoding)
            extraction = checker.extract(doc, article.given)
        except FactcheckError as exc:
            kind = "input" if isinstance(exc, InputError) else "internal"
            articles.append(row | {"error": exc.message, "error_kind": kind, "error_line": exc.line})
            continue
        except Exception as exc:  # noqa: BLE001 - a bug on one article is recorded, the others go on
            articles.append(row | {"error": InternalError.of(exc).message, "error_kind": "internal"})
            continue
        articles.append(tables.EXTRACTION.row(extraction, **(row | {"figures": len(extraction.figures)})))
        figures.extend(tables.FIGURES.row(f, key=article.key, n=n) for n, f in enumerate(extraction.figures, 1))
    return tables.EXTRACTION.build(articles, ["key"]), tables.FIGURES.build(figures, ["key", "n"])


def judge_task(task: JudgeTask) -> Judged:
    """The verdicts and findings of one part, merged with the previous ones kept.

    The judge sees one figure at a time (``Checker.judge`` judges each on its own): with
    ``changed``, only the figures that could use a changed series are judged again, their
    rows replace their previous rows, and the findings about a file as a whole (claim '',
    which no reference row decides) are kept."""
    w = worker(task.options)
    index = w.checker.index
    meta = {r["key"]: r for r in task.articles.to_pylist()}
    figures: dict[str, list[tuple[int, Located]]] = defaultdict(list)
    old = _lookups(task.previous[0]) if task.previous is not None else {}
    metrics = {series_metric(s) for s in task.changed} if task.changed is not None else set()
    places = _places(task.changed) if task.changed is not None else {}
    rows = task.figures
    if task.changed is not None:
        rows = rows.filter(pc.is_in(rows.column("metric"), value_set=pa.array(sorted(metrics), pa.string())))
    for row in rows.to_pylist():
        key, n = row["key"], row["n"]
        if key not in meta:
            continue
        if task.changed is not None and row["metric"] not in task.reshaped:
            if not _affected(row, old.get((key, n), []), task.changed, places.get(row["metric"], set()), w):
                continue
        figures[key].append((n, tables.FIGURES.load(row)))
    verdicts: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    redone: set[tuple[str, int]] = set()
    for key in sorted(figures):
        numbers = {f.id: n for n, f in figures[key]}
        fields = tables.EXTRACTION.values(meta[key])
        report = w.checker.judge(Extraction(path=key, figures=[f for _, f in figures[key]], **fields))
        for claim in report.claims:
            n = numbers[claim.id]
            redone.add((key, n))
            lookup = sorted(series_id(k) for k in candidate_series(claim, index, None))
            verdicts.append(tables.VERDICTS.row(claim, key=key, n=n, series=_series(claim, w), lookup=lookup))
        findings.extend(
            tables.FINDINGS.row(f, key=key, n=numbers.get(f.claim, 0)) for f in report.findings if task.changed is None or f.claim in numbers
        )
    new_verdicts = tables.VERDICTS.build(verdicts, ["key", "n"])
    new_findings = tables.FINDINGS.build(findings, ["key", "n", "rule", "line", "column"])
    if task.previous is not None and task.changed is not None:
        new_verdicts = _merge(task.previous[0], new_verdicts, redone, ["key", "n"])
        new_findings = _merge(task.previous[1], new_findings, redone, ["key", "n", "rule", "line", "column"])
    return Judged(new_verdicts, new_findings, len(redone))


def _merge(before: pa.Table, after: pa.Table, redone: set[tuple[str, int]], order: list[str]) -> pa.Table:
    """The rows of before not judged again, and after's, in order."""
    keep = [(k, n) not in redone for k, n in zip(before.column("key").to_pylist(), before.column("n").to_pylist())]
    kept = before.replace_schema_metadata(None).filter(pa.array(keep, pa.bool_())).cast(after.schema)
    return pa.concat_tables([kept, after]).sort_by([(c, "ascending") for c in order])


def _lookups(verdicts: pa.Table) -> dict[tuple[str, int], list[str]]:
    cols = verdicts.select(["key", "n", "lookup"]).to_pydict()
    return {(k, n): list(v or []) for k, n, v in zip(cols["key"], cols["n"], cols["lookup"])}


def _places(changed: frozenset[str]) -> dict[str, set[str]]:
    """The places of the changed series, by metric ('' for series with no place)."""
    out: dict[str, set[str]] = defaultdict(set)
    for sid in changed:
        metric, place = json.loads(sid)[:2]
        out[metric].add(place or "")
    return out


def _affected(figure: dict[str, Any], before: list[str], changed: frozenset[str], places: set[str], w: Worker) -> bool:
    """Whether a changed series could change a stored figure's judgement, when the series of
    its metric are the same ones as before (so the judge's candidate series for it, a
    function of the series keys, are those stored with its verdict): they hold a changed
    series, or a changed series is in the figure's place (as written or canonical, or the
    place its subject's people stand for) or has no place (the index and the rules look
    series up by metric and place)."""
    if changed.intersection(before) or "" in places:
        return True
    aliases = w.checker.index.aliases
    written = figure["location"]
    mine = {p for p in (written, aliases.canonical("location", written) if written else None) if p}
    mine |= aliases.people_of(aliases.canonical("subject", figure["subject"]) or "")
    return bool(mine & places)


def _series(claim: Claim, w: Worker) -> str | None:
    row = claim.current or claim.reference
    return None if row is None else w.row_series.get((row.file, row.row))

