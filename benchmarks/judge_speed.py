"""Judge speed: claims judged per CPU second, on the stored claims of the tests/corpus articles.

    python benchmarks/judge_speed.py [--seconds 3] [--refs DIR]

Each article of tests/corpus (the fresh held-out set left out) is extracted once, at its gold
publication date, against the bundled reference data (or ``--refs``). Then, for at least
``--seconds`` of CPU time each: ``Checker.judge`` over all the extractions (the judge, the
Claim it builds and every rule: what ``archive judge`` runs), and ``judge.verdict.match`` alone
over their figures, and over those of them that meet a series of their metric. Prints one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.judge.verdict import match
from factcheck.models import Extraction, Located
from factcheck.pipeline import Checker, Options
from factcheck.read.decode import read_path

ROOT = Path(__file__).resolve().parent.parent


def extractions(checker: Checker) -> list[Extraction]:
    """The extractions of the corpus articles, each at its gold date when it has one."""
    out: list[Extraction] = []
    for txt in sorted((ROOT / "tests" / "corpus").rglob("*.txt")):
        if "fresh_heldout" in txt.parts:
            continue
        gold = txt.with_suffix(".gold.json")
        raw = json.loads(gold.read_text(encoding="utf-8")) if gold.exists() else {}
        published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
        out.append(checker.extract(read_path(txt), published))
    return out


def rate(work: Callable[[], int], seconds: float) -> float:
    """Items per CPU second of work() (which returns how many it did), after one warm-up call."""
    work()
    done, start = 0, time.process_time()
    while (spent := time.process_time() - start) < seconds:
        done += work()
    return done / spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="CPU seconds per measure, at least")
    parser.add_argument("--refs", type=Path, action="append", help="reference data instead of the bundled data")
    args = parser.parse_args(argv)
    checker = Checker(Options(refs=tuple(args.refs)) if args.refs else Options())
    stored = extractions(checker)
    figures: list[tuple[Located, dt.date | None]] = [(f, e.published) for e in stored for f in e.figures]
    metrics = {r.metric for r in checker.index.rows}
    met = [(f, day) for f, day in figures if f.metric in metrics]

    def judge_all() -> int:
        for extraction in stored:
            checker.judge(extraction)
        return len(figures)

    def match_all(items: list[tuple[Located, dt.date | None]]) -> Callable[[], int]:
        def run() -> int:
            for figure, day in items:
                match(figure, checker.index, day)
            return len(items)
        return run

    whole = rate(judge_all, args.seconds)
    alone = rate(match_all(figures), args.seconds)
    meeting = rate(match_all(met), args.seconds)
    print(
        f"judge: {whole:,.0f} claims per CPU second through Checker.judge (judge, claim, rules); match alone "
        f"{alone:,.0f}, and {meeting:,.0f} for the {len(met)} claims whose metric has series "
        f"({len(figures)} claims in {len(stored)} articles)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
