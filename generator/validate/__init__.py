"""Checks beyond loading: parity of the languages and their numbers, the document's lifecycle,
every version consolidating cleanly, table totals.

Reads: a loaded `Project`. Writes: `Diagnostics` (errors and warnings) — nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..consolidate import checked_projections, each_step
from ..i18n import N_, tr
from ..memory import collector_paused
from ..model import TITLE_TARGET, Change, Diagnostics, Project, Unit, Version
from ..model.charset import Charset
from .lifecycle import check_lifecycle
from .numbers import check_edit_numbers, check_unit_numbers
from .refs import CrossReferenceCheck, ReferenceCheck
from .steps import ChangeContents, Step, VersionCheck, every_unit
from .tables import TableCheck
from .text import check_characters
from .totals import TotalCheck


def validate(project: Project, charsets: list[Charset] | None = None,
             workspace: Mapping[str, Project] | None = None) -> Diagnostics:
    """Everything wrong with the project; `charsets` are what the outputs' fonts can set;
    `workspace` the documents of its workspace by id, which its references may name."""
    # The checks make hundreds of thousands of short-lived, acyclic objects (texts and their
    # places, versions): the collector would scan them again and again.
    with collector_paused():
        return _validated(project, charsets or [], workspace)


def _validated(project: Project, charsets: list[Charset],
               workspace: Mapping[str, Project] | None) -> Diagnostics:
    diagnostics = Diagnostics()
    diagnostics.extend(project.diagnostics)
    contents = ChangeContents()
    _check_document_parity(project, diagnostics)
    _check_change_parity(project, diagnostics, contents)
    check_lifecycle(project, diagnostics)
    check_characters(project, charsets, diagnostics, contents)
    versions, projections = checked_projections(project, dt.date.today())
    diagnostics.extend(versions)
    if not versions.errors:
        _check_each_version(project, diagnostics, workspace, projections)
    return diagnostics


def _check_each_version(project: Project, diagnostics: Diagnostics,
                        workspace: Mapping[str, Project] | None,
                        projections: Mapping[str, Version]) -> None:
    """References (within the document and to the others of its workspace), table shapes and
    totals in one pass over each language's versions, each version looked at where its own
    changes touched it, then the tables of the `projections`; each check's findings in
    turn."""
    found = [Diagnostics() for _ in range(4)]
    tables = TableCheck(project, found[2], projections)
    checks: list[VersionCheck] = [CrossReferenceCheck(project, found[0], workspace),
                                  ReferenceCheck(found[1]), tables, TotalCheck(found[3])]
    for lang in project.documents:
        for check in checks:
            check.start(lang)
        for version, touched in each_step(project, lang):
            step = Step(version, touched)
            for check in checks:
                check.step(step)
        for check in checks:
            check.finish(lang)
    tables.done()
    for each in found:
        diagnostics.extend(each)


def _shape(unit: Unit) -> dict[str, object]:
    """What two languages' units share, by the words a message names it with. Not a stamp's
    lines: each language lays its stamp out in its own lines (a published Kazakh stamp has one
    more than the Russian)."""
    return {
        N_("kind"): unit.kind,
        N_("label"): (unit.label or "").strip(),
        N_("number of cells"): len(unit.cells or []),
        N_("cells in each header line"): [len(line) for line in unit.header or []],
    }


def _differences(unit: Unit, other: Unit) -> str:
    """Each field that differs, with its value in both languages."""
    mine, theirs = _shape(unit), _shape(other)
    return "; ".join(tr("{field} {here!r} here, {there!r} there", field=tr(name),
                        here=mine[name], there=theirs[name])
                     for name in mine if mine[name] != theirs[name])


def _check_document_parity(project: Project, diagnostics: Diagnostics) -> None:
    langs = project.langs
    if set(project.documents) != set(langs):
        return
    first = project.documents[langs[0]]
    for code in langs[1:]:
        other = project.documents[code]
        for name in ("id", "type", "issuer", "number", "date"):
            if getattr(first, name) != getattr(other, name):
                diagnostics.error(
                    first.pos, tr("manifest: '{name}' differs from {path} ({value} / "
                                  "{other_value})",
                                  name=name, path=other.pos.path, value=getattr(first, name),
                                  other_value=getattr(other, name)),
                )
        compare_trees(first.units, other.units, diagnostics, code,
                      first.as_published | other.as_published)


def compare_trees(
    left: list[Unit], right: list[Unit], diagnostics: Diagnostics, right_lang: str,
    as_published: frozenset[str] = frozenset(),
) -> None:
    """Every unit of one language has a counterpart with the same id, kind and label; the
    numbers of those `as_published` may differ (information)."""
    left_units = {u.uid: u for u in every_unit(left)}
    right_units = {u.uid: u for u in every_unit(right)}
    for uid, unit in left_units.items():
        other = right_units.get(uid)
        if other is None:
            where = _where_parent(uid, right_units)
            diagnostics.error(unit.pos, tr("unit {uid}: no {right_lang} counterpart{where}",
                                           uid=uid, right_lang=right_lang, where=where))
        elif _shape(unit) != _shape(other):
            diagnostics.error(
                unit.pos,
                tr("unit {uid}: differs from its {right_lang} counterpart at {pos}: "
                   "{differences}",
                   uid=uid, right_lang=right_lang, pos=other.pos,
                   differences=_differences(unit, other)),
            )
        else:
            check_unit_numbers(unit, other, right_lang, diagnostics, uid in as_published)
    for uid, unit in right_units.items():
        if uid not in left_units:
            diagnostics.error(
                unit.pos,
                tr("unit {uid}: no counterpart in the other language{where}",
                   uid=uid, where=_where_parent(uid, left_units)),
            )
    _check_order(left, right, diagnostics, right_lang)
    for uid, unit in left_units.items():
        other = right_units.get(uid)
        if other is not None:
            _check_order(unit.children, other.children, diagnostics, right_lang)


def _check_order(
    left: list[Unit], right: list[Unit], diagnostics: Diagnostics, right_lang: str
) -> None:
    """Siblings present in both languages stand in the same order (missing ones are reported
    apart); the first unit out of place is named with its counterpart's place."""
    common = {unit.uid for unit in left} & {unit.uid for unit in right}
    left_order = [unit for unit in left if unit.uid in common]
    right_order = [unit for unit in right if unit.uid in common]
    for mine, theirs in zip(left_order, right_order, strict=True):
        if mine.uid != theirs.uid:
            diagnostics.error(
                mine.pos,
                tr("unit {uid}: in another order than in {right_lang}, where {theirs_uid} "
                   "stands in its place at {pos}",
                   uid=mine.uid, right_lang=right_lang, theirs_uid=theirs.uid, pos=theirs.pos),
            )
            return


