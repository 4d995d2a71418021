"""Editorial notes as facts that hold in every language, and as one language's words.

Reads and writes nothing. A note states facts free of any language's words (`NoteFacts`): what
happened (`operation`) to which units (each by its kind and label), in which kind of document,
by which acts — each act by its identity (the issuer's key in the registry of issuers, the act
type, its date and number) with the in-force rule of the change it made (`ActMention`). A
language renders the facts (`Language.note_words`) into `Segment`s: runs of plain text, the
words that name an act (carrying the act's key, so that the site links them to the act's page)
and the in-force bracket. The annotate stage keeps both in a `Note`; the writers print its
segments and nothing searches its text.

The pending notice's items are `PendingFacts` rendered the same way. Because the facts are the
whole input of the grammar, a reader of published notes can give the same facts back and have
the note regenerated, and an amendment record can be made from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .acts import Act, InForceRule
from .document import IssuerName, Unit

# What a note says happened: a unit in new wording, changed, given a new unit, excluded (the
# text that stands for it), or the document lost force (the note under its head).
NoteOperation = Literal["replace", "amend", "insert", "exclude", "repeal"]
# Plain text, the words that name an act, the in-force bracket (with its parentheses).
SegmentRole = Literal["text", "act", "bracket"]


@dataclass(frozen=True, slots=True)
class UnitRef:
    """A unit as a note speaks of it: its kind and its label as printed ("3.", "2-1)")."""

    kind: str
    label: str | None = None

    @classmethod
    def of(cls, unit: Unit) -> UnitRef:
        return cls(unit.kind, unit.label)


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

    @classmethod
    def of(cls, act: Act, rule: InForceRule | None = None,
           in_force_text: Mapping[str, str] | None = None) -> ActMention:
        """`act` as its change took effect: by `rule` (the act's own rule by default)."""
        return cls(act.issuer, act.type, act.date, act.number,
                   act.in_force if rule is None else rule, in_force_text, act.issuer_names)

    @property
    def key(self) -> str:
        """The act's identity as one string, the `Act.key` of the act it names."""
        return f"{self.issuer}/{self.type}/{self.date.isoformat()}/{self.number}"


@dataclass(frozen=True, slots=True)
class NoteFacts:
    """What a note states. `units` are the units it speaks of — for an insert, the unit that
    received the new one; none: the document itself; `added` is the unit an insert added;
    `acts` are in the order the note names them; `document_type` is the act type of the
    document the note stands in."""

    operation: NoteOperation
    units: tuple[UnitRef, ...]
    acts: tuple[ActMention, ...]
    document_type: str
    added: UnitRef | None = None


@dataclass(frozen=True, slots=True)
class PendingFacts:
    """An act of the notice of changes not yet in force, with the rule of its first pending
    change, and the day that change takes effect (None: not known yet)."""

    act: ActMention
    in_force: dt.date | None


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
