"""Checking many articles in worker processes, with results in input order.

With ``jobs`` = N the work is shared by N processes: this one and N - 1 workers. Workers
are sent chunks of articles from the front of the list; this process checks articles one
by one from the back, and between two of them collects what the workers have sent, so no
core idles and none is oversubscribed. There are no helper threads: a thread in this
process would fight the checking for the GIL. Each worker builds its ``Checker`` once, when
it starts, from this process's options and reference index (inherited without copying where
processes fork, pickled otherwise), so the reference data is read once per run. Outcomes are yielded
in input order: the output is the same whatever the number of jobs.

A bug met while checking one article (any exception) is that article's ``InternalError``; the
others are still checked. A worker never outlives this process: it asks the kernel to kill it
when its parent dies (Linux), checks for a new parent while it waits, holds none of the other
workers' pipes and not the caller's standard output, so ``out=$(factcheck dir)`` returns even
when this process is killed. A worker that dies loses only the articles it held (each an
``InternalError``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, cast

from factcheck.errors import FactcheckError, InputError, InputWarning, InternalError
from factcheck.read.decode import read_document
from factcheck.read.document import Document

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from factcheck.models import FileReport
    from factcheck.pipeline import Checker

Task = Union[Path, Document, FactcheckError]
Outcome = tuple["FileReport | None", "str | None", "FactcheckError | None", "InputWarning | None"]
Wire = tuple[int, "str | None", "str | None", "FactcheckError | None", "InputWarning | None"]
_MAX_CHUNK = 16
_AHEAD = 2  # chunks sent ahead to each worker
_NEVER = 1 << 30  # what a dead worker "owes": more than any chunk, so it is sent nothing


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def check_one(checker: Checker, task: Task, keep_text: bool) -> Outcome:
    """(report, original text when kept, None, warning) for an article; (None, None, error, None)
    when it cannot be read, or when checking it met a bug (an InternalError)."""
    if isinstance(task, FactcheckError):
        return None, None, task, None
    name = task.path if isinstance(task, Document) else str(task)
    try:
        doc, warning = (task, None) if isinstance(task, Document) else read_document(task, checker.options.encoding, checker.options.max_bytes)
        return checker.check_document(doc), doc.text if keep_text else None, None, warning
    except InputError as exc:
        return None, None, exc, None
    except Exception as exc:  # noqa: BLE001 - a bug in one article must not lose the others
        return None, None, InternalError.of(exc, name), None


def _orphan_guard(parent: int) -> None:
    """Die with the parent: the kernel sends SIGKILL when it dies (Linux), and if it already has, leave now."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)


