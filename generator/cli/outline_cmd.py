"""`legalgen outline`: the unit tree of a version: id, kind, label, first words."""

from __future__ import annotations

from pathlib import Path

import click

from ..model import Event, Unit
from ..model.inline import plain
from .common import (
    chosen_lang,
    consolidated_or_exit,
    doc_option,
    load_or_exit,
    parse_date,
    root_option,
    stdout,
)


@click.command()
@root_option
@doc_option
@click.option("--lang", default=None, help="The language [default: the first language].")
@click.option("--as-of", "as_of", default="original", show_default=True)
def outline(root: Path, doc: str | None, lang: str | None, as_of: str) -> None:
    """Print the unit tree: id, kind, label, first words."""
    project = load_or_exit(root, doc)
    code = chosen_lang(lang, project)
    version = consolidated_or_exit(project, code, parse_date(project, as_of))
    for unit in version.units:
        _print_outline(unit, 0, version.excluded)


def _print_outline(unit: Unit, depth: int, excluded: dict[str, Event]) -> None:
    words = " ".join(plain(unit.heading or unit.text or unit.name or "").split()[:8])
    if unit.cells:
        words = " ".join(plain(str(unit.cells[0])).split()[:8])
    mark = " [excluded]" if unit.uid in excluded else ""
    stdout.print(f"{'  ' * depth}{unit.uid}  {unit.kind}  {unit.label or '-'}  {words}{mark}",
              markup=False)
    for child in unit.children:
        _print_outline(child, depth + 1, excluded)
