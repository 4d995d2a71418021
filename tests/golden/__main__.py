"""`python -m tests.golden` (`make golden`): one line per language with the notes and the
instructions of the corpus written exactly, then the misses by class (`docs/known-differences.md`
gives each its class). Without the corpus beside the repository it says so and measures
nothing."""

from __future__ import annotations

import sys
from collections import defaultdict

from generator.lang import codes

from . import instructions, notes
from .corpus import corpus_folder
from .known import known_differences


def share(exact: int, total: int) -> str:
    return f"{total}, exact {exact} ({100 * exact / total:.1f} %)" if total else "0, exact 0"


def main() -> int:
    folder = corpus_folder()
    if folder is None:
        print("golden: skipped, no published corpus beside the repository (../shared/corpus/)")
        return 0
    known = known_differences()
    misses: dict[str, list[str]] = defaultdict(list)
    for code in codes():
        results = notes.measure(folder, code)
        exact = sum(result.exact for result in results)
        written = instructions.measure(folder, code)
        if written is None:
            drafted = "instructions not measured"
        else:
            drafted = f"instructions {share(sum(r.exact for r in written), len(written))}"
        print(f"golden {code}: notes {share(exact, len(results))}; {drafted}")
        missed = [result.note.id for result in results if not result.exact]
        missed += [result.id for result in written or () if not result.exact]
        for note_id in missed:
            found = known.get(note_id)
            misses[found.cls if found is not None else "not listed"].append(note_id)
    if misses:
        print("misses by class:")
        for cls, ids in sorted(misses.items()):
            print(f"  {cls} ({len(ids)}): {', '.join(ids)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
