"""The input schema: what a drafter may write in `content/` and `amendments/` (pydantic).

Reads and writes nothing: the models the loader checks raw YAML values against
(`input.validation`, which reports each problem at the position of its field); a unit's model,
`UnitIn`, is in `input.units`. Unknown fields are errors.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, ValidationError

from ..model import (
    EVERY_LANGUAGE,
    PER_LANGUAGE,
    ActId,
    ActType,
    EditIn,
    InForceRule,
    LangSignatory,
    LangText,
    LangUnits,
    LegalDate,
    NoteCount,
    NoteStyle,
    Publication,
    Registration,
    Signatory,
    Strict,
)
from ..model.acts import TITLE_TARGET

__all__ = ["TITLE_TARGET"]


class DocumentIn(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    type: ActType
    issuer: str
    number: str
    date: LegalDate
    title: str
    signatory: Signatory
    registration: Registration | None = None  # with the Ministry of Justice (an order)
    publication: Publication | None = None  # the first official publication
    in_force: LegalDate | None = None  # the day it took effect, if not its adoption day


# What a placeholder of an imported project stands for (`legalgen import`): the `kind` of a todo
# item, each reported as information until a person fills the place in and removes the item.
TodoKind = Literal[
    "earlier-wording",   # a changed unit's wording before the change
    "edits",             # the words a change replaced, where a note names only the change
    "act-title",         # an amending act's title (its name stands in)
    "publication",       # an act's publication date (its signing date stands in)
    "in-force",          # an in-force rule legalgen has no form for (its words are kept)
    "note-unread",       # a published note the grammar cannot read, kept verbatim
    "note-target",       # a note about what no record can target yet (a title, a heading, a
                         # unit that lost force)
    "editorial",         # the publisher's remark, not part of the act
    "signatory",         # a signature without a name
    "table",             # a table of a plain-text copy kept as paragraphs
    "link",              # words a plain-text copy displaced that could not be put back
    "other-language",    # a change that, as published, concerns the other language's text
]


class TodoIn(Strict):
    """A placeholder written where a published text does not show something: what it is, the
    unit it concerns, the act, where it stands in the published text and its words there."""

    kind: TodoKind
    target: str | None = None
    act: str | None = None
    source: str | None = None
    text: str | None = None


# An item of a `todo` list: a sentence (`legalgen record`: a record that is not complete, an
# error until done) or a placeholder (`legalgen import`: information until done).
TodoItem = str | TodoIn


class ManifestIn(Strict):
    document: DocumentIn
    files: list[str] = Field(min_length=1)
    # Units whose numbers the published texts print differently in the languages (an import
    # lists them): `validate` tells their difference as information, not as an error.
    as_published: list[str] = Field(default_factory=list)
    todo: list[TodoIn] = Field(default_factory=list)


class ContentFileIn(Strict):
    parent: str | None = None
    units: list[Any]


class ActIn(Strict):
    type: ActType
    issuer: str = Field(min_length=1)  # a key of the registry of issuers
    number: str = Field(min_length=1)
    date: LegalDate
    published: LegalDate | None = None
    registered: LegalDate | None = None  # state registration, for the rule on_registration
    in_force: InForceRule = "on_signing"
    in_force_text: LangText | None = None
    title: LangText
    signatory: LangSignatory | None = None
    registration: Registration | None = None  # with the Ministry of Justice (an order)
    acting: bool = False  # signed by a person acting for the issuer's head
    note_style: NoteStyle | None = None

    @property
    def id(self) -> ActId:
        return ActId(self.issuer, self.type, self.date, self.number)


class ChangeIn(Strict):
    # In the order a drafter writes them, which `legalgen record` keeps.
    target: str = Field(min_length=1)
    action: Literal["replace", "amend", "insert", "delete", "lose_force", "repeal"]
    after: str | None = None
    before: str | None = None
    in_force: InForceRule | None = None
    in_force_text: LangText | None = None
    note_on: str | None = None
    edits: list[EditIn] | None = None
    content: LangUnits | None = None
    provenance: Literal["official", "reconstructed"] = "official"
    # Shown to readers of every language: one text per language, as the act's title.
    reason: LangText | None = None
    # The heading of the target alone, not the whole unit.
    part: Literal["heading"] | None = None
    # The languages whose text changes; `content` and `edits` then give those only.
    only: list[str] | None = Field(default=None, min_length=1)
    # More units excluded (or losing force) with the target, named in one note.
    also: list[str] | None = Field(default=None, min_length=1)
    # One change or several, as the note says it (the Russian notes tell them apart).
    note_count: NoteCount = "several"
    # How the drafted act names the part the change is in, where the publisher writes it two
    # ways: true, a line of its own ("in section «X»:" above the instruction); false, in the
    # instruction itself ("in the list …, point 4 be excluded"); unset, the usual form.
    group_line: bool | None = None


class AmendmentIn(Strict):
    act: ActIn
    changes: list[ChangeIn] = Field(min_length=1)
    todo: list[TodoItem] = Field(default_factory=list)


class IssuerFormsIn(Strict):
    """An issuer in the genitive in one language; `head_*` is the position that signs orders."""

    short: str = Field(min_length=1)
    long: str | None = None  # the same as `short` when not given
    head_short: str | None = None
    head_long: str | None = None


# An issuer's forms by language: a project's issuer gives every language of the project; the
# built-in registry may lack a language, which an act of that issuer then reports.
IssuerIn = Annotated[dict[str, IssuerFormsIn], EVERY_LANGUAGE, PER_LANGUAGE]


class DefaultsIn(Strict):
    """What the project's amending acts usually are, for `new-act`, `record` and `init`."""

    type: ActType | None = None
    issuer: str | None = Field(default=None, min_length=1)  # a key of the registry of issuers
    signatory: LangSignatory | None = None


class ConfigIn(Strict):
    """legalgen.yaml: the project's own settings."""

    issuers: dict[str, IssuerIn] = Field(default_factory=dict)
    defaults: DefaultsIn = Field(default_factory=DefaultsIn)
    # The publication style of the notes: the forms of an era (`era`), and the forms every act
    # takes where the publisher writes one several ways; an act's `note_style` overrides them.
    notes: NoteStyle | None = None


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
