"""Amending acts and their changes, as read from the amendment records.

Reads and writes nothing. An `Act` is one record's act, known by its `ActId`; a `Change` one item
of its `changes`, with the in-force rule that applies to it and the first day it is in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Annotated, Any, ClassVar, Literal, get_args

from ..i18n import tr
from .checks import EVERY_LANGUAGE, PER_LANGUAGE, MinLength, about
from .diagnostics import SourcePos
from .document import INPUT_CONFIG, IssuerName, LegalDate, Registration
from .names import readable_name, unique_names

NonEmptyText = Annotated[str, MinLength(1)]
# Values in every language of the project, by language code.
LangText = Annotated[dict[str, NonEmptyText], EVERY_LANGUAGE, PER_LANGUAGE]
# Words of an edit, which may be none: the words deleted, or appended where none are found.
LangWords = Annotated[dict[str, str], EVERY_LANGUAGE, PER_LANGUAGE]
LangUnits = Annotated[dict[str, Any], EVERY_LANGUAGE, PER_LANGUAGE]


@dataclass(frozen=True, slots=True)
class ActSignatory:
    """Who signed an act, in one language: the name, the position (by default the one of the
    act's blank) and whether the signatory acts for the holder of that position."""

    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    name: str = field(metadata=about("The signatory's name, as printed (initials, surname).",
                                     min_length=1))
    position: str | None = field(
        default=None, metadata=about("The signatory's position, as printed above the name; by "
                                     "default the one of the act's blank.", min_length=1))
    acting: bool = field(default=False, metadata=about("true: the signatory acts for the "
                                                       "holder of the position."))


LangSignatory = Annotated[dict[str, ActSignatory], EVERY_LANGUAGE, PER_LANGUAGE]


@dataclass(frozen=True, slots=True)
class InForceDate:
    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    date: LegalDate = field(metadata=about("The day it takes effect (YYYY-MM-DD)."))


@dataclass(frozen=True, slots=True)
class InForceAfterDays:
    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    after_publication_days: int = field(metadata=about(
        "It takes effect when this many days have passed after the day of its first official "
        "publication (`published`).", ge=1, le=365))


@dataclass(frozen=True, slots=True)
class InForceAfterSigning:
    """N calendar days after the day the act is signed."""

    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    after_signing_days: int = field(metadata=about(
        "It takes effect when this many calendar days have passed after the day it was signed.",
        ge=1, le=365))


# The rules named by a word: on the day of signing, of the first official publication, the day
# after that publication, the day of state registration.
InForceKeyword = Literal["on_signing", "on_publication", "day_after_publication", "on_registration"]
IN_FORCE_KEYWORDS: tuple[str, ...] = get_args(InForceKeyword)
IN_FORCE_FORMS = ("on_signing, on_publication, day_after_publication, on_registration, "
                  "{date: YYYY-MM-DD}, {after_publication_days: N} or {after_signing_days: N}")
# The forms of a rule, as tags of its input union (`load.schema.InForceRuleIn`). A tag stands in
# the place of an error but names no field a drafter writes (`load.schema` leaves it out of the
# place it shows).
IN_FORCE_TAGS = ("keyword", "date_rule", "days_rule", "signing_days_rule")


def rule_form(value: Any) -> str | None:
    """Which form a rule is written in, so that a wrong rule is told in the terms of its own
    form; None: in no form."""
    if value in IN_FORCE_KEYWORDS:
        return "keyword"
    if isinstance(value, InForceDate) or isinstance(value, dict) and "date" in value:
        return "date_rule"
    if isinstance(value, InForceAfterDays) or (
            isinstance(value, dict) and "after_publication_days" in value):
        return "days_rule"
    if isinstance(value, InForceAfterSigning) or (
            isinstance(value, dict) and "after_signing_days" in value):
        return "signing_days_rule"
    return None


# When an act or a change takes effect; the input layer reads it in the form `rule_form` names
# (`load.schema.InForceRuleIn`), the one reading of the records' `in_force` and of the command
# line's.
InForceRule = InForceKeyword | InForceDate | InForceAfterDays | InForceAfterSigning

# The kinds of act; each language has its words for every one (the act-word tables of lang/).
ActType = Literal["resolution", "law", "constitutional_law", "code", "decree", "decree_law",
                  "order", "decision", "instruction"]
# Orders are signed by the head of the issuing body: "the order of the Minister of …".
SIGNED_BY_HEAD: frozenset[str] = frozenset({"order"})
# Laws and codes are named by the Republic, whoever adopted them: "by the Law of the RK".
NAMED_BY_REPUBLIC: frozenset[str] = frozenset({"law", "constitutional_law", "code"})
REPUBLIC = "republic"


# Where an act's date and place stand on its blank: under the heading (resolutions, orders,
# decisions) or under the signature (decrees and laws).
Dated = Literal["head", "foot"]


@dataclass(frozen=True, slots=True)
class Blank:
    """The official blank of an act in one language, as the registry of blanks gives it for the
    act's issuer and type: the heading lines, the date line ({date}, {date_on}, {date_plain}:
    the date in the language's forms; {number}), the place, the signatory's position, where the
    date and place stand, and the line of a registration ({date_on}, {number}) if the act is
    registered."""

    heading: tuple[str, ...]
    date_line: str
    place: str
    position: str
    dated: Dated = "head"
    registration: str | None = None


# The target of a change that names the document's own title.
TITLE_TARGET = "title"
# How many changes an act made to a unit, as a note says it.
NoteCount = Literal["one", "several"]


@dataclass(frozen=True, slots=True)
class EditIn:
    """Words replaced by others; with `replace` empty, words deleted; with `find` empty, words
    appended at the end of the unit's text (whose own final mark gives way to theirs)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    find: LangWords = field(metadata=about("The words as the unit's text has them now, in every "
                                           "language; empty: words appended at the end."))
    replace: LangWords = field(metadata=about("The words put in their place, in every "
                                              "language; empty: the words found are deleted."))
    all: bool = field(default=False, metadata=about("true: every occurrence of the words "
                                                    "found; otherwise they must occur once."))

    def __post_init__(self) -> None:
        """Every language finds words or gives new ones, and all of them do the same."""
        shapes = {(not self.find.get(code), not self.replace.get(code))
                  for code in {*self.find, *self.replace}}
        if (True, True) in shapes:
            raise ValueError(tr("an edit needs the words it finds or the words it adds"))
        if len(shapes) > 1:
            raise ValueError(tr("an edit deletes, appends or replaces words alike in every "
                                "language"))

    @property
    def appends(self) -> bool:
        return not any(self.find.values())

    @property
    def deletes(self) -> bool:
        return not any(self.replace.values())


# Where the publisher writes a form of its notes in several ways, each way by name (none of
# them a word of any language; each language's grammar knows what it means for it).
DashStyle = Literal["hyphen", "en_dash"]
NumberSign = Literal["numero", "latin_n"]
DateForm = Literal["day_first", "year_first", "year_first_dot"]
BracketPlace = Literal["before_act_word", "after_act_word"]
IssuerForm = Literal["short", "long"]
WordCase = Literal["lower", "capital"]
TitleForm = Literal["plain", "owner"]
HolderForm = Literal["named", "omitted"]
TextForm = Literal["possessive", "plain"]
ChangesWord = Literal["by_acts", "plural"]
InForceWording = Literal["after_day", "after_first", "from_day", "from_day_his", "after_passing",
                         "first_short"]


@dataclass(frozen=True, slots=True)
class NoteStyle:
    """How the notes name an act, where the publisher writes a form in several ways.

    Every field left out (None) takes the form of the act's era — the forms the publisher used
    when the act was entered, derived from `era` or else from the act's date —, and where the
    publisher was inconsistent within an era, the form it uses from 2017 on. A project may set
    defaults for all its acts (`notes` in legalgen.yaml); an act's record sets its own
    (`note_style`). `legalgen docs record-format` shows each form in each language."""

    __pydantic_config__: ClassVar[dict[str, Any]] = INPUT_CONFIG

    era: LegalDate | None = field(default=None, metadata=about(
        "A date: the notes take the forms the publisher used on that day (default: the "
        "act's date)."))
    dash: DashStyle | None = field(default=None, metadata=about(
        "The dash before the act in a Kazakh note: hyphen or en_dash."))
    number_sign: NumberSign | None = field(default=None, metadata=about(
        "The number sign before the act's number: numero or latin_n."))
    date_form: DateForm | None = field(default=None, metadata=about(
        "How a Kazakh note writes the act's date: day_first, year_first or "
        "year_first_dot."))
    bracket: BracketPlace | None = field(default=None, metadata=about(
        "Where the in-force bracket stands: before_act_word or after_act_word."))
    issuer_form: IssuerForm | None = field(default=None, metadata=about(
        "The issuer's name in the notes: short or long."))
    act_word: WordCase | None = field(default=None, metadata=about(
        "The act word of a Kazakh note in lower case or with a capital."))
    title: TitleForm | None = field(default=None, metadata=about(
        "How a Kazakh note names the document's title: plain or owner (the title of the "
        "act)."))
    insert_holder: HolderForm | None = field(default=None, metadata=about(
        "Whether a Kazakh insertion note names the document inserted into: named or "
        "omitted."))
    other_text: TextForm | None = field(default=None, metadata=about(
        "How a Kazakh note names the other language's text: possessive or plain."))
    changes_word: ChangesWord | None = field(default=None, metadata=about(
        "The Kazakh word for changes: by_acts (by the number of acts) or plural."))
    wording: InForceWording | None = field(default=None, metadata=about(
        "The wording of an in-force bracket of days after publication (`legalgen docs "
        "record-format`)."))
    signing_bracket: bool | None = field(default=None, metadata=about(
        "true: an act in force on signing shows its in-force bracket too."))
    see_point: str | None = field(default=None, metadata=about(
        "A point of the act: the in-force bracket refers to it.", min_length=1))

    def over(self, defaults: NoteStyle) -> NoteStyle:
        """This style, with `defaults` where it leaves a form out."""
        return defaults.with_forms(self.given())

    def with_forms(self, forms: Mapping[str, Any]) -> NoteStyle:
        """This style with `forms` (by name) set, the others as they are."""
        return replace(self, **forms)

    def given(self) -> dict[str, Any]:
        """The forms set, by name."""
        return {name.name: getattr(self, name.name) for name in fields(self)
                if getattr(self, name.name) is not None}


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
    def name_text(self) -> str:
        """'2013-11-07-1169': what the act's file names are made from."""
        return f"{self.date.isoformat()}-{self.number}"

    @property
    def file_stem(self) -> str:
        """'2013-11-07-1169', the readable name of the act's files ("22-n/k" gives "22-n-k");
        among several acts `act_file_stems` gives the names, which never collide."""
        return readable_name(self.name_text)


def act_file_stems(ids: Iterable[ActId]) -> dict[str, str]:
    """The name of each act's files by its key: its readable name, with a short hash where two
    acts' readable names are one ("900+" and "900-", or one number of two issuers)."""
    return unique_names({act.key: act.name_text for act in ids})


@dataclass(frozen=True, slots=True)
class Act:
    """An amending (or repealing) act, read from one amendment record."""

    type: str
    issuer: str
    number: str  # a free string, as printed: "1169", "22-n/k", "231-V"
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
    signatory: dict[str, ActSignatory] | None = None
    registration: Registration | None = None  # an order's, with the Ministry of Justice
    # Signed by a person acting for the head of the issuer (the notes say so before the name).
    acting: bool = False
    # The act's official blank per language, from the registry of blanks; None: it has none.
    blank: dict[str, Blank] | None = None
    # How the notes name the act where the publisher writes a form several ways.
    note_style: NoteStyle = field(default_factory=NoteStyle)
    # The day of its state registration (the rule `on_registration`).
    registered: dt.date | None = None
    # Where each field of the act stands in its record ("number", "date", "published",
    # "in_force", "title", "registration").
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
    # How many changes the act made to the unit, as the note says it ("one change" / "changes").
    note_count: NoteCount = "several"
    # The languages whose text the change alters; empty: every language.
    only: tuple[str, ...] = ()
    # Further units the change treats as it treats `target`, which one note names together.
    also: list[str] = field(default_factory=list)
    # The part of the target the change is about ("heading"); None: the whole unit.
    part: str | None = None
    group_line: bool | None = None  # see `load.schema.ChangeIn.group_line`
    # In a projection, a change whose in-force day is not known yet: `effective` is the
    # projection's day, which no reader is told as the day it takes effect.
    projected: bool = False

    @property
    def known_effective(self) -> dt.date | None:
        return None if self.projected else self.effective

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, int, int]:
        return (self.effective or dt.date.max, self.act.date, self.act.order, self.index)

    @property
    def where(self) -> str:
        return tr("change {number} of act No {act} (target {target})",
                  number=self.index + 1, act=self.act.number, target=self.target)


def effective_date(act: Act, rule: InForceRule) -> dt.date | None:
    """The first day a change is in force; None when the rule needs an unknown publication or
    registration."""
    if rule == "on_signing":
        return act.date
    if rule == "on_publication":
        return act.published
    if rule == "on_registration":
        return act.registered
    if isinstance(rule, InForceDate):
        return rule.date
    # N days after a day run out at the end of day N; the act applies the next day.
    if isinstance(rule, InForceAfterSigning):
        return act.date + dt.timedelta(days=rule.after_signing_days + 1)
    if act.published is None:
        return None
    if rule == "day_after_publication":
        return act.published + dt.timedelta(days=1)
    if isinstance(rule, InForceAfterDays):
        return act.published + dt.timedelta(days=rule.after_publication_days + 1)
    raise ValueError(tr("unknown in-force rule {rule!r}", rule=rule))
