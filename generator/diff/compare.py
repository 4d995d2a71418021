"""Diff stage: two consolidated versions of one language → what changed, where, and by which acts.

Reads: a `Project`, a language and two version dates (the earlier "from", the later "to"). Both
versions are consolidated and annotated; who changed what is taken from the consolidation history
only — `Version.applied` (the changes between the two dates), `Version.touched`, `Version.events`,
`Version.excluded` and `Version.repeal` — never guessed from the text.

Writes: a `Diff` (generator.model.diff). Notes, exclusion texts and the pending notice are diffed
like the text, so that taking every insertion gives the later version and taking every deletion
the earlier one. Units are matched by id. A unit touched by a change between the two dates is a
changed unit; any difference inside it (the children of a replaced point, the cells of an
amended row) belongs to it.
"""

from __future__ import annotations

import datetime as dt

from ..annotate import annotate
from ..consolidate import consolidate, projection
from ..model import (
    DOCUMENT,
    Annotated,
    Cell,
    Change,
    Note,
    Project,
    Unit,
    UnitRef,
    family_of,
    spec_of,
)
from ..model.diff import (
    ADDED,
    EXCLUDED,
    MOVED,
    REMOVED,
    REPEALED,
    REWORDED,
    Acts,
    Block,
    Diff,
    DiffCell,
    Line,
    Row,
    TableBlock,
    UnitChange,
)
from ..model.inline import plain
from ..model.tables import is_numeric, row_of, table_shape
from .authors import attribute_ops
from .pairs import Pair, merge_pairs, split_pair, walk_pairs
from .parts import (
    Part,
    attributions,
    cell_pairs,
    cell_text,
    decorations,
    head_text,
    make_cell,
    make_line,
    merge_parts,
    own_parts,
    own_text,
    presence,
    row_label,
    row_texts,
)
from .words import word_diff

# Actions that rewrite a unit together with everything inside it.
SUBTREE_ACTIONS = {"replace", "insert", "delete", "lose_force"}


def diff_versions(project: Project, lang: str, old_date: dt.date, new_date: dt.date | None,
                  today: dt.date | None = None) -> Diff:
    """Consolidate and annotate both versions of `lang`, then compare them; `new_date` None is
    the projection made on `today` (every pending act in force)."""
    old = annotate(consolidate(project, lang, old_date), project)
    new_version = consolidate(project, lang, new_date) if new_date is not None else \
        projection(project, lang, today or dt.date.today())
    return compare(old, annotate(new_version, project))


def compare(old: Annotated, new: Annotated) -> Diff:
    """The diff of two annotated versions of one document and language, the earlier first."""
    if old.version.date > new.version.date:
        raise ValueError(f"{old.version.date} is later than {new.version.date}")
    return Comparison(old, new).run()


