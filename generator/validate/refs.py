"""References inside the text (`[shown](ref:UNIT_ID)`) lead to a unit of the same version, and
those to another document of the workspace (`[shown](ref:DOC_ID#UNIT_ID)`) to a unit of that
document's version in force the same day.

Reads: a loaded `Project`, consolidated at every version in every language in one pass, and the
other documents of its workspace (consolidated on the days of its versions). Writes: an error
for every reference to a unit id that does not exist in a version where the reference is shown,
and for every reference to a document the workspace does not hold or to a unit that document
does not have that day (not adopted yet, or not in force). References to other acts
(`ref:issuer/type/date/number`) are not this document's to check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..consolidate import consolidate
from ..i18n import tr
from ..model import Diagnostics, Project, Unit, Version
from ..model.inline import Span, spans
from .steps import Step, is_under


class ReferenceCheck:
    """Going forward through a language's versions: the references of the units a version's
    changes touched, and those leading into what they touched (a target replaced by a wording
    without it); each broken reference told once, in the first version it is broken in."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        self.seen: set[tuple[str, str]] = set()
        # unit id → the unit ids its texts refer to, for every unit of the version with any
        self.references: dict[str, list[str]] = {}

    def start(self, lang: str) -> None:
        self.references = {}

    def step(self, step: Step) -> None:
        version, touched = step.version, step.touched
        references = self.references
        if touched is not None:
            for source in [uid for uid in references if is_under(uid, touched)]:
                del references[source]
        rescanned = set()
        for unit in step.units:
            rescanned.add(unit.uid)
            targets = _internal_targets(unit)
            if targets:
                references[unit.uid] = targets
        for source, targets in references.items():
            again = touched is None or source in rescanned
            for target in targets:
                if (target in version.index or (source, target) in self.seen
                        or not (again or is_under(target, touched or set()))):
                    continue
                self.seen.add((source, target))
                self.diagnostics.error(version.index[source].pos,
                                       tr("unit {uid}: the reference to '{target}' leads to no "
                                          "unit of the version of {date}",
                                          uid=source, target=target, date=version.date))

    def finish(self, lang: str) -> None:
        """Nothing more to check once a language's versions are through."""


class CrossReferenceCheck:
    """Going forward through a language's versions: every reference to another document of the
    workspace, at every version (the other document may change on any day), each broken one told
    once. A document of a workspace checked alone (by a command on it) leaves them to its
    workspace's check; a folder of one document has no other document to refer to."""

    def __init__(self, project: Project, diagnostics: Diagnostics,
                 workspace: Mapping[str, Project] | None) -> None:
        self.diagnostics = diagnostics
        self.active = workspace is not None or project.workspace_doc is None
        self.others = OtherVersions(workspace or {})
        self.seen: set[tuple[str, str]] = set()
        self.lang = ""
        # unit id → the (document, unit id) pairs its texts refer to
        self.references: dict[str, list[tuple[str, str]]] = {}

    def start(self, lang: str) -> None:
        self.lang, self.references = lang, {}

    def step(self, step: Step) -> None:
        if not self.active:
            return
        version, touched = step.version, step.touched
        if touched is not None:
            for source in [uid for uid in self.references if is_under(uid, touched)]:
                del self.references[source]
        for unit in step.units:
            targets = _cross_targets(unit)
            if targets:
                self.references[unit.uid] = targets
        for source, targets in self.references.items():
            for doc, uid in targets:
                self._check(version, source, doc, uid)

    def _check(self, version: Version, source: str, doc: str, uid: str) -> None:
        target = f"{doc}#{uid}"
        if (source, target) in self.seen:
            return
        problem = self.others.problem(doc, uid, self.lang, version.date)
        if problem is not None:
            self.seen.add((source, target))
            self.diagnostics.error(version.index[source].pos,
                                   tr("unit {uid}: the reference to '{target}' {problem}",
                                      uid=source, target=target, problem=problem))

    def finish(self, lang: str) -> None:
        """Nothing more to check once a language's versions are through."""


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
