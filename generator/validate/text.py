"""Every text of a project checked against what the outputs can hold, at its unit's place.

Reads: a loaded `Project` and the `Charset`s of the writers. Writes: an error for every text with
a character XML cannot hold (the DOCX writer would stop) or a font cannot set (the PDF writer
would stop), naming the file, line, unit and field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from functools import partial

from ..i18n import N_, tr
from ..model import AmountsCell, Cell, Change, Diagnostics, NumberCell, Project, SourcePos, Unit
from ..model.charset import FOLDED_SPACE, Charset, describe, not_xml
from .steps import ChangeContents, every_unit

# where, what (unit and field: told only for a text found wrong, so made only then), the text
Text = tuple[SourcePos, Callable[[], str], str]


def check_characters(project: Project, charsets: list[Charset], diagnostics: Diagnostics,
                     contents: ChangeContents | None = None) -> None:
    """`contents`: the units of the changes' contents, when another check built them already."""
    texts = list(project_texts(project, contents or ChangeContents()))
    # Most projects have no character wrong: looked for in all their texts at once, and text
    # by text only when there is one.
    every = "".join([text for _, _, text in texts])
    if not not_xml(every) and not any(_outside(charset).search(every) for charset in charsets):
        return
    for pos, what, text in texts:
        bad = not_xml(text)
        if bad:
            diagnostics.error(pos, tr("{what}: {characters} cannot stand in a document (a control "
                                      "character, often pasted from a word processor)",
                                      what=what(), characters=describe(bad)))
        for charset in charsets:
            missing = [char for char in charset.missing(text) if char not in bad]
            if missing:
                diagnostics.error(pos, tr("{what}: {name} cannot set {characters}",
                                          what=what(), name=charset.name,
                                          characters=describe(missing)))


@functools.cache
def _outside(charset: Charset) -> re.Pattern[str]:
    """A character `Charset.missing` names."""
    kept = sorted(charset.characters | FOLDED_SPACE)
    return re.compile("[^" + "".join(f"\\U{ord(char):08x}" for char in kept) + "]")


def project_texts(project: Project, contents: ChangeContents) -> Iterator[Text]:
    """Every text of the project that reaches an output, with its place."""
    for document in project.documents.values():
        where = document.pos
        yield where, _said("manifest: 'title'"), document.title
        yield where, _said("manifest: 'number'"), document.number
        yield where, _said("manifest: 'signatory'"), document.signatory.position
        yield where, _said("manifest: 'signatory'"), document.signatory.name
        yield from _unit_texts(document.units)
    for act in project.acts:
        yield act.pos("number"), _said("act: 'number'"), act.number
        for code, title in act.title.items():
            yield act.pos("title"), _said(f"act: 'title.{code}'"), title
    for change in project.changes:
        for code, reason in (change.reason or {}).items():
            yield change.pos, partial(_reason, change, code), reason
        for edit in change.edits:
            for part in (edit.find, edit.replace):
                for text in part.values():
                    yield change.pos, partial(_of_change, N_("{where}: edit"), change), text
        for lang, raw in change.content.items():
            if isinstance(raw, str):  # a new heading or title
                yield change.pos, partial(_of_change, N_("{where}: content"), change), raw
                continue
            yield from _unit_texts(contents.units(change, lang))


# A change's place in words is made only for a text found wrong.
def _of_change(message: str, change: Change) -> str:
    return tr(message, where=change.where)


def _reason(change: Change, code: str) -> str:
    return f"{change.where}: 'reason.{code}'"


def _unit_texts(units: list[Unit]) -> Iterator[Text]:
    for unit in every_unit(units):
        for name in ("label", "heading", "text", "position", "name"):
            value = getattr(unit, name)
            if value:
                what = partial(tr, N_("unit {uid}: '{name}'"), uid=unit.uid, name=name)
                yield unit.pos, what, value
        for line in unit.stamp or []:
            yield unit.pos, partial(tr, N_("unit {uid}: 'stamp'"), uid=unit.uid), line
        for cell in [*(unit.cells or []), *(c for row in unit.header or [] for c in row)]:
            for text in _cell_texts(cell):
                yield unit.pos, partial(tr, N_("unit {uid}: cell"), uid=unit.uid), text


def _cell_texts(cell: Cell) -> Iterator[str]:
    if isinstance(cell, str):
        yield cell
    elif isinstance(cell, NumberCell) and cell.mark:
        yield cell.mark
    elif isinstance(cell, AmountsCell):
        for entry in cell.amounts:
            yield from (str(entry.year), entry.mark or "")


def _said(what: str) -> Callable[[], str]:
    return lambda: what
