"""Consolidate stage: document + amendment records + date → the version in force on that date.

Reads: a `Project` (one language's `Document`, every `Change`) and a date.
Writes: a `Version` — the unit tree in force, the events each unit's notes are made of, the
excluded units, the repeal, the changes still pending, and for each unit the changes that touched
it (which the diff stage uses to name the acts responsible). Writers never redo any of this.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from .diagnostics import Diagnostics, InputError
from .loader import Act, Change, Project, UnitBuilder
from .memory import collector_paused
from .model import Document, Unit

Timeline = list[tuple[dt.date, list[Act]]]


@dataclass(frozen=True, slots=True)
class Event:
    """One thing an act did that a note must tell.

    `operation` is replace, amend, insert, delete or repeal; `unit` is the unit the note is about
    (the host, when a change gives `note_on`); `inserted` is the new unit of an insert.
    """

    operation: str
    change: Change
    unit: Unit
    inserted: Unit | None = None

    @property
    def act(self) -> Act:
        return self.change.act


@dataclass(slots=True)
class Version:
    lang: str
    document: Document
    date: dt.date
    units: list[Unit]
    events: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    excluded: dict[str, Event] = field(default_factory=dict)
    repeal: Event | None = None
    pending: list[Change] = field(default_factory=list)
    applied: list[Change] = field(default_factory=list)
    touched: dict[str, list[Change]] = field(default_factory=lambda: defaultdict(list))
    index: dict[str, Unit] = field(default_factory=dict)

    def walk(self):
        for unit in self.units:
            yield from unit.walk()


def timeline(project: Project) -> Timeline:
    """The adoption date and every distinct in-force date, each with the acts taking effect."""
    by_date: dict[dt.date, list[Act]] = {project.adoption_date: []}
    for change in sorted(project.changes, key=lambda c: c.sort_key):
        if change.effective is None:
            continue
        acts = by_date.setdefault(change.effective, [])
        if change.act not in acts:
            acts.append(change.act)
    return sorted(by_date.items())


def resolve_date(project: Project, value: str) -> dt.date:
    """`YYYY-MM-DD`, `latest` or `original` → a date; ValueError with a message otherwise."""
    dates = [date for date, _ in timeline(project)]
    if value == "latest":
        return dates[-1]
    if value == "original":
        return dates[0]
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date (YYYY-MM-DD, latest or original)") from None
    if date < dates[0]:
        raise ValueError(f"{date} is before the document was adopted ({dates[0]})")
    return date


def version_date(project: Project, date: dt.date) -> dt.date:
    """The timeline date whose version is in force on `date`."""
    return max(d for d, _ in timeline(project) if d <= date)


def consolidate(project: Project, lang: str, date: dt.date) -> Version:
    """The version of `lang` in force on `date`; raises InputError on invalid changes."""
    diagnostics = Diagnostics()
    with collector_paused():
        version = _consolidate(project, lang, date, diagnostics)
    diagnostics.raise_if_errors()
    return version


def _consolidate(
    project: Project, lang: str, date: dt.date, diagnostics: Diagnostics
) -> Version:
    document = project.documents[lang]
    # The version shares the adopted units; the applier copies only those a change touches.
    version = Version(lang, document, date, list(document.units))
    in_force = sorted(
        (c for c in project.changes if c.effective is not None and c.effective <= date),
        key=lambda c: c.sort_key,
    )
    version.pending = sorted(
        (
            c for c in project.changes
            if c.act.date <= date and (c.effective is None or c.effective > date)
        ),
        key=lambda c: c.sort_key,
    )
    _check_conflicts(in_force, diagnostics)
    applier = _Applier(version, UnitBuilder(diagnostics), diagnostics, project)
    for change in in_force:
        applier.apply(change)
        version.applied.append(change)
    return version


def _check_conflicts(changes: list[Change], diagnostics: Diagnostics) -> None:
    """Two acts changing one unit on the same date conflict unless both only amend it."""
    by_key: dict[tuple[str, dt.date], list[Change]] = defaultdict(list)
    for change in changes:
        if change.action != "insert":
            by_key[(change.target, change.effective)].append(change)
    for (target, date), group in by_key.items():
        acts = {c.act.key for c in group}
        if len(acts) > 1 and any(c.action != "amend" for c in group):
            first = group[0]
            for other in group[1:]:
                if other.act.key != first.act.key:
                    diagnostics.error(
                        other.pos,
                        f"{other.where}: conflicts with act No {first.act.number} "
                        f"({first.act.path}), which also changes {target} on {date}",
                    )


class _Applier:
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
        for unit in version.units:
            self._remember(unit, None)

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
                f"{change.where}: {role} {uid} does not exist on {change.effective}",
            )
            return None
        excluded = self._excluded_ancestor(uid)
        if excluded is not None:
            inside = "" if excluded == uid else f" (inside excluded {excluded})"
            self.diagnostics.error(
                change.pos,
                f"{change.where}: {role} {uid} is excluded on {change.effective}{inside}",
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
            return
        getattr(self, f"_{change.action}")(change)

    def _host(self, change: Change, fallback: Unit) -> tuple[Unit, bool]:
        """The unit a change's note goes to, and whether it is a `note_on` host."""
        if change.note_on is None:
            return fallback, False
        host = self._target(change, change.note_on, "note_on")
        return (host, True) if host is not None else (fallback, False)

    def _record(self, operation: str, change: Change, unit: Unit, inserted=None) -> None:
        host, elsewhere = self._host(change, unit)
        if elsewhere:
            operation = "amend"
        if operation != "delete" or elsewhere:
            event = Event(operation, change, host, inserted if not elsewhere else None)
            self.version.events[host.uid].append(event)

    def _replace(self, change: Change) -> None:
        target = self._target(change, change.target)
        if target is None:
            return
        parent = self.parents[target.uid]
        new_units = self._build(change, parent, [])
        if len(new_units) != 1:
            if new_units:
                self.diagnostics.error(change.pos, f"{change.where}: replace takes one unit")
            return
        new = _with_uid(new_units[0], target.uid)
        if parent is not None:
            parent = self._own(parent)
        siblings = parent.children if parent is not None else self.version.units
        siblings[self._position(parent, target)] = new
        self._forget(target)
        self._adopt(new, parent)
        self.version.touched[target.uid].append(change)
        self._record("replace", change, new)

    def _amend(self, change: Change) -> None:
        target = self._target(change, change.target)
        if target is None:
            return
        target = self._own(target)
        lang = self.version.lang
        for number, edit in enumerate(change.edits, 1):
            find, replace = getattr(edit.find, lang), getattr(edit.replace, lang)
            count = _count_in_unit(target, find)
            if count == 0:
                self.diagnostics.error(
                    change.pos,
                    f"{change.where}: edit {number}: '{find}' ({lang}) not found in {target.uid}",
                )
            elif count > 1 and not edit.all:
                self.diagnostics.error(
                    change.pos,
                    f"{change.where}: edit {number}: '{find}' ({lang}) occurs {count} times in "
                    f"{target.uid}; make it unique or set 'all: true'",
                )
            else:
                _replace_in_unit(target, find, replace)
        self.version.touched[target.uid].append(change)
        self._record("amend", change, target)

    def _insert(self, change: Change) -> None:
        parent = self._container(change)
        if parent is False:
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
                    change.pos, f"{change.where}: {anchor_id} is not a child of {change.target}"
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
            self.version.touched[new.uid].append(change)
            self._record("insert", change, new, inserted=new)

    def _container(self, change: Change) -> Unit | None | bool:
        if change.target == self.version.document.id:
            return None
        target = self._target(change, change.target)
        return False if target is None else target

    def _check_label_clash(self, change: Change, new: Unit, siblings: list[Unit]) -> None:
        if new.label is None:
            return
        for sibling in siblings:
            if sibling.kind == new.kind and sibling.label == new.label:
                self.diagnostics.error(
                    change.pos,
                    f"{change.where}: inserted {new.uid} has the label '{new.label}' of "
                    f"{sibling.uid}",
                )

    def _delete(self, change: Change) -> None:
        target = self._target(change, change.target)
        if target is None:
            return
        event = Event("delete", change, target)
        self.version.excluded[target.uid] = event
        self.version.touched[target.uid].append(change)
        self._record("delete", change, target)

    def _repeal(self, change: Change) -> None:
        if change.target != self.version.document.id:
            self.diagnostics.error(
                change.pos,
                f"{change.where}: a repeal targets the document id "
                f"'{self.version.document.id}'",
            )
            return
        self.version.repeal = Event("repeal", change, self.version.units[0])
        self.version.touched[change.target].append(change)

    def _build(self, change: Change, parent: Unit | None, siblings: list[Unit]) -> list[Unit]:
        raw = change.content.get(self.version.lang)
        raws = raw if isinstance(raw, list) else [raw]
        parent_uid = parent.uid if parent is not None else ""
        before = len(self.diagnostics.errors)
        units = self.builder.build_children(raws, parent_uid, change.pos, existing=siblings)
        if len(self.diagnostics.errors) > before:
            # Point the drafter at the change as well as at the unit inside it.
            self.diagnostics.error(change.pos, f"{change.where}: its content is invalid")
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


