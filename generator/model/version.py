"""A consolidated version: the text in force on a date and the history behind it.

Reads and writes nothing. The consolidate stage makes a `Version`; annotate reads its events,
exclusions, repeal and pending changes; the diff stage reads which changes touched each unit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from .acts import Act, Change
from .document import Document, Unit

# Each version date with the acts whose changes take effect on it.
Timeline = list[tuple[dt.date, list[Act]]]


@dataclass(frozen=True, slots=True)
class Event:
    """One thing an act did that a note must tell.

    `operation` is replace, amend, insert, delete, lose_force or repeal; `unit` is the unit the
    note is about (the host, when a change gives `note_on`; None: the document's title, or its
    whole text); `inserted` is the new unit of an insert; `together` are the units one note
    names with this one (a change's `also`).
    """

    operation: str
    change: Change
    unit: Unit | None
    inserted: Unit | None = None
    together: tuple[Unit, ...] = ()

    @property
    def act(self) -> Act:
        return self.change.act


def _events() -> defaultdict[str, list[Event]]:
    return defaultdict(list)


def _changes() -> defaultdict[str, list[Change]]:
    return defaultdict(list)


@dataclass(slots=True)
class Version:
    lang: str
    document: Document
    date: dt.date
    units: list[Unit]
    events: dict[str, list[Event]] = field(default_factory=_events)
    excluded: dict[str, Event] = field(default_factory=dict)
    repeal: Event | None = None
    pending: list[Change] = field(default_factory=list)
    applied: list[Change] = field(default_factory=list)
    touched: dict[str, list[Change]] = field(default_factory=_changes)
    index: dict[str, Unit] = field(default_factory=dict)
    # The text once every pending act takes effect (`consolidate.projection`): no version in
    # force on any day, and said so wherever it is shown.
    projected: bool = False
    # The title in force, and the events whose notes stand under it: changes to the title and
    # to words throughout the text.
    title: str = ""
    head_events: list[Event] = field(default_factory=list)

    def walk(self) -> Iterator[Unit]:
        for unit in self.units:
            yield from unit.walk()
