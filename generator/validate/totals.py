"""Table totals: a total row equals the sum of its table's rows, in every version and language.

Reads: a loaded `Project`, each version of each language in one pass. Writes: warnings in
`Diagnostics` — each difference once per language, at the total, naming the act whose changes
made it when it first appears in a later version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..i18n import tr
from ..model import (
    AmountsCell,
    Cell,
    Change,
    Diagnostics,
    NumberCell,
    Unit,
    Version,
    family_of,
    spec_of,
)
from .steps import Step


@dataclass(frozen=True, slots=True)
class Mismatch:
    total: Unit
    where: str
    expected: float
    found: float

    @property
    def key(self) -> tuple[str, str, float, float]:
        return (self.total.uid, self.where, self.expected, round(self.found, 6))


class TotalCheck:
    """Going forward through a language's versions: the tables each version's changes touched
    (a table no change touched has the differences it had, already told)."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        self.seen: set[tuple[str, str, float, float]] = set()

    def start(self, lang: str) -> None:
        self.seen = set()

    def step(self, step: Step) -> None:
        version = step.version
        for mismatch in _mismatches(step.tables):
            if mismatch.key not in self.seen:
                self.seen.add(mismatch.key)
                _warn(mismatch, _acts_behind(version, version.date, mismatch.total),
                      self.diagnostics)

    def finish(self, lang: str) -> None:
        """Nothing more to check once a language's versions are through."""


def _acts_behind(version: Version, date: dt.date, total: Unit) -> list[Change]:
    """The changes taking effect on `date` that touched the total's table or its rows."""
    table = total.uid.rsplit("__", 1)[0]
    return [
        change for uid, changes in version.touched.items()
        if uid == table or uid.startswith(f"{table}__")
        for change in changes if change.effective == date
    ]


def _warn(mismatch: Mismatch, changes: list[Change], diagnostics: Diagnostics) -> None:
    acts = sorted({(c.act.date, c.act.number, c.act.path) for c in changes})
    by = "; ".join(tr("No {number} of {date} ({path})", number=number, date=date, path=path)
                   for date, number, path in acts)
    diagnostics.warning(
        mismatch.total.pos,
        tr("unit {uid}: total {expected:.12g} in {where} but the rows add up to {found:.12g}",
           uid=mismatch.total.uid, expected=mismatch.expected, where=mismatch.where,
           found=mismatch.found) + (tr(", since act {acts}", acts=by) if by else ""),
    )


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


def _mismatches(tables: list[Unit]) -> list[Mismatch]:
    """A total row equals the sum of the table's rows, column by column (and year by year for
    amounts per year). Its texts after the first name which rows it sums: a total whose source
    column reads "republican budget" sums the rows financed from it."""
    found: list[Mismatch] = []
    for table in tables:
        rows = [c for c in table.children
                if family_of(c) == "row" and not spec_of(c).sums_rows and c.cells]
        for total in (c for c in table.children if spec_of(c).sums_rows):
            summed = [row for row in rows if _matches_filters(row, total)]
            for column, value in enumerate(total.cells or []):
                found += _column_mismatches(total, column, value, summed)
    return found


def _matches_filters(row: Unit, total: Unit) -> bool:
    for column, value in enumerate(total.cells or []):
        if column == 0 or not isinstance(value, str) or not value.strip():
            continue
        cells = row.cells or []
        cell = cells[column] if column < len(cells) else ""
        if not isinstance(cell, str) or value.strip() not in cell:
            return False
    return True


def _column_mismatches(total: Unit, column: int, value: Cell, rows: list[Unit]) -> list[Mismatch]:
    cells = [row.cells[column] for row in rows if row.cells and column < len(row.cells)]
    found: list[Mismatch] = []
    expected = _numeric(value)
    if expected is not None:
        summed = sum(_numeric(cell) or 0.0 for cell in cells)
        found.append(Mismatch(total, tr("column {number}", number=column + 1), expected, summed))
    for year, amount in _yearly(value).items():
        summed = sum(_yearly(cell).get(year, 0.0) for cell in cells)
        found.append(Mismatch(total, tr("column {number}, {year}", number=column + 1, year=year),
                                  amount, summed))
    return [mismatch for mismatch in found if abs(mismatch.found - mismatch.expected) > 0.05]
