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


def line(code: str, written: list[notes.NoteResult],
         drafted: list[instructions.InstructionResult]) -> str:
    """`golden <code>: notes N, exact E (P %); instructions N, exact E (P %)`."""
    return (f"golden {code}: notes {share(sum(r.exact for r in written), len(written))}; "
            f"instructions {share(sum(r.exact for r in drafted), len(drafted))}")


def main() -> int:
    folder = corpus_folder()
    if folder is None:
        print("golden: skipped, no published corpus beside the repository (../shared/corpus/)")
        return 0
    known = known_differences()
    misses: dict[str, list[str]] = defaultdict(list)
    for code in codes():
        written = notes.measure(folder, code)
        drafted = instructions.measure(folder, code)
        print(line(code, written, drafted))
        # A note's id names its language; an instruction's is the same in every language.
        missed = [(result.note.id, result.note.id) for result in written if not result.exact]
        missed += [(result.id, f"{result.id} ({code})") for result in drafted
                   if not result.exact]
        for known_id, shown in missed:
            found = known.get(known_id)
            misses[found.cls if found is not None else "not listed"].append(shown)
    if misses:
        print("misses by class:")
        for cls, ids in sorted(misses.items()):
            print(f"  {cls} ({len(ids)}): {', '.join(ids)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
