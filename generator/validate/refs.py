"""References inside the text (`[shown](ref:UNIT_ID)`) lead to a unit of the same version, and
those to another document of the workspace (`[shown](ref:DOC_ID#UNIT_ID)`) to a unit of that
document's version in force the same day.

Reads: a loaded `Project`, consolidated at every version in every language, and the other
documents of its workspace (consolidated on the days of its versions). Writes: an error for
every reference to a unit id that does not exist in a version where the reference is shown, and
for every reference to a document the workspace does not hold or to a unit that document does
not have that day (not adopted yet, or not in force). References to other acts
(`ref:issuer/type/date/number`) are not this document's to check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..consolidate import consolidate, each_version
from ..i18n import tr
from ..model import Diagnostics, Project, Unit
from ..model.inline import Span, spans


def check_references(project: Project, diagnostics: Diagnostics,
                     workspace: Mapping[str, Project] | None = None) -> None:
    """`workspace`: the documents of the project's workspace by id (none: a folder of one)."""
    seen: set[tuple[str, str]] = set()
    # A workspace's document checked alone (by a command on it): its workspace checks those.
    across = workspace is not None or project.workspace_doc is None
    others = OtherVersions(workspace or {})
    for lang in project.documents:
        for version in each_version(project, lang):
            date = version.date
            units = list(version.walk())
            uids = {unit.uid for unit in units}
            for unit in units:
                for doc, uid in _cross_targets(unit) if across else []:
                    target = f"{doc}#{uid}"
                    if (unit.uid, target) in seen:
                        continue
                    problem = others.problem(doc, uid, lang, date)
                    if problem is not None:
                        seen.add((unit.uid, target))
                        diagnostics.error(unit.pos, tr("unit {uid}: the reference to '{target}' "
                                                       "{problem}", uid=unit.uid, target=target,
                                                       problem=problem))
                for target in _internal_targets(unit):
                    if target not in uids and (unit.uid, target) not in seen:
                        seen.add((unit.uid, target))
                        diagnostics.error(unit.pos, tr("unit {uid}: the reference to '{target}' "
                                                       "leads to no unit of the version of "
                                                       "{date}",
                                                       uid=unit.uid, target=target, date=date))


def _references(unit: Unit) -> list[Span]:
    texts = [unit.text, unit.heading, *(cell for cell in unit.cells or [] if isinstance(cell, str))]
    return [span for text in texts if text and "ref:" in text for span in spans(text)]


def _internal_targets(unit: Unit) -> list[str]:
    return [span.target for span in _references(unit)
            if span.is_internal and span.target is not None]


def _cross_targets(unit: Unit) -> list[tuple[str, str]]:
    return [found for span in _references(unit) if (found := span.cross_document) is not None]


class OtherVersions:
    """The unit ids of the workspace's other documents on a day, each consolidated once."""

    def __init__(self, workspace: Mapping[str, Project]) -> None:
        self.workspace = workspace
        self.units: dict[tuple[str, str, dt.date], set[str]] = {}

    def problem(self, doc: str, uid: str, lang: str, date: dt.date) -> str | None:
        """What is wrong with a reference to unit `uid` of `doc` on `date`; None: nothing."""
        other = self.workspace.get(doc)
        if other is None:
            return tr("names no document of the workspace")
        if date < other.adoption_date:
            return tr("leads to document {doc}, not adopted yet on {date}", doc=doc, date=date)
        key = (doc, lang, date)
        if key not in self.units:
            self.units[key] = {unit.uid for unit in consolidate(other, lang, date).walk()}
        if uid not in self.units[key]:
            return tr("leads to no unit of document {doc} in force on {date}", doc=doc,
                      date=date)
        return None
