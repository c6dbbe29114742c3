"""factcheck serve measured through a real HTTP client on 127.0.0.1; the results go to benchmarks/SERVER.md.

    python benchmarks/server_load.py [--requests 2000] [--clients 8] [--workers 2] [--output benchmarks/SERVER.md]

1. Warm latency of a 10 KB article (one client, one request at a time) against the whole
   process time of `factcheck --format json` on the same input, in three situations an editor
   meets: the article unchanged since the last check, the article with one new sentence, and
   an article never seen (every figure's digits changed, so no sentence is in the parse cache).
2. A bounded load test: ``--requests`` requests from ``--clients`` concurrent clients (each
   its own keep-alive connection) over 40 distinct articles and four formats, the server's
   result cache off so that every request runs the checker; stops at 60 s whatever the count.

Server and command line share one fresh cache folder, so both see the same parse cache; the
reference cache is built once before anything is timed. Inputs come from tests/corpus and
examples/ (benchmarks/data.py); nothing random, nothing downloaded; the load stays on loopback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import ROOT, base_articles, sized_article  # noqa: E402

DATE = "2024-08-20"
FORMATS = ("json", "json", "json", "json", "json", "json", "json", "markdown", "html", "sarif")
DEADLINE = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(env: dict[str, str], workers: int, extra: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--port", str(port), "--workers", str(workers), "--no-access-log",
         "--log-level", "warning", *extra], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v1/health", timeout=2).status_code == 200:
                for _ in range(workers * 4):  # every worker answers before anything is timed
                    httpx.get(f"{url}/v1/health", timeout=60)
                return process, url
        except httpx.HTTPError:
            time.sleep(0.3)
    stop(process)
    raise SystemExit("factcheck serve did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def edited(text: str, k: int) -> str:
    """The article with one new sentence holding a figure, as an editor adds one."""
    return text + f"\nAt least {1000 + k:,} more people fled across the border on day {k}, the agency said.\n"


def unseen(text: str, k: int) -> str:
    """An article with the same shape and none of its figure sentences seen before: every
    digit replaced by one drawn from a generator seeded with k."""
    rng = random.Random(k)
    return re.sub(r"\d", lambda m: rng.choice("123456789"), text)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def server_latency(url: str, texts: list[str], warm: int = 2) -> float:
    """Median seconds per request, one client, after ``warm`` untimed requests."""
    times = []
    with httpx.Client(base_url=url, timeout=120) as http:
        for i, text in enumerate(texts):
            started = time.perf_counter()
            reply = http.post("/v1/check", json={"text": text, "path": "article.txt", "published": DATE})
            elapsed = time.perf_counter() - started
            assert reply.status_code == 200, reply.text
            if i >= warm:
                times.append(elapsed)
    return statistics.median(times)


def cli_latency(env: dict[str, str], folder: Path, texts: list[str]) -> float:
    """Median whole-process seconds of `factcheck --format json` (a new process each time)."""
    times = []
    for i, text in enumerate(texts):
        path = folder / f"cli-{len(list(folder.iterdir()))}-{i}.txt"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "factcheck", "--format", "json", "--jobs", "1", "--date", DATE, str(path)],
                             cwd=ROOT, env=env, capture_output=True)
        times.append(time.perf_counter() - started)
        assert run.returncode in (0, 1), run.stderr.decode()[-500:]
    return statistics.median(times)


def load(url: str, bodies: list[dict[str, str]], requests: int, clients: int) -> dict[str, float]:
    """Send ``requests`` bodies from ``clients`` threads; latency percentiles, throughput, statuses."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    next_index = iter(range(requests))
    started = time.perf_counter()

    def client() -> None:
        with httpx.Client(base_url=url, timeout=120) as http:
            while time.perf_counter() - started < DEADLINE:
                with lock:
                    i = next(next_index, None)
                if i is None:
                    return
                t = time.perf_counter()
                try:
                    status = http.post("/v1/check", json=bodies[i % len(bodies)]).status_code
                except httpx.HTTPError:
                    status = -1
                with lock:
                    latencies.append(time.perf_counter() - t)
                    statuses[status] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {
        "done": len(latencies), "wall": wall, "rps": len(latencies) / wall, "p50": percentile(latencies, 50),
        "p90": percentile(latencies, 90), "p99": percentile(latencies, 99), "max": max(latencies),
        "ok": statuses[200], "5xx": sum(n for s, n in statuses.items() if s >= 500), "failed": statuses[-1],
        "other": sum(n for s, n in statuses.items() if s not in (200, -1) and s < 500),
    }


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    load1 = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, load average {load1:.1f} at the start"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5, help="timed CLI runs and server requests per situation")
    parser.add_argument("--output", type=Path, default=Path(__file__).resolve().parent / "SERVER.md")
    args = parser.parse_args()
    about = machine()
    with tempfile.TemporaryDirectory(prefix="factcheck-server-bench-") as tmp:
        folder = Path(tmp)
        (folder / "cli").mkdir()
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(folder / "cache")}
        env.pop("FACTCHECK_NO_CACHE", None)
        article = sized_article(10_000)
        cli_latency(env, folder / "cli", [unseen(article, 999)])  # builds the reference cache, untimed
        n = args.repeats
        rows: list[tuple[str, float, float]] = []
        process, url = start(env, 1, [])
        try:
            server_unchanged = server_latency(url, [article] * (n + 2))
            server_edited = server_latency(url, [edited(article, k) for k in range(n + 2)])
            server_unseen = server_latency(url, [unseen(article, k) for k in range(1, n + 3)])
        finally:
            stop(process)
        rows.append(("unchanged since the last check", server_unchanged, cli_latency(env, folder / "cli", [article] * n)))
        rows.append(("one new sentence", server_edited, cli_latency(env, folder / "cli", [edited(article, 100 + k) for k in range(n)])))
        rows.append(("never seen (no sentence in the parse cache)", server_unseen,
                     cli_latency(env, folder / "cli", [unseen(article, 1000 + k) for k in range(n)])))

        articles = ["\n\n".join(base_articles()[i::40][:3]) for i in range(40)]
        checks = [{"text": t, "path": f"a{i}.txt", "published": DATE, "format": FORMATS[i % len(FORMATS)]} for i, t in enumerate(articles)]
        versions = range(args.requests // 200 or 1)  # editing sessions: each version of each article sent five times
        sessions = [{**checks[a], "text": edited(articles[a], v)} for v in versions for _ in range(5) for a in range(40)]
        results: list[tuple[str, dict[str, float]]] = []
        for name, extra, bodies in (
            ("editing sessions, the server as installed", [], sessions),
            ("every request checked (`--result-cache 0`)", ["--result-cache", "0"], checks),
        ):
            process, url = start(env, args.workers, extra)
            try:
                results.append((name, load(url, bodies, args.requests, args.clients)))
            finally:
                stop(process)

    sizes = sorted(len(b["text"].encode()) for b in checks)
    lines = [
        "# factcheck serve: latency and load",
        "",
        f"Measured {dt.date.today()} with `python benchmarks/server_load.py --requests {args.requests} --clients {args.clients} "
        f"--workers {args.workers}` on {about}. Every request goes through a real HTTP client (httpx) to the server on 127.0.0.1.",
        "",
        "## Warm latency of a 10 KB article",
        "",
        f"Median of {n} requests, one at a time, to `factcheck serve` (model and reference data loaded at start), against the median of "
        f"{n} whole-process runs of `factcheck --format json --jobs 1 --date {DATE} FILE` on the same input (a new process each run). "
        "Server and command line share one parse cache, as an editor's machine would.",
        "",
        "| the article is | server, warm | command line, cold process | ratio |",
        "|---|---|---|---|",
        *(f"| {name} | {server * 1000:.0f} ms | {cli * 1000:.0f} ms | {cli / server:.1f}x |" for name, server, cli in rows),
        "",
        "An unchanged article is answered from the result cache (a report is a pure function of its request, the data generation "
        "and the day); with one new sentence the checker runs and parses that sentence, the rest of the article coming from the "
        "parse cache, while the command line must also start Python and load the language model to parse it; an article never "
        "seen is parsed whole by both.",
        "",
        f"## Load: {args.requests} requests, {args.clients} concurrent clients, {args.workers} workers",
        "",
        f"40 distinct articles ({sizes[0]:,} to {sizes[-1]:,} bytes), formats json (7 in 10), markdown, html and sarif. "
        f"*Editing sessions*: {len(versions)} versions of each article (each with a different sentence added), each version "
        "sent five times (an editor's plug-in re-checks on every pause), so 1 request in 5 runs the checker and the rest are "
        "answered from the result cache. *Every request checked*: the same 40 articles over and over with the result cache "
        f"off, so each request runs the checker (its sentences in the parse cache after the first round). Bounded: at most "
        f"{args.requests} requests and {DEADLINE:.0f} s each.",
        "",
        "| load | requests done | wall time | throughput | p50 | p90 | p99 | max | 200 | 5xx | other 4xx | connection errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(f"| {name} | {r['done']:.0f} of {args.requests} | {r['wall']:.1f} s | {r['rps']:.1f} req/s | {r['p50'] * 1000:.0f} ms | "
          f"{r['p90'] * 1000:.0f} ms | {r['p99'] * 1000:.0f} ms | {r['max'] * 1000:.0f} ms | {r['ok']:.0f} | {r['5xx']:.0f} | "
          f"{r['other']:.0f} | {r['failed']:.0f} |" for name, r in results),
        "",
        "Latency under load includes the wait for a free worker: 8 clients share the workers, each of which checks one article at "
        "a time (the checker is CPU-bound, so threads would only share a core).",
        "",
    ]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
