"""The dask.distributed engine: an existing cluster (``--scheduler ADDRESS``) or a LocalCluster.

Workers need factcheck installed (the same version: the stored rows name the extractor
version the driver computed) and, for ``--refs``, the reference files at the same paths.
A worker plugin builds each worker's checker and loads the language model once, when the
worker joins; tasks after that reuse them. dask retries a task whose worker dies and gives
up after its ``allowed-failures``: the driver then records the batch as failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from factcheck.archive.engine import AHEAD, EngineError, Outcome
from factcheck.archive.version import digest
from factcheck.archive.work import worker


class Preload(WorkerPlugin):
    """Builds the worker's checker and loads the language model when a worker starts."""

    def __init__(self, options: str, model: bool) -> None:
        self.options = options
        self.model = model

    def setup(self, worker: Any) -> None:  # noqa: ARG002 - the dask plugin signature
        _warm(self.options, self.model)


def _warm(options: str, model: bool) -> None:
    worker(options).warm(model)


class Dask:
    def __init__(self, scheduler: str | None, workers: int, options: str, model: bool = True) -> None:
        self.cluster: LocalCluster | None = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="30s")
            except (OSError, ValueError) as exc:
                raise EngineError(f"cannot reach the dask scheduler: {exc}", scheduler) from None
        else:
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        self.client.register_plugin(Preload(options, model), name=f"factcheck-{digest(options)[:12]}-{int(model)}")
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[Outcome]:
        todo = iter(tasks)
        running = as_completed()
        owner: dict[Any, Any] = {}

        def submit() -> bool:
            task = next(todo, None)
            if task is None:
                return False
            future = self.client.submit(fn, task, pure=False)
            owner[future.key] = task
            running.add(future)
            return True

        for _ in range(AHEAD * self.workers):
            if not submit():
                break
        for future in running:
            task = owner.pop(future.key)
            if future.status == "error":
                yield task, None, future.exception()
            else:
                yield task, future.result(), None
            future.release()
            submit()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
