"""The lifetime of build workers: they end with the command's process, and with a failed job.

Reads and writes nothing. On Linux the kernel kills a worker when its parent dies (even by
`kill -9`); elsewhere, and as a second guard, a thread of the worker watches its parent's id.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5


def die_with_parent(parent: int) -> None:
    """Pool initializer: the worker cannot outlive the process `parent`."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel the jobs not started and end the running ones: one failed, the build stops."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
