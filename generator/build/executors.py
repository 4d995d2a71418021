"""Executors: what renders the build's jobs, each (document, subject, language, format) → bytes.

Reads and writes nothing itself: a job's bytes go back to the engine, which writes them. An
`Executor` takes the jobs to render and yields each with its bytes as it is done; the first
failure ends the others and is raised. `InProcess` renders one after another in the command's
process; `ForkedPool`, the local pool, renders each job in a fork of it, a few at a time.

A worker is forked from the main thread when its job starts, so it shares (copy-on-write)
everything the command already holds — the versions and the writers' libraries, loaded once —
and a render's garbage ends with its process; it sends back its bytes or its failure (as plain
data, `failures`), and ends. On Linux the kernel kills a worker when the command's process dies
(even by `kill -9`); as a second guard, and elsewhere, a thread of the worker watches its
parent's id. A cluster's engine implements `Executor` the same way (`dask_executor`).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Protocol, TypeVar

from ..i18n import tr
from ..writers.shared.errors import MachineError
from .failures import plain
from .plan import Job

PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5

T = TypeVar("T")


class Executor(Protocol):
    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, bytes]]:
        """Render every job; yield each with its bytes as it is done, in any order. The first
        failure stops the jobs still running and is raised here."""
        ...


class InProcess:
    """One job after another, in this process."""

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, bytes]]:
        for job in jobs:
            yield job, job.render()


class ForkedPool:
    """The local pool: each job in a fork of this process, `workers` at a time, in the order
    given (the engine gives the slowest first)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, bytes]]:
        if self.workers <= 1 or len(jobs) <= 1:
            yield from InProcess().run(jobs)
            return
        # Versions are made here, once, for the workers to share (a version's PDF and DOCX may
        # render in two of them).
        for job in jobs:
            job.made_subject()
        # What the command holds lives as long as it: keep the collector off its pages, which
        # the forked workers then share with this process instead of copying.
        gc.freeze()
        for index, data in run_forked([job.render for job in jobs], self.workers):
            yield jobs[index], data


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def local_executor(workers: int | None = None) -> Executor:
    """The forked pool of `workers` (default: every CPU), or this process alone for one."""
    count = workers or cpu_count()
    return ForkedPool(count) if count > 1 else InProcess()


def die_with_parent(parent: int) -> None:
    """The calling process cannot outlive the process `parent`."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)


def _run_task(task: Callable[[], Any], send: Connection, parent: int) -> None:
    die_with_parent(parent)
    try:
        outcome: tuple[bool, Any] = (True, task())
    except BaseException as exc:  # every failure goes back to the command, which reports it
        outcome = (False, plain(exc))
    send.send(outcome)
    send.close()


def run_forked(tasks: Sequence[Callable[[], T]], workers: int) -> Iterator[tuple[int, T]]:
    """Run every task in its own forked process, `workers` at a time, slowest-first as given;
    yield (index, result) as each ends. A failed task's exception is raised here once the
    running ones are stopped."""
    context = multiprocessing.get_context("fork")
    waiting = deque(range(len(tasks)))
    # Keyed by the end each worker's result arrives on; it is ready with the result, or at the
    # worker's end (a large result is read while the worker still writes it).
    running: dict[Connection, tuple[int, BaseProcess]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                index = waiting.popleft()
                receive, send = context.Pipe(duplex=False)
                worker = context.Process(target=_run_task, args=(tasks[index], send, os.getpid()),
                                         daemon=True)
                worker.start()
                send.close()
                running[receive] = (index, worker)
            for ready in wait(list(running)):
                assert isinstance(ready, Connection)
                index, finished = running.pop(ready)
                yield index, _result(finished, ready)
    finally:
        for receive, (_, left) in running.items():
            left.kill()
            left.join()
            receive.close()


def _result(process: BaseProcess, receive: Connection) -> Any:
    try:
        ok, value = receive.recv()
    except (EOFError, OSError):  # the worker died before it could answer
        ok, value = False, None
    finally:
        receive.close()
        process.join()
    if ok:
        return value
    if value is None:
        # Killed from outside, most often by the kernel for want of memory.
        raise MachineError(tr("a build worker was stopped (exit code {exitcode}); if the "
                              "machine ran out of memory, build with fewer --jobs",
                              exitcode=process.exitcode))
    raise value.exception()
