"""The input schema: what a drafter may write in `content/` and `amendments/` (pydantic).

Reads nothing; validates raw YAML values (with their positions) and reports each problem at the
position of its field. Unknown fields are errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails

from ..model import (
    ActType,
    Cell,
    Diagnostics,
    EditIn,
    InForceRule,
    LangText,
    LangUnits,
    Signatory,
    SourcePos,
    Strict,
    UnitKind,
)
from .yaml_source import PosDict, PosList, pos_of

ModelT = TypeVar("ModelT", bound=BaseModel)


class UnitIn(Strict):
    kind: UnitKind
    id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9]*(_[0-9a-z-]+)*$")
    label: str | None = None
    heading: str | None = None
    text: str | None = None
    stamp: list[str] | None = None
    position: str | None = None
    name: str | None = None
    role: Literal["passport", "action_plan", "towns", "plain"] | None = None
    widths: list[float] | None = None
    header: list[list[Cell]] | None = None
    cells: list[Cell] | None = None
    # Children are checked one by one by the loader, so each error can name its unit's id.
    children: list[Any] = Field(default_factory=list)


class DocumentIn(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    type: ActType
    issuer: str
    number: str
    date: dt.date
    title: str
    signatory: Signatory


class ManifestIn(Strict):
    document: DocumentIn
    files: list[str] = Field(min_length=1)


class ContentFileIn(Strict):
    parent: str | None = None
    units: list[Any]


class ActIn(Strict):
    type: ActType
    issuer: Literal["government", "president", "parliament", "ministry"]
    number: str = Field(min_length=1)
    date: dt.date
    published: dt.date | None = None
    in_force: InForceRule = "on_signing"
    title: LangText  # type: ignore[valid-type]  # built from LANGS at import time


class ChangeIn(Strict):
    target: str = Field(min_length=1)
    action: Literal["replace", "amend", "insert", "delete", "repeal"]
    content: LangUnits | None = None  # type: ignore[valid-type]
    edits: list[EditIn] | None = None
    after: str | None = None
    before: str | None = None
    in_force: InForceRule | None = None
    note_on: str | None = None
    provenance: Literal["official", "reconstructed"] = "official"
    # Shown to readers of every language: one text per language, as the act's title.
    reason: LangText | None = None  # type: ignore[valid-type]


class AmendmentIn(Strict):
    act: ActIn
    changes: list[ChangeIn] = Field(min_length=1)


def validate_model(
    model: type[ModelT], raw: Any, diagnostics: Diagnostics, fallback: SourcePos, context: str = ""
) -> ModelT | None:
    """Validate `raw` against `model`; report each problem at the position of its field."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            pos, loc = _locate(raw, error["loc"], fallback)
            diagnostics.error(pos, _describe(error, loc, context))
        return None


def _locate(
    raw: Any, loc: tuple[int | str, ...], fallback: SourcePos
) -> tuple[SourcePos, list[str]]:
    pos = pos_of(raw, None, fallback) or fallback
    path: list[str] = []
    node = raw
    for part in loc:
        if isinstance(node, PosDict) and isinstance(part, str) and part in node:
            pos = node.pos_of(part)
            node = node[part]
            path.append(part)
        elif isinstance(node, PosList) and isinstance(part, int) and part < len(node):
            pos = node.item_pos[part]
            node = node[part]
            path.append(str(part))
        elif isinstance(part, str) and isinstance(node, dict) and part not in node:
            path.append(part)
            break
    return pos, path


def _describe(error: ErrorDetails, loc: list[str], context: str) -> str:
    where = ".".join(loc)
    prefix = f"{context}: " if context else ""
    if error["type"] == "extra_forbidden":
        return f"{prefix}unknown field '{loc[-1] if loc else where}'"
    if error["type"] == "missing":
        return f"{prefix}missing field '{where}'"
    field_part = f"'{where}': " if where else ""
    return f"{prefix}{field_part}{error['msg']}"


