"""Benchmark: a parallel build against one job, judged against this machine's own parallelism.

Writes a synthetic project (bench_consolidate's generator: sections of points, sub-points and
tables, in kk and ru) of ten times the units of the repository's document, with a repealing act
(two versions, four PDFs: two rounds for two workers), and builds the PDF of every version
(`build --as-of all --format pdf --force`) with `--jobs 1` and with `--jobs 2`.

On a shared machine other work takes cores from the build, so a wall ratio alone says more about
the neighbours than about legalgen. The machine's parallelism is measured in the same run
instead: a fixed CPU-bound reference runs twice one after the other, then twice at once; R is the
wall time of the two at once over that of the two in turn (0.5 on two free cores, 1.0 with
one). The reference runs before and after the builds, and R is the mean of the two. The build's
wall ratio (`--jobs 2` over `--jobs 1`) must be at most 1.24 R; the memory of `--jobs 2` — the
largest sum of the PSS of the command and all its workers — at most 1.4 times that of
`--jobs 1`; the largest PSS of the command's own process and of one worker are printed beside
it (with one job at a time the command renders in its own process). Exits 1 when a target is
missed.
Run: .venv/bin/python bench/bench_parallel.py [--scale 10]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import LEGALGEN, ROOT, private_cache, run_timed, verdict
from bench_consolidate import UNITS_PER_SECTION, write_amendments, write_content

from generator.load import load_project

WALL_FACTOR = 1.24
MEMORY_TARGET = 1.4
# A fixed amount of pure computation, about a second on one core.
REFERENCE = [sys.executable, "-c", "total = 0\nfor n in range(12_000_000): total += n * n"]


def real_units() -> int:
    project = load_project(ROOT)
    return sum(1 for top in project.documents["kk"].units for _ in top.walk())


def parallel_ratio() -> tuple[float, float, float]:
    """(wall of two references at once, wall of two in turn, their ratio R)."""
    started = time.perf_counter()
    for _ in range(2):
        subprocess.run(REFERENCE, check=True)
    in_turn = time.perf_counter() - started
    started = time.perf_counter()
    both = [subprocess.Popen(REFERENCE) for _ in range(2)]
    for process in both:
        process.wait()
    at_once = time.perf_counter() - started
    return at_once, in_turn, at_once / in_turn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    sections = max(1, real_units() * args.scale // UNITS_PER_SECTION)
    with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as folder:
        root = Path(folder) / "project"
        write_content(root, sections)
        write_amendments(root, sections, acts=1, seed=1)
        env = private_cache(Path(folder) / "cache")
        # A first command reads the project into the cache: both builds then start alike.
        subprocess.run([*LEGALGEN, "versions", "--root", str(root)], env=env, cwd=ROOT,
                       check=True, capture_output=True)
        before = parallel_ratio()
        runs = {}
        for jobs in (1, 2):
            runs[jobs] = run_timed([*LEGALGEN, "build", "--root", str(root), "--as-of", "all",
                                    "--format", "pdf", "--force", "--jobs", str(jobs),
                                    "--out", str(Path(folder) / f"out-{jobs}")], env=env)
        after = parallel_ratio()
    print(f"{sections * UNITS_PER_SECTION} units per language ({args.scale}x the real content), "
          "every version, PDF")
    for name, (at_once, in_turn, ratio) in (("before", before), ("after", after)):
        print(f"reference {name} the builds: two in turn {in_turn:.2f} s wall, two at once "
              f"{at_once:.2f} s: R {ratio:.2f}")
    machine = (before[2] + after[2]) / 2
    for jobs, run in runs.items():
        print(f"--jobs {jobs}: {run.wall:7.2f} s wall, {run.cpu:7.2f} s CPU, "
              f"summed PSS {run.pss_mib:7.1f} MiB (the command's process at most "
              f"{run.command_pss_mib:.1f} MiB, one worker at most {run.worker_pss_mib:.1f} MiB)")
    wall = runs[2].wall / runs[1].wall
    wall_target = WALL_FACTOR * machine
    memory = runs[2].pss_mib / runs[1].pss_mib
    print(f"CPU ratio {runs[2].cpu / runs[1].cpu:.2f} (the work done twice in parallel: none)")
    print(f"wall ratio {wall:.2f}; the machine's R {machine:.2f} (target at most "
          f"{WALL_FACTOR} R = {wall_target:.2f}): {verdict(wall, wall_target)}")
    print(f"summed PSS ratio {memory:.2f} (target at most {MEMORY_TARGET}): "
          f"{verdict(memory, MEMORY_TARGET)}")
    return 0 if wall <= wall_target and memory <= MEMORY_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
