"""Engines run a function over tasks and hand back each outcome as it completes.

``local``: with one worker, in this process; with more, a ``ProcessPoolExecutor`` (the
standard library's) of that many processes. ``dask``: a dask.distributed cluster
(``dask_engine``). No engine decides what a task is or where its result goes: the drivers
(``extract``, ``judge``) cut the work into tasks of a fixed size and write what comes back,
so the stored rows are the same whatever the engine and the number of workers. At most
twice as many tasks as workers are in flight, so memory stays flat however long the run.
"""

from __future__ import annotations

import contextlib
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from factcheck.archive.work import worker
from factcheck.errors import FactcheckError

Outcome = tuple[Any, Any, "BaseException | None"]  # (task, result or None, error or None)
AHEAD = 2


class EngineError(FactcheckError):
    """The engine cannot start (a dask scheduler that cannot be reached)."""


class Engine(Protocol):
    workers: int

    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[Outcome]:
        """Each task's outcome, in the order they complete."""
        ...


class InProcess:
    """The tasks one after another, in this process."""

    workers = 1

    def __init__(self, options: str, model: bool = True) -> None:
        worker(options).warm(model)

    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[Outcome]:
        for task in tasks:
            try:
                result = fn(task)
            except Exception as exc:  # noqa: BLE001 - the driver records it and goes on
                yield task, None, exc
                continue
            yield task, result, None


def _start(options: str, model: bool, ready: Any) -> None:
    """A worker process starts: Ctrl-C is the parent's to handle; build the checker, load the
    model, then wait for the other workers (so the pool is whole before the first task)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        worker(options).warm(model)
    except BaseException:
        ready.abort()  # the others stop waiting: the pool is broken, not hung
        raise
    ready.wait(timeout=300)


def _nothing() -> None:
    return None


class Processes:
    """A pool of local worker processes. A worker that dies takes the pool with it: the tasks
    in flight are then tried again one at a time in a new pool, so only the task that kills
    a worker twice is given up (as a failed outcome), and the run goes on."""

    def __init__(self, workers: int, options: str, model: bool = True) -> None:
        self.workers = workers
        self.options = options
        self.model = model
        self.pool = self._pool()

    def _pool(self) -> ProcessPoolExecutor:
        """A pool whose workers have all started (each loads the checker and model once)."""
        import multiprocessing

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["factcheck.archive.work"])
        ready = context.Barrier(self.workers)
        pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start, initargs=(self.options, self.model, ready))
        wait([pool.submit(_nothing) for _ in range(self.workers)])
        return pool

    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[Outcome]:
        todo = iter(tasks)
        pending: dict[Future[Any], tuple[Any, int]] = {}
        again: deque[tuple[Any, int]] = deque()
        finished = False
        while True:
            limit = 1 if again else AHEAD * self.workers  # after a crash, suspects run alone
            while len(pending) < limit and (again or not finished):
                if again:
                    task, tries = again.popleft()
                else:
                    task = next(todo, _END)
                    if task is _END:
                        finished = True
                        break
                    tries = 0
                pending[self.pool.submit(fn, task)] = (task, tries)
            if not pending:
                return
            alone = len(pending) == 1
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task, tries = pending.pop(future)
                error = future.exception()
                if isinstance(error, BrokenProcessPool):
                    broken = True
                    if tries >= 1 and alone:
                        yield task, None, RuntimeError("a worker process died on this batch")
                    else:
                        again.append((task, tries + 1))
                elif error is not None:
                    yield task, None, error
                else:
                    yield task, future.result(), None
            if broken:
                again.extend(pending.values())
                pending.clear()
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._pool()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


_END = object()


@contextlib.contextmanager
def open_engine(kind: str, workers: int, options: str, scheduler: str | None = None, model: bool = True) -> Iterator[Engine]:
    """The engine asked for, its workers started (with model: the language model loaded,
    which only extraction needs); closed (workers stopped, cluster shut down) on leaving."""
    if kind == "dask":
        from factcheck.archive.dask_engine import Dask

        engine = Dask(scheduler, workers, options, model)
        try:
            yield engine
        finally:
            engine.close()
        return
    if workers <= 1:
        yield InProcess(options, model)
        return
    pool = Processes(workers, options, model)
    try:
        yield pool
    except BaseException:
        pool.pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.close()
