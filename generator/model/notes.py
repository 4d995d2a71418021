"""Editorial notes as facts that hold in every language, and as one language's words.

Reads and writes nothing. A note states facts free of any language's words (`NoteFacts`): which
units it speaks of (each by its kind and label, or by its name, or as the title of another),
in which kind of document, and what happened to them, in order — one `NoteStep` per operation
(new wording, changes, an added unit, excluded, lost force, in force from a day, words replaced
throughout the text), each with the acts that did it. An act is named by its identity (the
issuer's key in the registry of issuers, the act type, its date and number), the in-force rule
of the change it made, whether a person acting for the head signed it, and the named forms its
notes take where the publisher writes a form several ways (`NoteStyle`): an `ActMention`. A
language renders the facts (`Language.note_words`) into `Segment`s: runs of plain text, the
words that name an act (carrying the act's key, so that the site links them to the act's page)
and the in-force bracket. The annotate stage keeps both in a `Note`; the writers print its
segments and nothing searches its text.

The pending notice's items are `PendingFacts` rendered the same way. Because the facts are the
whole input of the grammar, a reader of published notes (`generator.lang.reading.read_note`)
gives the same facts back and has the note regenerated, and an amendment record can be made
from them; a note it cannot read is `Unreadable`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .acts import Act, InForceRule, NoteCount, NoteStyle
from .document import IssuerName, Unit

# What a note says happened: a unit in new wording, changed, given a new unit, excluded or lost
# force (the text that stands for it), in force from a day of its own, words replaced throughout
# the text, or the document lost force (the note under its head).
NoteOperation = Literal["replace", "amend", "insert", "exclude", "lose_force", "in_force_from",
                        "replace_words", "repeal"]
# Plain text, the words that name an act, the in-force bracket (with its parentheses).
SegmentRole = Literal["text", "act", "bracket"]
# The kind of a `UnitRef` that is a title: the document's own, or the heading of its owner.
TITLE = "title"
# Words replaced throughout the text, by language: each (what, by what).
Replacements = Mapping[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True, slots=True)
class UnitRef:
    """A unit as a note speaks of it: its kind and its label as printed ("3.", "2-1)"); an
    annexed document by its `name` ("rules", "list": the word the notes call it by); a title
    (`TITLE`) of the document, or with `owner` the title or heading of that unit."""

    kind: str
    label: str | None = None
    name: str | None = None
    owner: UnitRef | None = None

    @classmethod
    def of(cls, unit: Unit) -> UnitRef:
        return cls(unit.kind, unit.label, unit.note_name)

    @property
    def named(self) -> bool:
        """Called by a word of its own rather than by its label: an annexed document by its
        name, a title, an unlabelled appendix."""
        return self.name is not None or self.kind == TITLE or (
            self.label is None and self.kind in ("appendix", "attachment", "preamble"))


@dataclass(frozen=True, slots=True)
class ActMention:
    """An act as a note names it: its identity and when the change it made takes effect — the
    rule, and the act's own clause by language where it words the rule otherwise than today
    (printed as given).

    `issuer_names` is how the registry of issuers names the issuer in each language: looked up
    for the words, not a fact of the note, so two mentions compare by the facts alone."""

    issuer: str
    type: str
    date: dt.date
    number: str
    rule: InForceRule = "on_signing"
    in_force_text: Mapping[str, str] | None = None
    issuer_names: Mapping[str, IssuerName] = field(default_factory=dict, compare=False,
                                                   repr=False)
    acting: bool = False
    style: NoteStyle = field(default_factory=lambda: NoteStyle())

    @classmethod
    def of(cls, act: Act, rule: InForceRule | None = None,
           in_force_text: Mapping[str, str] | None = None) -> ActMention:
        """`act` as its change took effect: by `rule` (the act's own rule by default)."""
        return cls(act.issuer, act.type, act.date, act.number,
                   act.in_force if rule is None else rule, in_force_text, act.issuer_names,
                   act.acting, act.note_style)

    @property
    def key(self) -> str:
        """The act's identity as one string, the `Act.key` of the act it names."""
        return f"{self.issuer}/{self.type}/{self.date.isoformat()}/{self.number}"


@dataclass(frozen=True, slots=True)
class StepDetails:
    """What a step says besides its operation and acts: how many changes (`count`); that only
    the text of the languages `only` changed; the day a unit takes effect (`effective`), by a
    `provision` of the document itself when no act is named; the words replaced throughout the
    text, by language (data of the record, printed as given)."""

    count: NoteCount = "several"
    only: tuple[str, ...] = ()
    effective: dt.date | None = None
    provision: UnitRef | None = None
    words: Replacements | None = None


NO_DETAILS = StepDetails()


@dataclass(frozen=True, slots=True)
class NoteStep:
    """One operation a note tells, with the acts that did it in the order the note names them;
    `added` is the unit an insert added."""

    operation: NoteOperation
    acts: tuple[ActMention, ...]
    added: UnitRef | None = None
    details: StepDetails = NO_DETAILS


@dataclass(frozen=True, slots=True)
class NoteFacts:
    """What a note states. `units` are the units it speaks of — for an insert, the unit that
    received the new one; none: the document itself; several: one note for them all. Its first
    step is `operation` by `acts` (`added`: the unit an insert added; `details`), the steps the
    later acts added follow in `later`, in the order the note tells them. `document_type` is the
    act type of the document the note stands in."""

    operation: NoteOperation
    units: tuple[UnitRef, ...]
    acts: tuple[ActMention, ...]
    document_type: str
    added: UnitRef | None = None
    details: StepDetails = NO_DETAILS
    later: tuple[NoteStep, ...] = ()

    @classmethod
    def of_steps(cls, units: tuple[UnitRef, ...], steps: tuple[NoteStep, ...],
                 document_type: str) -> NoteFacts:
        first = steps[0]
        return cls(first.operation, units, first.acts, document_type, first.added,
                   first.details, steps[1:])

    @property
    def steps(self) -> tuple[NoteStep, ...]:
        return (NoteStep(self.operation, self.acts, self.added, self.details), *self.later)

    @property
    def all_acts(self) -> tuple[ActMention, ...]:
        """Every act the note names, in order."""
        return tuple(mention for step in self.steps for mention in step.acts)


@dataclass(frozen=True, slots=True)
class PendingFacts:
    """An act of the notice of changes not yet in force, with the rule of its first pending
    change, and the day that change takes effect (None: not known yet)."""

    act: ActMention
    in_force: dt.date | None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A published note the reader could not turn into facts, and why."""

    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a note's words: plain text, the words naming the act whose key is `act`, or
    the in-force bracket."""

    text: str
    role: SegmentRole = "text"
    act: str | None = None


Words = tuple[Segment, ...]


def words(*parts: str | Segment | Words) -> Words:
    """The parts in order as segments: strings become text runs; adjacent runs are merged and
    empty ones dropped, so that equal words are equal segments however they were built."""
    result: list[Segment] = []
    for part in parts:
        pieces = (Segment(part),) if isinstance(part, str) else (
            (part,) if isinstance(part, Segment) else part)
        for piece in pieces:
            if piece.role == "text" and not piece.text:
                continue
            if piece.role == "text" and result and result[-1].role == "text":
                result[-1] = Segment(result[-1].text + piece.text)
            else:
                result.append(piece)
    return tuple(result)


def joined(separator: str, items: Iterable[Words]) -> Words:
    """The items one after another with `separator` between them."""
    parts: list[str | Words] = []
    for index, item in enumerate(items):
        if index:
            parts.append(separator)
        parts.append(item)
    return words(*parts)


def plain_text(segments: Words) -> str:
    return "".join(segment.text for segment in segments)


@dataclass(frozen=True, slots=True)
class Note:
    """A note: its facts and its words in the version's language."""

    facts: NoteFacts | PendingFacts
    segments: Words

    @property
    def text(self) -> str:
        return plain_text(self.segments)

    def __str__(self) -> str:
        return self.text
