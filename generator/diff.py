"""Diff stage: two consolidated versions of one language → what changed, where, and by which acts.

Reads: a `Project`, a language and two version dates (the earlier "from", the later "to"). Both
versions are consolidated and annotated; who changed what is taken from the consolidation history
only — `Version.applied` (the changes between the two dates), `Version.touched`, `Version.events`,
`Version.excluded` and `Version.repeal` — never guessed from the text.

Writes: a `Diff`:
- `changes`: one `UnitChange` per changed unit (added, excluded, reworded, moved, removed) and one
  for the repeal of the document: id, label, kind, the acts responsible, the text before and
  after, and the word-level operations between them;
- `blocks`: the later version laid out as `Line`s (paragraphs) and `TableBlock`s, with the earlier
  version's text merged in as deletions, each change carrying its acts. Notes, exclusion texts and
  the pending notice are diffed like the text, so that taking every insertion gives the later
  version and taking every deletion the earlier one.

Units are matched by id. A unit touched by a change between the two dates is a changed unit; any
difference inside it (the children of a replaced point, the cells of an amended row) belongs to
it. The writers (`writers/diff_html.py`, `writers/diff_docx.py`, `writers/diff_json.py`) print
this model as given; `write_diff` writes `<out>/diff/<lang>/<from>__<to>.<ext>`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import ClassVar

from .annotate import Annotated, annotate, mentions_of
from .consolidate import consolidate
from .inline import plain
from .lang import Language
from .lang.base import short_date
from .loader import Act, Change, Project
from .model import Document, Unit
from .writers.common import cell_lines, heading_text, table_shape, write_atomic
from .writers.diff_docx import render_diff_docx
from .writers.diff_html import render_diff_html
from .writers.diff_json import render_diff_json

# Change kinds of a unit; each has a phrase "diff_<kind>" in every language.
ADDED, EXCLUDED, REWORDED, MOVED, REMOVED, REPEALED = (
    "added", "excluded", "reworded", "moved", "removed", "repealed",
)
# Actions that rewrite a unit together with everything inside it.
SUBTREE_ACTIONS = {"replace", "insert", "delete"}


# --- Word-level diff -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Op:
    """A piece of text that is the same in both versions, or only in the earlier or the later."""

    kind: str  # equal | delete | insert
    text: str


@dataclass(slots=True)
class _Edit:
    deleted: str
    inserted: str


# A word with the whitespace after it; leading whitespace is a token of its own.
_TOKEN = re.compile(r"\s+|\S+\s*")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Op]:
    """Word operations turning `old` into `new`; the equal and deleted texts joined give `old`,
    the equal and inserted texts give `new`. A replaced phrase reads as one deletion and one
    insertion: short equal islands between two edits are folded into them."""
    if old == new:
        return [Op("equal", old)] if old else []
    before, after = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    regions: list[str | _Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            regions.append("".join(before[i1:i2]))
        else:
            _push_edit(regions, _Edit("".join(before[i1:i2]), "".join(after[j1:j2])))
    ops: list[Op] = []
    for region in regions:
        if isinstance(region, str):
            ops.append(Op("equal", region))
            continue
        if region.deleted:
            ops.append(Op("delete", region.deleted))
        if region.inserted:
            ops.append(Op("insert", region.inserted))
    return ops


def _push_edit(regions: list[str | _Edit], edit: _Edit) -> None:
    """Append an edit, merging it with the previous one across a small equal island.

    An island is small when it is no longer than the larger side of the edit on its left and of
    the edit on its right (the semantic clean-up of diff-match-patch); merging can make the
    island before it small in turn, hence the loop."""
    regions.append(edit)
    while len(regions) >= 2 and isinstance(regions[-2], _Edit):
        right = regions.pop()
        left = regions.pop()
        regions.append(_Edit(left.deleted + right.deleted, left.inserted + right.inserted))
    while len(regions) >= 3 and isinstance(regions[-2], str) and isinstance(regions[-3], _Edit):
        right, island, left = regions[-1], regions[-2], regions[-3]
        if len(island) > _weight(left) or len(island) > _weight(right):
            break
        del regions[-3:]
        regions.append(_Edit(left.deleted + island + right.deleted,
                             left.inserted + island + right.inserted))


def _weight(edit: _Edit) -> int:
    return max(len(edit.deleted), len(edit.inserted))


# --- The model the writers print ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Attribution:
    """An act responsible for a change, with the date its change took effect."""

    act: Act
    in_force: dt.date | None


Acts = tuple[Attribution, ...]


@dataclass(slots=True)
class UnitChange:
    """A changed unit: what became of it, the acts responsible, its text before and after (None
    where the version lacks it; an excluded unit's text after is its exclusion text)."""

    uid: str
    kind: str
    label: str | None
    name: str
    change: str  # added | excluded | reworded | moved | removed | repealed
    acts: Acts
    before: str | None
    after: str | None
    ops: list[Op]
    reconstructed: bool = False


@dataclass(slots=True)
class Line:
    """One paragraph of the diff: its word operations and whether the paragraph itself is new
    (`inserted`), gone (`deleted`) or in both versions (`equal`)."""

    role: str
    ops: list[Op]
    state: str = "equal"
    acts: Acts = ()
    level: int = 0
    anchor: str | None = None
    is_table: ClassVar[bool] = False

    @property
    def changed(self) -> bool:
        return self.state != "equal" or any(op.kind != "equal" for op in self.ops)


@dataclass(slots=True)
class Cell:
    lines: list[Line]
    span: int = 1


@dataclass(slots=True)
class Row:
    kind: str  # header | group | row | total | excluded | note
    cells: list[Cell]
    state: str = "equal"
    acts: Acts = ()
    anchor: str | None = None


@dataclass(slots=True)
class TableBlock:
    role: str
    columns: int
    widths: list[float] | None
    rows: list[Row]
    anchor: str | None = None
    is_table: ClassVar[bool] = True


Block = Line | TableBlock


@dataclass(slots=True)
class Diff:
    """Two versions of one document in one language, compared; `anchors` are the unit ids
    that mark a block (a unit inside one excluded in both versions is not shown: it has none)."""

    lang: Language
    document: Document
    old: Annotated
    new: Annotated
    changes: list[UnitChange]
    blocks: list[Block]
    anchors: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not self.changes

    @property
    def from_date(self) -> dt.date:
        return self.old.version.date

    @property
    def to_date(self) -> dt.date:
        return self.new.version.date

    @property
    def title(self) -> str:
        return (f"{self.lang.phrase('diff_title')}: {short_date(self.from_date)} – "
                f"{short_date(self.to_date)}")

    def act_names(self, acts: Acts) -> list[str]:
        return [self.lang.act_name(item.act) for item in acts]


# --- Matching units by id ----------------------------------------------------------------------

@dataclass(slots=True)
class _Pair:
    """A unit in the earlier and/or the later version, with its children paired the same way."""

    uid: str
    old: Unit | None
    new: Unit | None
    children: list[_Pair]
    moved: bool = False
    raw: str | None = None  # what the texts show: added, removed, moved, excluded, reworded
    owner: str | None = None  # the changed unit this pair's differences belong to

    @property
    def kind(self) -> str:
        return (self.new or self.old).kind


def _merge(old_units: list[Unit], new_units: list[Unit]) -> list[_Pair]:
    """Pair siblings by id, in the later order; a unit whose place among its siblings changed
    appears twice, once on each side, marked moved."""
    old_ids = [unit.uid for unit in old_units]
    new_ids = [unit.uid for unit in new_units]
    common = set(old_ids) & set(new_ids)
    pairs: list[_Pair] = []
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for old, new in zip(old_units[i1:i2], new_units[j1:j2], strict=True):
                pairs.append(_Pair(old.uid, old, new, _merge(old.children, new.children)))
            continue
        for old in old_units[i1:i2]:
            pairs.append(_one_sided(old, None, old.uid in common))
        for new in new_units[j1:j2]:
            pairs.append(_one_sided(None, new, new.uid in common))
    return pairs


def _one_sided(old: Unit | None, new: Unit | None, moved: bool = False) -> _Pair:
    unit = old or new
    children = [
        _one_sided(child if old else None, child if new else None) for child in unit.children
    ]
    return _Pair(unit.uid, old, new, children, moved)


def _side(pair: _Pair, side: str) -> _Pair | None:
    """The pair as one version alone shows it (`old` or `new`), keeping whom each difference
    belongs to; None when that version lacks the unit."""
    unit = pair.old if side == "old" else pair.new
    if unit is None:
        return None
    children = [child for child in (_side(c, side) for c in pair.children) if child is not None]
    old, new = (unit, None) if side == "old" else (None, unit)
    return _Pair(pair.uid, old, new, children, pair.moved, pair.raw, pair.owner)


def _walk(pairs: list[_Pair]):
    for pair in pairs:
        yield pair
        yield from _walk(pair.children)


# --- Text of units -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Part:
    """One line a version shows for a unit; `key` pairs it with the other version's line."""

    key: str
    role: str
    text: str
    level: int = 0


def _own_parts(unit: Unit, lang: Language, depth: int) -> tuple[list[_Part], list[_Part]]:
    """A unit's own lines before its notes and after them, in the order the version shows them."""
    kind = unit.kind
    if kind in ("attachment", "appendix"):
        lines = enumerate(unit.stamp or [])
        stamp = [_Part(f"stamp{i}", "stamp", plain(line)) for i, line in lines]
        level = 1 if kind == "attachment" else 2
        return stamp + [_Part("heading", "heading", plain(unit.heading), level)], []
    if kind in ("section", "subsection"):
        heading = _Part("heading", "heading", plain(heading_text(unit)), min(depth, 6))
        return [heading], ([_Part("text", "text", plain(unit.text))] if unit.text else [])
    if kind == "signature":
        return [_Part("position", "signature", plain(unit.position)),
                _Part("name", "signature", plain(unit.name))], []
    if kind == "notes":
        return ([_Part("text", "table-note", plain(unit.text))] if unit.text else []), []
    if kind == "table":
        return [_Part(f"header{i}", "header", " | ".join(_cell_text(c, lang) for c in line))
                for i, line in enumerate(unit.header or [])], []
    if kind in ("row", "total", "group"):
        return [_Part("row", "row", " | ".join(_row_texts(unit, lang, unit.label is not None)))], []
    label = (unit.label or "").strip()
    main = " ".join(part for part in (label, plain(unit.heading), plain(unit.text)) if part)
    return [_Part("main", "text", main)], []


def _cell_text(cell, lang: Language) -> str:
    return "\n".join(plain(line) for line in cell_lines(cell, lang))


def _row_texts(row: Unit, lang: Language, label_column: bool) -> list[str]:
    """A row's cells as text, the label column first when the table has one."""
    if row.kind == "group":
        return [plain(row.text)]
    label = [(row.label or "").strip()] if label_column else []
    return label + [_cell_text(cell, lang) for cell in row.cells or []]


def _own_text(unit: Unit, lang: Language) -> str:
    before, after = _own_parts(unit, lang, 0)
    return "\n".join(part.text for part in before + after)


# --- The comparison ----------------------------------------------------------------------------

def diff_versions(project: Project, lang: str, old_date: dt.date, new_date: dt.date) -> Diff:
    """Consolidate and annotate both versions of `lang`, then compare them."""
    old = annotate(consolidate(project, lang, old_date), project)
    new = annotate(consolidate(project, lang, new_date), project)
    return compare(old, new)


def compare(old: Annotated, new: Annotated) -> Diff:
    """The diff of two annotated versions of one document and language, the earlier first."""
    if old.version.date > new.version.date:
        raise ValueError(f"{old.version.date} is later than {new.version.date}")
    return _Comparison(old, new).run()


class _Comparison:
    def __init__(self, old: Annotated, new: Annotated):
        self.old, self.new = old, new
        self.lang = new.lang
        already = {id(change) for change in old.version.applied}
        self.interval = [c for c in new.version.applied if id(c) not in already]
        self.in_interval = {id(change) for change in self.interval}
        self.owner_acts: dict[str, Acts] = {}
        self.blocks: list[Block] = []
        self.anchors: set[str] = set()

    def touched(self, uid: str) -> list[Change]:
        """The changes between the two versions that touched the unit `uid`."""
        return [c for c in self.new.version.touched.get(uid, []) if id(c) in self.in_interval]

    def run(self) -> Diff:
        pairs = _merge(self.old.version.units, self.new.version.units)
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
        document = self.new.version.document
        return Diff(self.lang, document, self.old, self.new, changes, self.blocks, self.anchors)

    # Which changed unit each difference belongs to

    def _assign(self, pair: _Pair, owner: str | None, reporting: set[str]) -> None:
        pair.raw = self._raw(pair)
        if pair.uid in reporting:
            owner = pair.uid
        elif pair.raw is not None and owner is None:
            # A difference no recorded change explains: shown and listed, with no act.
            owner = pair.uid
        pair.owner = owner
        if owner is not None and owner not in self.owner_acts:
            self.owner_acts[owner] = _attributions(self.touched(owner))
        for child in pair.children:
            self._assign(child, owner, reporting)

    def _raw(self, pair: _Pair) -> str | None:
        if pair.moved:
            return MOVED
        if pair.old is None:
            return ADDED
        if pair.new is None:
            return REMOVED
        old_excluded = pair.uid in self.old.version.excluded
        new_excluded = pair.uid in self.new.version.excluded
        if old_excluded != new_excluded:
            return EXCLUDED if new_excluded else REWORDED
        if old_excluded:
            return None
        if _own_text(pair.old, self.lang) != _own_text(pair.new, self.lang):
            return REWORDED
        return None

    # The list of changes

    def _repeal_changes(self) -> list[UnitChange]:
        repeal = self.new.version.repeal
        if repeal is None or id(repeal.change) not in self.in_interval:
            return []
        document = self.new.version.document
        before, after = _head_text(self.old), _head_text(self.new)
        return [UnitChange(
            uid=document.id, kind="document", label=None,
            name=self.lang.document_name(document.type), change=REPEALED,
            acts=_attributions([repeal.change]), before=before or None, after=after,
            ops=word_diff(before, after),
            reconstructed=repeal.change.provenance == "reconstructed",
        )]

    def _unit_changes(self, pairs: list[_Pair]) -> list[UnitChange]:
        """The changed units in reading order; a moved unit's two places make one change."""
        copies: dict[str, list[_Pair]] = {}
        for pair in _walk(pairs):
            if pair.owner == pair.uid:
                copies.setdefault(pair.uid, []).append(pair)
        return [self._unit_change(group) for group in copies.values()]

    def _unit_change(self, copies: list[_Pair]) -> UnitChange:
        old_pair = next((p for p in copies if p.old is not None), None)
        new_pair = next((p for p in copies if p.new is not None), None)
        first = copies[0]
        uid, unit = first.uid, first.new or first.old
        touched = self.touched(uid)
        whole = first.raw in (ADDED, REMOVED, EXCLUDED, MOVED) or any(
            change.action in SUBTREE_ACTIONS for change in touched
        )
        before = self._block_text(old_pair, "old", whole) if old_pair is not None else None
        if new_pair is None:
            after = None
        elif uid in self.new.version.excluded:
            after = self.new.exclusions[uid]
        else:
            after = self._block_text(new_pair, "new", whole)
        return UnitChange(
            uid=uid, kind=unit.kind, label=unit.label, name=self.lang.unit_name(unit),
            change=first.raw or REWORDED, acts=self.owner_acts.get(uid, ()), before=before,
            after=after, ops=word_diff(before or "", after or ""),
            reconstructed=any(c.provenance == "reconstructed" for c in touched),
        )

    def _block_text(self, pair: _Pair, side: str, whole: bool) -> str:
        """The text of a changed unit on one side: its own lines and, when the change rewrote it
        as a whole, or where they differ, the lines of the units inside it it answers for."""
        lines: list[str] = []

        def collect(node: _Pair, top: bool) -> None:
            unit = node.old if side == "old" else node.new
            if unit is None:
                return
            if top or whole or node.raw is not None:
                text = _own_text(unit, self.lang)
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
        acts = _attributions([repeal.change]) if repeal is not None else ()
        anchor = new.version.document.id
        for role, before, after in (
            ("status", old.status, new.status),
            ("title", old.title, new.title),
            ("adoption", old.adoption_line, new.adoption_line),
            ("repeal-line", old.repeal_line, new.repeal_line),
            ("repeal-note", old.repeal_note, new.repeal_note),
        ):
            if before is None and after is None:
                continue
            self._add(_line(role, before, after, acts), anchor)

    def _layout_pending(self) -> None:
        def parts(annotated: Annotated) -> tuple[list[_Part], dict[str, Acts]]:
            version = annotated.version
            if not version.pending:
                return [], {}
            acts: dict[str, Acts] = {}
            items = []
            for mention in mentions_of(version.pending):
                text = annotated.lang.pending_item(mention)
                changes = [c for c in version.pending if c.act.key == mention.act.key]
                acts[text] = _attributions(changes)
                items.append(_Part(text, "pending-item", text))
            lang = annotated.lang
            return [_Part("pending", "pending-heading", lang.phrase("pending"), 2),
                    _Part("intro", "pending-intro", lang.phrase("pending_intro")), *items], acts

        old_parts, old_acts = parts(self.old)
        new_parts, new_acts = parts(self.new)
        changed = set(old_acts) ^ set(new_acts)
        everyone = _union(*(old_acts.get(t) or new_acts.get(t) for t in sorted(changed)))
        for line in _merge_parts(old_parts, new_parts, everyone):
            item = next((op.text for op in line.ops), "")
            line.acts = old_acts.get(item) or new_acts.get(item) or everyone
            self._add(line, None)

    def _layout(self, pair: _Pair, depth: int) -> None:
        old_excluded = pair.old is not None and pair.uid in self.old.version.excluded
        new_excluded = pair.new is not None and pair.uid in self.new.version.excluded
        if pair.old is not None and pair.new is not None and old_excluded != new_excluded:
            # Excluded now: the earlier text goes out as a whole, the exclusion text comes in.
            self._layout(_side(pair, "old"), depth)
            self._layout(_side(pair, "new"), depth)
            return
        acts = self.owner_acts.get(pair.owner or "", ())
        if old_excluded or new_excluded:
            before = self.old.exclusions[pair.uid] if pair.old is not None else None
            after = self.new.exclusions[pair.uid] if pair.new is not None else None
            self._add(_line("excluded", before, after, acts), pair.uid)
            return
        if pair.kind == "table":
            self._layout_table(pair, acts)
            return
        old_before, old_after = self._parts(pair.old, depth)
        new_before, new_after = self._parts(pair.new, depth)
        for line in _merge_parts(old_before, new_before, acts):
            self._add(line, pair.uid)
        if pair.kind != "notes":
            self._layout_decorations(pair)
        for line in _merge_parts(old_after, new_after, acts):
            self._add(line, pair.uid)
        child_depth = {"attachment": 2, "appendix": 3}.get(pair.kind, depth + 1)
        for child in pair.children:
            self._layout(child, child_depth)
        if pair.kind == "notes":
            self._layout_decorations(pair)

    def _parts(self, unit: Unit | None, depth: int) -> tuple[list[_Part], list[_Part]]:
        return _own_parts(unit, self.lang, depth) if unit is not None else ([], [])

    def _decoration_lines(self, pair: _Pair) -> list[Line]:
        """The reconstruction marks and notes of a unit, the earlier ones merged in."""
        old = _decorations(self.old, pair.uid) if pair.old is not None else []
        new = _decorations(self.new, pair.uid) if pair.new is not None else []
        return _merge_parts(old, new, self._host_acts(pair))

    def _layout_decorations(self, pair: _Pair) -> None:
        for line in self._decoration_lines(pair):
            self._add(line, pair.uid)

    def _host_acts(self, pair: _Pair) -> Acts:
        """Acts whose changes a unit's notes tell about: those that touched it or noted on it."""
        events = self.new.version.events.get(pair.uid, [])
        changes = [e.change for e in events if id(e.change) in self.in_interval]
        return _attributions(changes + self.touched(pair.uid)) or self.owner_acts.get(
            pair.owner or "", ()
        )

    def _layout_table(self, pair: _Pair, acts: Acts) -> None:
        table = pair.new or pair.old
        shape = table_shape(table)
        state = _state(pair.old, pair.new)
        rows: list[Row] = []
        old_header = (pair.old.header or []) if pair.old is not None else []
        new_header = (pair.new.header or []) if pair.new is not None else []
        for index in range(max(len(old_header), len(new_header))):
            before = old_header[index] if index < len(old_header) else None
            after = new_header[index] if index < len(new_header) else None
            cells = _cell_pairs(self._cell_texts(before), self._cell_texts(after), acts)
            row_state = state if state != "equal" else _state(before, after)
            rows.append(Row("header", cells, row_state, acts))
        block = TableBlock(table.role or "plain", shape.columns, table.widths, rows)
        self._add(block, pair.uid)
        for child in pair.children:
            self._layout_row(child, block, shape.label_column)
        for line in self._decoration_lines(pair):
            self._add(line, pair.uid)

    def _cell_texts(self, cells: list | None) -> list[str] | None:
        return None if cells is None else [_cell_text(cell, self.lang) for cell in cells]

    def _layout_row(self, pair: _Pair, block: TableBlock, label_column: bool) -> None:
        old_excluded = pair.old is not None and pair.uid in self.old.version.excluded
        new_excluded = pair.new is not None and pair.uid in self.new.version.excluded
        if pair.old is not None and pair.new is not None and old_excluded != new_excluded:
            self._layout_row(_side(pair, "old"), block, label_column)
            self._layout_row(_side(pair, "new"), block, label_column)
            return
        acts = self.owner_acts.get(pair.owner or "", ())
        state = _state(pair.old, pair.new)
        label = [_label(pair.old), _label(pair.new)] if label_column else None
        if old_excluded or new_excluded:
            before = self.old.exclusions[pair.uid] if pair.old is not None else None
            after = self.new.exclusions[pair.uid] if pair.new is not None else None
            span = block.columns - (1 if label_column else 0)
            cells = [_cell(*label, acts)] if label else []
            row = Row("excluded", cells + [_cell(before, after, acts, span)], state, acts)
        elif pair.kind == "group":
            before = plain(pair.old.text) if pair.old is not None else None
            after = plain(pair.new.text) if pair.new is not None else None
            row = Row("group", [_cell(before, after, acts, block.columns)], state, acts)
        else:
            old = _row_texts(pair.old, self.lang, label_column) if pair.old is not None else None
            new = _row_texts(pair.new, self.lang, label_column) if pair.new is not None else None
            row = Row(pair.kind, _cell_pairs(old, new, acts), state, acts)
        block.rows.append(row)
        if pair.uid not in self.anchors:
            self.anchors.add(pair.uid)
            row.anchor = pair.uid
        old_notes = _decorations(self.old, pair.uid) if pair.old is not None else []
        new_notes = _decorations(self.new, pair.uid) if pair.new is not None else []
        if old_notes or new_notes:
            host_acts = self._host_acts(pair)
            lines = _merge_parts(old_notes, new_notes, host_acts)
            note_state = _state(old_notes or None, new_notes or None)
            block.rows.append(Row("note", [Cell(lines, block.columns)], note_state, host_acts))


# --- Helpers -----------------------------------------------------------------------------------

def _attributions(changes: list[Change]) -> Acts:
    """One attribution per act, ordered by in-force date, then signing date."""
    firsts: dict[str, Change] = {}
    for change in sorted(changes, key=lambda c: c.sort_key):
        firsts.setdefault(change.act.key, change)
    return tuple(Attribution(c.act, c.effective) for c in firsts.values())


def _union(*groups: Acts | None) -> Acts:
    seen: dict[str, Attribution] = {}
    for group in groups:
        for item in group or ():
            seen.setdefault(item.act.key, item)
    return tuple(sorted(seen.values(), key=lambda a: (a.in_force or dt.date.max, a.act.date)))


def _state(old: object | None, new: object | None) -> str:
    if old is None:
        return "inserted"
    return "deleted" if new is None else "equal"


def _line(role: str, before: str | None, after: str | None, acts: Acts, level: int = 0) -> Line:
    if before is None:
        return Line(role, [Op("insert", after)] if after else [], "inserted", acts, level)
    if after is None:
        return Line(role, [Op("delete", before)] if before else [], "deleted", acts, level)
    return Line(role, word_diff(before, after), "equal", acts, level)


def _cell(before: str | None, after: str | None, acts: Acts, span: int = 1) -> Cell:
    """A table cell: one paragraph whose text may change; its row is what is inserted or
    deleted as a whole."""
    line = _line("cell", before, after, acts)
    line.state = "equal"
    return Cell([line], span)


def _cell_pairs(old: list[str] | None, new: list[str] | None, acts: Acts) -> list[Cell]:
    """Cells paired by column; a side that has no row (None) gives no text."""
    count = max(len(old or []), len(new or []))
    cells = []
    for index in range(count):
        before = old[index] if old is not None and index < len(old) else None
        after = new[index] if new is not None and index < len(new) else None
        # A cell missing on one side of a row present on both reads as empty there.
        if old is not None and new is not None:
            before, after = before or "", after or ""
        cells.append(_cell(before, after, acts))
    return cells


def _label(unit: Unit | None) -> str | None:
    if unit is None:
        return None
    return (unit.label or "").strip()


def _merge_parts(old: list[_Part], new: list[_Part], acts: Acts) -> list[Line]:
    """Pair the lines of both versions by key; unpaired lines are deleted or inserted."""
    matcher = SequenceMatcher(None, [p.key for p in old], [p.key for p in new], autojunk=False)
    lines: list[Line] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        befores, afters = old[i1:i2], new[j1:j2]
        if tag in ("equal", "replace"):
            paired = min(len(befores), len(afters))
            for before, after in zip(befores[:paired], afters[:paired], strict=True):
                if before.role == after.role:
                    lines.append(_line(after.role, before.text, after.text, acts, after.level))
                else:
                    lines.append(_line(before.role, before.text, None, acts, before.level))
                    lines.append(_line(after.role, None, after.text, acts, after.level))
            befores, afters = befores[paired:], afters[paired:]
        lines.extend(_line(p.role, p.text, None, acts, p.level) for p in befores)
        lines.extend(_line(p.role, None, p.text, acts, p.level) for p in afters)
    return lines


def _decorations(annotated: Annotated, uid: str) -> list[_Part]:
    """The reconstruction marks, then the notes, a version shows under a unit."""
    marks = [
        _Part(annotated.lang.phrase("reconstructed"), "provenance",
              annotated.lang.phrase("reconstructed"))
        for _ in annotated.reconstructed.get(uid, [])
    ]
    return marks + [_Part(note, "note", note) for note in annotated.notes.get(uid, [])]


def _head_text(annotated: Annotated) -> str:
    lines = (annotated.status, annotated.repeal_line, annotated.repeal_note)
    return "\n".join(line for line in lines if line)


# --- Output ------------------------------------------------------------------------------------

# Each diff writer turns a diff into the bytes of one file.
DIFF_WRITERS: dict[str, Callable[[Diff], bytes]] = {
    "html": render_diff_html,
    "docx": render_diff_docx,
    "json": render_diff_json,
}


def diff_path(out: Path, lang: str, old: dt.date, new: dt.date, ext: str) -> Path:
    return out / "diff" / lang / f"{old.isoformat()}__{new.isoformat()}.{ext}"


def write_diff(diff: Diff, formats: list[str], out: Path) -> list[Path]:
    """Write the diff in each format, atomically; return the paths written."""
    paths = []
    for fmt in formats:
        path = diff_path(out, diff.lang.code, diff.from_date, diff.to_date, fmt)
        write_atomic(path, DIFF_WRITERS[fmt](diff))
        paths.append(path)
    return paths
