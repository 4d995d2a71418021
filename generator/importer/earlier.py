"""An excluded unit the publisher printed with its earlier wording below it, gathered again.

Reads an `ImportedText` after segmentation and its language's forms; rewrites its tree. A
published text sometimes keeps, under the line of an excluded unit, the wording that unit had
before — its own sub-units, numbered from 1 again — and closes it with the note on that earlier
wording ("point 6 as worded by …"), which then stands under units that are not point 6. Read as
printed, those sub-units would stay in force after the exclusion. Here they become the excluded
unit's children again: hidden while it is excluded, shown in the versions before.
"""

from __future__ import annotations

from ..model import label_number
from ..model.published import NoteNotRead, PublishedForms
from .tree import ImportedText, Node, NoteMark


def gather_earlier_wordings(text: ImportedText, forms: PublishedForms) -> None:
    parents = _parents(text.units)
    for mark in text.notes:
        if mark.after is None:
            continue
        try:
            note = forms.read_note(mark.text)
        except NoteNotRead:
            continue
        label = note.subject.label
        if label is None or any(_named(node, note.subject.kind, label)
                                for node in _upwards(mark.after, parents)):
            continue
        if _gather(mark, note.subject.kind, label, text, parents):
            parents = _parents(text.units)


def _gather(mark: NoteMark, kind: str, label: str, text: ImportedText,
            parents: dict[int, Node | None]) -> bool:
    """Move the units after an excluded `kind` `label` up to the note into it."""
    for node in _upwards(mark.after, parents):
        parent = parents.get(id(node))
        siblings = parent.children if parent is not None else text.units
        index = siblings.index(node)
        for earlier in range(index - 1, -1, -1):
            candidate = siblings[earlier]
            if candidate.exclusion is not None and _named(candidate, kind, label):
                moved = siblings[earlier + 1:index + 1]
                del siblings[earlier + 1:index + 1]
                candidate.children.extend(moved)
                mark.after = candidate
                return True
    return False


def _named(node: Node, kind: str, label: str) -> bool:
    same_kind = node.kind == kind or {node.kind, kind} <= {"point", "paragraph"}
    return same_kind and label_number(node.label or "") == label_number(label)


def _upwards(node: Node | None, parents: dict[int, Node | None]) -> list[Node]:
    chain = []
    while node is not None:
        chain.append(node)
        node = parents.get(id(node))
    return chain


def _parents(units: list[Node]) -> dict[int, Node | None]:
    found: dict[int, Node | None] = {}

    def visit(node: Node, parent: Node | None) -> None:
        found[id(node)] = parent
        for child in node.children:
            visit(child, node)

    for unit in units:
        visit(unit, None)
    return found
