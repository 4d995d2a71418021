"""What both importers share: the version edits were made on, the act's drafted title, and the
changes of each language merged into one list with a to-do for a language not given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from ..consolidate import consolidate
from ..lang import drafting
from ..load.registry import builtin_issuers
from ..model import (
    LANGS,
    Act,
    ActId,
    InForceAfterDays,
    InForceDate,
    Project,
    Version,
    effective_date,
)
from ..model.drafting import ActKind
from .writer import ActMeta

_IDENTIFIER = re.compile(r"@(\d{4}-\d{2}-\d{2})(?:__\d{4}-\d{2}-\d{2})?$")


def in_force_rule(value: Any) -> Any:
    """The record's value of an in-force rule as the model's rule."""
    if isinstance(value, dict) and "date" in value:
        return InForceDate(date=value["date"])
    if isinstance(value, dict):
        return InForceAfterDays(after_publication_days=value["after_publication_days"])
    return value


def probe_act(act_type: str, issuer: str, number: str = "", date: dt.date = dt.date.min,
              published: dt.date | None = None, in_force: Any = "on_signing") -> Act:
    """An act known only by what a record or an act text says of it, named as the built-in
    registry of issuers names its issuer (a family of issuers, such as "ministry", which only
    the enacting formula needs, has no names)."""
    registry = builtin_issuers()
    names = registry.names(issuer, act_type) if issuer in registry else {}
    return Act(type=act_type, issuer=issuer, number=number, date=date,
               published=published, in_force=in_force, title={}, path="", order=0,
               issuer_names=names)


def first_day(meta: ActMeta) -> dt.date:
    act = probe_act(meta.type, meta.issuer, meta.number, meta.date, meta.published,
                    in_force_rule(meta.in_force))
    return effective_date(act, act.in_force) or meta.date


def amended_version(project: Project, meta: ActMeta, lang: str,
                    identifier: str = "") -> Version:
    """The version the edits were made on: the date in a document's identifier, or the day
    before the act takes effect; the act's own record (if there is one) left out."""
    match = _IDENTIFIER.search(identifier)
    date = dt.date.fromisoformat(match.group(1)) if match else \
        first_day(meta) - dt.timedelta(days=1)
    date = max(date, project.adoption_date)
    key = ActId(meta.issuer, meta.type, meta.date, meta.number).key
    others = [change for change in project.changes if change.act.key != key]
    return consolidate(dataclasses.replace(project, changes=others), lang, date)


def drafted_titles(project: Project, changes: list[dict[str, Any]]) -> dict[str, str]:
    """The act's title as the drafting grammar writes it for these changes."""
    actions = {change["action"] for change in changes}
    kind: ActKind = "repeal" if "repeal" in actions else (
        "changes_and_additions" if "insert" in actions else "changes")
    return {code: drafting(code).act_title(project.documents[code], kind) for code in LANGS}


# One change in one language: (action, target, after, before, content, edits, number).
LangChange = dict[str, Any]


def merge_languages(found: dict[str, list[LangChange]]) -> tuple[list[dict[str, Any]], list[str]]:
    """The changes of every language as one list; a language that lacks a change leaves a
    to-do for it. Changes pair by action, target and place."""
    given = [code for code in LANGS if code in found]
    first = given[0]
    pools = {code: list(found[code]) for code in given[1:]}
    merged: list[dict[str, Any]] = []
    todo: list[str] = []
    for item in found[first]:
        parts = {first: item}
        for code, pool in pools.items():
            match = next((other for other in pool if _key(other) == _key(item)), None)
            if match is not None:
                pool.remove(match)
                parts[code] = match
        merged.append(_combined(item, parts))
    for code, pool in pools.items():
        for item in pool:
            merged.append(_combined(item, {code: item}))
    for number, change in enumerate(merged, 1):
        langs = change.pop("_langs")
        # A deletion or repeal says the same in every language: nothing to write.
        worded = change["action"] in ("replace", "insert", "amend")
        missing = [code for code in LANGS if code not in langs and worded]
        for index, edit in enumerate(change.get("edits") or [], 1):
            missing += [f"{code} (edit {index})" for code in LANGS
                        if code not in edit["find"] and code not in missing]
        for code in missing:
            todo.append(f"change {number} ({change['action']} {change['target']}): "
                        f"write its {code} wording")
    return merged, todo


def _key(item: LangChange) -> tuple[Any, ...]:
    return item["action"], item["target"], item.get("after"), item.get("before")


def _combined(item: LangChange, parts: dict[str, LangChange]) -> dict[str, Any]:
    change: dict[str, Any] = {key: item.get(key) for key in ("target", "action", "after",
                                                              "before")}
    change["_langs"] = set(parts)
    if item.get("in_force") is not None:
        change["in_force"] = item["in_force"]
    if item["action"] in ("replace", "insert"):
        change["content"] = {code: part["content"] for code, part in parts.items()}
    if item["action"] == "amend":
        change["edits"] = _paired_edits(parts)
    return change


def _paired_edits(parts: dict[str, LangChange]) -> list[dict[str, Any]]:
    """Edits paired in order; where the languages count a different number of edits, the
    surplus of one language stands alone and is left to do in the other."""
    count = max(len(part["edits"]) for part in parts.values())
    edits = []
    for index in range(count):
        find = {code: part["edits"][index][0] for code, part in parts.items()
                if index < len(part["edits"])}
        replace = {code: part["edits"][index][1] for code, part in parts.items()
                   if index < len(part["edits"])}
        edits.append({"find": find, "replace": replace})
    return edits
