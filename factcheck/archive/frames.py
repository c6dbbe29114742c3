"""The store as pandas frames: one row per article path, per claim, per finding.

Only the columns the report needs are read, part by part. A claim belongs to every path
whose article has its key (copies of one article count once per path, as articles do).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa

from factcheck.archive.store import ARTICLES, FIGURES, FINDINGS, VERDICTS, Store, metadata, read

FIGURE_COLUMNS = ["key", "n", "text", "sentence", "line", "column", "metric", "location", "subject", "source"]
VERDICT_COLUMNS = [
    "key", "n", "verdict", "series", "message",
    "reference_file", "reference_row", "reference_value", "reference_as_of", "reference_source", "reference_source_url",
    "current_value", "current_as_of",
]
FINDING_COLUMNS = ["key", "n", "rule", "severity", "line", "column", "message"]
ARTICLE_COLUMNS = ["key", "published", "published_from", "figures", "error", "error_kind"]


@dataclass
class Frames:
    paths: pd.DataFrame  # path, key, error (unreadable), and the article's published, error
    claims: pd.DataFrame  # per path and figure: the figure and its verdict
    findings: pd.DataFrame  # per path and finding
    warnings: list[str] = field(default_factory=list)


def load(store: Store) -> Frames:
    paths = store.paths().to_pandas()
    extractors = sorted({e for e in paths["extractor"].dropna()})
    run = store.run()
    articles, figures, verdicts, findings = [], [], [], []
    unjudged = stale = 0
    for extractor in extractors:
        where, judged = store.extracted(extractor), store.judged(extractor)
        for name in store.parts(extractor):
            articles.append(read(where / f"{name}{ARTICLES}", ARTICLE_COLUMNS))
            figures.append(read(where / f"{name}{FIGURES}", FIGURE_COLUMNS))
            v, f = judged / f"{name}{VERDICTS}", judged / f"{name}{FINDINGS}"
            basis = metadata(v).get("basis") if v.exists() and f.exists() else None
            if basis is None or basis != metadata(f).get("basis"):
                unjudged += 1
                continue
            if basis != run.get("basis") and run["parts"].get(f"{judged.name}/{name}") != basis:
                stale += 1
            verdicts.append(read(v, VERDICT_COLUMNS))
            findings.append(read(f, FINDING_COLUMNS))
    warnings = []
    if unjudged:
        warnings.append(f"{unjudged} part{'s' if unjudged != 1 else ''} of the store not judged yet: run 'factcheck archive judge'")
    if stale:
        warnings.append(f"{stale} part{'s' if stale != 1 else ''} judged by an unfinished run: run 'factcheck archive judge' again")
    record = _frame(articles, ARTICLE_COLUMNS)
    # one record per key: an extraction wins over a failure, else the first failure
    record = record.sort_values(["key", "error"], na_position="first", kind="stable").drop_duplicates("key")
    paths = paths.rename(columns={"error": "read_error"}).merge(record, on="key", how="left")
    paths = paths.sort_values("path", kind="stable").reset_index(drop=True)
    claims = _frame(figures, FIGURE_COLUMNS).merge(_frame(verdicts, VERDICT_COLUMNS), on=["key", "n"], how="left")
    claims = paths[["path", "key", "published"]].merge(claims, on="key").sort_values(["path", "n"], kind="stable")
    found = _frame(findings, FINDING_COLUMNS).merge(_frame(figures, ["key", "n", "text"]), on=["key", "n"], how="left")
    found = paths[["path", "key"]].merge(found, on="key").sort_values(["path", "line", "column", "rule"], kind="stable")
    return Frames(paths, claims.reset_index(drop=True), found.reset_index(drop=True), warnings)


def _frame(parts: list[pa.Table], columns: list[str]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return pa.concat_tables([t.select(columns) for t in parts], promote_options="permissive").to_pandas()
