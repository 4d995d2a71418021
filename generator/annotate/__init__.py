"""Annotate stage: a consolidated `Version` → the words a reader sees around its text.

Reads: a `Version` and its language module.
Writes: an `Annotated` version — for each unit its notes, the exclusion text of each excluded
unit, the repeal note and lines, the pending-changes notice, and the marks on units whose shown
wording is a reconstruction. Each note is first its facts (`NoteFacts`: the units, the operation,
the acts with their identities and in-force rules), then the language's words for them;
writers print the words as given.
"""

from __future__ import annotations

from ..lang import language
from ..memory import collector_paused
from ..model import (
    ActMention,
    Annotated,
    Change,
    Event,
    Language,
    Note,
    NoteFacts,
    NoteOperation,
    PendingFacts,
    Project,
    Unit,
    UnitRef,
    Version,
    spec_of,
)

# The events whose note stands under the unit they are about.
UNIT_OPERATIONS: dict[str, NoteOperation] = {"replace": "replace", "amend": "amend"}


def first_changes(changes: list[Change]) -> list[Change]:
    """Each act's first change, ordered by in-force date, then signing date."""
    firsts: dict[str, Change] = {}
    for change in sorted(changes, key=lambda c: c.sort_key):
        firsts.setdefault(change.act.key, change)
    return list(firsts.values())


def mention(change: Change) -> ActMention:
    """The act of `change` as a note names it, with the change's in-force rule."""
    return ActMention.of(change.act, change.in_force, change.in_force_text)


def mentions_of(changes: list[Change]) -> tuple[ActMention, ...]:
    """One mention per act, ordered by in-force date, then signing date."""
    return tuple(mention(change) for change in first_changes(changes))


def note_facts(operation: NoteOperation, units: list[Unit], changes: list[Change],
               document_type: str, added: Unit | None = None) -> NoteFacts:
    """What a note about `units` (none: the document) says the acts of `changes` did."""
    return NoteFacts(operation, tuple(UnitRef.of(unit) for unit in units), mentions_of(changes),
                     document_type, UnitRef.of(added) if added is not None else None)


def pending_facts(changes: list[Change]) -> list[PendingFacts]:
    """The acts of the pending notice, each with the day its first change takes effect."""
    return [PendingFacts(mention(change), change.effective) for change in first_changes(changes)]


def annotate(version: Version, project: Project) -> Annotated:
    with collector_paused():
        return _annotate(version, project)


def _annotate(version: Version, project: Project) -> Annotated:
    lang = language(version.lang)
    document = version.document
    result = Annotated(
        version=version, lang=lang, title=document.title,
        adoption_line=lang.adoption_line(document),
    )
    for uid, events in version.events.items():
        unit = version.index.get(uid)
        if unit is not None and uid not in version.excluded:
            result.notes[uid] = _notes(lang, unit, events, version)
    for uid, event in version.excluded.items():
        unit = version.index[uid]
        facts = note_facts("exclude", [unit], [event.change], document.type)
        # A table row keeps its label in its own column; the exclusion text fills the rest.
        result.exclusions[uid] = Note(
            facts, lang.note_words(facts, with_label=not spec_of(unit).in_table))
    if version.repeal is not None:
        change = version.repeal.change
        result.status = lang.phrase("status_repealed")
        result.repeal_line = lang.repeal_line(change.act, document.type)
        facts = note_facts("repeal", [], [change], document.type)
        result.repeal_note = Note(facts, lang.note_words(facts))
    result.pending = [Note(facts, lang.pending_item(facts))
                      for facts in pending_facts(version.pending)]
    result.reconstructed = _reconstructed(version, project, lang.code)
    return result


def _notes(
    lang: Language, unit: Unit, events: list[Event], version: Version
) -> list[Note]:
    """One note per operation (and per inserted unit), in the order they first happened."""
    groups: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        key = (event.operation, event.inserted.uid if event.inserted else "")
        groups.setdefault(key, []).append(event)
    notes = []
    document_type = version.document.type
    for (operation, _), group in groups.items():
        changes = [e.change for e in group]
        inserted = group[0].inserted
        if operation == "insert" and inserted is not None:
            parent = _parent(version, inserted.uid)
            holders = [parent] if parent is not None else []
            facts = note_facts("insert", holders, changes, document_type, added=inserted)
        else:
            facts = note_facts(UNIT_OPERATIONS[operation], [unit], changes, document_type)
        notes.append(Note(facts, lang.note_words(facts)))
    return notes


def _parent(version: Version, uid: str) -> Unit | None:
    """A unit's id is its parent's id, `__` and its own part; top-level units have none."""
    return version.index.get(uid.rsplit("__", 1)[0]) if "__" in uid else None


def _reconstructed(version: Version, project: Project, code: str) -> dict[str, list[str]]:
    """Units whose wording shown here a reconstructed change (not yet applied) replaces later,
    with the reason in the version's language."""
    applied = {id(change) for change in version.applied}
    marks: dict[str, list[str]] = {}
    for change in project.changes:
        if change.provenance != "reconstructed" or id(change) in applied:
            continue
        if change.target in version.index:
            marks.setdefault(change.target, []).append((change.reason or {}).get(code, ""))
    return marks
