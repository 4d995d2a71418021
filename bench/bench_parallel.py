"""Benchmark: a parallel build against one job, at ten times the size of the real content.

Writes a synthetic project (bench_consolidate's generator: sections of points, sub-points and
tables, in kk and ru) of ten times the units of the repository's document, with a repealing act
(two versions, four PDFs: two rounds for two workers), and builds the PDF of every version
(`build --as-of all --format pdf --force`) with `--jobs 1` and with `--jobs 2`, each under
`/usr/bin/time -v`. Prints the wall seconds, CPU seconds and peak memory of each and their
ratios (targets: wall at most 0.62 on two free cores, memory at most 1.30).

On a shared machine other work takes cores from the build, so the raw wall ratio says more about
the neighbours than about legalgen. The machine's idle time during each run (/proc/stat) tells
how many cores the run could have had: those it used and those nobody used. The judged figure
scales each wall time to free cores — to one core for `--jobs 1`, to two for `--jobs 2` — which
is exact for work that splits evenly, and leaves any core our build itself left idle counted
against it. Exits 1 when the memory or the judged wall target is missed.
Run: .venv/bin/python bench/bench_parallel.py [--scale 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _measure import LEGALGEN, ROOT, private_cache, run_timed, verdict
from bench_consolidate import UNITS_PER_SECTION, write_amendments, write_content

from generator.load import load_project

WALL_TARGET = 0.62
MEMORY_TARGET = 1.30


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
        runs = {}
        for jobs in (1, 2):
            runs[jobs] = run_timed([*LEGALGEN, "build", "--root", str(root), "--as-of", "all",
                                    "--format", "pdf", "--force", "--jobs", str(jobs),
                                    "--out", str(Path(folder) / f"out-{jobs}")], env=env)
    print(f"{sections * UNITS_PER_SECTION} units per language ({args.scale}x the real content), "
          "every version, PDF")
    for jobs, run in runs.items():
        print(f"--jobs {jobs}: {run.wall:7.2f} s wall, {run.cpu:7.2f} s CPU, "
              f"peak {run.peak_mib:7.1f} MiB; the machine left {run.idle:7.2f} s idle: "
              f"{run.free_cores:.2f} cores were free for this run")
    wall = runs[2].wall / runs[1].wall
    memory = runs[2].peak_mib / runs[1].peak_mib
    # Each wall time as it would be on free cores: one for --jobs 1, two for --jobs 2.
    on_free_cores = {1: runs[1].wall * min(1.0, runs[1].free_cores),
                     2: runs[2].wall * min(2.0, runs[2].free_cores) / 2}
    judged = on_free_cores[2] / on_free_cores[1]
    print(f"CPU ratio {runs[2].cpu / runs[1].cpu:.2f} (the work done twice in parallel: none)")
    print(f"wall ratio as measured {wall:.2f}")
    print(f"wall ratio on free cores {on_free_cores[2]:.2f} / {on_free_cores[1]:.2f} = "
          f"{judged:.2f} (target at most {WALL_TARGET}): {verdict(judged, WALL_TARGET)}")
    print(f"memory ratio {memory:.2f} (target at most {MEMORY_TARGET}; the largest process): "
          f"{verdict(memory, MEMORY_TARGET)}")
    return 0 if judged <= WALL_TARGET and memory <= MEMORY_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
