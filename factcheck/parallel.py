"""Checking many articles in worker processes, with results in input order.

With ``jobs`` = N the work is shared by N processes: this one and N - 1 workers. Workers
are sent chunks of articles from the front of the list; this process checks articles one
by one from the back, and between two of them collects what the workers have sent, so no
core idles and none is oversubscribed. There are no helper threads: a thread in this
process would fight the checking for the GIL. Each worker builds its ``Checker`` once, when
it starts, from this process's options and reference index (inherited without copying where
processes fork, pickled otherwise), so the reference data is read once per run. Outcomes are yielded
in input order: the output is the same whatever the number of jobs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Union

from factcheck.errors import InputError
from factcheck.read.decode import read_path
from factcheck.read.document import Document

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

    from factcheck.models import FileReport
    from factcheck.pipeline import Checker

Task = Union[Path, Document, InputError]
Outcome = tuple["FileReport | None", "str | None", "InputError | None"]
Wire = tuple[int, "str | None", "str | None", "InputError | None", "BaseException | None"]
_MAX_CHUNK = 16
_AHEAD = 2  # chunks sent ahead to each worker


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def check_one(checker: Checker, task: Task, keep_text: bool) -> Outcome:
    """(report, original text when kept, None) for an article, or (None, None, error) when unreadable."""
    if isinstance(task, InputError):
        return None, None, task
    try:
        doc = task if isinstance(task, Document) else read_path(task, checker.options.encoding, checker.options.max_bytes)
        return checker.check_document(doc), doc.text if keep_text else None, None
    except InputError as exc:
        return None, None, exc


def _serve(conn: Connection, checker_type: type[Checker], options: object, index: object, keep_text: bool) -> None:
    """A worker: builds its checker once (in its own memory: sharing the parent's objects
    costs more in copied pages than building them), then checks each chunk it is sent, one
    message per article, the report as JSON (cheaper to read back than a pickled model)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    checker = checker_type(options, index)  # type: ignore[arg-type]
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        for i, task in chunk:
            try:
                report, text, error = check_one(checker, task, keep_text)
            except Exception as exc:  # noqa: BLE001 - raised again in the parent, as without workers
                conn.send((i, None, None, None, exc))
                continue
            conn.send((i, report.model_dump_json() if report is not None else None, text, error, None))


def _context() -> BaseContext:
    """fork where it is safe and cheap (Linux, no other threads), else the platform's default."""
    import multiprocessing
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class _Pool:
    """N - 1 worker processes, each with a pipe and a count of articles it still owes."""

    def __init__(self, size: int, checker: Checker, keep_text: bool) -> None:
        context = _context()
        self.workers: list[tuple[BaseProcess, Connection]] = []
        self.owed: list[int] = []
        for _ in range(size):
            mine, theirs = context.Pipe()
            process = context.Process(
                target=_serve, args=(theirs, type(checker), checker.options, checker.index, keep_text), daemon=True,
            )
            process.start()
            theirs.close()
            self.workers.append((process, mine))
            self.owed.append(0)

    def send(self, worker: int, chunk: list[tuple[int, Task]]) -> None:
        self.workers[worker][1].send(chunk)
        self.owed[worker] += len(chunk)

    def collect(self, block: bool) -> list[Wire]:
        """What the workers have sent; with block, wait for at least one message."""
        from multiprocessing.connection import wait

        conns = [conn for (_, conn), owed in zip(self.workers, self.owed) if owed]
        if block and not conns:
            raise RuntimeError("no worker owes an article")  # a bug: nothing would ever arrive
        ready = wait(conns) if block else [c for c in conns if c.poll()]
        out: list[Wire] = []
        for conn in ready:
            worker = next(w for w, (_, c) in enumerate(self.workers) if c is conn)
            while self.owed[worker] and conn.poll():
                try:
                    out.append(conn.recv())
                except EOFError:
                    raise RuntimeError("a worker process ended unexpectedly") from None
                self.owed[worker] -= 1
        return out

    def close(self, graceful: bool) -> None:
        for process, conn in self.workers:
            try:
                if graceful:
                    conn.send(None)
                conn.close()
            except OSError:
                pass
            if not graceful:
                process.terminate()
        for process, _ in self.workers:
            process.join(5 if graceful else 1)


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
                            pool.send(worker, chunk)
                        owed, front = owed + len(chunk), end
                wires.update((w[0], w) for w in pool.collect(block=front >= back))
                if i not in wires and front < back:
                    back -= 1  # check one article from the back while the workers are busy
                    done[back] = check_one(checker, tasks[back], keep_text)
            if i in done:
                yield done.pop(i)
            else:
                _, wire, text, error, failure = wires.pop(i)
                if failure is not None:
                    raise failure
                yield (FileReport.model_validate_json(wire) if wire is not None else None), text, error
        finished = True
    finally:
        pool.close(graceful=finished)
