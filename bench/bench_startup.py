"""Benchmark: the start-up of a command against importing WeasyPrint alone.

Runs, in turn and several times each, `legalgen versions` on the repository's project in a new
process, `legalgen --help`, and `python -c "import weasyprint"`; prints the best CPU seconds of
each and the ratios (targets: at most 0.25 for `versions`, 0.30 for `--help`). `versions` is
timed with the loaded project in the user cache, as every run after the first finds it, and, for
information, with an empty cache (the first run after an edit). Exits 1 over target.
Run: .venv/bin/python bench/bench_startup.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _measure import LEGALGEN, private_cache, run_cpu, verdict

ROUNDS = 7
VERSIONS_TARGET = 0.25
HELP_TARGET = 0.30


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as folder:
        kept = private_cache(Path(folder) / "kept")
        run_cpu([*LEGALGEN, "versions"], env=kept)  # fills the cache
        versions, first, helps, weasyprint = [], [], [], []
        for round_number in range(ROUNDS):
            versions.append(run_cpu([*LEGALGEN, "versions"], env=kept).cpu)
            helps.append(run_cpu([*LEGALGEN, "--help"], env=kept).cpu)
            empty = private_cache(Path(folder) / f"empty-{round_number}")
            first.append(run_cpu([*LEGALGEN, "versions"], env=empty).cpu)
            weasyprint.append(run_cpu([sys.executable, "-c", "import weasyprint"]).cpu)
    best_weasyprint, best_first = min(weasyprint), min(first)
    ratio, help_ratio = min(versions) / best_weasyprint, min(helps) / best_weasyprint
    print(f"CPU seconds, best of {ROUNDS}: import weasyprint {best_weasyprint:.3f}; "
          f"legalgen versions {min(versions):.3f} (empty cache: {best_first:.3f}, "
          f"{best_first / best_weasyprint:.2f}x); legalgen --help {min(helps):.3f}")
    print(f"versions ratio {ratio:.2f} (target at most {VERSIONS_TARGET:.2f}): "
          f"{verdict(ratio, VERSIONS_TARGET)}")
    print(f"--help ratio {help_ratio:.2f} (target at most {HELP_TARGET:.2f}): "
          f"{verdict(help_ratio, HELP_TARGET)}")
    return 0 if ratio <= VERSIONS_TARGET and help_ratio <= HELP_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
