"""Annotate stage: a consolidated `Version` → the words a reader sees around its text.

Reads: a `Version` and its language module.
Writes: an `Annotated` version — for each unit its notes, the text in the place of each excluded
unit or unit that lost force, the notes under the title (its own changes, words replaced
throughout the text), the repeal note and lines, the pending-changes notice, and the marks on
units whose shown wording is a reconstruction. Each note is first its facts (`NoteFacts`: the
units, then each operation in turn with the acts that did it, each act with its identity,
in-force rule and named forms), then the language's words for them; writers print the words as
given.

The publisher keeps one note per unit and appends every later act to it: the events of a unit
are its note's steps, in the order they took effect (in-force date, then signing date); the
consecutive acts that did one operation to the unit's text in the same languages and made as
many changes (one, or several) share a step.
"""

from __future__ import annotations

from ..lang import language
from ..memory import collector_paused
from ..model import (
    TITLE,
    TITLE_TARGET,
    ActMention,
    Annotated,
    Change,
    Event,
    Language,
    Note,
    NoteCount,
    NoteFacts,
    NoteOperation,
    NoteStep,
    PendingFacts,
    Project,
    StepDetails,
    Unit,
    UnitRef,
    Version,
    spec_of,
)

# The operation a note tells for each operation of the consolidation.
OPERATIONS: dict[str, NoteOperation] = {"replace": "replace", "amend": "amend",
                                        "insert": "insert", "delete": "exclude",
                                        "lose_force": "lose_force"}


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


def steps_of(events: list[Event]) -> tuple[NoteStep, ...]:
    """The steps a unit's events make: the events of each act in turn, the consecutive acts
    that did one operation to the text of the same languages, with as many changes, as one
    step."""
    runs: list[tuple[NoteOperation, tuple[str, ...], NoteCount, list[Event]]] = []
    for event in events:
        operation = OPERATIONS[event.operation]
        last = runs[-1] if runs else None
        if (last is not None and last[0] == operation and last[1] == event.change.only
                and last[3][-1].change.act is event.change.act):
            last[3].append(event)
            runs[-1] = (operation, last[1], "several", last[3])
        else:
            count: NoteCount = event.change.note_count
            runs.append((operation, event.change.only, count, [event]))
    steps: list[NoteStep] = []
    for operation, only, count, run in runs:
        step = NoteStep(operation, mentions_of([e.change for e in run]),
                        UnitRef.of(run[0].inserted) if run[0].inserted is not None else None,
                        StepDetails(count=count, only=only))
        previous = steps[-1] if steps else None
        if (previous is not None and previous.operation == operation and operation != "insert"
                and previous.details == step.details):
            steps[-1] = NoteStep(operation, previous.acts + step.acts, previous.added,
                                 previous.details)
        else:
            steps.append(step)
    return tuple(steps)


def annotate(version: Version, project: Project) -> Annotated:
    with collector_paused():
        return _annotate(version, project)


def _annotate(version: Version, project: Project) -> Annotated:
    lang = language(version.lang)
    document = version.document
    result = Annotated(
        version=version, lang=lang, title=version.title,
        adoption_line=lang.adoption_line(document),
    )
    for uid, events in version.events.items():
        unit = version.index.get(uid)
        if unit is not None and uid not in version.excluded:
            result.notes[uid] = _notes(lang, unit, events, version)
    result.head_notes = _head_notes(lang, version, project)
    for uid, event in version.excluded.items():
        result.exclusions[uid] = _exclusion(lang, version.index[uid], event, document.type)
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


def _exclusion(lang: Language, unit: Unit, event: Event, document_type: str) -> Note:
    """The text in an excluded unit's place; the units a change excluded together share one,
    in the place of the first, and the others show none."""
    together = event.together or (unit,)
    facts = NoteFacts(OPERATIONS[event.operation], tuple(UnitRef.of(u) for u in together),
                      mentions_of([event.change]), document_type)
    if together[0].uid != unit.uid:
        return Note(facts, ())
    # A table row keeps its label in its own column; the exclusion text fills the rest.
    return Note(facts, lang.note_words(facts, with_label=not spec_of(unit).in_table))


def _notes(
    lang: Language, unit: Unit, events: list[Event], version: Version
) -> list[Note]:
    """One note for the unit, and one for its heading where a change was to the heading
    alone, each telling its events in turn."""
    document_type = version.document.type
    notes = []
    for part in (None, "heading"):
        chosen = [event for event in events if event.change.part == part]
        if not chosen:
            continue
        first = chosen[0]
        if part == "heading":
            units: tuple[UnitRef, ...] = (UnitRef(TITLE, owner=UnitRef.of(unit)),)
        elif first.operation == "insert" and first.inserted is not None:
            parent = _parent(version, first.inserted.uid)
            units = (UnitRef.of(parent),) if parent is not None else ()
        else:
            units = (UnitRef.of(unit),)
        facts = NoteFacts.of_steps(units, steps_of(chosen), document_type)
        notes.append(Note(facts, lang.note_words(facts)))
    return notes


def _head_notes(lang: Language, version: Version, project: Project) -> list[Note]:
    """The notes under the title, in the order of their first acts: one for the title's own
    changes, one per change of words throughout the text (with the words of every language)."""
    document_type = version.document.type
    notes = []
    title = [event for event in version.head_events if event.change.target == TITLE_TARGET]
    for event in version.head_events:
        if event.change.target != TITLE_TARGET:
            edits = event.change.edits
            words = {code: tuple((edit.find[code], edit.replace[code]) for edit in edits)
                     for code in project.langs if code in edits[0].find}
            facts = NoteFacts("replace_words", (), mentions_of([event.change]), document_type,
                              details=StepDetails(words=words))
        elif event is title[0]:
            facts = NoteFacts.of_steps((UnitRef(TITLE),), steps_of(title), document_type)
        else:
            continue
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