def _texts(unit: Unit) -> list[str]:
    """Every piece of a unit's own text that an edit may change (not its children's)."""
    texts = [getattr(unit, name) for name in TEXT_FIELDS if getattr(unit, name)]
    texts.extend(unit.stamp or [])
    texts.extend(cell for cell in unit.cells or [] if isinstance(cell, str))
    return texts


def _count_in_unit(unit: Unit, find: str) -> int:
    return sum(text.count(find) for text in _texts(unit))


def _replace_in_unit(unit: Unit, find: str, replace: str) -> None:
    """New lists, never edits in place: the adopted document's lists stay untouched."""
    for name in TEXT_FIELDS:
        if getattr(unit, name):
            setattr(unit, name, getattr(unit, name).replace(find, replace))
    if unit.stamp:
        unit.stamp = [line.replace(find, replace) for line in unit.stamp]
    if unit.cells:
        unit.cells = [
            cell.replace(find, replace) if isinstance(cell, str) else cell for cell in unit.cells
        ]


def check_all_versions(project: Project) -> Diagnostics:
    """Consolidate every version in both languages, collecting every problem once."""
    diagnostics = Diagnostics()
    seen: set[str] = set()
    last = timeline(project)[-1][0]
    for lang in project.documents:
        local = Diagnostics()
        with collector_paused():
            _consolidate(project, lang, last, local)
        for item in local.items:
            key = str(item)
            if key not in seen:
                seen.add(key)
                diagnostics.items.append(item)
    return diagnostics


__all__ = [
    "Event", "Version", "timeline", "consolidate", "resolve_date", "version_date",
    "check_all_versions", "InputError",
]
