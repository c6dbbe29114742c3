"""Score extraction, attribution and verdicts against a gold-annotated corpus.

    python -m factcheck.evaluate [CORPUS_DIR ...] [--json]

A corpus folder holds ``NAME.txt`` articles with ``NAME.gold.json`` annotations (see
tests/corpus/README.md). Figures are matched one-to-one by span overlap; field accuracies are
over matched pairs; a predicted source matches when it holds at least half the content words
of the gold source or of one of its equally right ``source_alt`` names (a resolved pronoun's
referent, an appositive, a relaying agency); ``scope`` is scored where the gold gives it;
attribution gaps are contested figures with no source. A gold claim's
optional "verdict" is scored too (a miss counts as wrong), against the corpus's own ``refs/``
folder when it has one.

``--coverage`` adds the verdict coverage of issue 13 (``Coverage``): the share of gold figures
about people killed, injured, displaced, refugees, missing, detained or hostages that got a
verdict other than unverifiable, and every ``contradicted-figure`` error with its gold figure.
It reads both gold formats: this project's and the shared dev corpus's (NN.txt with
NN.gold.json holding "published" and "claims"; its "optional" and "ignore" lists are not
needed here), so ``python -m factcheck.evaluate ../shared/corpus/dev --coverage`` measures it
there without copying anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.models import CONTESTED_METRICS, Claim, FileReport, Severity, Verdict
from factcheck.pipeline import Checker, Options
from factcheck.read.decode import read_path

FIELDS = ("value", "qualifier", "metric", "subject", "location")
_STOP = frozenset({"the", "of", "a", "an", "in", "for", "and", "on", "s", "'s", "to", "by"})


@dataclass
class Gold:
    start: int
    end: int
    data: dict[str, object]


@dataclass
class Tally:
    """Counts behind every score; ``add`` merges another tally."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    sourced: int = 0
    source_correct: int = 0
    scoped: int = 0
    scope_correct: int = 0
    gap_gold: int = 0
    gap_predicted: int = 0
    gap_both: int = 0
    verdicts: int = 0
    verdict_correct: int = 0
    false_contradicted: int = 0
    misses: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        p = self.matched / self.predicted if self.predicted else 1.0
        r = self.matched / self.gold if self.gold else 1.0
        out = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
        for name in FIELDS:
            out[f"{name}_accuracy"] = self.correct[name] / self.matched if self.matched else 1.0
        out["source_accuracy"] = self.source_correct / self.sourced if self.sourced else 1.0
        out["scope_accuracy"] = self.scope_correct / self.scoped if self.scoped else 1.0
        out["gap_precision"] = self.gap_both / self.gap_predicted if self.gap_predicted else 1.0
        out["gap_recall"] = self.gap_both / self.gap_gold if self.gap_gold else 1.0
        out["verdict_accuracy"] = self.verdict_correct / self.verdicts if self.verdicts else 1.0
        return out


COVERED_METRICS: tuple[str, ...] = ("killed", "injured", "displaced", "refugees", "missing", "detained", "hostages")


