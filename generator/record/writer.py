"""The amendment record as YAML: the layout of `docs/content-format.md`, keys in a fixed order.

Reads a `Record` (act metadata and the changes found, per language). Writes its YAML text: `act`
then `changes`, each change's keys in the order a drafter writes them, and a `todo` list naming
what a drafter still has to fill in (a language whose wording is missing). A record with a
`todo` list does not validate until the list is gone and the wordings are there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model import LANGS, ActId

ACT_KEYS = ("type", "issuer", "number", "date", "published", "in_force", "title")
CHANGE_KEYS = ("target", "action", "after", "before", "in_force", "note_on", "edits", "content",
               "provenance", "reason")
UNIT_KEYS = ("kind", "id", "label", "heading", "text", "stamp", "position", "name", "role",
             "widths", "header", "cells", "children")


@dataclass(slots=True)
class ActMeta:
    number: str
    date: dt.date
    in_force: Any = "on_signing"
    published: dt.date | None = None
    type: str = "resolution"
    issuer: str = "government"
    title: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Record:
    act: ActMeta
    changes: list[dict[str, Any]]
    todo: list[str] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        act = self.act
        return f"{ActId(act.issuer, act.type, act.date, act.number).file_stem}.yaml"


def record_data(record: Record) -> dict[str, Any]:
    act = record.act
    values = {"type": act.type, "issuer": act.issuer, "number": act.number, "date": act.date,
              "published": act.published, "in_force": act.in_force,
              "title": {code: act.title[code] for code in LANGS if code in act.title}}
    data: dict[str, Any] = {
        "act": {key: values[key] for key in ACT_KEYS if values[key] is not None},
        "changes": [_ordered(change, CHANGE_KEYS) for change in record.changes],
    }
    if record.todo:
        data["todo"] = list(record.todo)
    return data


def _ordered(change: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {key: change[key] for key in keys if change.get(key) is not None}
    if "content" in out:
        out["content"] = {code: _unit_order(value) for code, value in out["content"].items()}
    return out


def _unit_order(value: Any) -> Any:
    if isinstance(value, list):
        return [_unit_order(item) for item in value]
    if isinstance(value, dict) and "kind" in value:
        ordered = {key: value[key] for key in UNIT_KEYS if key in value}
        if "children" in ordered:
            ordered["children"] = _unit_order(ordered["children"])
        return ordered
    return value


def record_yaml(record: Record) -> str:
    return yaml.safe_dump(record_data(record), allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
