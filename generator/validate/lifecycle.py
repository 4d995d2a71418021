"""The life of the document: what no real act can do to it.

Reads: a loaded `Project` (the adoption date, every act and change). Writes: `Diagnostics` —
errors for an act signed before the adoption, a second repeal, a change taking effect on or after
the repeal; information for acts whose in-force date is not known yet (no publication date).
"""

from __future__ import annotations

from ..i18n import tr
from ..model import Change, Diagnostics, Project


def check_lifecycle(project: Project, diagnostics: Diagnostics) -> None:
    _check_signed_after_adoption(project, diagnostics)
    repeal = _check_repeals(project, diagnostics)
    if repeal is not None:
        _check_after_repeal(project, repeal, diagnostics)
    _report_unknown_in_force(project, diagnostics)


def _check_signed_after_adoption(project: Project, diagnostics: Diagnostics) -> None:
    adopted = project.adoption_date
    for act in project.acts:
        if act.date < adopted:
            diagnostics.error(
                act.pos("date"),
                tr("act No {number} is signed on {date}, before the document {doc_id} was "
                   "adopted on {adopted}",
                   number=act.number, date=act.date, doc_id=project.doc_id, adopted=adopted),
            )


def _check_repeals(project: Project, diagnostics: Diagnostics) -> Change | None:
    """The document is repealed once; the first repeal (by in-force date) stands."""
    repeals = sorted((c for c in project.changes if c.action == "repeal"),
                     key=lambda c: c.sort_key)
    if not repeals:
        return None
    first = repeals[0]
    for other in repeals[1:]:
        diagnostics.error(
            other.pos,
            tr("{where}: a second repeal; the document is already repealed by act No {number} "
               "of {date} ({path}), in force {day}",
               where=other.where, number=first.act.number, date=first.act.date,
               path=first.act.path, day=_day(first)),
        )
    return first


def _check_after_repeal(project: Project, repeal: Change, diagnostics: Diagnostics) -> None:
    """No change takes effect on a repealed document. On the repeal's own day, changes apply in
    signing order, so one signed before the repealing act still applies; one whose in-force day
    is not known yet is too late when it is signed on or after the repeal's day."""
    ends = repeal.effective
    if ends is None:
        return
    for change in project.changes:
        if change.action == "repeal":
            continue
        if change.effective is not None:
            late = change.sort_key > repeal.sort_key
            when = tr("on {date}", date=change.effective)
        else:
            late = change.act.date >= ends
            when = tr("after its signing on {date}", date=change.act.date)
        if late:
            diagnostics.error(
                change.pos,
                tr("{where}: takes effect {when}, on or after the repeal of the document on "
                   "{ends} by act No {number} of {date} ({path})",
                   where=change.where, when=when, ends=ends, number=repeal.act.number,
                   date=repeal.act.date, path=repeal.act.path),
            )


def _report_unknown_in_force(project: Project, diagnostics: Diagnostics) -> None:
    reported: set[str] = set()
    for change in project.changes:
        act = change.act
        if change.effective is None and act.key not in reported:
            reported.add(act.key)
            diagnostics.info(
                act.pos("in_force"),
                tr("act No {number} of {date}: pending from its signing; its in-force date is "
                   "not known yet (the rule needs its publication date: add 'published')",
                   number=act.number, date=act.date),
            )


def _day(change: Change) -> str:
    return f"on {change.effective}" if change.effective else "on a day not known yet"