def _serve(conn: Connection, others: list[Connection], parent: int, checker_type: type[Checker], options: object, index: object, keep_text: bool) -> None:
    """A worker: builds its checker once (in its own memory: sharing the parent's objects
    costs more in copied pages than building them), then checks each chunk it is sent, one
    message per article, the report as JSON (cheaper to read back than a pickled model)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _orphan_guard(parent)
    for other in others:  # the other workers' pipes: holding them would keep those workers waiting
        other.close()
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # never hold the caller's standard output or error open
    os.dup2(quiet, 2)
    checker = checker_type(options, index)  # type: ignore[arg-type]
    while True:
        try:
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for i, task in chunk:
            report, text, error, warning = check_one(checker, task, keep_text)
            try:
                conn.send((i, report.model_dump_json() if report is not None else None, text, error, warning))
            except (OSError, ValueError):
                return


def _context() -> Any:
    """fork where it is safe and cheap (Linux, no other threads), else the platform's default."""
    import multiprocessing
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class _Pool:
    """N - 1 worker processes, each with a pipe and the articles it still owes, in order."""

    def __init__(self, size: int, checker: Checker, keep_text: bool) -> None:
        from collections import deque

        context = _context()
        self.workers: list[tuple[BaseProcess, Connection]] = []
        self.pending: list[deque[tuple[int, str]]] = []
        self.alive: list[bool] = []
        for _ in range(size):
            mine, theirs = context.Pipe()
            others = [conn for _, conn in self.workers]
            process = context.Process(
                target=_serve, args=(theirs, others, os.getpid(), type(checker), checker.options, checker.index, keep_text), daemon=True,
            )
            process.start()
            theirs.close()
            self.workers.append((process, mine))
            self.pending.append(deque())
            self.alive.append(True)

    @property
    def owed(self) -> list[int]:
        return [len(p) if alive else _NEVER for p, alive in zip(self.pending, self.alive)]

    def send(self, worker: int, chunk: list[tuple[int, Task]]) -> list[Wire]:
        """Send a chunk; when the worker is gone, the chunk's articles come back as lost."""
        self.pending[worker].extend((i, str(task)) for i, task in chunk)
        try:
            self.workers[worker][1].send(chunk)
        except (OSError, ValueError):
            return self._lost(worker)
        return []

    def _lost(self, worker: int) -> list[Wire]:
        """A worker died: each article it held is an internal error, and it gets no more."""
        self.alive[worker] = False
        lost = list(self.pending[worker])
        self.pending[worker].clear()
        return [(i, None, None, InternalError("the worker process checking it ended unexpectedly (killed?)", path), None) for i, path in lost]

    def collect(self, block: bool) -> list[Wire]:
        """What the workers have sent; with block, wait for at least one message."""
        from multiprocessing.connection import wait

        conns = [conn for (_, conn), pending, alive in zip(self.workers, self.pending, self.alive) if pending and alive]
        if block and not conns:
            raise RuntimeError("no worker owes an article")  # a bug: nothing would ever arrive
        ready = cast("list[Connection]", wait(conns)) if block else [c for c in conns if c.poll()]
        out: list[Wire] = []
        for conn in ready:
            worker = next(w for w, (_, c) in enumerate(self.workers) if c is conn)
            try:
                while self.pending[worker] and conn.poll():
                    wire = conn.recv()
                    self.pending[worker].popleft()
                    out.append(wire)
            except (EOFError, OSError):
                out.extend(self._lost(worker))
        return out

    def close(self, graceful: bool) -> None:
        for (process, conn), alive in zip(self.workers, self.alive):
            try:
                if graceful and alive:
                    conn.send(None)
                conn.close()
            except OSError:
                pass
            if not graceful or not alive:
                process.terminate()
        for process, _ in self.workers:
            process.join(5 if graceful else 1)
            if process.is_alive():
                process.kill()


def outcomes(tasks: Sequence[Task], checker: Checker, jobs: int, keep_text: bool = False) -> Iterator[Outcome]:
    """The outcome of each task, in order; with jobs > 1 (and more than one task) shared with workers."""
    jobs = min(jobs, len(tasks))
    if jobs <= 1:
        for task in tasks:
            yield check_one(checker, task, keep_text)
        return
    from factcheck.models import FileReport

    size = max(1, min(_MAX_CHUNK, len(tasks) // (jobs * 4)))
    pool = _Pool(jobs - 1, checker, keep_text)
    done: dict[int, Outcome] = {}
    wires: dict[int, Wire] = {}
    front, back = 0, len(tasks)  # tasks [front, back) are not started yet
    finished = False
    try:
        for i in range(len(tasks)):
            while i not in done and i not in wires:
                for worker, owed in enumerate(pool.owed):
                    while front < back:
                        step = max(1, min(size, (back - front) // (2 * jobs)))  # chunks shrink near the end,
                        if owed >= _AHEAD * step:  # and so does what a worker may owe: no one waits for its queue
                            break
                        end = front + step
                        chunk = [(k, tasks[k]) for k in range(front, end) if isinstance(tasks[k], Path)]
                        for k in range(front, end):  # standard input and errors stay here
                            if not isinstance(tasks[k], Path):
                                done[k] = check_one(checker, tasks[k], keep_text)
                        if chunk:
                            wires.update((w[0], w) for w in pool.send(worker, chunk))
                        owed, front = owed + len(chunk), end
                wires.update((w[0], w) for w in pool.collect(block=front >= back))
                if i not in wires and front < back:
                    back -= 1  # check one article from the back while the workers are busy
                    done[back] = check_one(checker, tasks[back], keep_text)
            if i in done:
                yield done.pop(i)
            else:
                _, wire, text, error, warning = wires.pop(i)
                yield (FileReport.model_validate_json(wire) if wire is not None else None), text, error, warning
        finished = True
    finally:
        pool.close(graceful=finished)
