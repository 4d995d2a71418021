"""Units rebuilt from the paragraphs of a Word document: their kind, label, fields, children.

Reads `Piece`s and the units of the version they were edited from. Writes raw units (the
mappings of a record's `content`): the kind and id of a paragraph come from its bookmark when it
has one (a unit id, or a name that a candidate id under an open unit gives), else from its label
("2-1)" a sub-point, "7." a point or paragraph like its neighbour, none a paragraph of text).
"""

from __future__ import annotations

import re
from typing import Any

from ..diff.parts import cell_text
from ..model import KINDS, Language, Unit, UnitKind, kind_spec, label_number
from ..model.bookmarks import bookmark_name
from ..model.tables import table_shape
from .piece import Piece

LABEL = re.compile(r"^(\d+(?:[-.]\d+)*[.)])\s+(.*)$", re.S)


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


def raw_unit(kind: UnitKind, texts: list[str], base: Unit | None, table: Unit | None,
             lang: Language) -> dict[str, Any]:
    """A unit's own fields from the texts a Word document shows of it."""
    raw: dict[str, Any] = {"kind": kind}
    spec = kind_spec(kind)
    if spec.in_table:
        return _raw_row(raw, texts, base, table, lang)
    if spec.family == "division":
        match = LABEL.match(texts[0])
        if match is not None:
            raw["label"], raw["heading"] = match.group(1), match.group(2)
        else:
            raw["heading"] = texts[0]
        if len(texts) > 1:
            raw["text"] = "\n".join(texts[1:])
        return raw
    text = "\n".join(texts)
    match = LABEL.match(text) if spec.family != "plain" else None
    if base is not None and base.label and text.startswith(base.label.strip() + " "):
        raw["label"], text = base.label, text[len(base.label.strip()) + 1:]
    elif match is not None:
        raw["label"], text = match.group(1), match.group(2)
    if base is not None and base.heading and text.startswith(base.heading + " "):
        raw["heading"], text = base.heading, text[len(base.heading) + 1:]
    raw["text"] = text
    return raw


def _raw_row(raw: dict[str, Any], cells: list[str], base: Unit | None,
             table: Unit | None, lang: Language) -> dict[str, Any]:
    if kind_spec(raw["kind"]).family == "heading_row":
        raw["text"] = cells[0]
        return raw
    label_column = table is not None and table_shape(table).label_column
    if label_column:
        label, cells = cells[0], cells[1:]
        if label:
            raw["label"] = label
    old_cells = base.cells if base is not None and base.cells else []
    # A number or amounts cell shown as it was keeps its value; any other cell is its text.
    raw["cells"] = [_plain(old_cells[index]) if index < len(old_cells) and not isinstance(
        old_cells[index], str) and cell_text(old_cells[index], lang) == text else text
        for index, text in enumerate(cells)]
    return raw


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


def to_raw(unit: Unit) -> dict[str, Any]:
    """A unit of a version as a record's content writes it; ids only where they differ from
    the ones the content would give."""
    raw: dict[str, Any] = {"kind": unit.kind}
    for name in ("label", "heading", "text", "stamp", "position", "name", "role", "widths",
                 "header", "cells"):
        value = getattr(unit, name)
        if value is not None:
            raw[name] = _plain(value)
    counters: dict[str, int] = {}
    children = []
    for child in unit.children:
        child_raw = to_raw(child)
        default = own_id(child.kind, child.label, counters)
        if not (child.label and label_number(child.label)):
            counters[child.kind] = counters.get(child.kind, 0) + 1
        if child.own_id != default:
            child_raw = {"kind": child.kind, "id": child.own_id,
                         **{k: v for k, v in child_raw.items() if k != "kind"}}
        children.append(child_raw)
    if children:
        raw["children"] = children
    return raw


def _plain(value: Any) -> Any:
    """Pydantic cells as the mappings a record holds."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(exclude_none=True)
    return value
