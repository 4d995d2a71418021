"""Reading published notes back into facts: the public entry `read_note`, and what the readers of
every language share.

Reads: one note as the publisher prints it ("Сноска. Пункт 3 в редакции …", "Ескерту. 3-тармақ
жаңа редакцияда - …", or the line that stands in an excluded unit's place, "6. Исключен …"), the
registry of issuers (to know each act's issuer by the name it is printed with) and the document
the note stands in. Writes: the note's `NoteFacts` — units, operations, acts with their identity,
in-force rule, acting signatory and the named forms of their notes (`NoteStyle`) —, or
`Unreadable` with the reason. No text of the note is kept, but for the two things a record gives
as text: an in-force bracket in no wording the grammar knows (kept as the act's clause,
`in_force_text`) and the words a text-wide replacement names.

Each language's reader (`kk_reading`, `ru_reading`) parses the note's frame and asks its own
grammar for the rest: a unit phrase, an in-force bracket or an act's reference is read by
rendering the candidates through the very grammar that writes documents and keeping the one
that gives the printed words. The facts come out with the fewest named forms that still
regenerate the note: a form the act's era gives by itself is left out (`minimal`).

The importer and the golden tests use `read_note`; a language without a reader gives
`Unreadable`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol, get_args, get_type_hints

from ..model import (
    NAMED_BY_REPUBLIC,
    ActId,
    ActMention,
    ActType,
    InForceAfterDays,
    InForceAfterSigning,
    InForceDate,
    InForceRule,
    InForceWording,
    IssuerName,
    Language,
    NoteFacts,
    NoteStyle,
    Unreadable,
)
from ..model.notes import plain_text
from . import READERS, language

# The issuer a law or a code is read with: its names are the Republic's, whoever adopted it.
LAW_ISSUER = "parliament"
# Issuers no note names by their own name (the Republic names laws).
UNNAMED_ISSUERS = frozenset({"republic"})
ACT_TYPES: tuple[str, ...] = get_args(ActType)
WORDINGS: tuple[InForceWording, ...] = get_args(InForceWording)
KEYWORD_RULES: tuple[InForceRule, ...] = (
    "on_signing", "on_publication", "day_after_publication", "on_registration")
# A unit's label as notes print it: "3", "16-1", "1)", "2-1)", "3." in a line of its own.
LABEL = r"\d+(?:-\d+)*(?:\)|\.)?"


class IssuerRegistry(Protocol):
    """What the reader asks of the registry of issuers (`load.registry.Issuers` is one)."""

    def issuer_keys(self) -> Iterable[str]: ...

    def names(self, key: str, act_type: str) -> Mapping[str, IssuerName]: ...


class NotReadable(Exception):
    """A note, or a part of it, in no form the reader knows."""


@dataclasses.dataclass(frozen=True, slots=True)
class PrintedIssuer:
    """An issuer's key, as one of its printed names gives it, and which name it was."""

    key: str
    long: bool


class IssuerIndex:
    """The issuers of a registry by the names a language prints them with, for each act type."""

    def __init__(self, issuers: IssuerRegistry, code: str):
        self.by_type: dict[str, dict[str, PrintedIssuer]] = {}
        for act_type in ACT_TYPES:
            names: dict[str, PrintedIssuer] = {}
            keys = [LAW_ISSUER] if act_type in NAMED_BY_REPUBLIC else [
                key for key in issuers.issuer_keys() if key not in UNNAMED_ISSUERS]
            for key in keys:
                name = issuers.names(key, act_type).get(code)
                if name is not None:
                    names.setdefault(name.short, PrintedIssuer(key, False))
                    names.setdefault(name.long, PrintedIssuer(key, True))
            self.by_type[act_type] = names
        self.issuers = issuers
        self.code = code
        # Every printed name, longest first: an issuer at the head of a text.
        self.all_names = sorted({name for names in self.by_type.values() for name in names},
                                key=len, reverse=True)

    def starting(self, text: str, act_type: str | None = None) -> str | None:
        """The printed issuer name `text` starts with (followed by a space), longest first."""
        names = self.by_type[act_type] if act_type is not None else None
        for name in self.all_names:
            if (names is None or name in names) and text.startswith(f"{name} "):
                return name
        return None

    def issuer(self, printed: str, act_type: str) -> PrintedIssuer:
        found = self.by_type[act_type].get(printed)
        if found is None:
            raise NotReadable(f"no issuer of a {act_type} is printed '{printed}'")
        return found

    def names(self, key: str, act_type: str) -> Mapping[str, IssuerName]:
        return self.issuers.names(key, act_type)


