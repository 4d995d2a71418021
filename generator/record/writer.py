"""The amendment record as YAML, written from the input models the loader reads it back with.

Reads a `Record`: an `AmendmentIn` (the act, the changes) and a `todo` list naming what a
drafter still has to fill in (a language whose wording is missing). Writes its YAML text: `act`
then `changes` then `todo`, the keys in the order of the models' fields (the order a drafter
writes them), each model with exactly the fields the record set. A record with a `todo` list
does not load until the list is gone and the wordings are there.
"""

from __future__ import annotations

from typing import TypeVar

import yaml
from pydantic import BaseModel, Field

from ..load.schema import ActIn, AmendmentIn, ChangeIn

ModelT = TypeVar("ModelT", bound=BaseModel)


class Record(AmendmentIn):
    """An amendment record as `legalgen record` writes it."""

    todo: list[str] = Field(default_factory=list)


def new_record(act: ActIn, changes: list[ChangeIn], todo: list[str]) -> Record:
    """The record of `act`; its `todo` list written only when there is something to do."""
    if todo:
        return Record(act=act, changes=changes, todo=todo)
    return Record(act=act, changes=changes)


def written(model: type[ModelT], **fields: object) -> ModelT:
    """`model` checked with the fields that have a value. A record writes exactly the fields it
    sets, so a field without a value stays unset rather than set to None."""
    return model.model_validate({name: value for name, value in fields.items()
                                 if value is not None})


def record_yaml(record: Record) -> str:
    return yaml.safe_dump(record.model_dump(exclude_unset=True), allow_unicode=True,
                          sort_keys=False, width=100, default_flow_style=False)
