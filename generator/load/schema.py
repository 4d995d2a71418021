"""The input schema: what a drafter may write in `content/` and `amendments/` (pydantic).

Reads and writes nothing: the models the loader checks raw YAML values against
(`input.validation`, which reports each problem at the position of its field); a unit's model,
`UnitIn`, is in `input.units`. Unknown fields are errors.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, StringConstraints, Tag, TypeAdapter, ValidationError

from ..i18n import tr
from ..input.validation import Strict, describe_error
from ..model import (
    EVERY_LANGUAGE,
    IN_FORCE_FORMS,
    PER_LANGUAGE,
    ActId,
    ActType,
    EditIn,
    InForceAfterDays,
    InForceAfterSigning,
    InForceDate,
    InForceKeyword,
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
    rule_form,
)
from ..model.acts import TITLE_TARGET

__all__ = ["TITLE_TARGET"]

# When an act or a change takes effect, read in the form it is written in (`rule_form`), so
# that a wrong rule is told in the terms of its own form. The one reading of a rule: the
# records' `in_force` and the command line's (`in_force_option`).
InForceRuleIn = Annotated[
    Annotated[InForceKeyword, Tag("keyword")]
    | Annotated[InForceDate, Tag("date_rule")]
    | Annotated[InForceAfterDays, Tag("days_rule")]
    | Annotated[InForceAfterSigning, Tag("signing_days_rule")],
    Discriminator(rule_form, custom_error_type="in_force_rule",
                  custom_error_message=f"expected {IN_FORCE_FORMS}"),
]


class DocumentIn(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$",
                    description="The document's id: the file name of every output and the "
                                "`target` of a repeal (lowercase letters, digits, hyphens).")
    type: ActType = Field(description="The type of the act that adopted the document.")
    issuer: str = Field(description="Who adopted it: a key of the registry of issuers "
                                    "(`legalgen docs issuers`) or of `issuers` in legalgen.yaml.")
    number: str = Field(description="The number of the act that adopted the document, as "
                                    "printed (\"1169\").")
    date: LegalDate = Field(description="The day the document was adopted (YYYY-MM-DD).")
    title: str = Field(description="The document's title in this language, as printed.")
    signatory: Signatory = Field(description="Who signed the document, as printed under it.")
    registration: Registration | None = Field(
        default=None, description="The state registration of the act that adopted the "
                                  "document with the Ministry of Justice (an order): its number "
                                  "and day, printed after the adoption line.")
    publication: Publication | None = Field(
        default=None, description="The first official publication of the document: its source "
                                  "and day.")
    in_force: LegalDate | None = Field(
        default=None, description="The day the document took effect, if not its adoption day "
                                  "(YYYY-MM-DD); the site counts from it.")


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

    kind: TodoKind = Field(description="What the placeholder stands for (earlier-wording, "
                                       "edits, act-title, publication, in-force …).")
    target: str | None = Field(default=None, description="The unit it concerns.")
    act: str | None = Field(default=None, description="The act it concerns.")
    source: str | None = Field(default=None,
                               description="Where it stands in the published text.")
    text: str | None = Field(default=None, description="Its words in the published text.")


# An item of a `todo` list: a sentence (`legalgen record`: a record that is not complete, an
# error until done) or a placeholder (`legalgen import`: information until done).
TodoItem = str | TodoIn


class ManifestIn(Strict):
    document: DocumentIn = Field(description="The document as adopted: its id, act and title.")
    files: list[str] = Field(min_length=1,
                             description="The content files of this language, in the order "
                                         "of the text, as paths inside this folder.")
    # Units whose numbers the published texts print differently in the languages (an import
    # lists them): `validate` tells their difference as information, not as an error.
    as_published: list[str] = Field(
        default_factory=list, description="Units whose numbers the published texts print "
                                          "differently in the languages: told as information.")
    todo: list[TodoIn] = Field(default_factory=list,
                               description="Placeholders of an import: what the published text "
                                           "does not show, to fill in and then remove.")


class ContentFileIn(Strict):
    parent: str | None = Field(default=None,
                               description="The full id of the unit of an earlier file that "
                                           "these units belong under; none: the top level.")
    units: list[Any] = Field(description="The units of the file, in the order of the text "
                                         "(`legalgen docs content-format`).")


class ActIn(Strict):
    type: ActType = Field(description="The type of the amending act (resolution, order, law …).")
    issuer: str = Field(min_length=1,
                        description="Who issued the act: a key of the registry of issuers "
                                    "(`legalgen docs issuers`) or of `issuers` in legalgen.yaml.")
    number: str = Field(min_length=1, description="The act's number, as printed.")
    date: LegalDate = Field(description="The day the act was signed (YYYY-MM-DD).")
    published: LegalDate | None = Field(
        default=None, description="The day of its first official publication; leave it out "
                                  "while the act is not published yet.")
    registered: LegalDate | None = Field(
        default=None, description="The day of its state registration, for the rule "
                                  "on_registration.")
    in_force: InForceRuleIn = Field(
        default="on_signing",
        description=f"When the act takes effect: {IN_FORCE_FORMS}.")
    in_force_text: LangText | None = Field(
        default=None, description="The act's own clause on its entry into force, printed in "
                                  "the notes as given instead of legalgen's wording.")
    title: LangText = Field(description="The act's title, as printed, in every language.")
    signatory: LangSignatory | None = Field(
        default=None, description="Who signed the act, in every language (for its drafted "
                                  "text).")
    registration: Registration | None = Field(
        default=None, description="The act's state registration with the Ministry of Justice "
                                  "(an order): its number and day (its day is `registered`), "
                                  "printed on its drafted act's blank.")
    acting: bool = Field(default=False,
                         description="true: signed by a person acting for the issuer's head.")
    note_style: NoteStyle | None = Field(
        default=None, description="How the notes name this act, where the publisher writes a "
                                  "form in several ways; over the project's `notes`.")

    @property
    def id(self) -> ActId:
        return ActId(self.issuer, self.type, self.date, self.number)


class ChangeIn(Strict):
    # In the order a drafter writes them, which `legalgen record` keeps.
    target: str = Field(min_length=1,
                        description="The unit changed (its id: `legalgen outline`); for insert, "
                                    "the parent unit; `title`, the document's title; for "
                                    "repeal, the document id.")
    action: Literal["replace", "amend", "insert", "delete", "lose_force", "repeal"] = Field(
        description="What the change does: replace the unit, amend its words, insert a unit, "
                    "delete (exclude) the unit, make it lose force, or repeal the document.")
    after: str | None = Field(default=None,
                              description="insert: the id of the sibling the new unit follows.")
    before: str | None = Field(default=None,
                               description="insert: the id of the sibling the new unit precedes.")
    in_force: InForceRuleIn | None = Field(
        default=None, description=f"When this change takes effect, if not with the act: "
                                  f"{IN_FORCE_FORMS}.")
    in_force_text: LangText | None = Field(
        default=None, description="The act's own clause on this change's entry into force, "
                                  "printed as given.")
    note_on: str | None = Field(default=None,
                                description="The id of the unit whose note names this change "
                                            "(\"changes made\"), instead of the unit changed.")
    edits: list[EditIn] | None = Field(default=None,
                                       description="amend: the words replaced, deleted or "
                                                   "appended, in the order of the text.")
    content: LangUnits | None = Field(
        default=None, description="replace, insert: the new unit (or units) in every language; "
                                  "a new heading or title: its text.")
    provenance: Literal["official", "reconstructed"] = Field(
        default="official", description="official: the wording as published; reconstructed: "
                                        "a wording rebuilt, marked so in every output.")
    # Shown to readers of every language: one text per language, as the act's title.
    reason: LangText | None = Field(
        default=None, description="reconstructed: why and how the wording was rebuilt, shown "
                                  "to the readers, in every language.")
    # The heading of the target alone, not the whole unit.
    part: Literal["heading"] | None = Field(
        default=None, description="heading: the change replaces or amends the target's heading "
                                  "alone, not the whole unit.")
    # The languages whose text changes; `content` and `edits` then give those only.
    only: list[str] | None = Field(
        default=None, min_length=1,
        description="replace, amend: the languages whose text changes; `content` and `edits` "
                    "then give those only.")
    # More units excluded (or losing force) with the target, named in one note.
    also: list[str] | None = Field(
        default=None, min_length=1,
        description="delete, lose_force: more units excluded or losing force with the target, "
                    "named in one note.")
    # One change or several, as the note says it (the Russian notes tell them apart).
    note_count: NoteCount = Field(
        default="several", description="one or several: how many changes the note says the act "
                                       "made to the unit.")
    # How the drafted act names the part the change is in, where the publisher writes it two
    # ways: true, a line of its own ("in section «X»:" above the instruction); false, in the
    # instruction itself ("in the list …, point 4 be excluded"); unset, the usual form.
    group_line: bool | None = Field(
        default=None, description="How the drafted act names the part the change is in: true, "
                                  "on a line of its own above the instruction; false, inside "
                                  "the instruction; unset, the usual form.")


class AmendmentIn(Strict):
    act: ActIn = Field(description="The amending (or repealing) act: its type, issuer, number, "
                                   "dates and title.")
    changes: list[ChangeIn] = Field(min_length=1,
                                    description="The act's changes to the document, in the "
                                                "act's order.")
    todo: list[TodoItem] = Field(
        default_factory=list, description="What is left to do: a sentence (an error until done) "
                                          "or a placeholder of an import (information).")


class IssuerFormsIn(Strict):
    """An issuer in the genitive in one language; `head_*` is the position that signs orders."""

    short: str = Field(min_length=1, description="The short genitive, as the notes name the "
                                                 "issuer.")
    long: str | None = Field(default=None,
                             description="The long genitive, as the document head names the "
                                         "issuer; the short one when not given.")
    head_short: str | None = Field(default=None,
                                   description="The short genitive of the position that signs "
                                               "the body's orders (its head).")
    head_long: str | None = Field(default=None,
                                  description="The long genitive of the head's position; the "
                                              "short one when not given.")


# An issuer's forms by language: a project's issuer gives every language of the project; the
# built-in registry may lack a language, which an act of that issuer then reports.
IssuerIn = Annotated[dict[str, IssuerFormsIn], EVERY_LANGUAGE, PER_LANGUAGE,
                     Field(description="The issuer's names in the genitive.")]


class DefaultsIn(Strict):
    """What the project's amending acts usually are, for `new-act`, `record` and `init`."""

    type: ActType | None = Field(
        default=None, description="The usual type of an amending act (resolution, order …); "
                                  "else the document's own type.")
    issuer: str | None = Field(
        default=None, min_length=1,
        description="The usual issuer of an amending act: a key of the registry of issuers "
                    "(`legalgen docs issuers`) or of `issuers` in legalgen.yaml.")
    signatory: LangSignatory | None = Field(
        default=None, description="Who usually signs an amending act, in every language (for "
                                  "`new-act`'s drafted text).")


