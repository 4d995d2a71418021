"""What the command-line benchmarks share: running legalgen in a process of its own and timing it.

Times are CPU seconds of the child (user + system, from the kernel's accounting), so that other
work on a shared machine disturbs them least; wall seconds and peak memory come from
`/usr/bin/time -v` where a benchmark is judged by them.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEGALGEN = [sys.executable, "-m", "generator"]


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


@dataclass(frozen=True, slots=True)
class TimedRun:
    wall: float
    cpu: float
    peak_mib: float
    idle: float  # CPU seconds the machine left idle during the run, all cores together

    @property
    def free_cores(self) -> float:
        """The cores this run could have had: those it used and those nobody used."""
        return (self.cpu + self.idle) / self.wall


def idle_seconds() -> float:
    """The machine's idle CPU seconds since boot, all cores together (/proc/stat)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()
    idle, iowait = int(fields[4]), int(fields[5])
    return (idle + iowait) / os.sysconf("SC_CLK_TCK")


def run_timed(command: list[str], env: dict[str, str] | None = None) -> TimedRun:
    """Wall seconds and peak resident memory (the largest process) by `/usr/bin/time -v`."""
    idle_before = idle_seconds()
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=False)
    idle = idle_seconds() - idle_before
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    cpu = [float(found) for found in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)",
                                                  done.stderr)]
    if wall is None or peak is None or len(cpu) != 2:
        sys.exit(f"no timing from /usr/bin/time:\n{done.stderr}")
    hours, minutes, seconds = wall.groups()
    elapsed = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return TimedRun(elapsed, sum(cpu), int(peak.group(1)) / 1024, idle)


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
