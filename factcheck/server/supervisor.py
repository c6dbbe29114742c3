"""The parent of `factcheck serve --workers N`: uvicorn's supervisor (it starts the workers on
one shared socket, restarts one that dies, stops them all on SIGINT or SIGTERM), except that
SIGHUP is passed on to every worker, which reloads its reference data in place.

uvicorn's own SIGHUP replaces every worker process: each new one loads the language model
again, and a request sent on a keep-alive connection just as its worker stops is reset. A
reload in place keeps the processes, their connections and the model.
"""

from __future__ import annotations

import os
import signal

from uvicorn.config import Config
from uvicorn.supervisors.multiprocess import Multiprocess


class Supervisor(Multiprocess):
    def handle_hup(self) -> None:
        for process in self.processes:
            if process.pid is not None and process.exitcode is None:
                os.kill(process.pid, signal.SIGHUP)


def run(config: Config) -> None:
    """Serve config.app (an import string) with config.workers worker processes."""
    Supervisor(config, sockets=[config.bind_socket()]).run()
