"""Benchmark of `legalgen diff`: the original against the latest version, both languages, HTML,
DOCX and JSON (target: under 3 s).

Reads: the project at the repository root. Writes: outputs into a temporary folder, removed after.
Prints the end-to-end time of the command (a fresh process, imports included), the best and
median in-process times, and where the in-process time goes.

Run: .venv/bin/python bench/bench_diff.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.consolidate import resolve_date
from generator.diff import diff_versions
from generator.lang import codes
from generator.load import load_project
from generator.validate import validate
from generator.writers import formats, writer

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
TARGET_SECONDS = 3.0



def command_in_process(out: Path) -> float:
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["diff", "--root", str(ROOT), "--out", str(out)])
    elapsed = time.perf_counter() - start
    if result.exit_code != 0:
        sys.exit(f"legalgen diff failed:\n{result.output}")
    return elapsed


def command_in_new_process(out: Path) -> float:
    executable = Path(sys.executable).with_name("legalgen")
    start = time.perf_counter()
    subprocess.run([str(executable), "diff", "--root", str(ROOT), "--out", str(out)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def stages(out: Path) -> dict[str, float]:
    """Seconds spent in each stage of one run."""
    times: dict[str, float] = {}

    def timed(name: str, action):
        start = time.perf_counter()
        value = action()
        times[name] = times.get(name, 0.0) + time.perf_counter() - start
        return value

    project = timed("load", lambda: load_project(ROOT))
    timed("validate", lambda: validate(project))
    old, new = resolve_date(project, "original"), resolve_date(project, "latest")
    for lang in codes():
        diff = timed("consolidate + annotate + compare",
                     lambda lang=lang: diff_versions(project, lang, old, new))
        for fmt in formats("diff"):
            timed(f"write {fmt}", lambda fmt=fmt, diff=diff: writer("diff", fmt).render(diff))
    return times


def main_bench() -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        end_to_end = command_in_new_process(out)
        # A folder of its own each time: in one folder the output store keeps the redlines.
        runs = [command_in_process(out / f"run-{run}") for run in range(RUNS)]
        breakdown = stages(out)
    print("legalgen diff --from original --to latest (kk, ru; html, docx, json)")
    print(f"  end to end, new process:  {end_to_end:.2f} s")
    print(f"  in process, best of {RUNS}:   {min(runs):.2f} s")
    print(f"  in process, median:       {statistics.median(runs):.2f} s")
    print("  stages of one run:")
    for name, seconds in breakdown.items():
        print(f"    {name:<34} {seconds:.3f} s")
    print(f"  target: under {TARGET_SECONDS} s end to end: "
          f"{'ok' if end_to_end < TARGET_SECONDS else 'over target'}")
    return 0 if end_to_end < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main_bench())