class Comparison:
    def __init__(self, old: Annotated, new: Annotated):
        self.old, self.new = old, new
        self.lang = new.lang
        already = {id(change) for change in old.version.applied}
        self.interval = [c for c in new.version.applied if id(c) not in already]
        self.in_interval = {id(change) for change in self.interval}
        self.owner_acts: dict[str, Acts] = {}
        self.blocks: list[Block] = []
        self.anchors: set[str] = set()
        # Each unit's parent in either version, for the path that names a changed unit.
        self.parents: dict[str, Unit | None] = {}
        for version in (old.version, new.version):
            for top in version.units:
                self._index(top, None)

    def _index(self, unit: Unit, parent: Unit | None) -> None:
        self.parents.setdefault(unit.uid, parent)
        for child in unit.children:
            self._index(child, unit)

    def path_name(self, unit: Unit) -> str:
        """A changed unit as a reader finds it: the printed labels of the parts that hold it
        and its own, "section 7, row 23"; a part without a label by its heading, a paragraph
        without one by its place among its parent's paragraphs, a sub-row under its row."""
        names: list[str] = []
        node: Unit | None = unit
        while node is not None:
            parent = self.parents.get(node.uid)
            names.extend(reversed(self._own_names(node, parent)))
            node = parent
        return ", ".join(reversed(names)) or self.lang.unit_name(unit)

    def _own_names(self, unit: Unit, parent: Unit | None) -> list[str]:
        """The names a unit adds to a path: none for a table or the approved programme itself."""
        spec = spec_of(unit)
        if spec.family == "tabular" or (spec.family == "stamped" and not spec.named_by_label):
            return []
        siblings = parent.children if parent is not None else []
        row = row_of(unit, siblings)
        if row is not None:
            return [self.lang.unit_name(row), self.lang.unit_name(UnitRef("subpoint", unit.label))]
        if unit.label:
            return [self.lang.unit_name(unit)]
        if unit.heading:
            return [f"«{_shortened(plain(unit.heading))}»"]
        if unit.cells:
            return [f"«{_shortened(plain(str(unit.cells[0])))}»"]
        alike = [sibling.uid for sibling in siblings if sibling.kind == unit.kind]
        place = str(alike.index(unit.uid) + 1) if unit.uid in alike else None
        return [self.lang.unit_name(UnitRef(unit.kind, place))]

    def touched(self, uid: str) -> list[Change]:
        """The changes between the two versions that touched the unit `uid`."""
        return [c for c in self.new.version.touched.get(uid, []) if id(c) in self.in_interval]

    def run(self) -> Diff:
        pairs = merge_pairs(self.old.version.units, self.new.version.units)
        reporting = {
            uid for uid, changes in self.new.version.touched.items()
            if any(id(c) in self.in_interval for c in changes)
        }
        for pair in pairs:
            self._assign(pair, None, reporting)
        changes = self._repeal_changes() + self._unit_changes(pairs)
        self._layout_head()
        self._layout_pending()
        for pair in pairs:
            self._layout(pair, 2)
        attribute_ops(self.blocks, self.interval, self.lang.code)
        document = self.new.version.document
        return Diff(self.lang, document, self.old, self.new, changes, self.blocks, self.anchors)

    # Which changed unit each difference belongs to

    def _assign(self, pair: Pair, owner: str | None, reporting: set[str]) -> None:
        pair.raw = self._raw(pair)
        if pair.uid in reporting:
            owner = pair.uid
        elif pair.raw is not None and owner is None:
            # A difference no recorded change explains: shown and listed, with no act.
            owner = pair.uid
        pair.owner = owner
        if owner is not None and owner not in self.owner_acts:
            self.owner_acts[owner] = attributions(self.touched(owner))
        for child in pair.children:
            self._assign(child, owner, reporting)

    def _raw(self, pair: Pair) -> str | None:
        if pair.moved:
            return MOVED
        if pair.old is None:
            return ADDED
        if pair.new is None:
            return REMOVED
        old_excluded = pair.uid in self.old.version.excluded
        new_excluded = pair.uid in self.new.version.excluded
        if old_excluded != new_excluded:
            if not new_excluded:
                return REWORDED
            lost = self.new.version.excluded[pair.uid].operation == "lose_force"
            return REPEALED if lost else EXCLUDED
        if old_excluded:
            return None
        if own_text(pair.old, self.lang) != own_text(pair.new, self.lang):
            return REWORDED
        return None

    # The list of changes

    def _repeal_changes(self) -> list[UnitChange]:
        repeal = self.new.version.repeal
        if repeal is None or id(repeal.change) not in self.in_interval:
            return []
        document = self.new.version.document
        before, after = head_text(self.old), head_text(self.new)
        return [UnitChange(
            uid=document.id, kind=DOCUMENT, label=None,
            name=self.lang.document_name(document.type), change=REPEALED,
            acts=attributions([repeal.change]), before=before or None, after=after,
            ops=word_diff(before, after),
            reconstructed=repeal.change.provenance == "reconstructed",
        )]

    def _unit_changes(self, pairs: list[Pair]) -> list[UnitChange]:
        """The changed units in reading order; a moved unit's two places make one change."""
        copies: dict[str, list[Pair]] = {}
        for pair in walk_pairs(pairs):
            if pair.owner == pair.uid:
                copies.setdefault(pair.uid, []).append(pair)
        return [self._unit_change(group) for group in copies.values()]

    def _unit_change(self, copies: list[Pair]) -> UnitChange:
        old_pair = next((p for p in copies if p.old is not None), None)
        new_pair = next((p for p in copies if p.new is not None), None)
        first = copies[0]
        uid, unit = first.uid, first.unit
        touched = self.touched(uid)
        whole = first.raw in (ADDED, REMOVED, EXCLUDED, REPEALED, MOVED) or any(
            change.action in SUBTREE_ACTIONS for change in touched
        )
        before = self._block_text(old_pair, "old", whole) if old_pair is not None else None
        if new_pair is None:
            after = None
        elif uid in self.new.version.excluded:
            after = self.new.exclusions[uid].text
        else:
            after = self._block_text(new_pair, "new", whole)
        return UnitChange(
            uid=uid, kind=unit.kind, label=unit.label, name=self.path_name(unit),
            change=first.raw or REWORDED, acts=self.owner_acts.get(uid, ()), before=before,
            after=after, ops=word_diff(before or "", after or ""),
            reconstructed=any(c.provenance == "reconstructed" for c in touched),
        )

    def _block_text(self, pair: Pair, side: str, whole: bool) -> str:
        """The text of a changed unit on one side: its own lines and, when the change rewrote it
        as a whole, or where they differ, the lines of the units inside it it answers for."""
        lines: list[str] = []

        def collect(node: Pair, top: bool) -> None:
            unit = node.old if side == "old" else node.new
            if unit is None:
                return
            if top or whole or node.raw is not None:
                text = own_text(unit, self.lang)
                if text:
                    lines.append(text)
            for child in node.children:
                if child.owner == pair.uid:
                    collect(child, False)

        collect(pair, True)
        return "\n".join(lines)

    # Laying the later version out, with the earlier one merged in

    def _add(self, block: Block, uid: str | None) -> None:
        if uid is not None and uid not in self.anchors:
            self.anchors.add(uid)
            block.anchor = uid
        self.blocks.append(block)

    def _layout_head(self) -> None:
        old, new = self.old, self.new
        repeal = self.new.version.repeal
        acts = attributions([repeal.change]) if repeal is not None else ()
        anchor = new.version.document.id
        for role, before, after in (
            ("status", old.status, new.status),
            ("title", old.title, new.title),
            ("adoption", old.adoption_line, new.adoption_line),
            ("repeal-line", old.repeal_line, new.repeal_line),
            ("repeal-note", _text(old.repeal_note), _text(new.repeal_note)),
        ):
            if before is None and after is None:
                continue
            self._add(make_line(role, before, after, acts), anchor)

    def _layout_pending(self) -> None:
        """The notice of pending acts is editorial, not a change of the text: its lines are
        diffed like the rest but carry no act."""
        def parts(annotated: Annotated) -> list[Part]:
            if not annotated.pending:
                return []
            lang = annotated.lang
            items = [Part(item.text, "pending-item", item.text) for item in annotated.pending]
            return [Part("pending", "pending-heading", lang.phrase("pending"), 2),
                    Part("intro", "pending-intro", lang.phrase("pending_intro")), *items]

        for line in merge_parts(parts(self.old), parts(self.new), ()):
            self._add(line, None)

    def _layout(self, pair: Pair, depth: int) -> None:
        old_excluded = pair.old is not None and pair.uid in self.old.version.excluded
        new_excluded = pair.new is not None and pair.uid in self.new.version.excluded
        if pair.old is not None and pair.new is not None and old_excluded != new_excluded:
            # Excluded now: the earlier text goes out as a whole, the exclusion text comes in.
            old_side, new_side = split_pair(pair)
            self._layout(old_side, depth)
            self._layout(new_side, depth)
            return
        acts = self.owner_acts.get(pair.owner or "", ())
        if old_excluded or new_excluded:
            before = self.old.exclusions[pair.uid].text if pair.old is not None else None
            after = self.new.exclusions[pair.uid].text if pair.new is not None else None
            self._add(make_line("excluded", before, after, acts), pair.uid)
            return
        family = family_of(pair.unit)
        if family == "tabular":
            self._layout_table(pair, acts)
            return
        old_before, old_after = self._parts(pair.old, depth)
        new_before, new_after = self._parts(pair.new, depth)
        for line in merge_parts(old_before, new_before, acts):
            self._add(line, pair.uid)
        # The notes under a table carry their notes after their paragraphs, as the versions do.
        if family != "table_notes":
            self._layout_decorations(pair)
        for line in merge_parts(old_after, new_after, acts):
            self._add(line, pair.uid)
        child_depth = spec_of(pair.unit).heading_level + 1 if family == "stamped" else depth + 1
        for child in pair.children:
            self._layout(child, child_depth)
        if family == "table_notes":
            self._layout_decorations(pair)

    def _parts(self, unit: Unit | None, depth: int) -> tuple[list[Part], list[Part]]:
        return own_parts(unit, self.lang, depth) if unit is not None else ([], [])

    def _decoration_lines(self, pair: Pair) -> list[Line]:
        """The reconstruction marks and notes of a unit, the earlier ones merged in."""
        old = decorations(self.old, pair.uid) if pair.old is not None else []
        new = decorations(self.new, pair.uid) if pair.new is not None else []
        return merge_parts(old, new, self._host_acts(pair))

    def _layout_decorations(self, pair: Pair) -> None:
        for line in self._decoration_lines(pair):
            self._add(line, pair.uid)

    def _host_acts(self, pair: Pair) -> Acts:
        """Acts whose changes a unit's notes tell about: those that touched it or noted on it."""
        events = self.new.version.events.get(pair.uid, [])
        changes = [e.change for e in events if id(e.change) in self.in_interval]
        return attributions(changes + self.touched(pair.uid)) or self.owner_acts.get(
            pair.owner or "", ()
        )

    def _layout_table(self, pair: Pair, acts: Acts) -> None:
        table = pair.unit
        shape = table_shape(table)
        state = presence(pair.old, pair.new)
        rows: list[Row] = []
        old_header = (pair.old.header or []) if pair.old is not None else []
        new_header = (pair.new.header or []) if pair.new is not None else []
        for index in range(max(len(old_header), len(new_header))):
            before = old_header[index] if index < len(old_header) else None
            after = new_header[index] if index < len(new_header) else None
            cells = cell_pairs(self._cell_texts(before), self._cell_texts(after), acts)
            row_state = state if state != "equal" else presence(before, after)
            rows.append(Row("header", cells, row_state, acts))
        block = TableBlock(table.role or "plain", shape.columns, table.widths, rows)
        self._add(block, pair.uid)
        for child in pair.children:
            self._layout_row(child, block, shape.label_column)
        for line in self._decoration_lines(pair):
            self._add(line, pair.uid)

    def _cell_texts(self, cells: list[Cell] | None) -> list[str] | None:
        return None if cells is None else [cell_text(cell, self.lang) for cell in cells]

    def _layout_row(self, pair: Pair, block: TableBlock, label_column: bool) -> None:
        old_excluded = pair.old is not None and pair.uid in self.old.version.excluded
        new_excluded = pair.new is not None and pair.uid in self.new.version.excluded
        if pair.old is not None and pair.new is not None and old_excluded != new_excluded:
            old_side, new_side = split_pair(pair)
            self._layout_row(old_side, block, label_column)
            self._layout_row(new_side, block, label_column)
            return
        acts = self.owner_acts.get(pair.owner or "", ())
        state = presence(pair.old, pair.new)
        if old_excluded or new_excluded:
            before = self.old.exclusions[pair.uid].text if pair.old is not None else None
            after = self.new.exclusions[pair.uid].text if pair.new is not None else None
            span = block.columns - (1 if label_column else 0)
            label = make_cell(row_label(pair.old), row_label(pair.new), acts)
            cells = [label] if label_column else []
            row = Row("excluded", cells + [make_cell(before, after, acts, span)], state, acts)
        elif family_of(pair.unit) == "heading_row":
            before = plain(pair.old.text) if pair.old is not None else None
            after = plain(pair.new.text) if pair.new is not None else None
            row = Row(pair.kind, [make_cell(before, after, acts, block.columns)], state, acts,
                      spec=spec_of(pair.unit))
        else:
            old = row_texts(pair.old, self.lang, label_column) if pair.old is not None else None
            new = row_texts(pair.new, self.lang, label_column) if pair.new is not None else None
            row = Row(pair.kind, cell_pairs(old, new, acts), state, acts,
                      spec=spec_of(pair.unit))
            # Numbers and amounts are right-aligned, as the versions print them.
            offset = 1 if label_column else 0
            for index, value in enumerate(pair.unit.cells or []):
                if is_numeric(value) and index + offset < len(row.cells):
                    row.cells[index + offset].numeric = True
        block.rows.append(row)
        if pair.uid not in self.anchors:
            self.anchors.add(pair.uid)
            row.anchor = pair.uid
        old_notes = decorations(self.old, pair.uid) if pair.old is not None else []
        new_notes = decorations(self.new, pair.uid) if pair.new is not None else []
        if old_notes or new_notes:
            host_acts = self._host_acts(pair)
            lines = merge_parts(old_notes, new_notes, host_acts)
            note_state = presence(old_notes or None, new_notes or None)
            block.rows.append(Row("note", [DiffCell(lines, block.columns)], note_state, host_acts))


# The words of a heading or a first cell that name a unit in a path.
PATH_WORDS = 6


def _shortened(text: str) -> str:
    words = text.rstrip(".").split()
    return " ".join(words) if len(words) <= PATH_WORDS else " ".join(words[:PATH_WORDS]) + " …"


def _text(note: Note | None) -> str | None:
    return note.text if note is not None else None
