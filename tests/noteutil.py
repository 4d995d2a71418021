"""Notes from their parts, as the tests of the grammar write them: a language's words for the
facts of a note about units and acts, as plain text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from generator.model import ActMention, Language, Note, NoteFacts, NoteOperation, Unit, UnitRef
from generator.model.notes import plain_text


def note(lang: Language, operation: NoteOperation, unit: Unit, mentions: Sequence[ActMention],
         inserted: Unit | None = None, parent: Unit | None = None,
         document_type: str = "resolution") -> str:
    """The note under `unit`; for an insert, `inserted` was added to `parent` (None: the
    document)."""
    if operation == "insert":
        assert inserted is not None
        units = (UnitRef.of(parent),) if parent is not None else ()
        facts = NoteFacts("insert", units, tuple(mentions), document_type, UnitRef.of(inserted))
    else:
        facts = NoteFacts(operation, (UnitRef.of(unit),), tuple(mentions), document_type)
    return plain_text(lang.note(facts))


def exclusion(lang: Language, unit: Unit, mentions: Sequence[ActMention],
              with_label: bool = True) -> str:
    facts = NoteFacts("exclude", (UnitRef.of(unit),), tuple(mentions), "resolution")
    return plain_text(lang.exclusion(facts, with_label))


def repeal_note(lang: Language, mentions: Sequence[ActMention], document_type: str) -> str:
    facts = NoteFacts("repeal", (), tuple(mentions), document_type)
    return plain_text(lang.repeal_note(facts))


def texts(notes: Mapping[str, Iterable[Note]]) -> dict[str, list[str]]:
    """Each unit's notes as their text."""
    return {uid: [item.text for item in items] for uid, items in notes.items()}
