"""Table shapes: every row has one cell per column of its table's header, and a row inserted
into a table that ends in a total row says where it goes.

Reads: a loaded `Project`, each version of each language in one pass, and the projection (so
that rows a record inserts are checked with the rows they join). Writes: errors in
`Diagnostics` — each row once, at the row's line (a record's line for a row it brings).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import N_, tr
from ..model import Diagnostics, Project, Unit, Version, family_of, spec_of
from ..model.tables import table_shape
from .steps import Step, every_unit


class TableCheck:
    """Going forward through a language's versions: the rows of the tables a version's changes
    touched, then those of the projection (`projections`, by language); each row once per
    language."""

    def __init__(self, project: Project, diagnostics: Diagnostics,
                 projections: Mapping[str, Version]) -> None:
        self.project = project
        self.diagnostics = diagnostics
        self.projections = projections
        self.seen: set[str] = set()
        self.lang = ""

    def start(self, lang: str) -> None:
        self.lang = lang

    def step(self, step: Step) -> None:
        for table in step.tables:
            if table.header:
                _check_rows(table, self.lang, self.seen, self.diagnostics)

    def finish(self, lang: str) -> None:
        for unit in every_unit(self.projections[lang].units):
            if family_of(unit) == "tabular" and unit.header:
                _check_rows(unit, lang, self.seen, self.diagnostics)

    def done(self) -> None:
        _check_inserts_after_totals(self.project, self.diagnostics)


def _check_rows(table: Unit, lang: str, seen: set[str], diagnostics: Diagnostics) -> None:
    shape = table_shape(table)
    columns = max(len(line) for line in table.header or [])
    for row in table.children:
        if family_of(row) != "row" or f"{lang}:{row.uid}" in seen:
            continue
        seen.add(f"{lang}:{row.uid}")
        cells = len(row.cells or []) + (1 if shape.label_column else 0)
        if cells != columns:
            message = (N_("unit {uid}: {cells} cells (the label column counted) where the "
                          "header of {table} has {columns} columns") if shape.label_column else
                       N_("unit {uid}: {cells} cells where the header of {table} has {columns} "
                          "columns"))
            diagnostics.error(row.pos, tr(message, uid=row.uid, cells=cells, table=table.uid,
                                          columns=columns))


def _check_inserts_after_totals(project: Project, diagnostics: Diagnostics) -> None:
    """An insert into a table without `after`/`before` lands after the table's last row: after
    its total, which no table means."""
    tables = {unit.uid: unit for document in project.documents.values()
              for unit in every_unit(document.units) if family_of(unit) == "tabular"}
    for change in project.changes:
        table = tables.get(change.target)
        if change.action != "insert" or table is None or change.after or change.before:
            continue
        last = table.children[-1] if table.children else None
        if last is not None and spec_of(last).sums_rows:
            diagnostics.error(change.pos, tr(
                "{where}: inserts after the total row {total} of {table}: say where the new row "
                "goes with 'after: <row id>' (or 'after: {total_id}' if it does follow the "
                "total)", where=change.where, total=last.uid, table=table.uid,
                total_id=last.own_id))

