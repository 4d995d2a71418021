"""The timeline of a project: its version dates, and which version is in force on a day.

Reads: a `Project` (the adoption date and each change's in-force date). Writes: dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..i18n import tr
from ..model import Act, Change, Project, Timeline

# What `--as-of` and `diff --to` call the text once every pending act takes effect.
PROJECTED = "projected"


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


def resolve_date(project: Project, value: str, today: dt.date | None = None) -> dt.date:
    """`YYYY-MM-DD`, `latest`, `original` or `today` → a date; ValueError with a message
    otherwise."""
    dates = [date for date, _ in timeline(project)]
    if value == "latest":
        return dates[-1]
    if value == "original":
        return dates[0]
    try:
        date = today or dt.date.today() if value == "today" else dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(tr("'{value}' is not a date (YYYY-MM-DD, latest, original, today or "
                            "{projected} where a command takes it)",
                            value=value, projected=PROJECTED)) from None
    if date < dates[0]:
        raise ValueError(tr("{date} is before the document was adopted ({adopted})",
                            date=date, adopted=dates[0]))
    return date


def pending_day(project: Project, date: dt.date, today: dt.date) -> dt.date:
    """The day whose pending acts a version lists: its own, and for the latest version the
    acts signed by `today` as well (an act not yet published has no version of its own)."""
    return max(date, today) if date == timeline(project)[-1][0] else date


def projection_day(project: Project, today: dt.date) -> dt.date:
    """The day a projection is dated: the latest version's, today or the last act's signing,
    whichever is last."""
    return max(timeline(project)[-1][0], today, *(change.act.date for change in project.changes))


def projected_project(project: Project, today: dt.date) -> Project:
    """The project with every act in force: an act whose in-force day is not known yet takes
    effect on the projection's day."""
    day = projection_day(project, today)
    changes = [change if change.effective is not None else
               dataclasses.replace(change, effective=day, projected=True)
               for change in project.changes]
    return dataclasses.replace(project, changes=changes)


def version_date(project: Project, date: dt.date) -> dt.date:
    """The timeline date whose version is in force on `date`."""
    return max(d for d, _ in timeline(project) if d <= date)


def pending_changes(project: Project, date: dt.date) -> list[Change]:
    """Changes signed on or before `date` that are not in force on it (their in-force date is
    later or not known yet), in the order they take effect."""
    return sorted(
        (
            c for c in project.changes
            if c.act.date <= date and (c.effective is None or c.effective > date)
        ),
        key=lambda c: c.sort_key,
    )
