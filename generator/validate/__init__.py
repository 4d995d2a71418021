"""Checks beyond loading: kk/ru parity, every version consolidating cleanly, table totals.

Reads: a loaded `Project`. Writes: `Diagnostics` (errors and warnings) — nothing else.
"""

from __future__ import annotations

from ..consolidate import check_all_versions
from ..load import UnitBuilder
from ..model import LANGS, AmountsCell, Cell, Diagnostics, NumberCell, Project, Unit
from ..model.charset import Charset
from .refs import check_references
from .text import check_characters


def validate(project: Project, charsets: list[Charset] | None = None) -> Diagnostics:
    """Everything wrong with the project; `charsets` are what the outputs' fonts can set."""
    diagnostics = Diagnostics()
    diagnostics.extend(project.diagnostics)
    _check_document_parity(project, diagnostics)
    _check_change_parity(project, diagnostics)
    check_characters(project, charsets or [], diagnostics)
    versions = check_all_versions(project)
    diagnostics.extend(versions)
    if not versions.errors:
        check_references(project, diagnostics)
    # Numbers are the same in every language (parity), so the totals of the first one stand
    # for all.
    first = project.documents.get(LANGS[0])
    if first is not None:
        _check_totals(first.units, diagnostics)
    return diagnostics


def _shape(unit: Unit) -> tuple[str, str, int, tuple[int, ...], int]:
    return (
        unit.kind,
        (unit.label or "").strip(),
        len(unit.cells or []),
        tuple(len(line) for line in unit.header or []),
        len(unit.stamp or []),
    )


def _check_document_parity(project: Project, diagnostics: Diagnostics) -> None:
    if set(project.documents) != set(LANGS):
        return
    first = project.documents[LANGS[0]]
    for code in LANGS[1:]:
        other = project.documents[code]
        for name in ("id", "type", "issuer", "number", "date"):
            if getattr(first, name) != getattr(other, name):
                diagnostics.error(
                    first.pos, f"manifest: '{name}' differs from {other.pos.path} "
                    f"({getattr(first, name)} / {getattr(other, name)})",
                )
        compare_trees(first.units, other.units, diagnostics, code)


def compare_trees(
    left: list[Unit], right: list[Unit], diagnostics: Diagnostics, right_lang: str
) -> None:
    """Every unit of one language has a counterpart with the same id, kind and label."""
    left_units = {u.uid: u for top in left for u in top.walk()}
    right_units = {u.uid: u for top in right for u in top.walk()}
    for uid, unit in left_units.items():
        other = right_units.get(uid)
        if other is None:
            where = _where_parent(uid, right_units)
            diagnostics.error(unit.pos, f"unit {uid}: no {right_lang} counterpart{where}")
        elif _shape(unit) != _shape(other):
            diagnostics.error(
                unit.pos,
                f"unit {uid}: differs from its {right_lang} counterpart at {other.pos} "
                f"(kind, label, cells, header or stamp: {_shape(unit)} / {_shape(other)})",
            )
    for uid, unit in right_units.items():
        if uid not in left_units:
            diagnostics.error(
                unit.pos,
                f"unit {uid}: no counterpart in the other language"
                f"{_where_parent(uid, left_units)}",
            )
    _check_order(left, right, diagnostics, right_lang)
    for uid, unit in left_units.items():
        other = right_units.get(uid)
        if other is not None:
            _check_order(unit.children, other.children, diagnostics, right_lang)


def _check_order(
    left: list[Unit], right: list[Unit], diagnostics: Diagnostics, right_lang: str
) -> None:
    """Siblings present in both languages stand in the same order (missing ones are reported
    apart); the first unit out of place is named with its counterpart's place."""
    common = {unit.uid for unit in left} & {unit.uid for unit in right}
    left_order = [unit for unit in left if unit.uid in common]
    right_order = [unit for unit in right if unit.uid in common]
    for mine, theirs in zip(left_order, right_order, strict=True):
        if mine.uid != theirs.uid:
            diagnostics.error(
                mine.pos,
                f"unit {mine.uid}: in another order than in {right_lang}, where "
                f"{theirs.uid} stands in its place at {theirs.pos}",
            )
            return


def _where_parent(uid: str, other_units: dict[str, Unit]) -> str:
    """Where the missing unit's parent stands in the other language, so both files are named."""
    parent = other_units.get(uid.rsplit("__", 1)[0]) if "__" in uid else None
    return f" (its parent there is at {parent.pos})" if parent is not None else ""


def _check_change_parity(project: Project, diagnostics: Diagnostics) -> None:
    for change in project.changes:
        if not change.content:
            continue
        built = {}
        for lang in LANGS:
            raw = change.content[lang]
            raws = raw if isinstance(raw, list) else [raw]
            local = Diagnostics()
            built[lang] = UnitBuilder(local).build_children(raws, change.target, change.pos)
        local = Diagnostics()
        for code in LANGS[1:]:
            compare_trees(built[LANGS[0]], built[code], local, code)
        for item in local.errors:
            diagnostics.error(item.pos, f"{change.where}: content: {item.message}")


def _numeric(value: Cell) -> float | None:
    if isinstance(value, NumberCell):
        return float(value.number)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _yearly(value: Cell) -> dict[str, float]:
    """Amounts per year of a cell ({} for any other cell); years without an amount left out."""
    if not isinstance(value, AmountsCell):
        return {}
    return {str(entry.year): entry.amount for entry in value.amounts if entry.amount is not None}


def _check_totals(units: list[Unit], diagnostics: Diagnostics) -> None:
    """A total row equals the sum of the table's rows, column by column (and year by year for
    amounts per year). Its texts after the first name which rows it sums: a total whose source
    column reads "Республикалық бюджет" sums the rows financed from it."""
    for top in units:
        for table in top.walk():
            if table.kind != "table":
                continue
            rows = [c for c in table.children if c.kind == "row" and c.cells]
            for total in (c for c in table.children if c.kind == "total"):
                summed = [row for row in rows if _matches_filters(row, total)]
                for column, value in enumerate(total.cells or []):
                    _check_column(total, column, value, summed, diagnostics)


def _matches_filters(row: Unit, total: Unit) -> bool:
    for column, value in enumerate(total.cells or []):
        if column == 0 or not isinstance(value, str) or not value.strip():
            continue
        cells = row.cells or []
        cell = cells[column] if column < len(cells) else ""
        if not isinstance(cell, str) or value.strip() not in cell:
            return False
    return True


def _check_column(
    total: Unit, column: int, value: Cell, rows: list[Unit], diagnostics: Diagnostics
) -> None:
    cells = [row.cells[column] for row in rows if row.cells and column < len(row.cells)]
    expected = _numeric(value)
    if expected is not None:
        _compare(total, f"column {column + 1}", expected,
                 sum(_numeric(cell) or 0.0 for cell in cells), diagnostics)
    for year, amount in _yearly(value).items():
        found = sum(_yearly(cell).get(year, 0.0) for cell in cells)
        _compare(total, f"column {column + 1}, {year}", amount, found, diagnostics)


def _compare(
    total: Unit, where: str, expected: float, found: float, diagnostics: Diagnostics
) -> None:
    if abs(found - expected) > 0.05:
        diagnostics.warning(
            total.pos,
            f"unit {total.uid}: total {expected:.12g} in {where} "
            f"but the rows add up to {found:.12g}",
        )
