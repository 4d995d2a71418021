"""The timeline of a project: its version dates, and which version is in force on a day.

Reads: a `Project` (the adoption date and each change's in-force date). Writes: dates.
"""

from __future__ import annotations

import datetime as dt

from ..i18n import tr
from ..model import Act, Change, Project, Timeline


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
        raise ValueError(tr("'{value}' is not a date (YYYY-MM-DD, latest or original)",
                            value=value)) from None
    if date < dates[0]:
        raise ValueError(tr("{date} is before the document was adopted ({adopted})",
                            date=date, adopted=dates[0]))
    return date


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
