"""The input schema: what a drafter may write in `content/` and `amendments/` (pydantic).

Reads nothing; validates raw YAML values (with their positions) and reports each problem at the
position of its field. Unknown fields are errors.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, TypeAdapter, ValidationError, create_model
from pydantic_core import ErrorDetails

from ..model import (
    IN_FORCE_TAGS,
    LANGS,
    ActId,
    ActType,
    Cell,
    Diagnostics,
    EditIn,
    InForceRule,
    LangSignatory,
    LangText,
    LangUnits,
    LegalDate,
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
    date: LegalDate
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
    issuer: str = Field(min_length=1)  # a key of the registry of issuers
    number: str = Field(min_length=1)
    date: LegalDate
    published: LegalDate | None = None
    in_force: InForceRule = "on_signing"
    in_force_text: LangText | None = None  # type: ignore[valid-type]
    title: LangText  # type: ignore[valid-type]  # built from LANGS at import time
    signatory: LangSignatory | None = None  # type: ignore[valid-type]

    @property
    def id(self) -> ActId:
        return ActId(self.issuer, self.type, self.date, self.number)


class ChangeIn(Strict):
    # In the order a drafter writes them, which `legalgen record` keeps.
    target: str = Field(min_length=1)
    action: Literal["replace", "amend", "insert", "delete", "repeal"]
    after: str | None = None
    before: str | None = None
    in_force: InForceRule | None = None
    in_force_text: LangText | None = None  # type: ignore[valid-type]
    note_on: str | None = None
    edits: list[EditIn] | None = None
    content: LangUnits | None = None  # type: ignore[valid-type]
    provenance: Literal["official", "reconstructed"] = "official"
    # Shown to readers of every language: one text per language, as the act's title.
    reason: LangText | None = None  # type: ignore[valid-type]


class AmendmentIn(Strict):
    act: ActIn
    changes: list[ChangeIn] = Field(min_length=1)


class IssuerFormsIn(Strict):
    """An issuer in the genitive in one language; `head_*` is the position that signs orders."""

    short: str = Field(min_length=1)
    long: str | None = None  # the same as `short` when not given
    head_short: str | None = None
    head_long: str | None = None


_ISSUER_FIELDS: dict[str, Any] = {code: (IssuerFormsIn, ...) for code in LANGS}
# An issuer's forms in every language of `LANGS`.
IssuerIn = create_model("IssuerIn", __base__=Strict, **_ISSUER_FIELDS)


class ConfigIn(Strict):
    """legalgen.yaml: the project's own settings."""

    issuers: dict[str, IssuerIn] = Field(default_factory=dict)  # type: ignore[valid-type]


# The command line's short forms of a rule (`legalgen record --in-force`), read as a record's.
IN_FORCE_OPTION = "on_signing, on_publication, YYYY-MM-DD or days:N"
DAYS_OPTION = "days:"
_IN_FORCE: TypeAdapter[InForceRule] = TypeAdapter(InForceRule)


def in_force_option(text: str) -> InForceRule:
    """A rule as the command line writes it: on_signing, on_publication, a date or days:N (N
    days after publication); ValueError says what is wrong with it."""
    raw: object = text
    if text.startswith(DAYS_OPTION):
        raw = {"after_publication_days": text.removeprefix(DAYS_OPTION)}
    elif text[:1].isdigit():
        raw = {"date": text}
    try:
        return _IN_FORCE.validate_python(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "in_force_rule":
            raise ValueError(f"'{text}' is no rule: expected {IN_FORCE_OPTION}") from None
        raise ValueError(f"'{text}': {error['msg']}") from None


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
    for part in (part for part in loc if part not in IN_FORCE_TAGS):
        if isinstance(node, PosDict) and isinstance(part, str) and part in node:
            pos = node.pos_of(part)
            node = node[part]
            path.append(part)
        elif isinstance(node, PosList) and isinstance(part, int) and part < len(node):
            pos = node.item_pos[part]
            node = node[part]
            path.append(str(part))
        elif isinstance(part, str) and isinstance(node, dict):
            # A missing field, or a value built in code (no positions): named all the same.
            path.append(part)
            if part not in node:
                break
            node = node[part]
    return pos, path


def _describe(error: ErrorDetails, loc: list[str], context: str) -> str:
    where = ".".join(loc)
    prefix = f"{context}: " if context else ""
    if error["type"] == "extra_forbidden":
        return f"{prefix}unknown field '{loc[-1] if loc else where}'"
    if error["type"] == "missing" and loc and loc[-1] in LANGS and loc[0] in ("content", "edits"):
        # A record made from one language's edits leaves the other's wording to be written.
        return f"{prefix}no {loc[-1]} wording in '{where}' yet: write it"
    if error["type"] == "missing":
        return f"{prefix}missing field '{where}'"
    bad = error.get("input")
    shown = _shown(bad)
    if error["type"] in ("literal_error", "enum"):
        name = loc[-1] if loc else "value"
        expected = error.get("ctx", {}).get("expected", "")
        return f"{prefix}unknown {name} {shown}; expected one of {expected}"
    field_part = f"'{where}': " if where else ""
    if error["type"] == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return f"{prefix}{field_part}{shown} does not match the pattern {pattern}"
    found = f" (found {shown})" if shown else ""
    return f"{prefix}{field_part}{error['msg']}{found}"


def _shown(value: Any) -> str:
    """A scalar input as the drafter wrote it, shortened; mappings and lists are not repeated."""
    if isinstance(value, dict | list) or value is None:
        return ""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"
