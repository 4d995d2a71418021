"""Benchmark: the start-up of a command against importing WeasyPrint alone.

Runs `legalgen versions` on the repository's project in a new process, and
`python -c "import weasyprint"`, in turn, several times each; prints the best CPU seconds of each
and their ratio (target: at most 0.50). `versions` is timed with the loaded project in the user
cache, as every run after the first finds it, and, for information, with an empty cache (the
first run after an edit). Exits 1 over target.
Run: .venv/bin/python bench/bench_startup.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _measure import LEGALGEN, private_cache, run_cpu, verdict

ROUNDS = 7
TARGET_RATIO = 0.50


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as folder:
        kept = private_cache(Path(folder) / "kept")
        run_cpu([*LEGALGEN, "versions"], env=kept)  # fills the cache
        versions, first, weasyprint = [], [], []
        for round_number in range(ROUNDS):
            versions.append(run_cpu([*LEGALGEN, "versions"], env=kept).cpu)
            empty = private_cache(Path(folder) / f"empty-{round_number}")
            first.append(run_cpu([*LEGALGEN, "versions"], env=empty).cpu)
            weasyprint.append(run_cpu([sys.executable, "-c", "import weasyprint"]).cpu)
    best_versions, best_first, best_weasyprint = min(versions), min(first), min(weasyprint)
    ratio = best_versions / best_weasyprint
    print(f"CPU seconds, best of {ROUNDS}: import weasyprint {best_weasyprint:.3f}; "
          f"legalgen versions {best_versions:.3f} (empty cache: {best_first:.3f}, "
          f"{best_first / best_weasyprint:.2f}x)")
    print(f"ratio {ratio:.2f} (target at most {TARGET_RATIO:.2f}): {verdict(ratio, TARGET_RATIO)}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
