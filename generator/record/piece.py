"""A paragraph or a table row of an edited document, before and after the edits.

Reads and writes nothing: `docx` makes pieces from a Word file, `structure` and `word` read them.
It stands apart from `docx` so that reading an act's text never loads lxml.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Piece:
    """A paragraph (one text) or a table row (one text per cell), before and after the edits."""

    number: int
    style: str
    old: list[str]
    new: list[str]
    bookmarks: list[str] = field(default_factory=list)
    is_row: bool = False

    @property
    def state(self) -> str:
        """equal | changed | inserted (nothing before) | removed (nothing after)."""
        if self.old == self.new:
            return "equal"
        if not any(text.strip() for text in self.old):
            return "inserted"
        if not any(text.strip() for text in self.new):
            return "removed"
        return "changed"
