"""Applying changes to the adopted text: replace, amend, insert, delete, lose force, repeal.

Reads: a `Version` under construction (the adopted units), one `Change` at a time.
Writes: into that version — the units in force (copying only those a change touches, so that
the adopted document is never modified), the title in force, the events behind each note,
exclusions and units that lost force, the repeal, and for each unit the changes that touched
it. A change to some languages' text only (`only`) leaves the others' text as it is and still
gives them its note; a change may replace or amend a unit's heading alone (`part`), the
document's title (`target: title`) or words throughout the text (`amend` of the document id).
Every problem is a diagnostic at the change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import tr
from ..model import TITLE_TARGET, Change, Diagnostics, EditIn, Event, Project, Unit, Version

if TYPE_CHECKING:
    from ..input import UnitBuilder


class Applier:
    def __init__(
        self, version: Version, builder: UnitBuilder, diagnostics: Diagnostics, project: Project
    ):
        self.version = version
        self.builder = builder
        self.diagnostics = diagnostics
        self.project = project
        self.parents: dict[str, Unit | None] = {}
        # ids of the unit objects this version owns: copies made on the way to a change and
        # units built from amendment records; every other unit is the adopted one, read-only.
        self.owned: set[int] = set()
        # parent id ("" for the top level) → child id → its index in the owned children list
        self.positions: dict[str, dict[str, int]] = {}
        # ids of the units the changes applied since `step_done` touched: what a check that
        # goes forward from version to version looks at again.
        self.touched_since: set[str] = set()
        for unit in version.units:
            self._remember(unit, None)

    def step_done(self) -> set[str]:
        """The ids of the units touched since the last call (the last version's changes)."""
        touched, self.touched_since = self.touched_since, set()
        return touched

    def _touch(self, uid: str, change: Change) -> None:
        self.version.touched[uid].append(change)
        self.touched_since.add(uid)

    def _own(self, unit: Unit) -> Unit:
        """The version's own copy of `unit`, made (with copies of its ancestors) before a change
        alters it, so that the adopted document is never modified."""
        if id(unit) in self.owned:
            return unit
        parent = self.parents[unit.uid]
        owner = self._own(parent) if parent is not None else None
        siblings = owner.children if owner is not None else self.version.units
        copy = unit.copy()
        siblings[self._position(owner, unit)] = copy
        self.owned.add(id(copy))
        self.version.index[copy.uid] = copy
        self.parents[copy.uid] = owner
        for child in copy.children:
            self.parents[child.uid] = copy
        return copy

    def _position(self, owner: Unit | None, unit: Unit) -> int:
        """Where `unit` stands among the owned children of `owner` (a table kept per parent, as
        the top level of a programme can hold thousands of units)."""
        key = owner.uid if owner is not None else ""
        table = self.positions.get(key)
        if table is None:
            siblings = owner.children if owner is not None else self.version.units
            table = self.positions[key] = {sibling.uid: i for i, sibling in enumerate(siblings)}
        return table[unit.uid]

    def _target(self, change: Change, uid: str, role: str = "target") -> Unit | None:
        unit = self.version.index.get(uid)
        if unit is None:
            self.diagnostics.error(
                change.pos,
                tr("{where}: {role} {uid} does not exist on {effective}",
                   where=change.where, role=role, uid=uid, effective=change.effective),
            )
            return None
        excluded = self._excluded_ancestor(uid)
        if excluded is not None:
            inside = "" if excluded == uid else tr(" (inside excluded {unit})", unit=excluded)
            self.diagnostics.error(
                change.pos,
                tr("{where}: {role} {uid} is excluded on {effective}{inside}",
                   where=change.where, role=role, uid=uid, effective=change.effective,
                   inside=inside),
            )
            return None
        return unit

    def _excluded_ancestor(self, uid: str) -> str | None:
        """The id of the unit itself or of the nearest enclosing unit that is excluded, if any.

        A unit's id is its parent's id, `__` and its own part, so the enclosing units' ids are
        the prefixes of its own (looked up in the small `excluded`, not in the whole index)."""
        while True:
            if uid in self.version.excluded:
                return uid
            cut = uid.rfind("__")
            if cut < 0:
                return None
            uid = uid[:cut]

    def apply(self, change: Change) -> None:
        if change.action == "repeal":
            self._repeal(change)
        elif change.target == TITLE_TARGET:
            self._title(change)
        elif change.target == self.version.document.id and change.action == "amend":
            self._throughout(change)
        else:
            getattr(self, f"_{change.action}")(change)

    def _alters(self, change: Change) -> bool:
        """Whether the change alters this version's language's text (`only` may leave it)."""
        return not change.only or self.version.lang in change.only

    def _host(self, change: Change, fallback: Unit) -> tuple[Unit, bool]:
        """The unit a change's note goes to, and whether it is another unit than `fallback`.

        `note_on` names it; otherwise a unit with neither label nor heading (a passport row,
        a plain paragraph) is noted on its nearest enclosing unit that has one, as the
        official texts do ("section 1 was changed")."""
        if change.note_on is None:
            named = self._named_ancestor(fallback)
            return (named, True) if named is not None else (fallback, False)
        host = self._target(change, change.note_on, "note_on")
        return (host, True) if host is not None else (fallback, False)

    def _named_ancestor(self, unit: Unit) -> Unit | None:
        """The nearest enclosing unit with a label or heading, when `unit` has neither."""
        if unit.label or unit.heading:
            return None
        parent = self.parents.get(unit.uid)
        while parent is not None and not (parent.label or parent.heading):
            parent = self.parents.get(parent.uid)
        return parent

    def _record(
        self, operation: str, change: Change, unit: Unit, inserted: Unit | None = None
    ) -> None:
        if operation in ("delete", "lose_force") and change.note_on is None:
            return  # the text in the unit's place names the acts
        host, elsewhere = self._host(change, unit)
        if elsewhere:
            operation = "amend"
        if operation not in ("delete", "lose_force") or elsewhere:
            event = Event(operation, change, host, inserted if not elsewhere else None)
            self.version.events[host.uid].append(event)

    def _replace(self, change: Change) -> None:
        target = self._target(change, change.target)
        if target is None:
            return
        if change.part == "heading" or not self._alters(change):
            self._replace_heading(change, target)
            return
        parent = self.parents[target.uid]
        new_units = self._build(change, parent, [])
        if len(new_units) != 1:
            if new_units:
                self.diagnostics.error(change.pos, tr("{where}: replace takes one unit",
                                                      where=change.where))
            return
        new = _with_uid(new_units[0], target.uid)
        if parent is not None:
            parent = self._own(parent)
        siblings = parent.children if parent is not None else self.version.units
        siblings[self._position(parent, target)] = new
        self._forget(target)
        self._adopt(new, parent)
        self._touch(target.uid, change)
        self._record("replace", change, new)

    def _replace_heading(self, change: Change, target: Unit) -> None:
        """A new heading of the target (`part: heading`), or a replace that leaves this
        language's text as it is (`only`): the note alone."""
        if self._alters(change):
            heading = change.content.get(self.version.lang)
            if not isinstance(heading, str) or not heading.strip():
                self.diagnostics.error(change.pos, tr("{where}: a new heading is a text",
                                                      where=change.where))
                return
            target = self._own(target)
            target.heading = heading
        self._touch(target.uid, change)
        self._record("replace", change, target)

    def _amend(self, change: Change) -> None:
        target = self._target(change, change.target)
        if target is None:
            return
        if self._alters(change):
            target = self._own(target)
            fields = ("heading",) if change.part == "heading" else TEXT_FIELDS
            for number, edit in enumerate(change.edits, 1):
                self._edit(change, number, edit, target, fields)
        self._touch(target.uid, change)
        self._record("amend", change, target)

    def _edit(self, change: Change, number: int, edit: EditIn, target: Unit,
              fields: tuple[str, ...]) -> None:
        lang = self.version.lang
        find, replace = edit.find[lang], edit.replace[lang]
        if not find:
            if not target.text or fields != TEXT_FIELDS:
                self.diagnostics.error(change.pos, tr("{where}: edit {number}: {uid} has no "
                                                      "text to append words to",
                                                      where=change.where, number=number,
                                                      uid=target.uid))
            else:
                target.text = appended(target.text, replace)
            return
        count = count_in_unit(target, find, fields)
        if count == 0:
            self.diagnostics.error(
                change.pos,
                tr("{where}: edit {number}: '{find}' ({lang}) not found in {uid}",
                   where=change.where, number=number, find=find, lang=lang, uid=target.uid),
            )
        elif count > 1 and not edit.all:
            self.diagnostics.error(
                change.pos,
                tr("{where}: edit {number}: '{find}' ({lang}) occurs {count} times in {uid}; "
                   "make it unique or set 'all: true'",
                   where=change.where, number=number, find=find, lang=lang, count=count,
                   uid=target.uid),
            )
        else:
            replace_in_unit(target, find, replace, fields)

    def _title(self, change: Change) -> None:
        """A new wording of the document's title, or words replaced in it."""
        lang = self.version.lang
        if change.action not in ("replace", "amend"):
            self.diagnostics.error(change.pos, tr("{where}: the title is replaced or amended, "
                                                  "never deleted or added to",
                                                  where=change.where))
            return
        if self._alters(change) and change.action == "replace":
            title = change.content.get(lang)
            if not isinstance(title, str) or not title.strip():
                self.diagnostics.error(change.pos, tr("{where}: a new title is a text",
                                                      where=change.where))
                return
            self.version.title = title
        elif self._alters(change):
            for number, edit in enumerate(change.edits, 1):
                find, replace = edit.find[lang], edit.replace[lang]
                if self.version.title.count(find) != 1 and not (
                        edit.all and find in self.version.title):
                    self.diagnostics.error(change.pos, tr("{where}: edit {number}: '{find}' "
                                                          "({lang}) is not once in the title",
                                                          where=change.where, number=number,
                                                          find=find, lang=lang))
                    continue
                self.version.title = self.version.title.replace(find, replace)
        self.version.head_events.append(Event(change.action, change, None))

    def _throughout(self, change: Change) -> None:
        """Words replaced throughout the text: in the title and in every unit that holds them;
        the note stands under the title."""
        lang = self.version.lang
        for number, edit in enumerate(change.edits, 1):
            find, replace = edit.find[lang], edit.replace[lang]
            if not find:
                self.diagnostics.error(change.pos, tr("{where}: edit {number}: words throughout "
                                                      "the text replace words it finds",
                                                      where=change.where, number=number))
                continue
            holders = [unit for unit in self.version.walk()
                       if unit.uid not in self.version.excluded and count_in_unit(unit, find)]
            if not holders and find not in self.version.title:
                self.diagnostics.error(change.pos, tr("{where}: edit {number}: '{find}' "
                                                      "({lang}) is nowhere in the text",
                                                      where=change.where, number=number,
                                                      find=find, lang=lang))
                continue
            self.version.title = self.version.title.replace(find, replace)
            for unit in holders:
                owned = self._own(self.version.index[unit.uid])
                replace_in_unit(owned, find, replace)
                self._touch(owned.uid, change)
        self.version.head_events.append(Event("amend", change, None))

    def _insert(self, change: Change) -> None:
        found, parent = self._container(change)
        if not found:
            return
        if parent is not None:
            parent = self._own(parent)
        siblings = parent.children if parent is not None else self.version.units
        anchor_id = change.after or change.before
        position = len(siblings)
        if anchor_id is not None:
            parent_uid = parent.uid if parent is not None else ""
            if "__" not in anchor_id and parent_uid and not anchor_id.startswith(parent_uid):
                anchor_id = f"{parent_uid}__{anchor_id}"
            anchor = self._target(change, anchor_id, "sibling")
            if anchor is None:
                return
            if self.parents.get(anchor.uid) is not parent:
                self.diagnostics.error(
                    change.pos, tr("{where}: {anchor_id} is not a child of {target}",
                                   where=change.where, anchor_id=anchor_id, target=change.target)
                )
                return
            position = self._position(parent, anchor) + (1 if change.after else 0)
        new_units = self._build(change, parent, siblings)
        # The positions after the new units move on.
        self.positions.pop(parent.uid if parent is not None else "", None)
        for offset, new in enumerate(new_units):
            self._check_label_clash(change, new, siblings)
            siblings.insert(position + offset, new)
            self._adopt(new, parent)
            self._touch(new.uid, change)
            self._record("insert", change, new, inserted=new)

    def _container(self, change: Change) -> tuple[bool, Unit | None]:
        """Whether an insert's target was found, and the unit it names (None: the document)."""
        if change.target == self.version.document.id:
            return True, None
        target = self._target(change, change.target)
        return target is not None, target

    def _check_label_clash(self, change: Change, new: Unit, siblings: list[Unit]) -> None:
        if new.label is None:
            return
        for sibling in siblings:
            if sibling.kind == new.kind and sibling.label == new.label:
                self.diagnostics.error(
                    change.pos,
                    tr("{where}: inserted {uid} has the label '{label}' of {sibling_uid}",
                       where=change.where, uid=new.uid, label=new.label, sibling_uid=sibling.uid),
                )

    def _delete(self, change: Change) -> None:
        self._exclude("delete", change)

    def _lose_force(self, change: Change) -> None:
        self._exclude("lose_force", change)

    def _exclude(self, operation: str, change: Change) -> None:
        """The target, and the units of `also`, excluded or lost force: each stays as its label
        and the text in its place; one note names them all."""
        found = [self._target(change, uid) for uid in (change.target, *change.also)]
        units = tuple(unit for unit in found if unit is not None)
        if len(units) < len(found):
            return
        for unit in units:
            self.version.excluded[unit.uid] = Event(operation, change, unit,
                                                    together=units if change.also else ())
            self._touch(unit.uid, change)
        self._record(operation, change, units[0])

    def _repeal(self, change: Change) -> None:
        if change.target != self.version.document.id:
            self.diagnostics.error(
                change.pos,
                tr("{where}: a repeal targets the document id '{id}'",
                   where=change.where, id=self.version.document.id),
            )
            return
        self.version.repeal = Event("repeal", change, self.version.units[0])
        self._touch(change.target, change)

    def _build(self, change: Change, parent: Unit | None, siblings: list[Unit]) -> list[Unit]:
        raw = change.content.get(self.version.lang)
        raws = raw if isinstance(raw, list) else [raw]
        parent_uid = parent.uid if parent is not None else ""
        before = len(self.diagnostics.errors)
        units = self.builder.build_children(raws, parent_uid, change.pos, existing=siblings)
        if len(self.diagnostics.errors) > before:
            # Point the drafter at the change as well as at the unit inside it.
            self.diagnostics.error(change.pos, tr("{where}: its content is invalid",
                                                  where=change.where))
        return units

    def _forget(self, unit: Unit) -> None:
        """Drop a replaced unit from the indexes; its own notes stay, its old children's go,
        and so do their exclusions: the new wording brings its own children."""
        for node in unit.walk():
            self.version.index.pop(node.uid, None)
            self.parents.pop(node.uid, None)
            self.positions.pop(node.uid, None)
            if node is not unit:
                self.version.events.pop(node.uid, None)
                self.version.excluded.pop(node.uid, None)

    def _adopt(self, unit: Unit, parent: Unit | None) -> None:
        """Index a unit built from an amendment record; the version owns all of it."""
        self._remember(unit, parent)
        self.owned.update(id(node) for node in unit.walk())

    def _remember(self, unit: Unit, parent: Unit | None) -> None:
        """Index a unit and its subtree by id, with each one's parent (one pass)."""
        self.version.index[unit.uid] = unit
        self.parents[unit.uid] = parent
        for child in unit.children:
            self._remember(child, unit)


def _with_uid(unit: Unit, uid: str) -> Unit:
    """The replacement keeps the replaced unit's id; its children follow."""
    old = unit.uid
    for node in unit.walk():
        node.uid = uid + node.uid[len(old):]
    return unit


TEXT_FIELDS = ("heading", "text", "position", "name")


def own_texts(unit: Unit, fields: tuple[str, ...] = TEXT_FIELDS) -> list[str]:
    """Every piece of a unit's own text that an edit may change (not its children's); with
    `fields`, those fields alone."""
    texts = [getattr(unit, name) for name in fields if getattr(unit, name)]
    if fields == TEXT_FIELDS:
        texts.extend(unit.stamp or [])
        texts.extend(cell for cell in unit.cells or [] if isinstance(cell, str))
    return texts


FINAL_MARKS = ".;:,"


def appended(text: str, words: str) -> str:
    """Words added at the end of a text: after a space, unless they open with a mark or a
    space of their own; a mark that ends them takes the place of the text's own."""
    if words[-1] in FINAL_MARKS and text[-1] in FINAL_MARKS:
        text = text[:-1]
    return text + words if words[0] in FINAL_MARKS or words[0].isspace() else f"{text} {words}"


def count_in_unit(unit: Unit, find: str, fields: tuple[str, ...] = TEXT_FIELDS) -> int:
    return sum(text.count(find) for text in own_texts(unit, fields))


def replace_in_unit(unit: Unit, find: str, replace: str,
                    fields: tuple[str, ...] = TEXT_FIELDS) -> None:
    """New lists, never edits in place: the adopted document's lists stay untouched."""
    for name in fields:
        if getattr(unit, name):
            setattr(unit, name, getattr(unit, name).replace(find, replace))
    if fields != TEXT_FIELDS:
        return
    if unit.stamp:
        unit.stamp = [line.replace(find, replace) for line in unit.stamp]
    if unit.cells:
        unit.cells = [
            cell.replace(find, replace) if isinstance(cell, str) else cell for cell in unit.cells
        ]
