"""Consolidate stage: document + amendment records + date → the version in force on that date.

Reads: a `Project` (one language's `Document`, every `Change`) and a date.
Writes: a `Version` — the unit tree in force, the events each unit's notes are made of, the
excluded units, the repeal, the changes still pending, and for each unit the changes that touched
it (which the diff stage uses to name the acts responsible). Writers never redo any of this.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..i18n import tr
from ..memory import collector_paused
from ..model import Change, Diagnostics, Project, Version
from .timeline import (
    PROJECTED,
    pending_changes,
    pending_day,
    projected_project,
    projection_day,
    resolve_date,
    timeline,
    version_date,
)

if TYPE_CHECKING:
    from .apply import Applier

__all__ = [
    "PROJECTED", "checked_projections", "consolidate", "consolidate_quietly", "each_step",
    "each_version", "pending_changes", "pending_day", "projected_project", "projection",
    "projection_day", "resolve_date", "timeline", "version_date",
]


def consolidate(project: Project, lang: str, date: dt.date,
                pending_on: dt.date | None = None) -> Version:
    """The version of `lang` in force on `date`, listing the acts pending on `pending_on`
    (default: `date`); raises InputError on invalid changes."""
    diagnostics = Diagnostics()
    with collector_paused():
        version = _consolidate(project, lang, date, diagnostics)
    diagnostics.raise_if_errors()
    if pending_on is not None:
        version.pending = pending_changes(project, pending_on)
    return version


def projection(project: Project, lang: str, today: dt.date) -> Version:
    """The text of `lang` once every act of the project takes effect, an act whose in-force
    day is not known yet on the projection's day (`projection_day`)."""
    version = consolidate(projected_project(project, today), lang,
                          projection_day(project, today))
    version.projected = True
    return version


def consolidate_quietly(project: Project, lang: str, date: dt.date) -> Version | None:
    """The version of `lang` on `date`, or None when its changes are invalid (which
    `checked_projections` reports)."""
    diagnostics = Diagnostics()
    with collector_paused():
        version = _consolidate(project, lang, date, diagnostics)
    return None if diagnostics.errors else version


def _consolidate(
    project: Project, lang: str, date: dt.date, diagnostics: Diagnostics
) -> Version:
    document = project.documents[lang]
    # The version shares the adopted units; the applier copies only those a change touches.
    version = Version(lang, document, date, list(document.units), title=document.title)
    in_force = sorted(
        (c for c in project.changes if c.effective is not None and c.effective <= date),
        key=lambda c: c.sort_key,
    )
    version.pending = pending_changes(project, date)
    _check_conflicts(in_force, diagnostics)
    applier = _applier(version, diagnostics, project)
    for change in in_force:
        applier.apply(change)
        version.applied.append(change)
    return version


def _applier(version: Version, diagnostics: Diagnostics, project: Project) -> Applier:
    # The applier and the unit builder load with the first version made: a command that only
    # lists the versions (`versions`) needs neither.
    from ..input import UnitBuilder
    from .apply import Applier

    return Applier(version, UnitBuilder(diagnostics), diagnostics, project)


def _check_conflicts(changes: list[Change], diagnostics: Diagnostics) -> None:
    """Two acts changing one unit on the same date conflict unless both only amend it.

    `changes` are in force, each with its in-force date."""
    by_key: dict[tuple[str, dt.date], list[Change]] = defaultdict(list)
    for change in changes:
        if change.effective is None:
            raise ValueError(tr("{where}: not in force on any known date", where=change.where))
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
                        tr("{where}: conflicts with act No {number} ({path}), which also "
                           "changes {target} on {date}",
                           where=other.where, number=first.act.number, path=first.act.path,
                           target=target, date=date),
                    )


def each_version(project: Project, lang: str) -> Iterator[Version]:
    """Every version of `lang` in date order, in one pass: one `Version` brought forward from
    date to date (read each before asking for the next). Its pending list is not kept. Stops
    at the first invalid change, which `checked_projections` reports."""
    for version, _ in each_step(project, lang):
        yield version


def each_step(project: Project, lang: str) -> Iterator[tuple[Version, set[str] | None]]:
    """`each_version`, each with the ids of the units its own changes touched (None for the
    first version: all of it is new). A unit not touched is as in the version before, and so
    is its subtree, but for the units touched inside it."""
    diagnostics = Diagnostics()
    document = project.documents[lang]
    dates = [date for date, _ in timeline(project)]
    version = Version(lang, document, dates[0], list(document.units), title=document.title)
    changes = sorted((c for c in project.changes if c.effective is not None),
                     key=lambda c: c.sort_key)
    applier = _applier(version, diagnostics, project)
    applied = 0
    for index, date in enumerate(dates):
        # Changes sort by their in-force date first: those of this date come next.
        while applied < len(changes) and (changes[applied].effective or date) <= date:
            applier.apply(changes[applied])
            version.applied.append(changes[applied])
            applied += 1
        if diagnostics.errors:
            return
        version.date = date
        touched = applier.step_done()
        yield version, touched if index else None


def checked_projections(project: Project,
                        today: dt.date) -> tuple[Diagnostics, dict[str, Version]]:
    """Consolidate every version in both languages, collecting every problem once: the
    projection made on `today`, which applies every change the latest version does and those
    whose in-force day is not known yet. Also that projection in each language (its text is
    valid where the problems hold no error)."""
    diagnostics = Diagnostics()
    seen: set[str] = set()
    projected, last = projected_project(project, today), projection_day(project, today)
    projections = {}
    for lang in project.documents:
        local = Diagnostics()
        with collector_paused():
            projections[lang] = _consolidate(projected, lang, last, local)
        for item in local.items:
            key = str(item)
            if key not in seen:
                seen.add(key)
                diagnostics.items.append(item)
    return diagnostics, projections
