"""What both importers share: the act as the command line or the act's text gives it, the version
edits were made on, the act's drafted title, and the changes of each language merged into the
record's changes, with a to-do for a language not given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from ..consolidate import consolidate
from ..i18n import tr
from ..input import UnitIn, given, validate_model
from ..lang import codes, drafting
from ..load.registry import builtin_issuers
from ..load.schema import ActIn, ChangeIn
from ..model import (
    Act,
    ActDefaults,
    ActType,
    Diagnostics,
    EditIn,
    InForceRule,
    LangText,
    LangUnits,
    LangWords,
    Project,
    SourcePos,
    Version,
    effective_date,
)
from ..model.drafting import ActScope
from .edits import Edit
from .writer import written

_IDENTIFIER = re.compile(r"@(\d{4}-\d{2}-\d{2})(?:__\d{4}-\d{2}-\d{2})?$")


@dataclass(frozen=True, slots=True)
class ActOptions:
    """What the command line says of the act; an act's text may give its number, date, issuer
    and rule instead."""

    type: ActType = "resolution"
    issuer: str | None = None  # None: the one the act's enacting formula names
    number: str | None = None
    date: dt.date | None = None
    published: dt.date | None = None
    in_force: InForceRule | None = None


@dataclass(slots=True)
class LangChange:
    """One change found in one language, with the paragraph of the Word document or the line
    of the act that shows it."""

    action: str
    target: str
    number: int
    after: str | None = None
    before: str | None = None
    content: UnitIn | list[UnitIn] | None = None
    edits: list[Edit] = field(default_factory=list)
    in_force: InForceRule | None = None
    group_line: bool | None = None


def probe_act(act_type: str, issuer: str, number: str = "", date: dt.date = dt.date.min,
              published: dt.date | None = None, in_force: InForceRule = "on_signing") -> Act:
    """An act known only by what the command line or an act text says of it, named as the
    built-in registry of issuers names its issuer (a family of issuers, such as "ministry",
    which only the enacting formula needs, has no names)."""
    registry = builtin_issuers()
    names = registry.names(issuer, act_type) if issuer in registry else {}
    return Act(type=act_type, issuer=issuer, number=number, date=date, published=published,
               in_force=in_force, title={}, path="", order=0, issuer_names=names)


def act_in(act: Act, titles: Mapping[str, str], diagnostics: Diagnostics, pos: SourcePos,
           defaults: ActDefaults | None = None) -> ActIn | None:
    """The record's act: what is known of it, its title in the languages given and the
    project's default signatory; a value the record cannot hold (an empty number, a date out of
    range) is an error at `pos`."""
    signatory = {code: asdict(value) for code, value in defaults.signatory.items()} \
        if defaults is not None and defaults.signatory else None
    return validate_model(ActIn, {name: value for name, value in {
        "type": act.type, "issuer": act.issuer, "number": act.number, "date": act.date,
        "published": act.published, "in_force": act.in_force,
        "title": given(LangText, titles, codes()), "signatory": signatory}.items()
        if value is not None}, diagnostics, pos, "act")


def first_day(act: Act) -> dt.date:
    return effective_date(act, act.in_force) or act.date


def amended_version(project: Project, act: Act, lang: str, identifier: str = "") -> Version:
    """The version the edits were made on: the date in a document's identifier, or the day
    before the act takes effect; the act's own record (if there is one) left out. An
    identifier naming an impossible day is a `ValueError` saying so."""
    match = _IDENTIFIER.search(identifier)
    if match:
        try:
            date = dt.date.fromisoformat(match.group(1))
        except ValueError as exc:
            raise ValueError(tr("the document's identifier '{identifier}' names no day ({exc})",
                                identifier=identifier, exc=exc)) from None
    else:
        first = first_day(act)
        date = first - dt.timedelta(days=1) if first > project.adoption_date else first
    date = max(date, project.adoption_date)
    others = [change for change in project.changes if change.act.key != act.key]
    return consolidate(dataclasses.replace(project, changes=others), lang, date)


def drafted_titles(project: Project, changes: list[ChangeIn]) -> dict[str, str]:
    """The act's title as the drafting grammar writes it for these changes: one instruction
    each, as a first draft counts them."""
    scope = ActScope.of([change.action for change in changes])
    return {code: drafting(code).act_title(project.documents[code], scope)
            for code in project.langs}


def merge_languages(found: dict[str, list[LangChange]]) -> tuple[list[ChangeIn], list[str]]:
    """The changes of every language as one list; a language that lacks a change leaves a
    to-do for it. Changes pair by action, target and place."""
    present = [code for code in codes() if code in found]
    first = present[0]
    pools = {code: list(found[code]) for code in present[1:]}
    merged: list[dict[str, LangChange]] = []
    for item in found[first]:
        parts = {first: item}
        for code, pool in pools.items():
            match = next((other for other in pool if _key(other) == _key(item)), None)
            if match is not None:
                pool.remove(match)
                parts[code] = match
        merged.append(parts)
    for code, pool in pools.items():
        merged += [{code: item} for item in pool]
    changes = [_combined(parts) for parts in merged]
    todo = [item for number, parts in enumerate(merged, 1) for item in _todo(number, parts)]
    return changes, todo


def _key(item: LangChange) -> tuple[str, str, str | None, str | None]:
    return item.action, item.target, item.after, item.before


def _combined(parts: dict[str, LangChange]) -> ChangeIn:
    item = next(iter(parts.values()))
    content = None
    if item.action in ("replace", "insert"):
        content = given(LangUnits, {code: part.content for code, part in parts.items()}, codes())
    edits = _paired_edits(parts) if item.action == "amend" else None
    return written(ChangeIn, target=item.target, action=item.action, after=item.after,
                   before=item.before, in_force=item.in_force, edits=edits, content=content,
                   group_line=item.group_line)


def _paired_edits(parts: dict[str, LangChange]) -> list[EditIn]:
    """Edits paired in order; where the languages count a different number of edits, the
    surplus of one language stands alone and is left to do in the other."""
    count = max(len(part.edits) for part in parts.values())
    edits = []
    for index in range(count):
        pairs = {code: part.edits[index] for code, part in parts.items()
                 if index < len(part.edits)}
        finds = {code: find for code, (find, _) in pairs.items()}
        replaces = {code: new for code, (_, new) in pairs.items()}
        edits.append(EditIn(find=given(LangWords, finds, codes()),
                            replace=given(LangWords, replaces, codes())))
    return edits


def _todo(number: int, parts: dict[str, LangChange]) -> list[str]:
    """What a drafter still has to write of change `number`: the wording of a language that
    lacks the change, or lacks one of its edits. A deletion or repeal says the same in every
    language: nothing to write."""
    item = next(iter(parts.values()))
    if item.action not in ("replace", "insert", "amend"):
        return []
    missing = [code for code in codes() if code not in parts]
    count = max(len(part.edits) for part in parts.values())
    for index in range(count):
        missing += [tr("{lang} (edit {number})", lang=code, number=index + 1) for code in codes()
                    if code in parts and index >= len(parts[code].edits)]
    return [tr("change {number} ({action} {target}): write its {lang} wording",
               number=number, action=item.action, target=item.target, lang=code)
            for code in missing]
