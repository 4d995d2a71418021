"""Benchmark: what the commands cost as the acts grow, at ten times the size of the real content.

Writes, for 40, 400 and 1,000 acts, a synthetic project of ten times the units of the
repository's document (bench_consolidate's generator; at 1,000 acts each act makes one or two
changes) into a temporary folder, and times in new processes (CPU seconds, median of 3):
- a no-op `build --as-of latest --format html` (its outputs written once before) against warm
  `legalgen versions` (the loaded project in the cache) — target at most 2x;
- a cold `validate` (an empty cache) against the floor: a process that parses every file of the
  project with libyaml (`yaml.load(..., CSafeLoader)`) and nothing else — target at most 4x.
Then, in this process on the 400-act project, legalgen's YAML stage (`read_yaml` of every file:
positions, limits) against `yaml.load(..., CSafeLoader)` of the same texts (best of 5) — target
at most 1.2x. Prints every time and ratio; exits 1 when a target is missed.
Run: .venv/bin/python bench/bench_acts.py [--acts 40,400,1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml
from _measure import LEGALGEN, median, private_cache, run_cpu, verdict
from bench_consolidate import UNITS_PER_SECTION, write_amendments, write_content
from bench_parallel import real_units

from generator.load.yaml_source import read_yaml
from generator.model import Diagnostics

SCALE = 10
NOOP_TARGET = 2.0
VALIDATE_TARGET = 4.0
YAML_TARGET = 1.2
YAML_ROUNDS = 5
FLOOR = ("import sys, pathlib, yaml\n"
         "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*')):\n"
         "    if path.is_file():\n"
         "        yaml.load(path.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n")


def input_files(root: Path) -> list[Path]:
    return sorted(path for folder in ("content", "amendments")
                  for path in (root / folder).rglob("*") if path.is_file())


def measure_acts(folder: Path, sections: int, acts: int, rounds: int) -> tuple[float, float, str]:
    """The no-op build's and the cold validate's ratios, and the line that tells them."""
    root = folder / f"acts-{acts}"
    write_content(root, sections)
    write_amendments(root, sections, acts, seed=1)
    kept = private_cache(folder / f"cache-{acts}")
    versions = [*LEGALGEN, "versions", "--root", str(root)]
    build = [*LEGALGEN, "build", "--root", str(root), "--as-of", "latest", "--format", "html",
             "--jobs", "1"]
    validate, floor, noop, warm = [], [], [], []
    for round_number in range(rounds):
        empty = private_cache(folder / f"empty-{acts}-{round_number}")
        validate.append(run_cpu([*LEGALGEN, "validate", "--root", str(root)], env=empty).cpu)
        floor.append(run_cpu([sys.executable, "-c", FLOOR, str(root)]).cpu)
    listed = run_cpu(versions, env=kept).stdout.splitlines()  # fills the cache
    count = sum(1 for line in listed if line[:1].isdigit())
    run_cpu(build, env=kept)  # writes the outputs once
    for _ in range(rounds):
        noop.append(run_cpu(build, env=kept).cpu)
        warm.append(run_cpu(versions, env=kept).cpu)
    noop_ratio = median(noop) / median(warm)
    validate_ratio = median(validate) / median(floor)
    line = (f"{acts:>5} acts, {count:>4} versions: no-op build {median(noop):6.2f} s, versions "
            f"{median(warm):5.2f} s: ratio {noop_ratio:5.2f} (target at most {NOOP_TARGET}): "
            f"{verdict(noop_ratio, NOOP_TARGET)}; cold validate {median(validate):6.2f} s, "
            f"CSafeLoader floor {median(floor):5.2f} s: ratio {validate_ratio:5.2f} (target at "
            f"most {VALIDATE_TARGET}): {verdict(validate_ratio, VALIDATE_TARGET)}")
    return noop_ratio, validate_ratio, line


def best_cpu(work: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(YAML_ROUNDS):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def yaml_stage(root: Path) -> tuple[float, str]:
    """legalgen's YAML stage against CSafeLoader over the project's files, in this process."""
    files = input_files(root)

    def tool() -> None:
        diagnostics = Diagnostics()
        for path in files:
            read_yaml(path, path.name, diagnostics)
        assert not diagnostics.items, diagnostics.items[0]

    def floor() -> None:
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    mine, least = best_cpu(tool), best_cpu(floor)
    ratio = mine / least
    return ratio, (f"YAML stage over {len(files)} files: read_yaml {mine:.3f} s, CSafeLoader "
                   f"{least:.3f} s: ratio {ratio:.2f} (target at most {YAML_TARGET}): "
                   f"{verdict(ratio, YAML_TARGET)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acts", default="40,400,1000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sections = max(1, real_units() * SCALE // UNITS_PER_SECTION)
    print(f"{sections * UNITS_PER_SECTION} units per language ({SCALE}x the real content); "
          f"CPU seconds, median of {args.rounds}", flush=True)
    ok = True
    with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as name:
        folder = Path(name)
        for acts in (int(count) for count in args.acts.split(",")):
            noop_ratio, validate_ratio, line = measure_acts(folder, sections, acts, args.rounds)
            print(line, flush=True)
            ok = ok and noop_ratio <= NOOP_TARGET and validate_ratio <= VALIDATE_TARGET
        stage_root = folder / "acts-400"
        if not stage_root.exists():
            write_content(stage_root, sections)
            write_amendments(stage_root, sections, 400, seed=1)
        yaml_ratio, line = yaml_stage(stage_root)
        print(line)
    return 0 if ok and yaml_ratio <= YAML_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
