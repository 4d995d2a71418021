"""An imported project as files: the content of every language, its manifest, the records.

Reads the adopted unit trees, the document's head and the records; writes the bytes of each file
of the project (`content/<lang>/manifest.yaml`, one content file for the act's own units and one
for each approved document or appendix, `amendments/<date>-<number>.yaml`) in the YAML the
loader reads — fields in the order a drafter writes them, an `id` only where the loader would
give the unit another one.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..input import own_id
from ..load.schema import DocumentIn, TodoIn
from ..record.writer import Record, record_yaml, written
from .tree import Node, Todo

# A unit's fields in the order the content files write them.
FIELDS = ("label", "heading", "stamp", "text", "position", "name", "role", "widths", "header",
          "cells")
STAMPED = ("attachment", "appendix")


def unit_data(node: Node, natural: str | None = None) -> dict[str, Any]:
    """A unit in the content format; `natural` is the own id the loader would give it there
    (None: write the unit's own id whatever it is)."""
    data: dict[str, Any] = {"kind": node.kind}
    if natural is None or node.own != natural:
        data["id"] = node.own
    for name in FIELDS:
        value = getattr(node, name)
        if value is not None and value != []:
            data[name] = value
    if node.children:
        data["children"] = units_data(node.children)
    return data


def units_data(nodes: list[Node]) -> list[dict[str, Any]]:
    """Siblings in the content format, an `id` written where the loader would give another:
    as the loader counts, a unit given its id takes no place among the unlabelled ones."""
    counters: dict[str, int] = {}
    written = []
    for node in nodes:
        trial = dict(counters)
        natural = own_id(node.kind, node.label, None, trial)
        if natural == node.own:
            counters = trial
            written.append(unit_data(node, natural))
        else:
            written.append(unit_data(node))
    return written


class _Plain(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False).encode("utf-8")


def content_files(units: list[Node]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The act's own units in one file, each approved document or appendix (with the units
    after it up to the next one) in a file of its own; ids count across the files, as the
    loader counts the top level."""
    written = units_data(units)
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for node, data in zip(units, written, strict=True):
        if node.kind in STAMPED or not groups:
            name = node.own if node.kind in STAMPED else "act"
            groups.append((f"{len(groups) + 1:02d}-{name.replace('_', '-')}.yaml", []))
        groups[-1][1].append(data)
    return groups


def todo_data(todo: Todo) -> TodoIn:
    return written(TodoIn, kind=todo.kind, target=todo.target, act=todo.act,
                   source=todo.source or None, text=" ".join(todo.text.split()) or None)


def manifest(document: DocumentIn, files: list[str], todos: list[Todo],
             as_published: list[str]) -> bytes:
    # Fields the publisher's page did not give (a registration, an in-force day) are left out.
    data: dict[str, Any] = {"document": document.model_dump(mode="json", exclude_none=True),
                            "files": files}
    if as_published:
        data["as_published"] = as_published
    if todos:
        data["todo"] = [todo_data(todo).model_dump(exclude_unset=True) for todo in todos]
    return dump(data)


def record_file(record: Record) -> bytes:
    return record_yaml(record).encode("utf-8")
