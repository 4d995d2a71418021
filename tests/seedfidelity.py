"""How closely a project's Kazakh versions match the sample's seed (`../shared/seed/`, the text as
published): the word-sequence similarity of `tests/test_content.py`, for the latest version and
for the version closest to the seed.

`python -m tests.seedfidelity` imports the seed into a temporary folder, builds every version of
it and of the hand-made sample as HTML, and prints the four figures.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

from click.testing import CliRunner

from generator.cli import main
from generator.consolidate import timeline
from generator.load import load_project
from tests.importutil import SEED, run_import
from tests.test_content import _clean_seed
from tests.textutil import NOT_THE_ACT, html_words, similarity


class Fidelity(NamedTuple):
    latest: float
    closest: float
    closest_day: str


def seed_text() -> Path:
    assert SEED is not None, "no seed text beside the repository (../shared/seed/)"
    return next(SEED.glob("*.txt"))


def kazakh_pages(project: Path, out: Path) -> dict[str, Path]:
    """Every version's Kazakh page of `project` built into `out`, by day."""
    loaded = load_project(project)
    return {day.isoformat(): out / "kk" / day.isoformat() / f"{loaded.doc_id}.html"
            for day, _ in timeline(loaded)}


def fidelity(pages: dict[str, Path]) -> Fidelity:
    raw = seed_text().read_text(encoding="utf-8")
    scores = {}
    for day, page in pages.items():
        ours = html_words(page, NOT_THE_ACT)
        scores[day] = similarity(_clean_seed(raw, set(ours)), ours)
    closest = max(scores, key=scores.__getitem__)
    return Fidelity(scores[max(scores)], scores[closest], closest)


def build_kazakh(project: Path, out: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(project), "--lang", "kk",
                                       "--format", "html", "--as-of", "all", "--out", str(out),
                                       "--jobs", "1"])
    assert result.exit_code == 0, result.output


def import_seed(into: Path) -> None:
    code, output = run_import(into, kk=seed_text())
    assert code == 0, output


def _main() -> int:
    from tests.conftest import ROOT

    with tempfile.TemporaryDirectory() as work:
        imported = Path(work) / "imported"
        import_seed(imported)
        build_kazakh(imported, imported / "build")
        build_kazakh(ROOT, Path(work) / "sample")
        figures = {"imported": fidelity(kazakh_pages(imported, imported / "build")),
                   "hand-made": fidelity(kazakh_pages(ROOT, Path(work) / "sample"))}
    for name, figure in figures.items():
        print(f"{name:10} latest {figure.latest:.4f}  closest {figure.closest:.4f}"
              f" ({figure.closest_day})")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