class BlankFormsIn(Strict):
    """An act's blank in one language (`generator/load/blanks.yaml` says what each field holds)."""

    heading: list[str] = Field(min_length=1, description="The lines of the blank's heading, "
                                                         "from the top.")
    date_line: str = Field(min_length=1, description="The line of the act's date and number: "
                                                     "{date}, {date_on}, {date_plain}, {number}.")
    place: str = Field(default="", description="Where the act was signed, as printed by the "
                                               "date.")
    position: str = Field(min_length=1, description="The signatory's position, as printed "
                                                    "above the name.")
    registration: str | None = Field(
        default=None, description="The line of the act's state registration: {date_on}, "
                                  "{number}; none: the blank prints no such line.")


class BlankIn(Strict):
    """The blank of an issuer's acts of one type: where the date stands, and its forms in every
    language."""

    dated: Literal["head", "foot"] = Field(
        default="head", description="Where the date and place stand: under the heading (head) "
                                    "or under the signature (foot).")
    forms: Annotated[dict[str, BlankFormsIn], EVERY_LANGUAGE, PER_LANGUAGE,
                     Field(description="The blank's forms in every language.")]


# A workspace document's id: its folder's name and its outputs' file name.
DocumentId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
                                              max_length=100)]


class ConfigIn(Strict):
    """legalgen.yaml: the project's own settings."""

    issuers: dict[str, IssuerIn] = Field(
        default_factory=dict, description="The issuers the built-in registry lacks, by key, in "
                                          "the genitive in every language.")
    blanks: dict[str, BlankIn] = Field(
        default_factory=dict, description="The blanks of acts the built-in registry lacks or "
                                          "that the project sets otherwise, by "
                                          "\"<issuer>/<type>\" (`legalgen docs issuers`).")
    defaults: DefaultsIn = Field(
        default_factory=DefaultsIn,
        description="What the project's amending acts usually are: `new-act`, `record` and "
                    "`init` use them where no --type, --issuer is given.")
    documents: list[DocumentId] = Field(
        default_factory=list, description="A workspace's documents, each in documents/<id>/, in "
                                          "the order commands take them; none: the folder is "
                                          "one document.")
    # The publication style of the notes: the forms of an era (`era`), and the forms every act
    # takes where the publisher writes one several ways; an act's `note_style` overrides them.
    notes: NoteStyle | None = Field(
        default=None, description="The publication style of every act's notes: the forms of "
                                  "an era and the forms the publisher writes several ways.")


# The command line's short forms of a rule (`legalgen record --in-force`), read as a record's.
IN_FORCE_OPTION = "on_signing, on_publication, YYYY-MM-DD or days:N"
DAYS_OPTION = "days:"
_IN_FORCE: TypeAdapter[InForceRule] = TypeAdapter(InForceRuleIn)


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
            raise ValueError(tr("'{text}' is no rule: expected {forms}",
                                text=text, forms=IN_FORCE_OPTION)) from None
        raise ValueError(f"'{text}': {describe_error(error)}") from None
