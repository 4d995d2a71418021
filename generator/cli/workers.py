"""Build workers: each task runs in a fork of the command's process, a few at a time.

Reads and writes nothing itself. A worker is forked from the main thread when its task starts,
so it shares (copy-on-write) everything the command already holds; it sends back its result or
its exception, and ends. The first failure stops the other workers and is raised in the command.
On Linux the kernel kills a worker when the command's process dies (even by `kill -9`); as a
second guard, and elsewhere, a thread of the worker watches its parent's id.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from ..writers.shared.errors import MachineError

PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5

T = TypeVar("T")


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
        outcome = (False, _portable(exc))
    send.send(outcome)
    send.close()


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else one that says what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


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
        raise MachineError(f"a build worker was stopped (exit code {process.exitcode}); if the "
                           "machine ran out of memory, build with fewer --jobs")
    raise value
