"""The language contract: what every language module provides to the stages and writers.

A language module (`generator/lang/<code>.py`) owns all wording and every form: unit words and
their cases, act words, the note sentences, in-force brackets, dates in words and in figures,
numbers, the number sign, the words of amount units, the letters the font must have, whether the
printed text can be hyphenated, the example texts of a new programme, and the phrases of the
outputs. The annotate stage, the diff, the command line and the writers ask it through what is
declared here and nothing else; none of them holds a word of any language. The contract lives
with the model because the annotated version and the diff carry their language.

The contract has three parts:

- **Attributes**: `code`, `locale`, `note_word`, `characters`, `amount_units`, `hyphenation`,
  `starter` (class attributes every language sets).
- **Phrases**: the fixed texts of the outputs, a closed set of keys (`PhraseKey`). Each language
  class gives every key in its `phrases` mapping, no more and no fewer; a class that does not is
  refused when it is defined.
- **Grammar**: the abstract methods of `Language`, which word the notes from their facts
  (`generator/model/notes.py`, into segments), the lines of the document head, and the names of
  units and acts from the model's objects.
- **Unit words**: the word of every kind of the kind table (`model.kinds`) in `unit_words`, in
  the form the language's grammar needs; a class that lacks one is refused when it is defined,
  and no stand-in word ever hides a missing one.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar, get_args

from .acts import Act, InForceDate
from .document import Document, Unit
from .kinds import Subject, kind_names
from .notes import ActMention, NoteFacts, PendingFacts, UnitRef, Words, words

W = TypeVar("W")

# The fixed texts of the outputs, by key. Adding a key here makes every language supply it.
PhraseKey = Literal[
    # The consolidated version
    "contents",          # heading of the table of contents
    "pending",           # heading of the notice of changes not yet in force
    "pending_intro",     # its first sentence, before the list of acts
    "version",           # the word "version"
    "in_force_on",       # "as in force on", inside the version heading
    "reconstructed",     # mark of a wording reconstructed, not official
    "in_force_unknown",  # a pending act whose in-force date is not known yet (no publication)
    "projection",        # the heading of the projected text: every pending act in force
    "pending_now",       # `versions`: the acts signed and not in force on the day given
    "original",          # the version as adopted, in the list of versions
    "reconstructed_texts",  # heading of the list of reasons for reconstructed wordings
    "contains_reconstructed",  # the title page of a version that shows reconstructed wordings
    "status_repealed",   # status of a repealed document
    "page",              # the word "page"
    "year",              # the word "year"
    "number_sign",       # the sign before an act's number, and the heading of a number column
    # The comparison of two versions
    "diff_title",
    "diff_summary",
    "diff_unit",
    "diff_change",
    "diff_acts",
    "diff_in_force",     # the day a change took effect, in the summary of changes
    "diff_none",
    # One per change kind of `generator.diff` ("diff_<kind>")
    "diff_added",
    "diff_excluded",
    "diff_reworded",
    "diff_moved",
    "diff_removed",
    "diff_repealed",
    # The publication site (`legalgen site`)
    "language_name",     # the language's own name, on the switch to it
    "site_home",         # the home page of a document on the site
    "site_search",       # the search box and its page
    "site_search_none",  # no unit matches the search
    "site_search_in",    # where the search looks
    "site_timeline",     # the list of versions on the home page
    "site_status_in_force", # status of a document in force
    "site_status_not_yet", # status of a document not yet in force
    "site_current",      # the version in force today, in the timeline
    "site_future",       # a version that takes effect later, in the timeline
    "site_final",        # the last version of a document repealed by today, in the timeline
    "site_compare_previous", # link from a version to the redline with the previous one
    "site_download",     # the downloads of a version
    "site_acts",         # the amending acts listed on the home page
    "site_act_in_force", # the in-force rule and date on an act's page
    "site_changed_units", # the units an act changed, on its page
    "site_act_text",     # the drafted text of an act, on its page
    "site_skip",         # the link that skips to the text
    "site_errors",       # heading of the page shown when the project has errors
    "site_edited",       # on that page: the files the last edit changed
    "site_last_good",    # link to the last good text from the error page
]
PHRASE_KEYS: frozenset[str] = frozenset(get_args(PhraseKey))


@dataclass(frozen=True, slots=True)
class StarterTexts:
    """The example wording `legalgen init` writes into a new programme in one language, for the
    drafter to replace."""

    title: str          # the programme's title when none is given
    section: str        # the heading of its one section
    point: str          # its one point; `{year}` is the year the point names
    position: str       # the signatory's position
    name: str           # the signatory's name
    example_act: str    # the title of the example amending act
    issuer: str         # an issuer in the genitive, as the example in legalgen.yaml names it
    order: OrderStarterTexts | None = None  # `init --type order`: an order approving a plan


@dataclass(frozen=True, slots=True)
class OrderStarterTexts:
    """The example wording of an order that approves a plan of measures, in one language."""

    preamble: str       # the reason and the formula (ending in "I ORDER:")
    approve: str        # its point 1: the plan attached approved
    in_force: str       # its point 2: in force from its signing
    stamp: tuple[str, ...]   # the plan's approval stamp; `{date}`, `{number}` of the order
    heading: str        # the plan's heading
    header: tuple[str, ...]  # the plan's columns: number, measure, term, who
    measure: str        # its one measure
    term: str           # its term; `{year}` is the year it names


def phrase_problems(phrases: Mapping[str, str]) -> list[str]:
    """What keeps `phrases` from being the closed set: missing keys, then unknown ones."""
    problems = [f"missing phrase {key!r}" for key in sorted(PHRASE_KEYS - set(phrases))]
    problems += [f"unknown phrase {key!r}" for key in sorted(set(phrases) - PHRASE_KEYS)]
    return problems


def unit_word_problems(words: Mapping[str, object], word_type: type | None) -> list[str]:
    """What keeps `words` from giving every kind of the kind table its word of `word_type`."""
    if word_type is None:
        return ["no type of unit word (unit_word)"]
    kinds = kind_names()
    problems = [f"no word for the unit kind {kind!r}" for kind in kinds if kind not in words]
    problems += [f"a word for the unknown unit kind {kind!r}" for kind in words
                 if kind not in kinds]
    problems += [f"the word for {kind!r} is not a {word_type.__name__}"
                 for kind, word in words.items() if not isinstance(word, word_type)]
    return problems


def kind_word(words: Mapping[str, W], kind: str, code: str) -> W:
    """The word of a kind in a language's `unit_words`."""
    if kind not in words:
        raise LookupError(f"the language '{code}' has no word for the unit kind '{kind}' "
                          "(generator.lang.register_unit_words gives one)")
    return words[kind]


