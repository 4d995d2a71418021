"""Benchmark: incremental builds of every version against the first full build.

Three times, copies the repository's project into a temporary folder and runs, each in a new
process with an empty user cache at first: the full build (`build --as-of all`, every language
and format, one job), the same build again with nothing changed, and a build after a one-word
edit of a Kazakh paragraph that only the original version shows (No 1169 replaced it). Prints
each build's CPU seconds (the median of the three), what it wrote, and the ratios to the full
build (targets: at most 0.05 for the no-op build, 0.35 for the edit, which must rewrite exactly
the three outputs of that version in every round). Exits 1 when a target is missed.
Run: .venv/bin/python bench/bench_build.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _measure import LEGALGEN, Run, copy_project, median, private_cache, run_cpu, verdict

NOOP_TARGET = 0.05
EDIT_TARGET = 0.35
ROUNDS = 3
EDITED_FILE = "content/kk/01-resolution.yaml"
EDIT = ("Осы қаулының орындалуын бақылау", "Осы қаулының орындалуын бақылауды")
EXPECTED = {f"kk/2012-05-25/monotowns-2012-2020.{ext}" for ext in ("html", "pdf", "docx")}


def one_round(folder: Path) -> tuple[Run, Run, Run, set[str]]:
    """The full, no-op and one-word-edit builds of a fresh copy, and what the edit rewrote."""
    root = copy_project(folder / "project")
    env = private_cache(folder / "cache")
    out = root / "build"
    command = [*LEGALGEN, "build", "--root", str(root), "--as-of", "all", "--jobs", "1"]
    full = run_cpu(command, env=env)
    noop = run_cpu(command, env=env)
    path = root / EDITED_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(EDIT[0]) == 1, f"the benchmark's edit no longer applies to {path}"
    path.write_text(text.replace(*EDIT), encoding="utf-8")
    edit = run_cpu(command, env=env)
    rewritten = {Path(line).relative_to(out).as_posix() for line in edit.stdout.splitlines()}
    return full, noop, edit, rewritten


def main() -> int:
    rounds = []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as folder:
            rounds.append(one_round(Path(folder)))
    full, noop, edit = (median([each[step].cpu for each in rounds]) for step in range(3))
    noop_ratio, edit_ratio = noop / full, edit / full
    for name, seconds, ratio in (("full", full, 1.0), ("no-op", noop, noop_ratio),
                                 ("one-word edit", edit, edit_ratio)):
        # The build's last line on stderr counts what it kept and what it wrote.
        last = rounds[-1][("full", "no-op", "one-word edit").index(name)].stderr.splitlines()[-1]
        print(f"{name:<14}{seconds:8.2f} s CPU (median of {ROUNDS})  {last:<26}ratio {ratio:.3f}")
    exact = all(each[3] == EXPECTED for each in rounds)
    print(f"no-op ratio {noop_ratio:.3f} (target at most {NOOP_TARGET}): "
          f"{verdict(noop_ratio, NOOP_TARGET)}")
    print(f"edit ratio {edit_ratio:.3f} (target at most {EDIT_TARGET}): "
          f"{verdict(edit_ratio, EDIT_TARGET)}; rewrote {sorted(rounds[-1][3])}"
          f"{'' if exact else ' (expected ' + str(sorted(EXPECTED)) + ' in every round)'}")
    return 0 if noop_ratio <= NOOP_TARGET and edit_ratio <= EDIT_TARGET and exact else 1


if __name__ == "__main__":
    sys.exit(main())
