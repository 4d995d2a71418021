"""The quoted wordings of an act: new units as the consolidated text lays them out, in «…».

Reads units built from a record's content. Writes `QuotedBlock`s: a paragraph per unit (label,
heading, text; its children below it, one level further in), or, for rows of a table, the rows
with their cells as lines of text in the columns of that table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..lang.cells import cell_lines
from ..model import Language, Unit, family_of, spec_of
from ..model.act_text import QuotedBlock, QuotedTable, QuotedText
from ..model.inline import plain
from ..model.tables import heading_text, table_shape


def quoted_blocks(units: list[Unit], parent: Unit | None,
                  lang: Language) -> tuple[QuotedBlock, ...]:
    if parent is not None and family_of(parent) == "tabular" and all(
            spec_of(unit).in_table for unit in units):
        return (_table(units, parent, lang),)
    blocks: list[QuotedBlock] = []
    for unit in units:
        blocks.extend(_paragraphs(unit, 0, lang))
    return tuple(blocks)


def _paragraphs(unit: Unit, level: int, lang: Language) -> list[QuotedBlock]:
    family = family_of(unit)
    if family == "tabular":
        return [_table(unit.children, unit, lang)]
    # A part's or a division's heading is a line of its own; a numbered unit's leads its text.
    if unit.heading and family in ("stamped", "division"):
        blocks: list[QuotedBlock] = [QuotedText(heading_text(unit), level, heading=True)]
        if unit.text:
            blocks.append(QuotedText(plain(unit.text), level))
    else:
        parts = [unit.label.strip() if unit.label else "", plain(unit.heading),
                 plain(unit.text)]
        if family == "signatory":
            parts = [unit.position or "", unit.name or ""]
        blocks = [QuotedText(" ".join(part for part in parts if part), level)]
    for child in unit.children:
        blocks.extend(_paragraphs(child, level + 1, lang))
    return blocks


def _table(rows: list[Unit], table: Unit, lang: Language) -> QuotedTable:
    shape = table_shape(table)
    lines: list[list[list[str]]] = []
    for row in rows:
        if family_of(row) == "heading_row":
            lines.append([[plain(row.text)]])
            continue
        cells = [[plain(line) for line in cell_lines(cell, lang)] for cell in row.cells or []]
        if shape.label_column:
            cells.insert(0, [row.label.strip() if row.label else ""])
        lines.append(cells)
    return QuotedTable(table.role, table.widths, shape.columns, lines)


def wrap(blocks: tuple[QuotedBlock, ...], opening: str, closing: str) -> tuple[QuotedBlock, ...]:
    """The quote opened before the first block's text and closed after the last block's."""
    first = _edit(blocks[0], lambda text: opening + text, first=True)
    rest = list(blocks[1:]) if len(blocks) > 1 else []
    items = [first, *rest]
    items[-1] = _edit(items[-1], lambda text: text + closing, first=False)
    return tuple(items)


def _edit(block: QuotedBlock, edit: Callable[[str], str], first: bool) -> QuotedBlock:
    if isinstance(block, QuotedText):
        return dataclasses.replace(block, text=edit(block.text))
    rows = [[list(cell) for cell in row] for row in block.rows]
    cell = rows[0][0] if first else rows[-1][-1]
    index = 0 if first else -1
    cell[index] = edit(cell[index])
    return dataclasses.replace(block, rows=rows)