@dataclasses.dataclass(slots=True)
class ActDraft:
    """An act of a note while it is read: what its words have said so far."""

    printed_issuer: str
    acting: bool
    date: dt.date
    number: str
    style: dict[str, Any]
    bracket: str | None = None
    type: str | None = None

    def mention(self, index: IssuerIndex, lang: Language, numbers: NumberWords) -> ActMention:
        """The act as a mention: its issuer known by its printed name and type, its rule and
        clause read from its bracket through the language's own brackets."""
        if self.type is None:
            raise NotReadable(f"no act word names the type of the act No {self.number}")
        printed = index.issuer(self.printed_issuer, self.type)
        style = dict(self.style)
        if printed.long:
            style["issuer_form"] = "long"
        mention = ActMention(printed.key, self.type, self.date, self.number,
                             issuer_names=index.names(printed.key, self.type),
                             acting=self.acting, style=NoteStyle(**style))
        if self.bracket is None:
            return mention
        return read_bracket(lang, mention, self.bracket, numbers)


def read_bracket(lang: Language, mention: ActMention, inner: str,
                 numbers: NumberWords) -> ActMention:
    """The act with the rule (and the wording, the point referred to, the shown bracket of an
    act in force on signing) whose bracket the language prints as `(inner)`; a bracket in no
    wording the grammar knows is kept as the act's clause."""
    printed = f"({inner})"
    for rule, style in _bracket_candidates(mention, inner, numbers):
        candidate = dataclasses.replace(mention, rule=rule, style=style)
        if lang.in_force_bracket(candidate) == printed:
            return candidate
    return dataclasses.replace(mention, in_force_text={lang.code: inner})


def _bracket_candidates(mention: ActMention, inner: str,
                        numbers: NumberWords) -> Iterator[tuple[InForceRule, NoteStyle]]:
    """Every rule the bracket may say, each first in the wording of the act's era."""
    base = mention.style
    figures = [int(found) for found in re.findall(r"\d+", inner)]
    rules: list[InForceRule] = [*KEYWORD_RULES]
    rules += [InForceDate(date=date) for date in dates_in(inner)]
    rules += [InForceAfterSigning(after_signing_days=n) for n in figures if 1 <= n <= 365]
    rules += [InForceAfterDays(after_publication_days=n) for n in numbers.found_in(inner)]
    for rule in rules:
        yield rule, base
        for wording in WORDINGS:
            yield rule, dataclasses.replace(base, wording=wording)
    yield "on_signing", dataclasses.replace(base, signing_bracket=True)
    for point in re.findall(LABEL, inner):
        yield "on_signing", dataclasses.replace(base, see_point=point)


class NumberWords:
    """The numbers of days a language writes in words in its brackets ("он", "десяти"), found
    in a text, the longest words first."""

    def __init__(self, spell: Callable[[int], str], largest: int = 365):
        self.numbers = sorted(((spell(n), n) for n in range(1, largest + 1)),
                              key=lambda item: len(item[0]), reverse=True)

    def found_in(self, text: str) -> list[int]:
        return [n for words, n in self.numbers
                if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)]


DATE = r"(?:\d{2}\.\d{2}\.\d{4}|\d{4}\.\d{2}\.\d{2}\.?)"


def read_date(text: str) -> tuple[dt.date, str]:
    """A date as notes print it and its form: 07.11.2013 (day_first), 2012.11.07 (year_first),
    2009.09.01. (year_first_dot)."""
    try:
        if re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", text):
            return dt.datetime.strptime(text, "%d.%m.%Y").date(), "day_first"
        date = dt.datetime.strptime(text.rstrip("."), "%Y.%m.%d").date()
    except ValueError:
        raise NotReadable(f"'{text}' is no date") from None
    return date, "year_first_dot" if text.endswith(".") else "year_first"


def dates_in(text: str) -> list[dt.date]:
    dates = []
    for found in re.findall(DATE, text):
        try:
            dates.append(read_date(found)[0])
        except NotReadable:
            continue
    return dates


def closing_bracket(text: str, ends: Callable[[str], bool]) -> int:
    """Where the bracket opening `text` closes: the first ")" after which `ends` accepts the rest
    (a bracket may hold the ")" of a sub-point's label)."""
    for position, char in enumerate(text):
        if char == ")" and ends(text[position + 1:]):
            return position
    raise NotReadable(f"no end of the bracket '{text[:60]}'")


# --- The fewest named forms --------------------------------------------------------------------

STYLE_KEYS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(NoteStyle)
                                    if field.name != "era")


