"""Benchmark: a parallel build against one job, at ten times the size of the real content.

Writes a synthetic project (bench_consolidate's generator: sections of points, sub-points and
tables, in kk and ru) of ten times the units of the repository's document, with a repealing act
(two versions, four PDFs: two rounds for two workers), and builds the PDF of every version
(`build --as-of all --format pdf --force`) with `--jobs 1` and with `--jobs 2`, each under
`/usr/bin/time -v`. Prints the wall seconds, CPU seconds and peak memory of each and their
ratios (targets: wall at most 0.62, memory at most 1.30). The wall target assumes two free
cores; on a shared machine the wall ratio is also judged against the machine's own reference,
measured before and after the builds: two equal CPU-bound processes run side by side against
one after the other (0.5 on two free cores). The judged figure is our wall ratio over that
reference ratio, at most 0.62 / 0.5 = 1.24. Exits 1 when the memory or the judged wall target
is missed.
Run: .venv/bin/python bench/bench_parallel.py [--scale 10]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import LEGALGEN, ROOT, private_cache, run_timed, verdict
from bench_consolidate import UNITS_PER_SECTION, write_amendments, write_content

from generator.load import load_project

WALL_TARGET = 0.62
MEMORY_TARGET = 1.30
# Two free cores run two equal processes side by side in half the time of one after the other.
FREE_CORES_RATIO = 0.5
REFERENCE_TASK = "sum(i * i for i in range(60_000_000))"


def reference_ratio() -> float:
    """Wall time of two CPU-bound processes side by side over the same two one after the other."""
    command = [sys.executable, "-c", REFERENCE_TASK]
    started = time.perf_counter()
    for _ in range(2):
        subprocess.run(command, check=True)
    one_after_other = time.perf_counter() - started
    started = time.perf_counter()
    side_by_side = [subprocess.Popen(command) for _ in range(2)]
    for process in side_by_side:
        process.wait()
    return (time.perf_counter() - started) / one_after_other


def real_units() -> int:
    project = load_project(ROOT)
    return sum(1 for top in project.documents["kk"].units for _ in top.walk())


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
        machine = [reference_ratio()]
        runs = {}
        for jobs in (1, 2):
            runs[jobs] = run_timed([*LEGALGEN, "build", "--root", str(root), "--as-of", "all",
                                    "--format", "pdf", "--force", "--jobs", str(jobs),
                                    "--out", str(Path(folder) / f"out-{jobs}")], env=env)
        machine.append(reference_ratio())
    print(f"{sections * UNITS_PER_SECTION} units per language ({args.scale}x the real content), "
          "every version, PDF")
    for jobs, run in runs.items():
        print(f"--jobs {jobs}: {run.wall:7.2f} s wall, {run.cpu:7.2f} s CPU, "
              f"peak {run.peak_mib:7.1f} MiB")
    wall = runs[2].wall / runs[1].wall
    memory = runs[2].peak_mib / runs[1].peak_mib
    reference = statistics.mean(machine)
    judged = wall / reference
    judged_target = WALL_TARGET / FREE_CORES_RATIO
    print(f"CPU ratio {runs[2].cpu / runs[1].cpu:.2f} (the work done twice in parallel: none)")
    print(f"wall ratio {wall:.2f} (target at most {WALL_TARGET} on two free cores): "
          f"{verdict(wall, WALL_TARGET)}")
    print(f"machine's reference: two processes side by side took "
          f"{' and '.join(f'{ratio:.2f}' for ratio in machine)} of one after the other "
          f"({FREE_CORES_RATIO} on two free cores)")
    print(f"wall ratio over the reference {wall:.2f} / {reference:.2f} = {judged:.2f} "
          f"(target at most {judged_target:.2f}): {verdict(judged, judged_target)}")
    print(f"memory ratio {memory:.2f} (target at most {MEMORY_TARGET}): "
          f"{verdict(memory, MEMORY_TARGET)}")
    return 0 if judged <= judged_target and memory <= MEMORY_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
