"""The document: its unit tree in one language, the cells of its tables, its signatory.

Reads and writes nothing. `Unit` is the tree every later stage reads: a unit with its full id,
its language's text, its children and the place in the source it came from. The frozen
dataclasses here are the parts of the input schema that the tree keeps as they were read (the
input layer validates them; `checks`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar

from ..i18n import tr
from .checks import AfterCheck, about
from .diagnostics import SourcePos
from .kinds import UnitKind

# The dates a project may give: every output holds them, and an in-force date a year and a day
# later (the longest in-force rule) still fits in Python's calendar, which ends with 9999.
# (Zip entries, which hold only 1980–2107, are clamped.)
FIRST_DATE = dt.date(1000, 1, 1)
LAST_DATE = dt.date(9997, 12, 31)


def _within_range(value: dt.date) -> dt.date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(tr("the date {value} is outside the dates the outputs can hold "
                            "({first} to {last})",
                            value=value, first=FIRST_DATE, last=LAST_DATE))
    return value


LegalDate = Annotated[dt.date, AfterCheck(_within_range)]
# What the input layer validates a value of the schema with: unknown fields are errors.
INPUT_CONFIG: dict[str, Any] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class AmountEntry:
    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    year: int | str = field(metadata=about("The year of the amount (2013), or the years as "
                                           "text (\"2016-2020\")."))
    amount: float | None = field(metadata=about("The amount, a number; null for a dash (\"–\")."))
    mark: str | None = field(default=None,
                             metadata=about("A footnote mark after the amount (\"*\")."))


@dataclass(frozen=True, slots=True)
class AmountsCell:
    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    amounts: list[AmountEntry] = field(metadata=about("The amounts of the cell, one per year, "
                                                      "in the order they are printed."))


@dataclass(frozen=True, slots=True)
class NumberCell:
    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    number: float | int = field(metadata=about("The number, formatted by each language "
                                               "(\"6 000,0\")."))
    mark: str | None = field(default=None,
                             metadata=about("A footnote mark after the number (\"*\")."))


Cell = str | int | float | AmountsCell | NumberCell


@dataclass(frozen=True, slots=True)
class Signatory:
    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    position: str = field(metadata=about("The position of the person who signs, as printed "
                                         "above the name."))
    name: str = field(metadata=about("The name of the person who signs, as printed (initials, "
                                     "surname)."))


@dataclass(frozen=True, slots=True)
class Registration:
    """The state registration of an act with the Ministry of Justice: its number in the
    register of normative legal acts and its day."""

    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    number: str = field(metadata=about("The number of the state registration in the register "
                                       "of normative legal acts, as printed.", min_length=1))
    date: LegalDate = field(metadata=about("The day of the state registration (YYYY-MM-DD)."))


@dataclass(frozen=True, slots=True)
class Publication:
    """Where and when an act was first officially published (the legal information system, a
    newspaper)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    source: str = field(metadata=about("Where the act was first officially published, as "
                                       "printed (the legal information system, a newspaper).",
                                       min_length=1))
    date: LegalDate = field(metadata=about("The day of the first official publication "
                                           "(YYYY-MM-DD)."))


@dataclass(slots=True)
class Unit:
    """One unit of a document in one language, with its full id and source position."""

    kind: UnitKind
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
    # An annexed document as the notes name it ("rules"; `kinds.ANNEX_NAMES`).
    note_name: str | None = None

    @property
    def own_id(self) -> str:
        return self.uid.rsplit("__", 1)[-1]

    def walk(self) -> Iterator[Unit]:
        yield self
        for child in self.children:
            yield from child.walk()

    def copy(self) -> Unit:
        """A shallow copy: its own field values and children list, the same child units."""
        return Unit(
            self.kind, self.uid, self.pos, self.label, self.heading, self.text, self.stamp,
            self.position, self.name, self.role, self.widths, self.header, self.cells,
            list(self.children), self.note_name,
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
    # The issuer as it signs the document, by language (see `acts.Act.issuer_names`).
    issuer_names: dict[str, IssuerName]
    # An order's registration with the Ministry of Justice, which the head prints after the
    # adoption line; the first official publication; the day the document took effect (None:
    # its adoption day).
    registration: Registration | None = None
    publication: Publication | None = None
    in_force: dt.date | None = None
    # Units whose published texts print different numbers in the languages (a date one gives
    # and the other leaves out), as the manifest lists them: told as information.
    as_published: frozenset[str] = frozenset()

    @property
    def in_force_since(self) -> dt.date:
        return self.in_force or self.date


@dataclass(frozen=True, slots=True)
class IssuerName:
    """An issuer in the genitive in one language: in notes ('of the Government of the RK') and
    in full ('of the Government of the Republic of Kazakhstan'), as it signs one act."""

    short: str
    long: str


def label_number(label: str) -> str:
    """'6.' -> '6', '2-1)' -> '2-1', '10' -> '10'."""
    return label.strip().rstrip(".)").strip()
