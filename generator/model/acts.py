"""Amending acts and their changes, as read from the amendment records.

Reads and writes nothing. An `Act` is one record's act, known by its `ActId`; a `Change` one item
of its `changes`, with the in-force rule that applies to it and the first day it is in force.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Self

from pydantic import Discriminator, Field, Tag, create_model

from .diagnostics import SourcePos
from .document import LANGS, IssuerName, LegalDate, Signatory, Strict

NonEmptyText = Annotated[str, Field(min_length=1)]


class PerLanguage(Strict):
    """A value in every language of the project: one field per code of `LANGS`."""

    def in_lang(self, code: str) -> Any:
        return getattr(self, code)

    @classmethod
    def given(cls, values: Mapping[str, Any]) -> Self:
        """The values of the languages given: checked when every language is there; with fewer,
        the value of a record still to be completed (its `todo` says what is missing), which
        the loader refuses until it is."""
        if set(LANGS) <= set(values):
            return cls.model_validate(values)
        return cls.model_construct(**values)


def _per_language(name: str, value: Any) -> type[PerLanguage]:
    """A model with one required field per language, so a new language needs no change here."""
    fields: dict[str, Any] = {code: (value, ...) for code in LANGS}
    return create_model(name, __base__=PerLanguage, **fields)


LangText = _per_language("LangText", NonEmptyText)
LangUnits = _per_language("LangUnits", Any)
LangSignatory = _per_language("LangSignatory", Signatory)


class InForceDate(Strict):
    date: LegalDate


class InForceAfterDays(Strict):
    after_publication_days: int = Field(ge=1, le=365)


IN_FORCE_FORMS = "on_signing, on_publication, {date: YYYY-MM-DD} or {after_publication_days: N}"
# The forms of a rule, as tags of the union below. A tag stands in the place of an error but
# names no field a drafter writes (`load.schema` leaves it out of the place it shows).
IN_FORCE_TAGS = ("keyword", "date_rule", "days_rule")


def _rule_form(value: Any) -> str | None:
    """Which form a rule is written in, so that a wrong rule is told in the terms of its own
    form; None: in no form."""
    if value in ("on_signing", "on_publication"):
        return "keyword"
    if isinstance(value, InForceDate) or isinstance(value, dict) and "date" in value:
        return "date_rule"
    if isinstance(value, InForceAfterDays) or (
            isinstance(value, dict) and "after_publication_days" in value):
        return "days_rule"
    return None


# When an act or a change takes effect. The one reading of a rule: the records' `in_force`
# (through the input schema) and the command line's (`load.schema.in_force_option`).
InForceRule = Annotated[
    Annotated[Literal["on_signing", "on_publication"], Tag("keyword")]
    | Annotated[InForceDate, Tag("date_rule")]
    | Annotated[InForceAfterDays, Tag("days_rule")],
    Discriminator(_rule_form, custom_error_type="in_force_rule",
                  custom_error_message=f"expected {IN_FORCE_FORMS}"),
]

# The kinds of act; each language has its words for every one (the act-word tables of lang/).
ActType = Literal["resolution", "law", "code", "decree", "order", "decision", "instruction"]
# Orders are signed by the head of the issuing body: "министрінің бұйрығы", "приказ Министра".
SIGNED_BY_HEAD: frozenset[str] = frozenset({"order"})
# Laws and codes are named by the Republic, whoever adopted them: "ҚР ... Заңымен", "Законом РК".
NAMED_BY_REPUBLIC: frozenset[str] = frozenset({"law", "code"})
REPUBLIC = "republic"


class EditIn(Strict):
    find: LangText  # type: ignore[valid-type]  # built from LANGS at import time
    replace: LangText  # type: ignore[valid-type]
    all: bool = False


# What a file name may keep of an act's number; any other run of characters becomes "-".
_FILE_UNSAFE = re.compile(r"[^\w-]+")


@dataclass(frozen=True, slots=True)
class ActId:
    """Which act it is, FRBR-style: the work of an issuer, of a type, signed on a day under a
    number. Every stage names an act through it: the loader, the records, the drafted acts."""

    issuer: str
    type: str
    date: dt.date
    number: str  # a free string: "1169", "231-V", "22/4"

    @property
    def key(self) -> str:
        """'government/resolution/2013-11-07/1169': unique among a project's acts."""
        return f"{self.issuer}/{self.type}/{self.date.isoformat()}/{self.number}"

    @property
    def file_stem(self) -> str:
        """'2013-11-07-1169': the name of the act's record and of its drafted files (a number's
        characters a file name cannot hold, such as "/", become "-")."""
        number = _FILE_UNSAFE.sub("-", self.number).strip("-") or "act"
        return f"{self.date.isoformat()}-{number}"


@dataclass(frozen=True, slots=True)
class Act:
    """An amending (or repealing) act, read from one amendment record."""

    type: str
    issuer: str
    number: str  # a free string: "1169", "22-н/қ", "231-V"
    date: dt.date
    published: dt.date | None
    in_force: InForceRule
    title: dict[str, str]
    path: str
    order: int
    # The issuer as it signs this act, by language (the minister for an order, the Republic
    # for a law), resolved from the registry of issuers.
    issuer_names: dict[str, IssuerName]
    # The act's own entry-into-force clause, by language, when its wording is not today's.
    in_force_text: dict[str, str] | None = None
    # Who signs the act, per language; None: the document's signatory position, no name.
    signatory: dict[str, Signatory] | None = None
    # Where each field of the act stands in its record ("date", "published", "in_force").
    positions: dict[str, SourcePos] = field(default_factory=dict, compare=False, hash=False)

    def pos(self, name: str) -> SourcePos:
        return self.positions.get(name, SourcePos(self.path, 1, 1))

    @property
    def id(self) -> ActId:
        return ActId(self.issuer, self.type, self.date, self.number)

    @property
    def key(self) -> str:
        return self.id.key


@dataclass(slots=True)
class Change:
    """One change of an act, as written in its record."""

    act: Act
    index: int
    target: str
    action: str
    in_force: InForceRule
    effective: dt.date | None
    pos: SourcePos
    content: dict[str, Any] = field(default_factory=dict)
    edits: list[EditIn] = field(default_factory=list)
    after: str | None = None
    before: str | None = None
    note_on: str | None = None
    provenance: str = "official"
    reason: dict[str, str] | None = None  # per language code
    in_force_text: dict[str, str] | None = None

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, int, int]:
        return (self.effective or dt.date.max, self.act.date, self.act.order, self.index)

    @property
    def where(self) -> str:
        return f"change {self.index + 1} of act No {self.act.number} (target {self.target})"


def effective_date(act: Act, rule: InForceRule) -> dt.date | None:
    """The first day a change is in force; None when the rule needs an unknown publication."""
    if rule == "on_signing":
        return act.date
    if rule == "on_publication":
        return act.published
    if isinstance(rule, InForceDate):
        return rule.date
    if isinstance(rule, InForceAfterDays):
        if act.published is None:
            return None
        # N days after the publication day run out at the end of day N; the act applies next day.
        return act.published + dt.timedelta(days=rule.after_publication_days + 1)
    raise ValueError(f"unknown in-force rule {rule!r}")