class Language(abc.ABC):
    """One language of the outputs. A subclass sets the class attributes below and implements
    every abstract method; the registry (`generator.lang.register`, `LANGUAGES`) holds one
    instance of each."""

    code: ClassVar[str]
    """The language code of the content folder and the outputs: 'kk'."""
    locale: ClassVar[str]
    """The Babel locale of dates and numbers: 'kk_KZ'."""
    note_word: ClassVar[str]
    """The word that opens every note: 'Note.'."""
    phrases: ClassVar[Mapping[PhraseKey, str]]
    """Every phrase key, and only those, with its text."""
    characters: ClassVar[str]
    """Every letter and sign the language's words are written with beyond the ASCII ones: its
    alphabet, its quotation marks, its number sign. The PDF's font must have a glyph for each."""
    amount_units: ClassVar[tuple[str, ...]]
    """The words of units written after an amount ('million'), each kept on one line with its
    number; a dot after one is part of it."""
    starter: ClassVar[StarterTexts]
    """The example texts of a new programme."""
    hyphenation: ClassVar[bool]
    """Whether the PDF renderer has hyphenation patterns for the language (Pyphen's); without
    them, justified text in narrow places is set ragged-right instead."""
    unit_words: ClassVar[MutableMapping[str, Any]]
    """The word of every unit kind, and only those, of type `unit_word` (Kazakh: the word,
    whose cases the grammar builds; Russian: a noun with its cases and gender)."""
    unit_word: ClassVar[type]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A class that names a language (sets `code`) or its phrases gives every phrase key
        and a word for every unit kind."""
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__ and "phrases" not in cls.__dict__:
            return
        problems = phrase_problems(getattr(cls, "phrases", {}))
        problems += unit_word_problems(getattr(cls, "unit_words", {}),
                                       getattr(cls, "unit_word", None))
        if problems:
            raise TypeError(f"language {cls.__name__}: {'; '.join(problems)}")

    # --- Language-independent --------------------------------------------------------------

    @property
    def tag(self) -> str:
        """The language tag office documents carry: 'kk_KZ' → 'kk-KZ'."""
        return self.locale.replace("_", "-")

    def phrase(self, key: PhraseKey) -> str:
        """A fixed text of the outputs: phrase("contents") → 'Contents'."""
        return self.phrases[key]

    def short_date(self, date: dt.date) -> str:
        """A date in figures, as notes, act names and version lines print it: the publisher's
        day.month.year, the same in Kazakh and Russian; a language may print it otherwise."""
        return date.strftime("%d.%m.%Y")

    def number(self, value: float | int) -> str:
        """Amounts keep one decimal ('6 000,0'); counts have none ('64 316')."""
        pattern = "#,##0.0" if isinstance(value, float) else "#,##0"
        from babel.numbers import format_decimal  # babel when a number is first written

        return format_decimal(value, format=pattern, locale=self.locale)

    def pending_item(self, facts: PendingFacts) -> Words:
        """An act of the pending notice: its name and in-force bracket, then the day it takes
        effect where the bracket does not give it, or that this day is not known yet."""
        return words(self.pending_act(facts.act), self.in_force_tail(facts.act, facts.in_force))

    def note_words(self, facts: NoteFacts, with_label: bool = True) -> Words:
        """The words of any note's facts: the text in an excluded unit's place or one that lost
        force (after the unit's label unless `with_label` is False), the repeal note, or the
        note under a unit."""
        if facts.operation in ("exclude", "lose_force"):
            return self.exclusion(facts, with_label)
        if facts.operation == "repeal":
            return self.repeal_note(facts)
        return self.note(facts)

    def in_force_tail(self, mention: ActMention, in_force: dt.date | None) -> str:
        """' — 16.11.2014 …' after an act whose rule does not itself give the date."""
        if in_force is None:
            return f" — {self.phrase('in_force_unknown')}"
        if isinstance(mention.rule, InForceDate) or mention.rule == "on_signing":
            return ""
        return f" — {self.in_force_from(in_force)}"

    # --- Dates and units -------------------------------------------------------------------

    @abc.abstractmethod
    def date(self, date: dt.date) -> str:
        """A date in words, as the document head writes it: '25 May 2012'."""

    @abc.abstractmethod
    def unit_name(self, unit: Unit | UnitRef) -> str:
        """A unit as a note names it, in the nominative: 'point 3'."""

    @abc.abstractmethod
    def amount_year(self, year: int | str) -> str:
        """The year of an amount in a table cell: '2013 year'."""

    @abc.abstractmethod
    def version_heading(self, date: dt.date) -> str:
        """The line that dates a version: 'Version as in force on 01.01.2015'."""

    # --- Acts ------------------------------------------------------------------------------

    def issuer(self, act: Act | Document | ActMention, long: bool = False) -> str:
        """The issuer of an act in the genitive, short ('of the Government of the RK') or in
        full, as the registry of issuers names it in this language."""
        name = act.issuer_names[self.code]
        return name.long if long else name.short

    @abc.abstractmethod
    def act_word(self, act: Act | Document | ActMention, count: int = 1) -> str:
        """The act word as a note names the acts that made a change, in the plural when
        `count` > 1: 'by the resolution', 'by the resolutions'."""

    @abc.abstractmethod
    def act_name(self, act: Act | Document) -> str:
        """An act named on its own: 'Resolution of the Government of the RK of 07.11.2013
        No 1169'."""

    @abc.abstractmethod
    def document_name(self, document_type: str) -> str:
        """The document itself, as a changed unit is named: 'Resolution', 'Law'."""

    @abc.abstractmethod
    def in_force_bracket(self, mention: ActMention) -> str:
        """When a change takes effect, in brackets; empty for a change in force on signing."""

    @abc.abstractmethod
    def in_force_from(self, date: dt.date) -> str:
        """The day an act takes effect, on its own: 'takes effect on 16.11.2014'."""

    @abc.abstractmethod
    def pending_act(self, mention: ActMention) -> Words:
        """An act in the pending notice, as its intro sentence needs it, with its bracket."""

    @abc.abstractmethod
    def change_word(self, change: str, kind: Subject, document_type: str) -> str:
        """What became of a unit in a diff ('diff_<change>'), agreeing with the unit's kind
        (`kinds.DOCUMENT` for the document itself, of `document_type`): 'excluded', 'lost
        force'."""

    # --- Notes: each from its facts alone ---------------------------------------------------

    @abc.abstractmethod
    def note(self, facts: NoteFacts) -> Words:
        """The note under a unit the acts replaced ('replace') or changed ('amend'), or under the
        unit an insert added (`facts.added`) to `facts.units` (none: the document)."""

    @abc.abstractmethod
    def exclusion(self, facts: NoteFacts, with_label: bool = True) -> Words:
        """The text that stands for an excluded unit, after its label unless `with_label` is
        False."""

    @abc.abstractmethod
    def repeal_note(self, facts: NoteFacts) -> Words:
        """The note under the head of a repealed document."""

    # --- Lines of the document head --------------------------------------------------------

    @abc.abstractmethod
    def adoption_line(self, document: Document) -> str:
        """The document as adopted: issuer, date in words, number, act word."""

    @abc.abstractmethod
    def repeal_line(self, act: Act, document_type: str) -> str:
        """The line that says which act repealed the document."""