def with_mentions(facts: NoteFacts, change: Callable[[ActMention], ActMention]) -> NoteFacts:
    """The facts with every act mention changed by `change`."""
    steps = tuple(dataclasses.replace(step, acts=tuple(change(m) for m in step.acts))
                  for step in facts.steps)
    return NoteFacts.of_steps(facts.units, steps, facts.document_type)


def mention_positions(facts: NoteFacts) -> list[tuple[int, int]]:
    return [(s, a) for s, step in enumerate(facts.steps) for a in range(len(step.acts))]


def restyled(facts: NoteFacts, position: tuple[int, int], style: NoteStyle) -> NoteFacts:
    """The facts with the act at `position` (step, act) in `style`."""
    steps = list(facts.steps)
    step = steps[position[0]]
    acts = list(step.acts)
    acts[position[1]] = dataclasses.replace(acts[position[1]], style=style)
    steps[position[0]] = dataclasses.replace(step, acts=tuple(acts))
    return NoteFacts.of_steps(facts.units, tuple(steps), facts.document_type)


def minimal(lang: Language, facts: NoteFacts, with_label: bool = True) -> NoteFacts:
    """The facts with every named form the note's words do not need left out: the forms the
    act's era gives by itself, and those no word of this note shows."""
    printed = plain_text(lang.note_words(facts, with_label))
    for position in mention_positions(facts):
        for key in STYLE_KEYS:
            style = facts.steps[position[0]].acts[position[1]].style
            if getattr(style, key) is None:
                continue
            cleared = restyled(facts, position, dataclasses.replace(style, **{key: None}))
            if plain_text(lang.note_words(cleared, with_label)) == printed:
                facts = cleared
    return facts


@functools.cache
def _style_types() -> dict[str, Any]:
    """The type of each named form, by name."""
    return get_type_hints(NoteStyle)


def style_values(key: str) -> tuple[Any, ...]:
    """The values a named form may take (for `see_point`, none to try)."""
    annotation = _style_types()[key]
    if annotation == bool | None:
        return (True, False)
    args = [arg for arg in get_args(annotation) if arg is not type(None)]
    return tuple(value for arg in args for value in get_args(arg))


# --- The readers of the languages ----------------------------------------------------------------


class NoteReader(Protocol):
    """A language's reader of its published notes."""

    def read(self, text: str, document: ActId) -> NoteFacts: ...


class LanguageReader(ABC):
    """What the readers of the languages share: text that opens with the language's note word
    and ends with a period is a note, any other a line in an excluded unit's place; the facts
    keep only the named forms the words need."""

    lang: Language

    def read(self, text: str, document: ActId) -> NoteFacts:
        word = self.lang.note_word
        if text.startswith(f"{word} ") and text.endswith("."):
            return minimal(self.lang, self._note(text[len(word) + 1:-1], document))
        return minimal(self.lang, self._line(text, document))

    @abstractmethod
    def _note(self, body: str, document: ActId) -> NoteFacts:
        """The facts of a note's words after the note word, without the final period."""

    @abstractmethod
    def _line(self, text: str, document: ActId) -> NoteFacts:
        """The facts of the line standing in an excluded unit's place."""


ReaderFactory = Callable[[Language, IssuerIndex], NoteReader]


def register_reader(code: str, factory: ReaderFactory) -> None:
    """Let `read_note` read the notes of language `code` with the reader `factory` makes."""
    READERS[code] = factory


def note_reader(code: str, issuers: IssuerRegistry) -> NoteReader | None:
    """The reader of language `code` over `issuers` (reuse it for many notes), or None."""
    factory = READERS.get(code)
    return None if factory is None else factory(language(code), IssuerIndex(issuers, code))


def read_note(code: str, text: str, issuers: IssuerRegistry, document: ActId,
              reader: NoteReader | None = None) -> NoteFacts | Unreadable:
    """The facts of one published note of language `code`, or why it cannot be read.

    `text` is the note as printed (whitespace is normalised): a note ("Сноска. …", "Ескерту.
    …") or the line standing in an excluded unit's place ("3. Исключен …", "3. Күші жойылды
    - …"); `issuers` the registry the acts' issuers are looked up in; `document` the document the
    note stands in (its act type, and the act a note on its own provisions speaks of). Give
    `reader` (`note_reader(code, issuers)`) to read many notes with one index of issuers.
    Units are named by kind and label as printed ("3", "1)"; "3." in a line of its own)."""
    reader = reader or note_reader(code, issuers)
    if reader is None:
        return Unreadable(f"no reader of notes in the language '{code}'")
    try:
        return reader.read(" ".join(text.split()), document)
    except NotReadable as exc:
        return Unreadable(str(exc))
