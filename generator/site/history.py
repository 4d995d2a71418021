"""What the site says about the document's life: its status, the timeline, each act's changes.

Reads: a `Project`, its consolidated versions and a day ("today"), through the consolidate
stage; never consolidates by itself. Writes: plain data for the site's templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..consolidate import pending_changes, timeline
from ..model import Act, ActMention, Document, Language, Project, Unit, Version
from ..model.diff import ADDED, EXCLUDED, REPEALED, REWORDED
from ..model.inline import plain

# What a record's action did to a unit, as the change kinds of a diff name it.
ACTION_KINDS = {"replace": REWORDED, "amend": REWORDED, "insert": ADDED, "delete": EXCLUDED,
                "lose_force": REPEALED, "repeal": REPEALED}
EXCERPT_WORDS = 12


@dataclass(frozen=True, slots=True)
class Status:
    """in_force, repealed or not_yet, as of `today`."""

    kind: str
    since: dt.date | None = None


def status(project: Project, latest: Version, today: dt.date) -> Status:
    """The badge: in force since the day the document took effect (its adoption day unless its
    manifest gives `in_force`), not yet, or repealed since the repeal took effect."""
    since = latest.document.in_force_since
    if since > today:
        return Status("not_yet", since)
    repeal = latest.repeal
    if repeal is not None and repeal.change.effective is not None \
            and repeal.change.effective <= today:
        return Status("repealed", repeal.change.effective)
    return Status("in_force", since)


@dataclass(frozen=True, slots=True)
class Step:
    """One version of the timeline: its date, the acts behind it, the one before it."""

    date: dt.date
    acts: list[Act]
    previous: dt.date | None
    state: str  # past | current | final | future, as of today


def steps(project: Project, today: dt.date) -> list[Step]:
    """The timeline; the version of today is `current`, or `final` when the document is
    repealed by today (its last text is not in force)."""
    dates = timeline(project)
    in_force = [date for date, _ in dates if date <= today]
    current = in_force[-1] if in_force else None
    last = "final" if _repealed_by(project, today) else "current"
    result = []
    for index, (date, acts) in enumerate(dates):
        state = last if date == current else "future" if date > today else "past"
        result.append(Step(date, acts, dates[index - 1][0] if index else None, state))
    return result


def _repealed_by(project: Project, today: dt.date) -> bool:
    return any(change.action == "repeal" and change.effective is not None
               and change.effective <= today for change in project.changes)


def pending_acts(project: Project, today: dt.date) -> list[tuple[Act, dt.date | None]]:
    """Acts signed by today with changes not yet in force, with the day they take effect."""
    found: dict[str, tuple[Act, dt.date | None]] = {}
    for change in pending_changes(project, today):
        found.setdefault(change.act.key, (change.act, change.effective))
    return list(found.values())


@dataclass(frozen=True, slots=True)
class ChangedUnit:
    """A unit an act changed, in the version where the change took effect, or the document
    itself, which the act repealed."""

    subject: Unit | Document
    kind: str  # a change kind of the diff: reworded, added, excluded, repealed
    date: dt.date

    @property
    def uid(self) -> str:
        return self.subject.uid if isinstance(self.subject, Unit) else self.subject.id

    @property
    def excerpt(self) -> str:
        text = unit_text(self.subject) if isinstance(self.subject, Unit) else plain(
            self.subject.title)
        words = text.split()
        return " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")


def changed_units(project: Project, act: Act,
                  versions: dict[dt.date, Version]) -> list[ChangedUnit]:
    """Each unit the act's changes touched, in the version of the day each took effect (a
    change not yet in force has no such version and is left out)."""
    result: list[ChangedUnit] = []
    seen: set[tuple[str, dt.date]] = set()
    for change in project.changes:
        if change.act is not act or change.effective not in versions:
            continue
        date = change.effective
        version = versions[date]
        for uid, changes in version.touched.items():
            if (uid, date) in seen or not any(item is change for item in changes):
                continue
            seen.add((uid, date))
            unit = version.index.get(uid)
            if unit is not None:
                result.append(ChangedUnit(unit, ACTION_KINDS[change.action], date))
            elif change.action == "repeal":
                result.append(_repealed(version, date))
    # In document order, as the redline lists them, day by day.
    order = {date: {unit.uid: index for index, unit in enumerate(versions[date].walk())}
             for date in {item.date for item in result}}
    return sorted(result, key=lambda item: (item.date, order[item.date].get(item.uid, -1)))


def _repealed(version: Version, date: dt.date) -> ChangedUnit:
    return ChangedUnit(version.document, REPEALED, date)


def unit_text(unit: Unit) -> str:
    """A unit's own words as plain text: label, heading, text and cells."""
    parts = [unit.label or "", plain(unit.heading), plain(unit.text)]
    parts += [plain(str(cell)) for cell in unit.cells or [] if isinstance(cell, str)]
    return " ".join(part for part in parts if part).strip()


def rule_text(lang: Language, act: Act) -> str:
    """The act's in-force rule as its notes print it, without the brackets; "" on signing."""
    bracket = lang.in_force_bracket(ActMention.of(act, act.in_force, act.in_force_text))
    return bracket.strip().removeprefix("(").removesuffix(")")
