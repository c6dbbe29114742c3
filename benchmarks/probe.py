"""In-process measurements, each run by run.py in a fresh interpreter; prints one JSON object.

    python benchmarks/probe.py warm [LIMIT [PASSES]]        factcheck's library on the corpus
    python benchmarks/probe.py quantulum3 [LIMIT [PASSES]]  quantulum3's parser.parse on the same texts
    python benchmarks/probe.py refs DIR              ReferenceIndex.load of DIR
    python benchmarks/probe.py match DIR             one figure matched: DIR's index vs the bundled one
    python benchmarks/probe.py scaling BYTES [RUNS]  a BYTES article vs its text as 10 KB articles
"""

from __future__ import annotations

import json
import resource
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402

SMALL = 10 * 1024


def _texts(limit: int | None) -> list[str]:
    texts = data.base_articles()
    return texts[:limit] if limit else texts


def _throughput(texts: list[str], seconds: float) -> dict[str, float]:
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    return {"articles": len(texts), "kb": kb, "seconds": seconds, "articles_per_s": len(texts) / seconds, "kb_per_s": kb / seconds}


def warm(limit: int | None = None, passes: int = 3) -> dict[str, float]:
    """The best of several timed passes over the corpus, after one untimed pass."""
    from factcheck.pipeline import Checker
    from factcheck.read.document import Document

    texts = _texts(limit)
    checker = Checker()
    for text in texts:
        checker.check_document(Document.from_text(text))
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for text in texts:
            checker.check_document(Document.from_text(text))
        times.append(time.perf_counter() - start)
    return _throughput(texts, min(times))


def quantulum3(limit: int | None = None, passes: int = 2) -> dict[str, float]:
    """The best of timed passes of parser.parse over the same texts, after a first parse of a short text."""
    warnings.simplefilter("ignore")
    from quantulum3 import parser

    texts = _texts(limit)
    parser.parse("The convoy of 12 trucks carried 40 tonnes.")
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for text in texts:
            parser.parse(text)
        times.append(time.perf_counter() - start)
    return _throughput(texts, min(times))


def refs(folder: str) -> dict[str, float]:
    """Wall time of ReferenceIndex.load (any lazy import it needs included)."""
    from factcheck.reference.index import ReferenceIndex

    start = time.perf_counter()
    index = ReferenceIndex.load([Path(folder)])
    return {"rows": len(index.rows), "seconds": time.perf_counter() - start}


def match(folder: str, rounds: int = 20) -> dict[str, float]:
    """Mean time of one ``match`` call (a figure against the index) while checking the 10 KB
    article, with a large index and with the bundled one."""
    from factcheck import pipeline
    from factcheck.read.document import Document
    from factcheck.reference.index import ReferenceIndex

    spent = [0.0, 0]
    plain = pipeline.match

    def timed(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return plain(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start
            spent[1] += 1

    pipeline.match = timed  # type: ignore[assignment]
    doc = Document.from_text(data.sized_article(SMALL), path="a.txt")
    out: dict[str, float] = {}
    for name, index in (("bundled", ReferenceIndex.load()), ("large", ReferenceIndex.load([Path(folder)]))):
        checker = pipeline.Checker(index=index)
        checker.check_document(doc)
        spent[:] = [0.0, 0]
        for _ in range(rounds):
            checker.check_document(doc)
        out[f"{name}_us"] = spent[0] / max(1, int(spent[1])) * 1e6
        out[f"{name}_rows"] = len(index.rows)
        out["figures"] = spent[1] / rounds
    return out


def _pieces(text: str, size: int) -> list[str]:
    """text cut at paragraph breaks into articles of at most ``size`` bytes."""
    out: list[str] = []
    current: list[str] = []
    total = 0
    for paragraph in text.split("\n\n"):
        cost = len(paragraph.encode("utf-8")) + 2
        if current and total + cost > size:
            out.append("\n\n".join(current))
            current, total = [], 0
        current.append(paragraph)
        total += cost
    return out + (["\n\n".join(current)] if current else [])


def scaling(big: int, big_runs: int = 2) -> dict[str, float]:
    """Warm check time of a ``big``-byte article (the best of ``big_runs``) against the same
    text checked as separate articles of at most 10 KB (mean time per article), wall clock and
    CPU: the same words either way, so only the article's length differs."""
    from factcheck.pipeline import Checker
    from factcheck.read.document import Document

    checker = Checker()
    big_text = data.sized_article(big)
    pieces = _pieces(big_text, SMALL)

    def timed(text: str) -> tuple[float, float, int]:
        start, start_cpu = time.perf_counter(), time.process_time()
        claims = len(checker.check_document(Document.from_text(text, path="article.txt")).claims)
        return time.perf_counter() - start, time.process_time() - start_cpu, claims

    for piece in pieces[:20]:
        timed(piece)  # any first-use cost (lazy imports) paid before timing
    small = [timed(piece) for piece in pieces]
    runs = [timed(big_text) for _ in range(big_runs)]
    return {
        "small_bytes": sum(len(p.encode()) for p in pieces) / len(pieces), "pieces": len(pieces),
        "big_bytes": len(big_text.encode()), "small_seconds": sum(r[0] for r in small) / len(small),
        "small_cpu": sum(r[1] for r in small) / len(small), "big_seconds": min(r[0] for r in runs),
        "big_cpu": min(r[1] for r in runs), "big_claims": runs[0][2], "small_claims": sum(r[2] for r in small),
        "peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def main(argv: list[str]) -> None:
    name, *args = argv
    probes = {"warm": warm, "quantulum3": quantulum3, "refs": refs, "match": match, "scaling": scaling}
    converted = [int(a) if a.isdigit() else a for a in args]
    print(json.dumps(probes[name](*converted)))


if __name__ == "__main__":
    main(sys.argv[1:])
