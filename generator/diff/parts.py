"""The lines a version shows for a unit, and how lines of two versions are merged into a diff.

Reads units, annotated versions and acts; writes `Part`s (one line of one version) and `Line`s
and `DiffCell`s (one line of the diff with its word operations and the acts responsible).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..lang.cells import cell_lines
from ..model import Annotated, Cell, Change, FamilyVisitor, Language, Unit, family_of, spec_of
from ..model.diff import Acts, Attribution, DiffCell, Line, Op
from ..model.inline import plain
from ..model.tables import heading_text
from .words import word_diff

# The text of a field that may hold markup, as one reader shows it.
Inline = Callable[[str | None], str]


@dataclass(frozen=True, slots=True)
class Part:
    """One line a version shows for a unit; `key` pairs it with the other version's line."""

    key: str
    role: str
    text: str
    level: int = 0


def own_parts(unit: Unit, lang: Language, depth: int,
              inline: Inline = plain) -> tuple[list[Part], list[Part]]:
    """A unit's own lines before its notes and after them, in the order the version shows them;
    `inline` gives the text of the fields that hold markup (plain text by default)."""
    return _OwnParts(lang, inline).visit(unit, depth)


PartsAround = tuple[list[Part], list[Part]]


class _OwnParts(FamilyVisitor[PartsAround]):
    """The lines each family of units shows, as the version writers lay them out."""

    def __init__(self, lang: Language, inline: Inline) -> None:
        self.lang = lang
        self.inline = inline

    def visit_stamped(self, unit: Unit, depth: int) -> PartsAround:
        lines = enumerate(unit.stamp or [])
        stamp = [Part(f"stamp{i}", "stamp", plain(line)) for i, line in lines]
        level = spec_of(unit).heading_level
        return stamp + [Part("heading", "heading", plain(unit.heading), level)], []

    def visit_division(self, unit: Unit, depth: int) -> PartsAround:
        heading = Part("heading", "heading", plain(heading_text(unit)), min(depth, 6))
        return [heading], ([Part("text", "text", self.inline(unit.text))] if unit.text else [])

    def visit_signatory(self, unit: Unit, depth: int) -> PartsAround:
        return [Part("position", "signature", plain(unit.position)),
                Part("name", "signature", plain(unit.name))], []

    def visit_table_notes(self, unit: Unit, depth: int) -> PartsAround:
        return ([Part("text", "table-note", self.inline(unit.text))] if unit.text else []), []

    def visit_tabular(self, unit: Unit, depth: int) -> PartsAround:
        return [Part(f"header{i}", "header",
                     " | ".join(cell_text(c, self.lang, self.inline) for c in line))
                for i, line in enumerate(unit.header or [])], []

    def visit_row(self, unit: Unit, depth: int) -> PartsAround:
        texts = row_texts(unit, self.lang, unit.label is not None, self.inline)
        return [Part("row", "row", " | ".join(texts))], []

    visit_heading_row = visit_row

    def visit_numbered(self, unit: Unit, depth: int) -> PartsAround:
        label = (unit.label or "").strip()
        main = " ".join(part for part in (label, plain(unit.heading), self.inline(unit.text))
                        if part)
        return [Part("main", "text", main)], []

    visit_plain = visit_numbered


def cell_text(cell: Cell, lang: Language, inline: Inline = plain) -> str:
    return "\n".join(inline(line) for line in cell_lines(cell, lang))


def row_texts(row: Unit, lang: Language, label_column: bool, inline: Inline = plain) -> list[str]:
    """A row's cells as text, the label column first when the table has one."""
    if family_of(row) == "heading_row":
        return [inline(row.text)]
    label = [(row.label or "").strip()] if label_column else []
    return label + [cell_text(cell, lang, inline) for cell in row.cells or []]


def own_text(unit: Unit, lang: Language) -> str:
    before, after = own_parts(unit, lang, 0)
    return "\n".join(part.text for part in before + after)


def attributions(changes: list[Change]) -> Acts:
    """One attribution per act, ordered by in-force date, then signing date."""
    firsts: dict[str, Change] = {}
    for change in sorted(changes, key=lambda c: c.sort_key):
        firsts.setdefault(change.act.key, change)
    return tuple(Attribution(c.act, c.known_effective) for c in firsts.values())


def presence(old: object | None, new: object | None) -> str:
    if old is None:
        return "inserted"
    return "deleted" if new is None else "equal"


def make_line(role: str, before: str | None, after: str | None, acts: Acts, level: int = 0) -> Line:
    if before is None:
        return Line(role, [Op("insert", after)] if after else [], "inserted", acts, level)
    if after is None:
        return Line(role, [Op("delete", before)] if before else [], "deleted", acts, level)
    return Line(role, word_diff(before, after), "equal", acts, level)


def make_cell(before: str | None, after: str | None, acts: Acts, span: int = 1) -> DiffCell:
    """A table cell: one paragraph whose text may change; its row is what is inserted or
    deleted as a whole."""
    line = make_line("cell", before, after, acts)
    line.state = "equal"
    return DiffCell([line], span)


def cell_pairs(old: list[str] | None, new: list[str] | None, acts: Acts) -> list[DiffCell]:
    """Cells paired by column; a side that has no row (None) gives no text."""
    count = max(len(old or []), len(new or []))
    cells = []
    for index in range(count):
        before = old[index] if old is not None and index < len(old) else None
        after = new[index] if new is not None and index < len(new) else None
        # A cell missing on one side of a row present on both reads as empty there.
        if old is not None and new is not None:
            before, after = before or "", after or ""
        cells.append(make_cell(before, after, acts))
    return cells


def row_label(unit: Unit | None) -> str | None:
    if unit is None:
        return None
    return (unit.label or "").strip()


def merge_parts(old: list[Part], new: list[Part], acts: Acts) -> list[Line]:
    """Pair the lines of both versions by key; unpaired lines are deleted or inserted."""
    matcher = SequenceMatcher(None, [p.key for p in old], [p.key for p in new], autojunk=False)
    lines: list[Line] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        befores, afters = old[i1:i2], new[j1:j2]
        if tag in ("equal", "replace"):
            paired = min(len(befores), len(afters))
            for before, after in zip(befores[:paired], afters[:paired], strict=True):
                if before.role == after.role:
                    lines.append(make_line(after.role, before.text, after.text, acts, after.level))
                else:
                    lines.append(make_line(before.role, before.text, None, acts, before.level))
                    lines.append(make_line(after.role, None, after.text, acts, after.level))
            befores, afters = befores[paired:], afters[paired:]
        lines.extend(make_line(p.role, p.text, None, acts, p.level) for p in befores)
        lines.extend(make_line(p.role, None, p.text, acts, p.level) for p in afters)
    return lines


def decorations(annotated: Annotated, uid: str) -> list[Part]:
    """The reconstruction marks, then the notes, a version shows under a unit."""
    marks = [
        Part(annotated.lang.phrase("reconstructed"), "provenance",
              annotated.lang.phrase("reconstructed"))
        for _ in annotated.reconstructed.get(uid, [])
    ]
    return marks + [Part(note.text, "note", note.text) for note in annotated.notes.get(uid, [])]


def head_text(annotated: Annotated) -> str:
    note = annotated.repeal_note.text if annotated.repeal_note is not None else None
    lines = (annotated.status, annotated.repeal_line, note)
    return "\n".join(line for line in lines if line)
