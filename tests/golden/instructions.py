"""The golden test of the amending instructions: every instruction of the corpus's amending acts
read by `record --from-act` into a change, drafted again by `act`, and compared.

Reads the corpus (`corpus`); writes nothing. `measure` gives one `InstructionResult` per
instruction and language, or None while the instructions are not measured; `python -m
tests.golden` then prints "instructions not measured" in its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class InstructionResult:
    """An instruction as published (`id`: `<document>/<paragraph>/<instruction>`), and as the
    grammar drafts the change `record --from-act` read from it (None: not read)."""

    id: str
    lang: str
    published: str
    drafted: str | None

    @property
    def exact(self) -> bool:
        return self.drafted == self.published


def measure(folder: Path, code: str) -> list[InstructionResult] | None:
    """Every amending instruction of the corpus in language `code`, read and drafted again;
    None while the instructions are not measured."""
    return None