@dataclass
class Coverage:
    """How many gold figures about people (``COVERED_METRICS``) got a verdict other than
    unverifiable, and every ``contradicted-figure`` error (issue 13's coverage measure)."""

    gold: int = 0
    matched: int = 0
    judged: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.judged / self.gold if self.gold else 1.0

    def add(self, txt: Path, gold: list[Gold], report: FileReport) -> None:
        """Count one article: its gold figures matched one-to-one by span, as ``score_file`` does."""
        used: set[int] = set()
        matched: dict[str, Gold] = {}
        for g in gold:
            claim = _best(g, report.claims, used)
            if claim is not None:
                used.add(id(claim))
                matched[claim.id] = g
            if g.data.get("metric") not in COVERED_METRICS:
                continue
            self.gold += 1
            if claim is None:
                continue
            self.matched += 1
            self.judged += claim.verdict is not Verdict.unverifiable
            self.verdicts[claim.verdict.value] = self.verdicts.get(claim.verdict.value, 0) + 1
            if claim.verdict is Verdict.unverifiable:
                self.reasons[claim.reason.value] = self.reasons.get(claim.reason.value, 0) + 1
        claims = {c.id: c for c in report.claims}
        for finding in report.findings:
            if finding.rule != "contradicted-figure" or finding.severity is not Severity.error:
                continue
            claim = claims.get(finding.claim)
            hit = matched.get(finding.claim)
            text = claim.text if claim is not None else finding.claim
            what = f"gold {hit.data['text']!r} ({hit.data.get('metric')})" if hit is not None else "no gold figure"
            self.errors.append(f"{txt.name}: {text!r}, {what}: {finding.message}")

    def as_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold, "matched": self.matched, "judged": self.judged, "share": round(self.share, 4),
            "verdicts": dict(sorted(self.verdicts.items())), "unverifiable_reasons": dict(sorted(self.reasons.items())),
            "contradicted_errors": len(self.errors), "errors": self.errors,
        }

    def lines(self) -> list[str]:
        out = [
            f"coverage: {self.judged}/{self.gold} gold figures about {', '.join(COVERED_METRICS)} got a verdict "
            f"other than unverifiable ({self.share:.1%}); {self.matched} found",
            "  verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.verdicts.items())),
            "  unverifiable because: " + ", ".join(f"{k} {v}" for k, v in sorted(self.reasons.items(), key=lambda kv: -kv[1])),
            f"contradicted-figure errors: {len(self.errors)}",
        ]
        return out + [f"  {e}" for e in self.errors]


def _content(words: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", words.lower().replace("'s", "")) if w not in _STOP}


def source_matches(predicted: str | None, gold: str | None) -> bool:
    """True when predicted holds at least half the gold source's content words."""
    if gold is None:
        return predicted is None
    wanted = _content(gold)
    return bool(predicted) and len(wanted & _content(predicted or "")) * 2 >= len(wanted)


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a or "").strip().lower() == str(b or "").strip().lower()
    return a == b


def load_gold(txt: Path) -> tuple[dt.date | None, list[Gold]]:
    """A gold file's publication date and claims, with spans found by text and occurrence."""
    text = read_path(txt).text
    raw = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
    out: list[Gold] = []
    for claim in raw["claims"]:
        at = -1
        for _ in range(int(claim.get("occurrence", 1))):
            at = text.find(claim["text"], at + 1)
            if at < 0:
                raise ValueError(f"{txt}: {claim['text']!r} occurrence {claim.get('occurrence', 1)} not found")
        out.append(Gold(at, at + len(claim["text"]), claim))
    published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
    return published, out


def _is_gap(metric: object, source: object) -> bool:
    return metric in CONTESTED_METRICS and not source


def score_file(checker: Checker, txt: Path, tally: Tally, coverage: Coverage | None = None) -> None:
    published, gold = load_gold(txt)
    report = checker.check_path(txt, published)
    claims = report.claims
    if coverage is not None:
        coverage.add(txt, gold, report)
    tally.gold += len(gold)
    tally.predicted += len(claims)
    used: set[int] = set()
    for g in gold:
        match = _best(g, claims, used)
        gold_gap = _is_gap(g.data.get("metric"), g.data.get("source"))
        tally.gap_gold += gold_gap
        tally.verdicts += "verdict" in g.data
        if match is None:
            tally.misses.append(f"{txt.name}: missed {g.data['text']!r}")
            continue
        _score_verdict(g, match, txt, tally)
        used.add(id(match))
        tally.matched += 1
        expected = {**g.data, "value": float(g.data["value"])}  # type: ignore[arg-type]
        got = {"value": match.value, "qualifier": match.qualifier.value, "metric": match.metric, "subject": match.subject, "location": match.location}
        for name in FIELDS:
            ok = _same(got[name], expected.get(name))
            if name == "value":
                ok = ok and (g.data.get("high") is None or match.high == float(g.data["high"]))  # type: ignore[arg-type]
            tally.correct[name] += ok
            if not ok:
                tally.misses.append(f"{txt.name}: {g.data['text']!r} {name} {got[name]!r} != {expected.get(name)!r}")
        if "scope" in g.data:
            tally.scoped += 1
            ok = match.scope.value == g.data["scope"]
            tally.scope_correct += ok
            if not ok:
                tally.misses.append(f"{txt.name}: {g.data['text']!r} scope {match.scope.value!r} != {g.data['scope']!r}")
        if g.data.get("source"):
            tally.sourced += 1
            names = [str(g.data["source"]), *map(str, g.data.get("source_alt") or ())]  # type: ignore[call-overload]
            ok = any(source_matches(match.source, name) for name in names)
            tally.source_correct += ok
            if not ok:
                tally.misses.append(f"{txt.name}: {g.data['text']!r} source {match.source!r} != {g.data['source']!r}")
        tally.gap_both += gold_gap and _is_gap(match.metric, match.source)
    for claim in claims:
        if id(claim) not in used:
            tally.misses.append(f"{txt.name}: extra {claim.text!r}")
    tally.gap_predicted += sum(_is_gap(c.metric, c.source) for c in claims)


