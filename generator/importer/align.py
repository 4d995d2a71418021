"""kk ↔ ru alignment: two languages' unit trees made one structure, or the place they differ.

Reads two `ImportedText`s (or one read and one rebuilt from the project's content); writes into
both: labels printed two ways made one ("2" and "2." → "2."), tables widened to the wider
language's columns, and, where one language breaks a passage into more paragraphs than the
other, that run of plain paragraphs joined into one in both. Texts are never compared: they
differ by language. Everything else must be the same — the kinds, the labels' numbers, the rows
of tables —, and the first difference is an error naming both places; the import then writes
nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Diagnostics, SourcePos, Unit, kind_spec, label_number
from ..validate.numbers import unit_numbers
from .ids import assign_ids
from .tree import ImportedText, Node

# Kinds whose units are plain paragraphs: their number may differ between the languages.
PLAIN = "text"
ROW_KINDS = ("row", "group", "total")


@dataclass(frozen=True, slots=True)
class Mismatch:
    """Where the two texts first differ: the unit of each (None: the other has one more), and
    the unit each stands in (None: the document)."""

    first: Node | None
    second: Node | None
    first_holder: Node | None
    second_holder: Node | None


def align(first: ImportedText, second: ImportedText, diagnostics: Diagnostics,
          names: dict[str, str]) -> bool:
    """Make `second`'s structure `first`'s; False (and an error) where they differ. `names`
    gives each language code its name in the message."""
    assign_ids(first.units)
    assign_ids(second.units)
    merged: dict[int, Node] = {}
    mismatch = _pair_lists(first.units, second.units, None, None, merged)
    if mismatch is not None:
        diagnostics.error(*_report(mismatch, first, second, names))
        return False
    for text in (first, second):
        _renote(text, merged)
    assign_ids(first.units)
    assign_ids(second.units)
    return True


def _pair_lists(mine: list[Node], theirs: list[Node], my_holder: Node | None,
                their_holder: Node | None, merged: dict[int, Node]) -> Mismatch | None:
    own = [node for node in mine if node.kind != PLAIN]
    other = [node for node in theirs if node.kind != PLAIN]
    for left, right in zip(own, other, strict=False):
        if not _same(left, right):
            return Mismatch(left, right, my_holder, their_holder)
    if len(own) != len(other):
        extra = min(len(own), len(other))
        return Mismatch(own[extra] if extra < len(own) else None,
                        other[extra] if extra < len(other) else None, my_holder, their_holder)
    _join_runs(mine, theirs, (my_holder, their_holder), merged)
    for left, right in zip(own, other, strict=True):
        _harmonise(left, right)
        inner = _pair_lists(left.children, right.children, left, right, merged)
        if inner is not None:
            return inner
    return None


def _same(left: Node, right: Node) -> bool:
    if left.kind != right.kind:
        return False
    if (label_number(left.label or "") != label_number(right.label or "")):
        return False
    if left.kind == "table":
        return [row.kind for row in left.children] == [row.kind for row in right.children] \
            and len(left.header or []) == len(right.header or [])
    return True


def _join_runs(mine: list[Node], theirs: list[Node], holders: tuple[Node | None, Node | None],
               merged: dict[int, Node]) -> None:
    """Runs of plain paragraphs between the same units, of different lengths: each one
    paragraph, its lines kept; a run one language does not have at all joins the words of the
    unit before it (its holder, for a first run)."""
    units = (mine, theirs)
    for index, runs in enumerate(zip(_runs(mine), _runs(theirs), strict=True)):
        if len(runs[0]) == len(runs[1]):
            continue
        for side, run in enumerate(runs):
            if not run:
                continue
            if not runs[1 - side]:
                before = [node for node in units[side] if node.kind != PLAIN]
                host = before[index - 1] if index else holders[side]
                if host is not None and "text" in kind_spec(host.kind).fields:
                    _absorb(run, units[side], host, merged)
                    continue
            if len(run) > 1:
                _join(run, units[side], merged)


def _absorb(run: list[Node], units: list[Node], host: Node, merged: dict[int, Node]) -> None:
    host.text = "\n".join(text for text in [host.text, *(node.text for node in run)] if text)
    start = units.index(run[0])
    del units[start:start + len(run)]
    for node in run:
        host.children.extend(node.children)
        merged[id(node)] = host


def _runs(units: list[Node]) -> list[list[Node]]:
    """The runs of plain paragraphs before, between and after the other units."""
    runs: list[list[Node]] = [[]]
    for node in units:
        if node.kind == PLAIN:
            runs[-1].append(node)
        else:
            runs.append([])
    return runs


def _join(run: list[Node], units: list[Node], merged: dict[int, Node]) -> None:
    joined = Node(PLAIN, run[0].pos, text="\n".join(node.text or "" for node in run),
                  indent=run[0].indent,
                  children=[child for node in run for child in node.children])
    start = units.index(run[0])
    units[start:start + len(run)] = [joined]
    for node in run:
        merged[id(node)] = joined


def _renote(text: ImportedText, merged: dict[int, Node]) -> None:
    """Notes that stood under a joined paragraph stand under the paragraph it became."""
    for note in text.notes:
        if note.after is not None and id(note.after) in merged:
            note.after = merged[id(note.after)]


def _harmonise(left: Node, right: Node) -> None:
    """One label where the languages print it two ways, and one width of every table."""
    if left.label and right.label and left.label != right.label:
        label = _better_label(left.label, right.label)
        left.label = right.label = label
    if left.kind == "table":
        width = max(_width(left), _width(right))
        for table in (left, right):
            table.header = [row + [""] * (width - len(row)) for row in table.header or []] or None
    if left.kind in ROW_KINDS and left.cells is not None and right.cells is not None:
        width = max(len(left.cells), len(right.cells))
        for row in (left, right):
            row.cells = [*(row.cells or []), *[""] * (width - len(row.cells or []))]


def _width(table: Node) -> int:
    return max((len(row) for row in table.header or []), default=0)


def _better_label(one: str, other: str) -> str:
    """The label with its closing sign and no inner space: "2." over "2" and "2 ."."""
    def score(label: str) -> tuple[bool, bool]:
        return (label.strip()[-1:] in ".)", " " not in label.strip())

    best = max((one, other), key=score)
    return best.replace(" ", "")


def describe(node: Node | None) -> str:
    if node is None:
        return "nothing"
    if node.kind == "table":
        return f"a table of {len(node.children)} rows"
    label = label_number(node.label or "")
    return f"{node.kind} {label}".strip()


def _report(mismatch: Mismatch, first: ImportedText, second: ImportedText,
            names: dict[str, str]) -> tuple[SourcePos, str]:
    """The error at the second text's place, naming the first text's."""
    here, there = mismatch.second, mismatch.first
    if here is not None:
        pos = here.pos
    elif mismatch.second_holder is not None:
        pos = mismatch.second_holder.pos
    else:
        pos = second.title_pos or SourcePos(second.source, 1, 1)
    if there is not None:
        where = f"{there.pos}" + (f" ({there.uid})" if there.uid else "")
    else:
        holder = mismatch.first_holder
        where = f"the end of {holder.uid} at {holder.pos}" if holder is not None else (
            f"the end of {first.source}")
    message = (f"structure differs from the {names[first.lang]} text: {describe(here)} here, "
               f"{describe(there)} at {where}")
    return pos, message


def number_differences(first: ImportedText, second: ImportedText) -> list[str]:
    """The ids of the units whose numbers the two published texts print differently."""
    theirs = {node.uid: node for node in second.walk()}
    return [node.uid for node in first.walk()
            if node.uid in theirs and _numbers(node) != _numbers(theirs[node.uid])]


def _numbers(node: Node) -> Counter[str]:
    return unit_numbers(Unit(node.kind, node.uid, node.pos, node.label,  # type: ignore[arg-type]
                             node.heading, node.text, node.stamp, node.position, node.name,
                             node.role, node.widths, node.header, node.cells))  # type: ignore[arg-type]
