"""Annotate stage: a consolidated `Version` → the words a reader sees around its text.

Reads: a `Version` and its language module.
Writes: an `Annotated` version — for each unit its notes ("Ескерту. …" / "Сноска. …"), the
exclusion text of each excluded unit, the repeal note and lines, the pending-changes notice, and
the marks on units whose shown wording is a reconstruction. Writers print these strings as given.
"""

from __future__ import annotations

import datetime as dt

from ..lang import language
from ..memory import collector_paused
from ..model import (
    ActMention,
    Annotated,
    Change,
    Event,
    Language,
    Project,
    Unit,
    Version,
    spec_of,
)


def mentions_of(changes: list[Change]) -> list[ActMention]:
    """One mention per act, ordered by in-force date, then signing date."""
    return [mention for mention, _ in dated_mentions(changes)]


def dated_mentions(changes: list[Change]) -> list[tuple[ActMention, dt.date | None]]:
    """Each act once, with the day its first change takes effect (None: not known yet)."""
    firsts: dict[str, Change] = {}
    for change in sorted(changes, key=lambda c: c.sort_key):
        firsts.setdefault(change.act.key, change)
    return [(ActMention(c.act, c.in_force, c.in_force_text), c.effective)
            for c in firsts.values()]


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
        # A table row keeps its label in its own column; the exclusion text fills the rest.
        result.exclusions[uid] = lang.exclusion(
            unit, mentions_of([event.change]), with_label=not spec_of(unit).in_table
        )
    if version.repeal is not None:
        change = version.repeal.change
        result.status = lang.phrase("status_repealed")
        result.repeal_line = lang.repeal_line(change.act, document.type)
        result.repeal_note = lang.repeal_note(mentions_of([change]), document.type)
    result.pending = [
        lang.pending_item(mention, in_force)
        for mention, in_force in dated_mentions(version.pending)
    ]
    result.reconstructed = _reconstructed(version, project, lang.code)
    return result


def _notes(
    lang: Language, unit: Unit, events: list[Event], version: Version
) -> list[str]:
    """One note per operation (and per inserted unit), in the order they first happened."""
    groups: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        key = (event.operation, event.inserted.uid if event.inserted else "")
        groups.setdefault(key, []).append(event)
    notes = []
    for (operation, _), group in groups.items():
        mentions = mentions_of([e.change for e in group])
        inserted = group[0].inserted
        parent = _parent(version, inserted.uid) if inserted is not None else None
        notes.append(lang.note(operation, unit, mentions, inserted=inserted, parent=parent))
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
