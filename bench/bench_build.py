"""Benchmark: incremental builds of every version against the first full build.

Copies the repository's project into a temporary folder and runs, each in a new process with an
empty user cache at first: the full build (`build --as-of all`, every language and format, one
job), the same build again with nothing changed, and a build after a one-word edit of a Kazakh
paragraph that only the original version shows (No 1169 replaced it). Prints each build's CPU
seconds, what it wrote, and the ratios to the full build (targets: at most 0.05 for the no-op
build, 0.35 for the edit, which must rewrite exactly the three outputs of that version). Exits 1
when a target is missed.
Run: .venv/bin/python bench/bench_build.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _measure import LEGALGEN, copy_project, private_cache, run_cpu, verdict

NOOP_TARGET = 0.05
EDIT_TARGET = 0.35
EDITED_FILE = "content/kk/01-resolution.yaml"
EDIT = ("Осы қаулының орындалуын бақылау", "Осы қаулының орындалуын бақылауды")
EXPECTED = {f"kk/2012-05-25/monotowns-2012-2020.{ext}" for ext in ("html", "pdf", "docx")}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as folder:
        root = copy_project(Path(folder) / "project")
        env = private_cache(Path(folder) / "cache")
        out = root / "build"
        command = [*LEGALGEN, "build", "--root", str(root), "--as-of", "all", "--jobs", "1"]
        full = run_cpu(command, env=env)
        noop = run_cpu(command, env=env)
        path = root / EDITED_FILE
        text = path.read_text(encoding="utf-8")
        assert text.count(EDIT[0]) == 1, f"the benchmark's edit no longer applies to {path}"
        path.write_text(text.replace(*EDIT), encoding="utf-8")
        edit = run_cpu(command, env=env)
    noop_ratio, edit_ratio = noop.cpu / full.cpu, edit.cpu / full.cpu
    rewritten = {Path(line).relative_to(out).as_posix() for line in edit.stdout.splitlines()}
    for name, run, ratio in (("full", full, 1.0), ("no-op", noop, noop_ratio),
                             ("one-word edit", edit, edit_ratio)):
        # The build's last line on stderr counts what it kept and what it wrote.
        print(f"{name:<14}{run.cpu:8.2f} s CPU  {run.stderr.splitlines()[-1]:<26}"
              f"ratio {ratio:.3f}")
    exact = rewritten == EXPECTED
    print(f"no-op ratio {noop_ratio:.3f} (target at most {NOOP_TARGET}): "
          f"{verdict(noop_ratio, NOOP_TARGET)}")
    print(f"edit ratio {edit_ratio:.3f} (target at most {EDIT_TARGET}): "
          f"{verdict(edit_ratio, EDIT_TARGET)}; rewrote {sorted(rewritten)}"
          f"{'' if exact else ' (expected ' + str(sorted(EXPECTED)) + ')'}")
    return 0 if noop_ratio <= NOOP_TARGET and edit_ratio <= EDIT_TARGET and exact else 1


if __name__ == "__main__":
    sys.exit(main())
