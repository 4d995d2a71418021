"""The comparison of two versions: changed units, and the later text with the earlier merged in.

Reads and writes nothing. The diff stage makes a `Diff`; the diff writers print it as given.
- `changes`: one `UnitChange` per changed unit (added, excluded, reworded, moved, removed) and
  one for the repeal of the document: id, label, kind, the acts responsible, the text before and
  after, and the word-level operations between them;
- `blocks`: the later version laid out as `Line`s (paragraphs) and `TableBlock`s, with the
  earlier version's text merged in as deletions, each change carrying its acts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from .acts import Act
from .annotated import Annotated
from .document import Document
from .kinds import KindSpec, Subject
from .language import Language, PhraseKey

# Change kinds of a unit; each has a phrase "diff_<kind>" in every language.
ADDED, EXCLUDED, REWORDED, MOVED, REMOVED, REPEALED = (
    "added", "excluded", "reworded", "moved", "removed", "repealed",
)
CHANGE_PHRASES: dict[str, PhraseKey] = {
    ADDED: "diff_added", EXCLUDED: "diff_excluded", REWORDED: "diff_reworded",
    MOVED: "diff_moved", REMOVED: "diff_removed", REPEALED: "diff_repealed",
}


@dataclass(frozen=True, slots=True)
class Attribution:
    """An act responsible for a change, with the date its change took effect."""

    act: Act
    in_force: dt.date | None


Acts = tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class Op:
    """A piece of text that is the same in both versions, or only in the earlier or the later;
    `acts`, when given, is the one act that made this piece of a line several acts changed."""

    kind: str  # equal | delete | insert
    text: str
    acts: Acts = ()


@dataclass(slots=True)
class UnitChange:
    """A changed unit: what became of it, the acts responsible, its text before and after (None
    where the version lacks it; an excluded unit's text after is its exclusion text)."""

    uid: str
    kind: Subject
    label: str | None
    name: str
    change: str  # added | excluded | reworded | moved | removed | repealed
    acts: Acts
    before: str | None
    after: str | None
    ops: list[Op]
    reconstructed: bool = False


@dataclass(slots=True)
class Line:
    """One paragraph of the diff: its word operations and whether the paragraph itself is new
    (`inserted`), gone (`deleted`) or in both versions (`equal`)."""

    role: str
    ops: list[Op]
    state: str = "equal"
    acts: Acts = ()
    level: int = 0
    anchor: str | None = None
    is_table: ClassVar[bool] = False

    @property
    def changed(self) -> bool:
        return self.state != "equal" or any(op.kind != "equal" for op in self.ops)


@dataclass(slots=True)
class DiffCell:
    lines: list[Line]
    span: int = 1
    numeric: bool = False  # numbers or amounts, printed right-aligned


@dataclass(slots=True)
class Row:
    kind: str  # header | excluded | note, or the kind of the unit the row shows
    cells: list[DiffCell]
    state: str = "equal"
    acts: Acts = ()
    anchor: str | None = None
    spec: KindSpec | None = None  # the kind of the unit the row shows, if it shows one

    @property
    def heads_rows(self) -> bool:
        """A unit's row of text across the table that heads the rows below it."""
        return self.spec is not None and self.spec.family == "heading_row"


@dataclass(slots=True)
class TableBlock:
    role: str
    columns: int
    widths: list[float] | None
    rows: list[Row]
    anchor: str | None = None
    is_table: ClassVar[bool] = True


Block = Line | TableBlock


@dataclass(slots=True)
class Diff:
    """Two versions of one document in one language, compared; `anchors` are the unit ids
    that mark a block (a unit inside one excluded in both versions is not shown: it has none)."""

    lang: Language
    document: Document
    old: Annotated
    new: Annotated
    changes: list[UnitChange]
    blocks: list[Block]
    anchors: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not self.changes

    @property
    def from_date(self) -> dt.date:
        return self.old.version.date

    @property
    def to_date(self) -> dt.date:
        return self.new.version.date

    @property
    def title(self) -> str:
        """The comparison's heading, the DOCX's header on every page: a projection says so."""
        to = self.lang.phrase("projection") if self.new.version.projected else \
            self.lang.short_date(self.to_date)
        return f"{self.lang.phrase('diff_title')}: {self.lang.short_date(self.from_date)} – {to}"

    def act_names(self, acts: Acts) -> list[str]:
        return [self.lang.act_name(item.act) for item in acts]

    def summary_names(self, acts: Acts) -> list[str]:
        """Each act's name and the day its change took effect, as the summaries give them."""
        return [f"{self.lang.act_name(item.act)}{self._in_force(item)}" for item in acts]

    def _in_force(self, item: Attribution) -> str:
        if item.in_force is None:
            return f" — {self.lang.phrase('in_force_unknown')}"
        return f" — {self.lang.in_force_from(item.in_force)}"

    def change_word(self, change: UnitChange) -> str:
        """What became of a unit, agreeing with it in gender where the language has it."""
        return self.lang.change_word(change.change, change.kind, self.document.type)
