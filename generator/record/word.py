"""Word edits → the changes of one language: which units a tracked-changes document touched.

Reads the `Piece`s of a document (`docx.read_docx`) and the version it was edited from. Writes
the `LangChange`s of its language in document order: `amend` with word edits, `replace` where
most of a unit (with what it holds) changed, `insert` with `after`/`before` for new paragraphs
and rows, `delete` for units whose text was removed, `repeal` for a repeal line added to the
head. Edits outside units (the head, the pending notice, notes) are reported by paragraph number
and left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..diff.parts import Inline
from ..i18n import tr
from ..model import Family, Language, Unit, UnitKind, Version, family_of, spec_of
from ..model.bookmarks import names_to_ids
from ..model.inline import linked, plain
from .common import LangChange
from .docx import LINK_TARGET
from .edits import shown_texts, similarity, word_edits
from .piece import Piece
from .structure import Node, as_input, inferred_kind, resolve, unit_from_texts

# Paragraph styles of what the generator writes around the units: never a unit's own text.
DECORATIONS = {"EditorialNote", "ReconstructionMark", "ExcludedUnit", "TOCHeading", "TOC1",
               "TOC2", "TOC3", "NoticeHeading", "ListBullet", "DocumentStatus", "Title",
               "VersionLine", "DocumentLine"}
# The families of units a new wording replaces as a whole where most of it changed (not the
# parts under a stamp, tables, their notes and the signature).
REPLACEABLE: frozenset[Family] = frozenset({"division", "numbered", "plain", "row",
                                            "heading_row"})
MOSTLY_CHANGED = 0.5
# A link of a Word document in reference markup, its target a bookmark's name.
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\(ref:" + re.escape(LINK_TARGET) + r"(?P<name>[^)\s]+)\)")
# How much of each text the message of a difference shows around the first letter that differs.
AROUND = 30


# Where the units found under each open unit go: the children of its `Node`.
Holders = dict[str, list[Node]]


@dataclass(slots=True)
class Reading:
    changes: list[LangChange]
    ignored: list[tuple[int, str]]
    errors: list[tuple[int, str]]


class WordReader:
    """Reads one language's edited document against the version it shows."""

    def __init__(self, version: Version, lang: Language) -> None:
        self.version = version
        self.lang = lang
        self.parents: dict[str, Unit | None] = {}
        self.units: dict[str, Unit] = {}
        self.order: dict[str, int] = {}
        for unit in version.units:
            self._index(unit, None)
        self.ids = names_to_ids(self.units)
        self.slots: dict[str, list[Piece]] = defaultdict(list)
        self.inserted: list[tuple[str, Piece]] = []
        self.result = Reading([], [], [])
        self.replaced: set[str] = set()
        # Per unit: its texts with their links (the document links what the version does), or
        # plain (a redline, or a document whose links were lost on the way).
        self.inline: dict[str, Inline] = {}

    def _index(self, unit: Unit, parent: Unit | None) -> None:
        self.parents[unit.uid] = parent
        self.units[unit.uid] = unit
        self.order[unit.uid] = len(self.order)
        for child in unit.children:
            self._index(child, unit)

    def read(self, pieces: list[Piece]) -> Reading:
        self._sort(pieces)
        if not all([self._matches(unit) for unit in self.version.units]):
            return self.result
        for unit in self.version.units:
            self._visit(unit)
        self._inserts()
        self.result.changes.sort(key=lambda found: found.number)
        return self.result

    # Which unit each paragraph belongs to

    def _sort(self, pieces: list[Piece]) -> None:
        current: str | None = None
        for piece in pieces:
            piece.old = [self._unit_links(text) for text in piece.old]
            piece.new = [self._unit_links(text) for text in piece.new]
            known = [self.ids[name] for name in piece.bookmarks if name in self.ids]
            if known:
                current = max(known, key=self.order.__getitem__)
            if piece.style in DECORATIONS or current is None:
                self._outside(piece, current)
            elif current in self.version.excluded:
                if piece.state != "equal":
                    self.result.ignored.append((piece.number, tr("{uid} is excluded", uid=current)))
            elif piece.state == "inserted" and not known:
                self.inserted.append((current, piece))
            else:
                self.slots[current].append(piece)

    def _unit_links(self, text: str) -> str:
        """Links to the bookmarks of units as references to the units; any other link (to a
        bookmark of no unit) as its text alone."""
        def target(match: re.Match[str]) -> str:
            uid = self.ids.get(match.group("name"))
            return f"[{match.group('text')}](ref:{uid})" if uid else match.group("text")

        return _LINK.sub(target, text)

    def _outside(self, piece: Piece, current: str | None) -> None:
        if piece.state == "equal":
            return
        if current is None and piece.style == "DocumentLine" and piece.state == "inserted" \
                and self.version.repeal is None:
            self.result.changes.append(LangChange("repeal", self.version.document.id,
                                                  piece.number))
            return
        where = tr("the head of the document") if current is None else tr("a note or mark")
        self.result.ignored.append((piece.number, tr("an edit in {where}", where=where)))

    # Units

    def _matches(self, unit: Unit) -> bool:
        """Whether the document, every revision rejected, shows the unit and what it holds as
        the version does; each difference is an error (an edit made without Track Changes)."""
        if unit.uid in self.version.excluded:
            return True
        pieces = self.slots.get(unit.uid, [])
        found = _texts(unit, pieces, "old")
        parent = self.parents[unit.uid]
        same = True
        if found == shown_texts(unit, self.lang, parent, linked):
            self.inline[unit.uid] = linked
        elif pieces:
            self.inline[unit.uid] = plain
            expected = shown_texts(unit, self.lang, parent)
            if [plain(text) for text in found] != expected:
                self.result.errors.append((pieces[0].number, tr(
                    "{uid} differs from the version of {date}: {difference} (was it edited "
                    "without Track Changes?)", uid=unit.uid, date=self.version.date,
                    difference=_difference(expected, found))))
                same = False
        return all([self._matches(child) for child in unit.children]) and same

    def _visit(self, unit: Unit) -> None:
        if unit.uid in self.version.excluded or not self._touched(unit):
            return
        pieces = self.slots.get(unit.uid, [])
        parent = self.parents[unit.uid]
        new = self._texts(unit, pieces, "new")
        old = self._texts(unit, pieces, "old")
        number = pieces[0].number if pieces else 0
        if self._all_removed(unit.uid):
            self.result.changes.append(LangChange("delete", unit.uid, number))
            return
        if family_of(unit) in REPLACEABLE and self._rewritten(unit):
            self._replace(unit, number)
            return
        if old != new:
            self._amend(unit, parent, new, number)
        for child in unit.children:
            self._visit(child)

    def _subtree(self, unit: Unit) -> set[str]:
        return {node.uid for node in unit.walk()}

    def _touched(self, unit: Unit) -> bool:
        inside = self._subtree(unit)
        return any(piece.state != "equal" for uid in inside for piece in self.slots.get(uid, [])) \
            or any(uid in inside for uid, _ in self.inserted)

    def _rewritten(self, unit: Unit) -> bool:
        """Most of the unit and what it holds changed, paragraphs came or went with it."""
        inside = self._subtree(unit)
        pieces = [piece for uid in sorted(inside, key=self.order.__getitem__)
                  for piece in self.slots.get(uid, [])]
        added = [piece for uid, piece in self.inserted if uid in inside]
        # A unit whose text is all gone is a `delete` of its own; only paragraphs gone from
        # a unit that stays, or new ones, make a new structure.
        partly_gone = any(
            any(piece.state == "removed" for piece in self.slots.get(uid, []))
            and not self._all_removed(uid) for uid in inside)
        if unit.children and not (added or partly_gone):
            return False
        if self._all_removed(unit.uid):
            return False
        old = "\n".join(text for piece in pieces for text in piece.old)
        new = "\n".join(text for piece in pieces + added for text in piece.new)
        return similarity(old, new) < MOSTLY_CHANGED

    def _all_removed(self, uid: str) -> bool:
        pieces = self.slots.get(uid, [])
        return bool(pieces) and all(piece.state == "removed" for piece in pieces)

    def _amend(self, unit: Unit, parent: Unit | None, new: list[str], number: int) -> None:
        edits = word_edits(unit, self.lang, parent, new, self.inline.get(unit.uid, plain))
        if edits is None and family_of(unit) in REPLACEABLE:
            self._replace(unit, number)
        elif edits is None:
            self.result.errors.append((number, tr("the change of {uid} cannot be written as "
                                                  "word edits (a label or a number changed)",
                                                  uid=unit.uid)))
        else:
            self.result.changes.append(LangChange("amend", unit.uid, number, edits=edits))

    def _replace(self, unit: Unit, number: int) -> None:
        """The unit's new wording with everything it now holds, as one `replace`."""
        inside = self._subtree(unit)
        self.replaced |= inside
        table = self._table_of(unit)
        root = Node(unit_from_texts(unit.kind, self._new_texts(unit.uid), unit, table, self.lang))
        nodes: Holders = {unit.uid: root.children}
        counters: dict[str, dict[str, int]] = {unit.uid: {}}
        for uid in sorted(inside - {unit.uid}, key=self.order.__getitem__):
            self._keep_or_drop(uid, nodes, counters)
            for _, piece in [item for item in self.inserted if item[0] == uid]:
                self._place_new(piece, self.units[uid], nodes, counters, unit.uid)
        for _, piece in [item for item in self.inserted if item[0] == unit.uid]:
            self._place_new(piece, unit, nodes, counters, unit.uid)
        self.result.changes.append(LangChange("replace", unit.uid, number,
                                              content=root.built()))

    def _new_texts(self, uid: str) -> list[str]:
        return self._texts(self.units[uid], self.slots.get(uid, []), "new")

    def _texts(self, unit: Unit, pieces: list[Piece], side: str) -> list[str]:
        """A unit's texts on one side, with their links where the document keeps them."""
        inline = self.inline.get(unit.uid, linked)
        return [inline(text) if inline is plain else text for text in _texts(unit, pieces, side)]

    def _keep_or_drop(self, uid: str, nodes: Holders,
                      counters: dict[str, dict[str, int]]) -> None:
        pieces = self.slots.get(uid, [])
        if self._all_removed(uid):
            return
        unit = self.units[uid]
        parent = self.parents[uid]
        kept = unit_from_texts(unit.kind, self._new_texts(uid), unit, self._table_of(unit),
                               self.lang) if pieces else as_input(unit)
        self._attach(uid, Node(kept), parent.uid if parent is not None else "", nodes, counters)

    def _attach(self, uid: str, node: Node, parent_uid: str, nodes: Holders,
                counters: dict[str, dict[str, int]]) -> None:
        # A unit whose parent was dropped goes under the unit being rebuilt.
        holder = nodes[parent_uid] if parent_uid in nodes else next(iter(nodes.values()))
        holder.append(node)
        nodes[uid] = node.children
        counters.setdefault(uid, {})
        if node.unit.label is None:
            bucket = counters.setdefault(parent_uid, {})
            bucket[node.unit.kind] = bucket.get(node.unit.kind, 0) + 1

    def _place_new(self, piece: Piece, neighbour: Unit, nodes: Holders,
                   counters: dict[str, dict[str, int]], root: str) -> str:
        """A new paragraph placed by its bookmark (or under the unit it follows)."""
        uid, kind = self._identify(piece, neighbour, list(nodes), counters)
        parent_uid = uid.rsplit("__", 1)[0] if uid else root
        if parent_uid not in nodes:
            parent_uid = root
        table = self._table_of(neighbour) if piece.is_row else None
        new = unit_from_texts(kind, piece.new, None, table, self.lang)
        self._attach(uid or f"{parent_uid}__new{piece.number}", Node(new), parent_uid, nodes,
                     counters)
        return uid or ""

    def _identify(self, piece: Piece, neighbour: Unit | None, open_uids: list[str],
                  counters: dict[str, dict[str, int]]) -> tuple[str | None, UnitKind]:
        kind = inferred_kind(piece, neighbour)
        label = unit_from_texts(kind, piece.new, None, None, self.lang).label
        for name in piece.bookmarks:
            found = resolve(name, open_uids, label, counters)
            if found is not None:
                return found
        return None, kind

    def _table_of(self, unit: Unit) -> Unit | None:
        parent = self.parents[unit.uid] if spec_of(unit).in_table else None
        return parent if parent is not None and family_of(parent) == "tabular" else None

    # New units outside a replaced one

    def _inserts(self) -> None:
        groups: list[tuple[str, list[Piece]]] = []
        for uid, piece in self.inserted:
            if uid in self.replaced:
                continue
            if groups and groups[-1][0] == uid:
                groups[-1][1].append(piece)
            else:
                groups.append((uid, [piece]))
        for uid, pieces in groups:
            self._insert(self.units[uid], pieces)

    def _insert(self, neighbour: Unit, pieces: list[Piece]) -> None:
        chain = [neighbour.uid]
        node: Unit | None = self.parents[neighbour.uid]
        while node is not None:
            chain.insert(0, node.uid)
            node = self.parents[node.uid]
        uid, kind = self._identify(pieces[0], neighbour, chain, self._base_counters(chain))
        parent_uid = uid.rsplit("__", 1)[0] if uid else self._inferred_parent(neighbour, kind)
        holder: list[Node] = []
        nodes: Holders = {parent_uid: holder}
        counters = self._base_counters([parent_uid])
        for piece in pieces:
            self._place_new(piece, neighbour, nodes, counters, parent_uid)
        after, before = self._anchor(neighbour, parent_uid)
        content = [node.built() for node in holder]
        target = parent_uid or self.version.document.id
        self.result.changes.append(LangChange("insert", target, pieces[0].number, after=after,
                                              before=before,
                                              content=content[0] if len(content) == 1
                                              else content))

    def _base_counters(self, uids: list[str]) -> dict[str, dict[str, int]]:
        counters: dict[str, dict[str, int]] = {}
        for uid in uids:
            bucket: dict[str, int] = {}
            for child in self.units[uid].children if uid in self.units else []:
                if not child.label:
                    bucket[child.kind] = bucket.get(child.kind, 0) + 1
            counters[uid] = bucket
        return counters

    def _inferred_parent(self, neighbour: Unit, kind: str) -> str:
        """The parent of a new unit without a bookmark: that of the nearest unit of its kind
        the new one follows, else the unit it follows."""
        node: Unit | None = neighbour
        while node is not None:
            if node.kind == kind:
                parent = self.parents[node.uid]
                return parent.uid if parent is not None else ""
            node = self.parents[node.uid]
        return neighbour.uid

    def _anchor(self, neighbour: Unit, parent_uid: str) -> tuple[str | None, str | None]:
        node: Unit | None = neighbour
        while node is not None:
            parent = self.parents[node.uid]
            if (parent.uid if parent is not None else "") == parent_uid:
                return node.uid, None
            node = parent
        children = self.units[parent_uid].children if parent_uid in self.units else []
        return None, (children[0].uid if children else None)


