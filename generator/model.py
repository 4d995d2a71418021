"""The typed model: the input schema (pydantic) and the unit tree the pipeline works on.

The pydantic classes describe what a drafter may write in `content/` and `amendments/`; unknown
fields are errors. `Unit` is the tree every later stage reads: a unit with its full id, its
language's text, its children and the place in the source it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .diagnostics import SourcePos

LANGS = ("kk", "ru")

UnitKind = Literal[
    "preamble",
    "paragraph",
    "signature",
    "attachment",
    "section",
    "subsection",
    "point",
    "subpoint",
    "text",
    "table",
    "appendix",
    "notes",
    "group",
    "row",
    "total",
]

# Own-id prefix of each kind (Akoma Ntoso naming convention).
ID_PREFIX: dict[str, str] = {
    "preamble": "preamble",
    "paragraph": "para",
    "signature": "signature",
    "attachment": "att",
    "section": "sec",
    "subsection": "subsec",
    "point": "point",
    "subpoint": "subpoint",
    "text": "p",
    "table": "table",
    "appendix": "app",
    "notes": "notes",
    "group": "group",
    "row": "row",
    "total": "total",
}

# Fields each kind may carry, beyond kind/id/label/children.
KIND_FIELDS: dict[str, set[str]] = {
    "preamble": {"text"},
    "paragraph": {"text"},
    "signature": {"position", "name"},
    "attachment": {"stamp", "heading"},
    "section": {"heading", "text"},
    "subsection": {"heading", "text"},
    "point": {"text", "heading"},
    "subpoint": {"text"},
    "text": {"text"},
    "table": {"role", "widths", "header"},
    "appendix": {"stamp", "heading"},
    "notes": {"text"},
    "group": {"text"},
    "row": {"cells"},
    "total": {"cells"},
}
REQUIRED_FIELDS: dict[str, set[str]] = {
    "preamble": {"text"},
    "paragraph": {"text"},
    "signature": {"name"},
    "attachment": {"heading"},
    "section": {"heading"},
    "subsection": {"heading"},
    "subpoint": {"text"},
    "text": {"text"},
    "group": {"text"},
    "row": {"cells"},
    "total": {"cells"},
    "appendix": {"heading"},
}
LABEL_REQUIRED = {"paragraph", "subpoint"}
TABLE_ROW_KINDS = {"group", "row", "total"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AmountEntry(Strict):
    year: int | str
    amount: float | None
    mark: str | None = None


class AmountsCell(Strict):
    amounts: list[AmountEntry]


class NumberCell(Strict):
    number: float | int
    mark: str | None = None


Cell = str | int | float | AmountsCell | NumberCell


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


class Signatory(Strict):
    position: str
    name: str


class DocumentIn(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    type: Literal["resolution", "law", "decree", "order", "decision"]
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


class LangText(Strict):
    kk: str = Field(min_length=1)
    ru: str = Field(min_length=1)


class InForceDate(Strict):
    date: dt.date


class InForceAfterDays(Strict):
    after_publication_days: int = Field(ge=1, le=365)


InForceRule = Literal["on_signing", "on_publication"] | InForceDate | InForceAfterDays


class ActIn(Strict):
    type: Literal["resolution", "law", "decree", "order", "decision"]
    issuer: Literal["government", "president", "parliament", "ministry"]
    number: str = Field(min_length=1)
    date: dt.date
    published: dt.date | None = None
    in_force: InForceRule = "on_signing"
    title: LangText


class EditIn(Strict):
    find: LangText
    replace: LangText
    all: bool = False


class LangUnits(Strict):
    kk: Any
    ru: Any


class ChangeIn(Strict):
    target: str = Field(min_length=1)
    action: Literal["replace", "amend", "insert", "delete", "repeal"]
    content: LangUnits | None = None
    edits: list[EditIn] | None = None
    after: str | None = None
    before: str | None = None
    in_force: InForceRule | None = None
    note_on: str | None = None
    provenance: Literal["official", "reconstructed"] = "official"
    reason: str | None = None


class AmendmentIn(Strict):
    act: ActIn
    changes: list[ChangeIn] = Field(min_length=1)



@dataclass(slots=True)
class Unit:
    """One unit of a document in one language, with its full id and source position."""

    kind: str
    uid: str
    pos: SourcePos
    label: str | None = None
    heading: str | None = None
    text: str | None = None
    stamp: list[str] | None = None
    position: str | None = None
    name: str | None = None
    role: str | None = None
    widths: list[float] | None = None
    header: list[list[Cell]] | None = None
    cells: list[Cell] | None = None
    children: list[Unit] = field(default_factory=list)

    @property
    def own_id(self) -> str:
        return self.uid.rsplit("__", 1)[-1]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def copy(self) -> Unit:
        """A shallow copy: its own field values and children list, the same child units."""
        return Unit(
            self.kind, self.uid, self.pos, self.label, self.heading, self.text, self.stamp,
            self.position, self.name, self.role, self.widths, self.header, self.cells,
            list(self.children),
        )


@dataclass(slots=True)
class Document:
    """The document as adopted, in one language."""

    lang: str
    id: str
    type: str
    issuer: str
    number: str
    date: dt.date
    title: str
    signatory: Signatory
    units: list[Unit]
    pos: SourcePos


def label_number(label: str) -> str:
    """'6.' -> '6', '2-1)' -> '2-1', '10' -> '10'."""
    return label.strip().rstrip(".)").strip()
