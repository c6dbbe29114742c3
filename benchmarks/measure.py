"""Wall time and peak memory of a subprocess (and of the processes it starts)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    returncode: int
    stdout: bytes


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """pid and its descendants (Linux /proc), or just pid where that is not readable."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                todo.extend(int(c) for c in Path(f"/proc/{current}/task/{task}/children").read_text().split())
        except (OSError, ValueError):
            pass
    return out


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None, capture: bool = False) -> Run:
    """Run cmd once: wall time, and peak resident memory of its process tree.

    The tree's summed RSS is sampled every 20 ms from /proc; the largest single process's
    ``ru_maxrss`` (exact, from wait4) is the floor, so a lone process is measured exactly.
    """
    peak = [0]
    done = threading.Event()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out if capture else subprocess.DEVNULL, stderr=err)

        def sample() -> None:
            while not done.wait(0.02):
                peak[0] = max(peak[0], sum(_rss(p) for p in _tree(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        if code not in (0, 1):
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} exited {code}: {err.read().decode(errors='replace')[-2000:]}")
        out.seek(0)
        return Run(seconds, max(peak[0], usage.ru_maxrss * 1024), code, out.read() if capture else b"")


def repeat(cmd: list[str], times: int, **kwargs: object) -> tuple[float, list[Run]]:
    """Median wall time of ``times`` runs, and the runs."""
    runs = [run(cmd, **kwargs) for _ in range(times)]  # type: ignore[arg-type]
    return median(r.seconds for r in runs), runs
