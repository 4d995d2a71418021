"""Units rebuilt from the paragraphs of a Word document: their kind, label, fields, children.

Reads `Piece`s and the units of the version they were edited from. Writes the units of a
record's `content` as the input schema's `UnitIn`: the kind and id of a paragraph come from its
bookmark when it has one (a unit id, or a name that a candidate id under an open unit gives),
else from its label ("2-1)" a sub-point, "7." a point or paragraph like its neighbour, none a
paragraph of text). A `Node` holds a unit while the units under it are still being found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diff.parts import cell_text
from ..input import UnitIn
from ..model import KINDS, Cell, Language, Unit, UnitKind, kind_spec, label_number
from ..model.bookmarks import bookmark_name
from ..model.tables import table_shape
from .piece import Piece
from .writer import written

LABEL = re.compile(r"^(\d+(?:[-.]\d+)*[.)])\s+(.*)$", re.S)
# A unit's own fields, those of the schema that `Unit` carries as well.
OWN_FIELDS = tuple(name for name in UnitIn.model_fields if name not in ("kind", "id", "children"))


@dataclass(slots=True)
class Node:
    """A unit of a record being rebuilt, and the units found under it so far."""

    unit: UnitIn
    children: list[Node] = field(default_factory=list)

    def built(self) -> UnitIn:
        """The unit with what it held and what was found under it."""
        if not self.children:
            return self.unit
        found = [child.built() for child in self.children]
        return self.unit.model_copy(update={"children": [*self.unit.children, *found]})


def kind_of_uid(uid: str) -> UnitKind | None:
    kind_of_prefix = {spec.prefix: spec.name for spec in KINDS.values()}
    own = uid.rsplit("__", 1)[-1]
    prefix = own.rsplit("_", 1)[0] if "_" in own else own
    while prefix:
        if prefix in kind_of_prefix:
            return kind_of_prefix[prefix]
        prefix = prefix.rsplit("_", 1)[0] if "_" in prefix else ""
    return None


def inferred_kind(piece: Piece, neighbour: Unit | None) -> UnitKind:
    if piece.is_row:
        return "group" if len(piece.new) == 1 else "row"
    match = LABEL.match(piece.new[0])
    if match is None:
        return "text"
    if match.group(1).endswith(")"):
        return "subpoint"
    if neighbour is not None and neighbour.kind in ("paragraph", "point") and neighbour.label:
        return neighbour.kind
    return "point"


def own_id(kind: str, label: str | None, counters: dict[str, int]) -> str:
    """The id part a unit built from a record would get (see `load.units`)."""
    prefix = kind_spec(kind).prefix
    if label and label_number(label):
        return f"{prefix}_{label_number(label)}"
    return f"{prefix}_{counters.get(kind, 0) + 1}"


def unit_from_texts(kind: UnitKind, texts: list[str], base: Unit | None, table: Unit | None,
                    lang: Language) -> UnitIn:
    """A unit's own fields from the texts a Word document shows of it."""
    spec = kind_spec(kind)
    if spec.in_table:
        return _row_from_cells(kind, texts, base, table, lang)
    label: str | None = None
    heading: str | None = None
    if spec.family == "division":
        match = LABEL.match(texts[0])
        if match is not None:
            label, heading = match.group(1), match.group(2)
        else:
            heading = texts[0]
        rest = "\n".join(texts[1:]) if len(texts) > 1 else None
        return written(UnitIn, kind=kind, label=label, heading=heading, text=rest)
    text = "\n".join(texts)
    match = LABEL.match(text) if spec.family != "plain" else None
    if base is not None and base.label and text.startswith(base.label.strip() + " "):
        label, text = base.label, text[len(base.label.strip()) + 1:]
    elif match is not None:
        label, text = match.group(1), match.group(2)
    if base is not None and base.heading and text.startswith(base.heading + " "):
        heading, text = base.heading, text[len(base.heading) + 1:]
    return written(UnitIn, kind=kind, label=label, heading=heading, text=text)


def _row_from_cells(kind: UnitKind, cells: list[str], base: Unit | None,
                    table: Unit | None, lang: Language) -> UnitIn:
    if kind_spec(kind).family == "heading_row":
        return written(UnitIn, kind=kind, text=cells[0])
    label: str | None = None
    label_column = table is not None and table_shape(table).label_column
    if label_column:
        label, cells = cells[0] or None, cells[1:]
    old_cells = base.cells if base is not None and base.cells else []
    # A number or amounts cell shown as it was keeps its value; any other cell is its text.
    new_cells: list[Cell] = [
        old_cells[index] if index < len(old_cells) and not isinstance(old_cells[index], str)
        and cell_text(old_cells[index], lang) == text else text
        for index, text in enumerate(cells)]
    return written(UnitIn, kind=kind, label=label, cells=new_cells)


def resolve(name: str, parents: list[str], labels: str | None,
            counters: dict[str, dict[str, int]]) -> tuple[str, UnitKind] | None:
    """The unit id and kind a bookmark name stands for, under one of the open `parents`."""
    if bookmark_name(name) == name and "__" in name and kind_of_uid(name):
        kind = kind_of_uid(name)
        return (name, kind) if kind else None
    for parent in reversed(parents):
        for kind in (spec.name for spec in KINDS.values()):
            uid = f"{parent}__{own_id(kind, labels, counters.get(parent, {}))}"
            if bookmark_name(uid) == name:
                return uid, kind
    return None


def as_input(unit: Unit) -> UnitIn:
    """A unit of a version as a record's content writes it; ids only where they differ from
    the ones the content would give."""
    counters: dict[str, int] = {}
    children = []
    for child in unit.children:
        default = own_id(child.kind, child.label, counters)
        if not (child.label and label_number(child.label)):
            counters[child.kind] = counters.get(child.kind, 0) + 1
        written_child = as_input(child)
        if child.own_id != default:
            written_child = written_child.model_copy(update={"id": child.own_id})
        children.append(written_child)
    fields = {name: getattr(unit, name) for name in OWN_FIELDS}
    return written(UnitIn, kind=unit.kind, **fields, children=children or None)
