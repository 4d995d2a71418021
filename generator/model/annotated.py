"""An annotated version: the consolidated text with every word a reader sees around it.

Reads and writes nothing. The annotate stage fills it in the version's language: each note, the
exclusion texts, the repeal note and the items of the pending notice as a `Note` (its facts and
its words as segments). The writers print those words and the lines as given, and ask its `lang`
only for the words of their own layout (headings of the notice, the contents, numbers in cells).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Unit
from .language import Language
from .notes import Note
from .version import Version


@dataclass(slots=True)
class Annotated:
    version: Version
    lang: Language
    title: str
    adoption_line: str
    notes: dict[str, list[Note]] = field(default_factory=dict)
    exclusions: dict[str, Note] = field(default_factory=dict)
    # The notes under the title: its own changes, words replaced throughout the text.
    head_notes: list[Note] = field(default_factory=list)
    reconstructed: dict[str, list[str]] = field(default_factory=dict)
    status: str | None = None
    repeal_line: str | None = None
    repeal_note: Note | None = None
    pending: list[Note] = field(default_factory=list)

    @property
    def units(self) -> list[Unit]:
        return self.version.units

    @property
    def version_heading(self) -> str:
        """The line that dates the version, or says that it is a projection."""
        if self.version.projected:
            return self.lang.phrase("projection")
        return self.lang.version_heading(self.version.date)

    def reconstruction_reasons(self) -> list[str]:
        """The distinct reasons of the reconstructed wordings shown, in reading order: the
        endnotes their marks refer to by number (1-based position)."""
        reasons: list[str] = []
        for unit in self.version.walk():
            for reason in self.reconstructed.get(unit.uid, []):
                if reason and reason not in reasons:
                    reasons.append(reason)
        return reasons
