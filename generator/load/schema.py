"""The input schema: what a drafter may write in `content/` and `amendments/` (pydantic).

Reads and writes nothing: the models the loader checks raw YAML values against
(`input.validation`, which reports each problem at the position of its field); a unit's model,
`UnitIn`, is in `input.units`. Unknown fields are errors.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, create_model

from ..model import (
    LANGS,
    ActType,
    EditIn,
    InForceRule,
    LangSignatory,
    LangText,
    LangUnits,
    LegalDate,
    Signatory,
    Strict,
)


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


class ChangeIn(Strict):
    target: str = Field(min_length=1)
    action: Literal["replace", "amend", "insert", "delete", "repeal"]
    content: LangUnits | None = None  # type: ignore[valid-type]
    edits: list[EditIn] | None = None
    after: str | None = None
    before: str | None = None
    in_force: InForceRule | None = None
    note_on: str | None = None
    in_force_text: LangText | None = None  # type: ignore[valid-type]
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
