"""The imported text of one language: its head, its unit tree as printed, its notes and what is
left to do.

Reads nothing. The segmentation writes an `ImportedText`; alignment, the history and the
writers read it. A `Node` is a unit as printed (the fields of the content format), with its
place in the source, the notes printed under it and, for an excluded unit, the words that stand
in its place; ids are given once the tree is complete (`ids.assign_ids`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..load.schema import TodoKind
from ..model import SourcePos
from ..model.published import Adoption


@dataclass(frozen=True, slots=True)
class Todo:
    """Something the published text does not show, or shows in a form not read: its kind, the
    unit it concerns (an id), where it stands in the source and its words."""

    kind: TodoKind
    source: str
    text: str
    target: str | None = None
    act: str | None = None


@dataclass(slots=True)
class NoteMark:
    """A printed note: its words (after the note word), where it stands, and the unit it stands
    under (None: under the title or the head)."""

    text: str
    pos: SourcePos
    after: Node | None


@dataclass(eq=False, slots=True)
class Node:
    """A unit as printed; `uid` and `own` are given by `ids.assign_ids`."""

    kind: str
    pos: SourcePos
    label: str | None = None
    heading: str | None = None
    text: str | None = None
    stamp: list[str] | None = None
    position: str | None = None
    name: str | None = None
    role: str | None = None
    widths: list[float] | None = None
    header: list[list[str]] | None = None
    cells: list[str] | None = None
    children: list[Node] = field(default_factory=list)
    indent: int = 0
    uid: str = ""
    own: str = ""
    # The words printed in place of an excluded unit ("Excluded by the resolution of …").
    exclusion: NoteMark | None = None
    # An annex of amending instructions: its inner labels are quotations.
    instructions: bool = False

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class ImportedText:
    """One language's published text, read."""

    lang: str
    source: str  # the input file as the command line named it
    title: str = ""
    title_pos: SourcePos | None = None
    status: str | None = None
    repealed: bool = False
    adoption: Adoption | None = None
    units: list[Node] = field(default_factory=list)
    notes: list[NoteMark] = field(default_factory=list)
    todos: list[Todo] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        for unit in self.units:
            yield from unit.walk()
