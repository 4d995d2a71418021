"""What the command-line benchmarks share: running legalgen in a process of its own and timing it.

Times are CPU seconds of the child (user + system, from the kernel's accounting), so that other
work on a shared machine disturbs them least; wall seconds and the summed PSS of a command and
its children where a benchmark is judged by them. Every benchmark exits 1 when a target is
missed.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEGALGEN = [sys.executable, "-m", "generator"]
PSS_INTERVAL = 0.02


@dataclass(frozen=True, slots=True)
class Run:
    cpu: float
    stdout: str
    stderr: str


def run_cpu(command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
    """Run `command` to its end; its CPU seconds and output. A failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu, done.stdout, done.stderr)


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass(frozen=True, slots=True)
class TimedRun:
    wall: float
    cpu: float
    pss_mib: float  # the largest sum, over the run, of the PSS of the command and its children
    command_pss_mib: float = 0.0  # the largest PSS of the command's own process
    worker_pss_mib: float = 0.0  # the largest PSS of any one process below it


def _all_below(pid: int) -> list[int]:
    """Every process below `pid`, from each process's parent in /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    queue = [pid]
    while queue:
        below = children.get(queue.pop(), [])
        found += below
        queue += below
    return found


def _pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:  # the process ended between the listing and the read
        return 0
    found = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def run_timed(command: list[str], env: dict[str, str] | None = None) -> TimedRun:
    """Wall and CPU seconds of `command`, and the largest summed PSS (proportional set size:
    a page shared by n processes counted 1/n in each) of it and every process it started,
    sampled every few milliseconds from /proc/<pid>/smaps_rollup."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    peak = own = worker = 0
    while process.poll() is None:
        sizes = [_pss_kib(pid) for pid in (process.pid, *_all_below(process.pid))]
        peak, own = max(peak, sum(sizes)), max(own, sizes[0])
        worker = max(worker, *sizes[1:], 0)
        time.sleep(PSS_INTERVAL)
    wall = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return TimedRun(wall, cpu, peak / 1024, own / 1024, worker / 1024)


def private_cache(folder: Path) -> dict[str, str]:
    """An environment whose user cache folder is `folder`: no earlier run's project is reused."""
    return dict(os.environ, XDG_CACHE_HOME=str(folder))


def copy_project(target: Path) -> Path:
    """The repository's content and amendments, in a folder a benchmark may edit."""
    for part in ("content", "amendments"):
        shutil.copytree(ROOT / part, target / part)
    return target


def verdict(ratio: float, target: float) -> str:
    return "ok" if ratio <= target else "over target"
