"""The amendment record as YAML, written from the input models the loader reads it back with.

Reads a `Record`: an `AmendmentIn` (the act, the changes) and its `todo` list — sentences naming
what a drafter still has to fill in (a language whose wording is missing: the record does not
load until they are done), or placeholders an import wrote (information). Writes its YAML text:
`act` then `changes` then `todo`, the keys in the order of the models' fields (the order a
drafter writes them), each model with exactly the fields the record set, each value of the
model (an edit, a note style) with the fields that differ from their defaults.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from ..load.schema import ActIn, AmendmentIn, ChangeIn, TodoItem

ModelT = TypeVar("ModelT", bound=BaseModel)


class Record(AmendmentIn):
    """An amendment record as `legalgen record` and `legalgen import` write it."""


def new_record(act: ActIn, changes: list[ChangeIn], todo: Sequence[TodoItem]) -> Record:
    """The record of `act`; its `todo` list written only when there is something to do."""
    if todo:
        return Record(act=act, changes=changes, todo=list(todo))
    return Record(act=act, changes=changes)


def written(model: type[ModelT], **fields: object) -> ModelT:
    """`model` checked with the fields that have a value. A record writes exactly the fields it
    sets, so a field without a value stays unset rather than set to None."""
    return model.model_validate({name: value for name, value in fields.items()
                                 if value is not None})


class _Plain(yaml.SafeDumper):
    """YAML without anchors and aliases: a date given twice (signed and published the same
    day) is written twice, as a drafter would."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _data(value: Any) -> Any:
    """`value` as its record writes it."""
    if isinstance(value, BaseModel):
        return {name: _data(getattr(value, name)) for name in type(value).model_fields
                if name in value.model_fields_set}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _data(getattr(value, field.name))
                for field in dataclasses.fields(value)
                if getattr(value, field.name) != field.default}
    if isinstance(value, dict):
        return {key: _data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_data(item) for item in value]
    return value


def record_yaml(record: Record) -> str:
    return yaml.dump(_data(record), Dumper=_Plain, allow_unicode=True,
                     sort_keys=False, width=100, default_flow_style=False)


def grouped_record_yaml(records: Mapping[str, Record]) -> str:
    """One record of an act amending several documents of a workspace, from the record of each
    document's share (their act is one): its changes grouped per document, in the order given,
    and every share's `todo`."""
    shares = {doc: _data(record) for doc, record in records.items()}
    first = next(iter(shares.values()))
    data: dict[str, object] = {
        "act": first["act"],
        "documents": {doc: {"changes": share["changes"]} for doc, share in shares.items()}}
    todo = [item for share in shares.values() for item in share.get("todo", [])]
    if todo:
        data["todo"] = todo
    return yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
