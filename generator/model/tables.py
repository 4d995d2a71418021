"""The shape of a table and the heading line of a unit, as every writer and the diff lay them out.

Reads units; writes nothing. Language-independent: the words of a cell come from `lang.cells`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import AmountsCell, Cell, NumberCell, Unit, label_number
from .kinds import family_of, spec_of


@dataclass(frozen=True, slots=True)
class TableShape:
    columns: int
    label_column: bool


def table_shape(table: Unit) -> TableShape:
    rows = [c for c in table.children if family_of(c) == "row"]
    label_column = any(row.label for row in rows) or table.role in ("action_plan", "towns")
    widest = max((len(row.cells or []) for row in rows), default=0) + (1 if label_column else 0)
    header = max((len(line) for line in table.header or []), default=0)
    return TableShape(max(widest, header, 1), label_column)


def heading_text(unit: Unit) -> str:
    """'1. The programme's passport' — the label (if any) and the heading; the label of a unit
    named by it ("Appendix 1") is its name, not part of its heading line, and a heading that
    prints its label itself, as published texts do ("Chapter 1. General provisions"), is its
    heading line as it is."""
    label = unit.label.strip() if unit.label else ""
    if spec_of(unit).named_by_label or prints_label(unit.heading or "", label):
        label = ""
    return f"{label} {unit.heading or ''}".strip()


def prints_label(heading: str, label: str) -> bool:
    """Whether `heading` holds the number of `label` as its first or second word."""
    number = label_number(label)
    if not number:
        return False
    return re.match(rf"^\W*(?:[^\W\d]+\W+)?{re.escape(number)}(?![\w-]*\d)", heading) is not None


def is_numeric(cell: Cell) -> bool:
    """A cell of numbers or amounts: printed right-aligned, its digits under one another."""
    return isinstance(cell, AmountsCell | NumberCell) or (
        isinstance(cell, int | float) and not isinstance(cell, bool))


def row_of(sub_row: Unit, siblings: list[Unit]) -> Unit | None:
    """The numbered row a sub-row belongs to: a row labelled "1)" belongs to the last row before
    it labelled with a number ("32."), as the publisher addresses it ("row 32, sub-point 1)")."""
    label = (sub_row.label or "").strip()
    uids = [sibling.uid for sibling in siblings]
    if not spec_of(sub_row).in_table or not label.endswith(")") or sub_row.uid not in uids:
        return None
    for sibling in reversed(siblings[:uids.index(sub_row.uid)]):
        own = (sibling.label or "").strip()
        if family_of(sibling) == "row" and own and not own.endswith(")"):
            return sibling
    return None
