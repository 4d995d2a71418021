"""The Dask executor: the build's jobs rendered by the workers of a Dask distributed cluster.

Reads nothing itself: each job goes to a worker as a small task (`remote`) — a version's recipe,
not its text —, and the worker loads and consolidates the project once, renders, and sends the
bytes back; the engine then stages and stores them exactly as a local render's, so a Dask build
writes the same bytes as a local one, and nothing unless every job was rendered. Without a
scheduler's address it starts a `LocalCluster` of `workers` processes of one thread each on
this machine, and stops it at the end; with one (`tcp://HOST:PORT`) it uses that running
cluster, whose workers must see the project under the same path.

A task whose worker dies is given to another worker by the scheduler (up to its
`allowed-failures`); a task that fails ends the build with its failure, as a local render's
would: the other tasks are cancelled and the command exits 2, 3 or 70.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..writers.shared.errors import MachineError
from .plan import Job
from .remote import Outcome, render_task, task_of

# How long a running scheduler (--scheduler) has to answer.
CONNECT_TIMEOUT = "10s"


class DaskExecutor:
    """Renders on a Dask cluster: a running one at `scheduler`, else a local one of
    `workers` processes."""

    def __init__(self, scheduler: str | None = None, workers: int = 2) -> None:
        self.scheduler = scheduler
        self.workers = workers

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, bytes]]:
        if not jobs:
            return
        with _connected(self.scheduler, self.workers) as client:
            yield from _rendered(client, jobs)


def _rendered(client: Any, jobs: Sequence[Job]) -> Iterator[tuple[Job, bytes]]:
    from distributed import as_completed

    keys: dict[tuple[Path, str | None], str] = {}
    tasks = [task_of(job, keys) for job in jobs]
    # The tasks are given in the engine's order (the slowest first), which the scheduler keeps
    # by their priority; each is its own (impure) task, retried where a worker died.
    futures = {client.submit(render_task, task, pure=False, priority=len(tasks) - index,
                             key=f"legalgen-{index}-{job.key}"): job
               for index, (task, job) in enumerate(zip(tasks, jobs, strict=True))}
    try:
        for future in as_completed(futures):
            job = futures[future]
            yield job, _bytes_of(future, job.path)
    finally:
        client.cancel(list(futures), force=True)


def _bytes_of(future: Any, job_path: Path) -> bytes:
    from distributed import KilledWorker

    try:
        outcome: Outcome = future.result()
    except KilledWorker:
        raise MachineError(tr("the Dask workers rendering {path} died, one after another; if "
                              "they ran out of memory, give them more or build less at once",
                              path=job_path)) from None
    ok, value = outcome
    if ok:
        assert isinstance(value, bytes)
        return value
    assert not isinstance(value, bytes)
    raise value.exception()


class _connected:
    """A client of the cluster at `scheduler`, or of a local cluster started for the build."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise MachineError(tr("building on Dask needs Dask distributed: install "
                                  "legalgen[dask]")) from None
        try:
            if self.scheduler is None:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=None,
                                            host="127.0.0.1", silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            self.__exit__()
            raise MachineError(tr("no Dask scheduler answers at {address}: {reason}",
                                  address=self.scheduler, reason=exc)) from None
        return self.client

    def __exit__(self, *_: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

