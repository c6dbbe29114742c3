"""The performance benchmark: one table, factcheck and quantulum3 measured in the same run.

    python benchmarks/run.py            # full run (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # fewer repetitions and a 300-article batch

Throughput is measured with every sentence parsed (FACTCHECK_NO_PARSE_CACHE=1): the parse
cache would otherwise serve the repeated sentences of the generated inputs.

It measures the factcheck source tree it sits in (PYTHONPATH is set to it), on inputs
generated deterministically from tests/corpus, examples/ and reference_data/ into a
temporary folder. The reference cache goes to a fresh temporary folder too, so the first
cold run starts with an empty cache and the user's own cache is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data  # noqa: E402
import measure  # noqa: E402

ROOT = HERE.parent
MB = 1024 * 1024


@dataclass
class Row:
    measure: str
    result: str
    compared: str = ""
    ratio: str = ""
    target: str = ""
    ok: str = ""


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if line.startswith("model name")), platform.processor() or "?")
    try:
        from importlib.metadata import version

        q3 = version("quantulum3")
    except Exception:  # noqa: BLE001
        q3 = "?"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}), {model}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}, quantulum3 {q3}; load average {load}"
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def env(cache: Path, **extra: str) -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    out["FACTCHECK_CACHE_DIR"] = str(cache)
    out["PYTHONPYCACHEPREFIX"] = str(cache.parent / "pycache")  # bytecode as an installed package has it
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    out.pop("NO_COLOR", None)
    out.update(extra)
    return out


def probe(name: str, *args: object, environ: dict[str, str]) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(HERE / "probe.py"), name, *map(str, args)], env=environ, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"probe {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def has_jobs(environ: dict[str, str]) -> bool:
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--help"], env=environ, capture_output=True, text=True)
    return "--jobs" in done.stdout


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def ok(flag: bool) -> str:
    return "yes" if flag else "**NO**"


def mb(n: float) -> str:
    return f"{n / MB:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, a 300-article batch")
    parser.add_argument("--articles", type=int, help="batch size (default 1000, 300 with --quick)")
    args = parser.parse_args()
    runs, q3_runs = (3, 1) if args.quick else (7, 3)
    articles = args.articles or (300 if args.quick else 1000)
    fc = [sys.executable, "-m", "factcheck"]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp_name:
        tmp = Path(tmp_name)
        cache = tmp / "cache"
        environ = env(cache)
        small = tmp / "article-10k.txt"
        small.write_text(data.sized_article(10 * 1024), encoding="utf-8")
        size = small.stat().st_size
        started = machine()
        unparsed = env(cache, FACTCHECK_NO_PARSE_CACHE="1")  # every run parses its sentences
        measure.run([*fc, "--format", "json", str(small)], env=env(cache, FACTCHECK_NO_CACHE="1"), cwd=tmp)  # compiles bytecode
        first = measure.run([*fc, "--format", "json", str(small)], env=unparsed, cwd=tmp)
        cold, cold_runs = measure.repeat([*fc, "--format", "json", str(small)], runs, env=unparsed, cwd=tmp)
        again, _ = measure.repeat([*fc, "--format", "json", str(small)], runs, env=environ, cwd=tmp)
        q3_cmd = [sys.executable, "-W", "ignore", "-c", "import sys; from quantulum3 import parser; parser.parse(open(sys.argv[1], encoding='utf-8').read())", str(small)]
        q3_cold, _ = measure.repeat(q3_cmd, q3_runs, env=environ, cwd=tmp)
        q3_kind = "with its classifier (scikit-learn installed)" if _has("sklearn") else "without its optional classifier"
        rows.append(Row(f"cold `factcheck --format json`, {size / 1024:.1f} KB article, whole process, every sentence parsed (median of {runs})", f"{cold:.2f} s",
                        f"quantulum3 {q3_kind}, cold first `parser.parse`, same text, whole process (median of {q3_runs}): {q3_cold:.2f} s",
                        f"{q3_cold / cold:.1f}x", "<= 1.5 s, >= 4x", ok(cold <= 1.5 and q3_cold / cold >= 4)))
        rows.append(Row("  the same, first run with an empty reference cache", f"{first.seconds:.2f} s"))
        rows.append(Row("  the same article checked again (its sentences in the parse cache: no model loaded)", f"{again:.2f} s",
                        "quantulum3's cold first parse", f"{q3_cold / again:.1f}x"))

        limit = 40 if args.quick else 0
        warm = probe("warm", limit, 3, environ=unparsed)
        q3 = probe("quantulum3", limit, 1 if args.quick else 2, environ=environ)
        ratio = warm["kb_per_s"] / q3["kb_per_s"]
        rows.append(Row(f"warm library throughput, {warm['articles']:.0f} corpus articles ({warm['kb']:.0f} KB), every sentence parsed, best pass",
                        f"{warm['articles_per_s']:.0f} articles/s, {warm['kb_per_s']:.0f} KB/s",
                        f"quantulum3 `parser.parse`, same texts: {q3['articles_per_s']:.1f} articles/s, {q3['kb_per_s']:.0f} KB/s",
                        f"{ratio:.1f}x", ">= 3x", ok(ratio >= 3)))

        batch_dir = tmp / "batch"
        data.batch(batch_dir, articles)
        kb = sum(p.stat().st_size for p in batch_dir.iterdir()) / 1024
        jobs = has_jobs(environ)
        outputs: dict[int, bytes] = {}
        timings: dict[int, measure.Run] = {}
        batch_runs = 1 if args.quick else 3
        for _ in range(batch_runs):  # interleaved, the best of each kept: other load only slows a run down
            for n in (1, 2):
                cmd = [*fc, "--format", "json", *(["--jobs", str(n)] if jobs else []), str(batch_dir)]
                done = measure.run(cmd, env=unparsed, cwd=tmp, capture=True)
                outputs[n] = done.stdout
                peak = max(done.peak_bytes, timings[n].peak_bytes if n in timings else 0)
                seconds = min(done.seconds, timings[n].seconds if n in timings else done.seconds)
                timings[n] = measure.Run(seconds, peak, done.returncode, b"")
        speedup = timings[1].seconds / timings[2].seconds
        same = outputs[1] == outputs[2]
        best = f" (best of {batch_runs})" if batch_runs > 1 else ""
        rows.append(Row(f"`factcheck --format json DIR`, {articles} articles ({kb / 1024:.1f} MB), every sentence parsed, --jobs 1{best}", f"{timings[1].seconds:.2f} s",
                        f"quantulum3 `parser.parse` of the same text at its warm rate: {kb / q3['kb_per_s']:.2f} s", f"{kb / q3['kb_per_s'] / timings[1].seconds:.1f}x", ">= 3x", ok(kb / q3["kb_per_s"] / timings[1].seconds >= 3)))
        rows.append(Row(f"  the same, --jobs 2 (the default on this machine){'' if jobs else ' (no --jobs option: one process)'}", f"{timings[2].seconds:.2f} s",
                        "--jobs 1" + ("; output identical" if same else "; OUTPUT DIFFERS"), f"{speedup:.2f}x", ">= 1.7x", ok(speedup >= 1.7 and same)))

        refs_dir = data.reference_rows(tmp / "refs", 100_000)
        uncached = probe("refs", refs_dir, environ=env(cache, FACTCHECK_NO_CACHE="1"))
        probe("refs", refs_dir, environ=environ)
        cached = probe("refs", refs_dir, environ=environ)
        rows.append(Row(f"load and index {uncached['rows']:,.0f} reference rows (10 CSV files), no cache", f"{uncached['seconds']:.2f} s", target="<= 1.0 s", ok=ok(uncached["seconds"] <= 1.0)))
        rows.append(Row("  the same, from the reference cache", f"{cached['seconds']:.2f} s", target="<= 1.0 s", ok=ok(cached["seconds"] <= 1.0)))
        matched = probe("match", refs_dir, environ=environ)
        m_ratio = matched["large_us"] / matched["bundled_us"]
        rows.append(Row(f"match one figure ({matched['figures']:.0f} figures of the 10 KB article), {matched['large_rows']:,.0f}-row index",
                        f"{matched['large_us']:.0f} us", f"bundled index ({matched['bundled_rows']:.0f} rows): {matched['bundled_us']:.0f} us",
                        f"{m_ratio:.1f}x", "no scan of all rows (<= 2x)", ok(m_ratio <= 2)))

        scale = probe("scaling", MB, 1 if args.quick else 3, environ=unparsed)
        s_ratio = scale["big_seconds"] / scale["small_seconds"]
        cpu_ratio = scale["big_cpu"] / scale["small_cpu"]
        rows.append(Row(f"warm check of a {scale['big_bytes'] / MB:.2f} MB article ({scale['big_claims']:.0f} claims), best run", f"{scale['big_seconds']:.2f} s",
                        f"the same text as {scale['pieces']:.0f} articles of {scale['small_bytes'] / 1024:.1f} KB: {scale['small_seconds'] * 1000:.1f} ms each "
                        f"({scale['small_claims']:.0f} claims; CPU time ratio {cpu_ratio:.0f}x)",
                        f"{s_ratio:.0f}x", "<= 120x", ok(s_ratio <= 120)))

        one = max(r.peak_bytes for r in [first, *cold_runs])
        rows.append(Row("peak memory, one 10 KB article (cold process)", mb(one), target="<= 300 MB", ok=ok(one <= 300 * MB)))
        rows.append(Row("peak memory, the 1 MB article (probe process)", mb(scale["peak_bytes"]), target="<= 300 MB", ok=ok(scale["peak_bytes"] <= 300 * MB)))
        for n in (1, 2):
            rows.append(Row(f"peak memory, {articles}-article batch, --jobs {n} (all processes)", mb(timings[n].peak_bytes), target="<= 500 MB", ok=ok(timings[n].peak_bytes <= 500 * MB)))
    print(f"machine: {started}")
    print(f"load average at the end: {machine().rsplit('load average ', 1)[1]}")
    print()
    print(table(rows))


def table(rows: list[Row]) -> str:
    header = Row("measure", "factcheck", "compared with", "ratio", "target", "met")
    cells = [[r.measure, r.result, r.compared, r.ratio, r.target, r.ok] for r in [header, *rows]]
    widths = [max(len(c[i]) for c in cells) for i in range(6)]
    lines = ["| " + " | ".join(c[i].ljust(widths[i]) for i in range(6)) + " |" for c in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