def _score_verdict(g: Gold, match: Claim, txt: Path, tally: Tally) -> None:
    """A gold claim's optional "verdict": right or wrong; supported called contradicted is counted apart."""
    if "verdict" not in g.data:
        return
    expected, got = g.data["verdict"], match.verdict.value
    tally.verdict_correct += got == expected
    tally.false_contradicted += expected == "supported" and got == "contradicted"
    if got != expected:
        tally.misses.append(f"{txt.name}: {g.data['text']!r} verdict {got!r} != {expected!r}: {match.message}")


def _best(g: Gold, claims: list[Claim], used: set[int]) -> Claim | None:
    overlapping = [c for c in claims if id(c) not in used and c.start < g.end and g.start < c.end]
    return max(overlapping, key=lambda c: min(c.end, g.end) - max(c.start, g.start), default=None)


def _refs_for(txt: Path, root: Path) -> Path | None:
    """The corpus's own reference data: a ``refs/`` folder beside the article or above it (up to root)."""
    for folder in (txt.parent, *txt.parent.parents):
        if (folder / "refs").is_dir():
            return folder / "refs"
        if folder == root:
            break
    return None


def evaluate(folders: list[Path], checker: Checker | None = None, coverage: Coverage | None = None) -> Tally:
    """Score every gold-annotated article under folders; a corpus with a ``refs/`` folder is
    checked against that reference data (through Options.refs) instead of the bundled data.
    When coverage is given, it counts the verdict coverage of the same reports."""
    checker = checker or Checker(Options())
    checkers: dict[Path, Checker] = {}
    tally = Tally()
    for folder in folders:
        for txt in sorted(folder.rglob("*.txt")):
            if not txt.with_suffix(".gold.json").exists():
                continue
            refs = _refs_for(txt, folder)
            if refs is not None and refs not in checkers:
                checkers[refs] = Checker(checker.options.model_copy(update={"refs": (refs,)}))
            score_file(checkers[refs] if refs is not None else checker, txt, tally, coverage)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factcheck.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[Path("tests/corpus")])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--misses", action="store_true", help="list every miss and wrong field")
    parser.add_argument("--coverage", action="store_true", help="also measure verdict coverage and list contradicted-figure errors")
    args = parser.parse_args(argv)
    coverage = Coverage() if args.coverage else None
    tally = evaluate(args.corpus, coverage=coverage)
    scores = tally.scores()
    if args.json:
        counts = {"gold": tally.gold, "predicted": tally.predicted, "verdicts": tally.verdicts, "false_contradicted": tally.false_contradicted}
        extra = {"coverage": coverage.as_dict()} if coverage is not None else {}
        print(json.dumps({k: round(v, 4) for k, v in scores.items()} | counts | extra, indent=2))
    else:
        print(f"figures: gold {tally.gold}, predicted {tally.predicted}, matched {tally.matched}")
        for name, value in scores.items():
            print(f"{name:<20} {value:.3f}")
        print(f"verdicts: gold {tally.verdicts}, supported called contradicted {tally.false_contradicted}")
        if coverage is not None:
            print("\n".join(coverage.lines()))
    if args.misses:
        print("\n".join(tally.misses), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