def _texts(unit: Unit, pieces: list[Piece], side: str) -> list[str]:
    """A unit's texts in its paragraphs; a signature is one line, as the version shows it, where
    a redline gives its position and name a paragraph each."""
    texts = [text for piece in pieces for text in getattr(piece, side)]
    return ["\t".join(texts)] if family_of(unit) == "signatory" and texts else texts


def _difference(expected: list[str], found: list[str]) -> str:
    """Where two lists of texts first differ, side by side: the version's text, then the
    document's, each around the first letter that differs."""
    if len(expected) != len(found):
        return tr("{expected_count} paragraphs or cells expected, {found_count} found: "
                  "expected {expected}, found {found}", expected_count=len(expected),
                  found_count=len(found), expected=repr(expected), found=repr(found))
    index = next(i for i, (a, b) in enumerate(zip(expected, found, strict=True)) if a != b)
    a, b = expected[index], found[index]
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False))
                  if x != y), min(len(a), len(b)))
    begin = max(0, start - AROUND)

    def around(text: str) -> str:
        return ("…" if begin else "") + text[begin:start + AROUND] + \
            ("…" if start + AROUND < len(text) else "")

    if len(expected) > 1:
        return tr("in text {index}, expected «{expected}», found «{found}»",
                  index=index + 1, expected=around(a), found=around(b))
    return tr("expected «{expected}», found «{found}»", expected=around(a), found=around(b))
