"""What a language gives to read its published texts back (`legalgen import`).

Reads and writes nothing. A published consolidated text is the law's words as its publisher
prints them: the enacting formula, approval and appendix stamps, chapter and article headings,
the lines of excluded units, editorial remarks, the notes under changed units. `PublishedForms`
is the contract a language fulfils so that the importer, which holds no word of any language,
can tell these apart: patterns of the printed forms, the words it writes in place of what a
published text does not show, and the reader of its notes.

A note is read into `ReadNote`: the unit it speaks of (`UnitRef`; the kinds `title` and `part`
stand for the document's title and for a named annexed document such as "the Rules", which are
no unit kinds), and what each act did (`ReadOperation`), each act as printed (`ReadAct`: the
issuer's words, not yet its key in the registry). The importer turns them into `NoteFacts`.
"""

from __future__ import annotations

import abc
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal

from .acts import InForceRule
from .notes import UnitRef

# A note's subject that is no unit of the kind table: the document's title, an annexed document
# named by its name ("the Rules"), the document itself (a note on its own entry into force).
TITLE = "title"
PART = "part"
WHOLE = "document"
# What a note says an act did: the note operations of `NoteFacts`, and what the corpus of
# published notes adds — a unit that lost force, a change in force from a date of its own, a
# change of the other language's text only.
ReadOperationKind = Literal["replace", "amend", "insert", "exclude", "lose_force", "in_force",
                            "other_language"]
# Why a wording in an imported project is a placeholder, each with its words in every language.
ReasonKey = Literal["earlier_wording", "unknown_edits", "excluded_wording"]


@dataclass(frozen=True, slots=True)
class ReadAct:
    """An act as a note prints it: the issuer's words, the act type, date, number and the
    in-force bracket's words (without the parentheses)."""

    issuer: str
    type: str
    date: dt.date
    number: str
    bracket: str | None = None
    acting: bool = False  # signed by an acting head
    # The named forms its note shows (`NoteStyle` keys), None where the form is the grammar's
    # default; a form the note has no place for is not there.
    style: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class ReadOperation:
    operation: ReadOperationKind
    acts: tuple[ReadAct, ...]
    added: UnitRef | None = None  # what an insert added
    in_force: dt.date | None = None  # the date of an `in_force` note


@dataclass(frozen=True, slots=True)
class ReadNote:
    """A published note read into its subject and operations; `heading`: the note speaks of
    the subject's heading only ("The heading of chapter 2 …")."""

    subject: UnitRef
    operations: tuple[ReadOperation, ...]
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Adoption:
    """The adopting act of a document, as its head line ("Resolution of the Government of the
    Republic of Kazakhstan of 4 February 2005 No 103") or a stamp names it."""

    type: str | None
    issuer: str | None  # the issuer's words in full, as the head line prints them
    date: dt.date | None
    number: str | None


class NoteNotRead(ValueError):
    """A note whose words the language cannot read: the reason, for the drafter."""


class NoActNamed(NoteNotRead):
    """A note that names no act the reader can make out (a date and a number): a damaged
    text, whose history would lose the act."""


class PublishedForms(abc.ABC):
    """One language's printed forms, as the importer reads them. Patterns are matched against
    text whose look-alike letters were folded (`fold`)."""

    code: ClassVar[str]
    # The name the public mirrors of the official database give the language (their files
    # `kaz.md`, their keys `title.kaz`), and whether they write an act's requisites in it.
    mirror_name: ClassVar[str]
    mirror_requisites: ClassVar[bool] = False
    note_word: ClassVar[re.Pattern[str]]
    # The head of a page: a status line ("Repealed") and whether it says the document is
    # repealed.
    status: ClassVar[re.Pattern[str]]
    repealed_status: ClassVar[re.Pattern[str]]
    # The enacting formula that ends the preamble.
    enacting: ClassVar[re.Pattern[str]]
    # An editorial remark of the publisher, followed by one paragraph that is not the act's.
    editorial: ClassVar[re.Pattern[str]]
    # An approval stamp (its first or last line), an appendix stamp (group `label`), an appendix
    # of the act itself rather than of an annexed document, an agreement stamp, a form's mark.
    approval_stamp: ClassVar[re.Pattern[str]]
    appendix_stamp: ClassVar[re.Pattern[str]]
    appendix_of_act: ClassVar[re.Pattern[str]]
    agreed_stamp: ClassVar[re.Pattern[str]]
    form_mark: ClassVar[re.Pattern[str]]
    # Headings with their word: groups `label` and `heading`.
    chapter: ClassVar[re.Pattern[str]]
    section: ClassVar[re.Pattern[str]]
    article: ClassVar[re.Pattern[str]]
    # The words that stand for an excluded unit or one that lost force, after its label.
    exclusion: ClassVar[re.Pattern[str]]
    # The title of an annex of amending instructions to other acts: its inner labels are
    # quotations, not units of this text.
    instruction_annex: ClassVar[re.Pattern[str]]
    # A line of an instruction that starts with the label it speaks of (Kazakh "5) sub-point …"),
    # which is text, not a unit; None where the language puts the label elsewhere.
    reference_line: ClassVar[re.Pattern[str] | None]
    # The words of a signatory's position, and of a table's total row.
    signatory: ClassVar[re.Pattern[str]]
    total: ClassVar[re.Pattern[str]]
    # What an imported project says where a published text does not show a wording.
    placeholder: ClassVar[str]
    reasons: ClassVar[Mapping[ReasonKey, str]]
    # In-force clauses notes printed in earlier years, besides today's wording of each rule: a
    # bracket that differs from one of them by a slip of the pen is read as that one.
    known_brackets: ClassVar[tuple[str, ...]]

    def fold(self, text: str) -> str:
        """`text` with look-alike letters of another alphabet as the language's own."""
        return text

    @abc.abstractmethod
    def adoption(self, line: str) -> Adoption | None:
        """The adopting act a head line or stamp names, if it names one."""

    @abc.abstractmethod
    def date(self, text: str) -> dt.date | None:
        """The first date `text` writes in words or in figures."""

    @abc.abstractmethod
    def act_type(self, word: str) -> str | None:
        """The act type an act word in any case names ("by the resolution" → resolution)."""

    @abc.abstractmethod
    def read_note(self, body: str) -> ReadNote:
        """A note's words after the note word; `NoteNotRead` says why they cannot be read."""

    @abc.abstractmethod
    def read_exclusion(self, label: str, words: str) -> ReadNote:
        """The line of an excluded unit: its label and the words after it ("Excluded by the
        resolution …"); `NoteNotRead` says why they cannot be read."""

    @abc.abstractmethod
    def bracket_rule(self, bracket: str) -> InForceRule | None:
        """The rule an in-force bracket's words state, whatever their wording; None: a rule
        legalgen has no form for (so many days after signing, "see point 2")."""

    def split_words(self, text: str, vocabulary: frozenset[str]) -> str:
        """A plain-text copy's words split by its extraction, joined again where `vocabulary`
        (the document's own words) knows the whole; nothing by default."""
        return text


def stripped_bracket(text: str) -> str:
    """A bracket's words without its parentheses and surrounding space."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return text.strip()