def _where_parent(uid: str, other_units: dict[str, Unit]) -> str:
    """Where the missing unit's parent stands in the other language, so both files are named."""
    parent = other_units.get(uid.rsplit("__", 1)[0]) if "__" in uid else None
    return tr(" (its parent there is at {pos})", pos=parent.pos) if parent is not None else ""


def _check_change_parity(project: Project, diagnostics: Diagnostics,
                         contents: ChangeContents) -> None:
    as_published = frozenset().union(*(document.as_published
                                       for document in project.documents.values()))
    for change in project.changes:
        # A change to one language's text, or to a heading or the title (a text, not a unit),
        # has no counterpart to compare.
        if change.only or change.part is not None or change.target == TITLE_TARGET:
            continue
        check_edit_numbers(change, project.langs, diagnostics)
        if not change.content:
            continue
        built = {lang: contents.units(change, lang) for lang in project.langs}
        local = Diagnostics()
        first, *others = project.langs
        for code in others:
            compare_trees(built[first], built[code], local, code,
                          _as_built(change, built[first], as_published))
        for item in local.items:
            if item.severity == "error":
                diagnostics.error(item.pos, tr("{where}: content: {message}",
                                               where=change.where, message=item.message))
            else:
                diagnostics.info(item.pos, tr("{where}: content: {message}",
                                              where=change.where, message=item.message))


def _as_built(change: Change, units: list[Unit], as_published: frozenset[str]) -> frozenset[str]:
    """The ids a change's content is built with (under its target) of the units listed as
    published: a new wording stands in its target's place, so its units' ids are the
    target's and what follows."""
    if change.action != "replace" or len(units) != 1:
        return as_published
    built = units[0].uid
    return frozenset(built + uid[len(change.target):] for uid in as_published
                     if uid == change.target or uid.startswith(change.target + "__")
                     ) | as_published
