"""The printed notes of one language, read and placed: which act did what to which unit.

Reads an `ImportedText` (its notes, each under the unit it follows, and the lines of its excluded
units), the language's printed forms and the registry of issuers. Writes `Placed` facts — the
`NoteFacts` of each note's operations with the id of the unit they are about — and a `Todo` for
every note that cannot be read or placed, kept verbatim with its position; an issuer the
registry does not know is an error at its note.

`note_facts` is the one door to the reader of published notes: the language's reader gives the
note's subject and operations with the acts as printed; here they become `NoteFacts` — the
issuer's key looked up in the registry, the in-force rule found by writing each candidate rule's
bracket back with the grammar.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..i18n import tr
from ..lang import codes, language
from ..load.registry import Issuers
from ..model import (
    NAMED_BY_REPUBLIC,
    REPUBLIC,
    ActMention,
    Diagnostics,
    InForceAfterDays,
    InForceDate,
    InForceRule,
    Language,
    NoteStyle,
    SourcePos,
    UnitRef,
    label_number,
)
from ..model.published import (
    PART,
    TITLE,
    WHOLE,
    NoActNamed,
    NoteNotRead,
    PublishedForms,
    ReadAct,
    ReadOperationKind,
)
from .tree import ImportedText, Node, NoteMark, Todo

# Kinds a note may name one for another: one word for a paragraph of the act and a point of
# the rules, "section" for a chapter, "appendix" for an approved document.
KIND_GROUPS = (
    frozenset({"paragraph", "point"}),
    frozenset({"chapter", "section", "subsection", "article"}),
    frozenset({"appendix", "attachment"}),
    frozenset({"row", "group", "total"}),
)
STAMPED = ("attachment", "appendix")
# What a step of a note says happened (the note grammar's operations and what the published
# notes add: a unit that lost force, a unit in force from a day of its own).
StepOperation = Literal["replace", "amend", "insert", "exclude", "lose_force", "in_force_from"]
STEPS: dict[ReadOperationKind, StepOperation] = {
    "replace": "replace", "amend": "amend", "insert": "insert", "exclude": "exclude",
    "lose_force": "lose_force", "in_force": "in_force_from", "other_language": "amend",
}
SIMILAR_BRACKET = 0.95


@dataclass(frozen=True, slots=True)
class Placed:
    """One step of a note, with the unit it is about: `target` is the unit's id — for an
    insert, the unit added —, or None for the document itself; `words` are the note's."""

    step: Step
    target: str | None
    pos: SourcePos
    words: str


class UnknownIssuer(Exception):
    """An issuer's words that no key of the registry names."""


class IssuerIndex:
    """The registry's issuers by the words each language names them with, per act type."""

    def __init__(self, issuers: Issuers):
        self.issuers = issuers
        self._index: dict[tuple[str, str], dict[str, str]] = {}

    def key(self, lang: str, act_type: str, words: str) -> str:
        index = self._index.get((lang, act_type))
        if index is None:
            index = self._index[(lang, act_type)] = self._build(lang, act_type)
        found = index.get(_plain(words))
        if found is None:
            raise UnknownIssuer(words)
        return found

    def _build(self, lang: str, act_type: str) -> dict[str, str]:
        index: dict[str, str] = {}
        for key in sorted(self.issuers.forms):
            if key == REPUBLIC and act_type not in NAMED_BY_REPUBLIC:
                continue
            names = self.issuers.names(key, act_type).get(lang)
            if names is None:
                continue
            named = REPUBLIC if act_type in NAMED_BY_REPUBLIC else key
            for words in (names.short, names.long):
                index.setdefault(_plain(words), named)
        return index


def _plain(words: str) -> str:
    return " ".join(words.split()).casefold()


@dataclass(frozen=True, slots=True)
class Step:
    """One operation a note tells, in the shape of the note grammar's facts: the operation,
    the acts with their identities and rules (`ActMention`), the unit an insert added, the day
    a unit takes effect on its own (`in_force_from`), the languages whose text alone the acts
    changed (none: every language's)."""

    operation: StepOperation
    acts: tuple[ActMention, ...]
    added: UnitRef | None = None
    effective: dt.date | None = None
    only: tuple[str, ...] = ()
    # Per act, the named forms the note shows it with (`ReadAct.style`).
    forms: tuple[tuple[tuple[str, str | None], ...], ...] = ()


@dataclass(frozen=True, slots=True)
class PublishedNote:
    """A published note read: the unit it speaks of (the kinds `title`, `part` and `document`
    stand for the title, an annexed document by its name, the document itself), whether only
    its heading, its steps in the order the note tells them, and each act's in-force bracket
    that no rule of legalgen states (its key and words)."""

    subject: UnitRef
    heading: bool
    steps: tuple[Step, ...]
    unruled: tuple[tuple[str, str], ...] = ()


def read_published(words: str, label: str | None, lang: Language, forms: PublishedForms,
                   issuers: IssuerIndex, warn: list[str]) -> PublishedNote:
    """The one door to the reader of published notes: a note's words after the note word, or
    (with its `label`) the line of an excluded unit, read into what it states. `NoteNotRead`
    says why a note cannot be read; `UnknownIssuer` names an issuer the registry lacks."""
    note = forms.read_note(words) if label is None else forms.read_exclusion(label, words)
    steps = []
    unruled: list[tuple[str, str]] = []
    for read in note.operations:
        mentions = []
        for act in read.acts:
            issuer = issuers.key(lang.code, act.type, act.issuer)
            rule, text = bracket_rule(act, issuer, lang, forms, warn)
            mention = ActMention(issuer, act.type, act.date, act.number, rule or "on_signing",
                                 {lang.code: text} if text is not None else None,
                                 issuers.issuers.names(issuer, act.type),
                                 style=NoteStyle().with_forms(dict(act.style)))
            if rule is None:
                unruled.append((mention.key, act.bracket or ""))
            mentions.append(mention)
        operation = STEPS[read.operation]
        only = tuple(code for code in codes() if code != lang.code) if (
            read.operation == "other_language") else ()
        steps.append(Step(operation, tuple(mentions), read.added, read.in_force, only,
                          tuple(act.style for act in read.acts)))
    return PublishedNote(note.subject, note.heading, tuple(steps), tuple(unruled))


def bracket_rule(act: ReadAct, issuer: str, lang: Language, forms: PublishedForms,
                 warn: list[str]) -> tuple[InForceRule | None, str | None]:
    """The rule of an act's change, and its bracket's words where the grammar words that rule
    otherwise (None: the grammar's words are the bracket's)."""
    if act.bracket is None:
        return "on_signing", None
    for rule in _candidates(act, forms):
        mention = ActMention(issuer, act.type, act.date, act.number, rule)
        if lang.in_force_bracket(mention) == f"({act.bracket})":
            if isinstance(rule, InForceDate) and rule.date < act.date:
                # In force before it was signed: legalgen applies it on its signing day.
                warn.append(tr("act № {number} of {date} takes effect on {effective}, before "
                               "its signing: recorded as in force on signing, the bracket kept "
                               "as printed", number=act.number, date=act.date,
                               effective=rule.date))
                return None, act.bracket
            return rule, None
    wording = act.bracket
    known = forms.known_brackets + tuple(
        lang.in_force_bracket(ActMention(issuer, act.type, act.date, act.number, rule))[1:-1]
        for rule in _candidates(act, forms))
    close = difflib.get_close_matches(wording, known, n=1, cutoff=SIMILAR_BRACKET)
    if close:
        warn.append(tr("the in-force clause '{wording}' is read as '{read}'", wording=wording,
                       read=close[0]))
        wording = close[0]
    return forms.bracket_rule(wording), wording


def _candidates(act: ReadAct, forms: PublishedForms) -> Iterator[InForceRule]:
    read = forms.bracket_rule(act.bracket or "")
    if read is not None:
        yield read
    yield InForceAfterDays(after_publication_days=10)
    yield "on_publication"
    for date in _dates(act.bracket or "", forms):
        yield InForceDate(date=date)


def _dates(text: str, forms: PublishedForms) -> list[dt.date]:
    found = forms.date(text)
    return [found] if found is not None else []


class NotePlacer:
    """Reads one language's notes and finds the unit each speaks of."""

    def __init__(self, text: ImportedText, forms: PublishedForms, issuers: IssuerIndex,
                 document_type: str, diagnostics: Diagnostics):
        self.text = text
        self.forms = forms
        self.lang = language(text.lang)
        self.issuers = issuers
        self.document_type = document_type
        self.diagnostics = diagnostics
        self.parents: dict[int, Node | None] = {}
        for unit in text.units:
            self._index(unit, None)
        self.placed: list[Placed] = []
        self.todos: list[Todo] = []

    def _index(self, node: Node, parent: Node | None) -> None:
        self.parents[id(node)] = parent
        for child in node.children:
            self._index(child, node)

    def run(self) -> tuple[list[Placed], list[Todo]]:
        for mark in self.text.notes:
            self._note(mark, None)
        for node in self.text.walk():
            if node.exclusion is not None:
                self._note(node.exclusion, node.label or "")
        return self.placed, self.todos

    def _note(self, mark: NoteMark, label: str | None) -> None:
        """A note (`label` None) or the line of an excluded unit with its label."""
        warnings: list[str] = []
        try:
            note = read_published(mark.text, label, self.lang, self.forms, self.issuers,
                                  warnings)
        except NoActNamed as exc:
            self.diagnostics.error(mark.pos, tr("unreadable note: {exc}; correct the text (the "
                                                "history would lose the act it names)",
                                                exc=exc))
            return
        except NoteNotRead as exc:
            self.todos.append(Todo("note-unread", str(mark.pos), mark.text))
            self.diagnostics.warning(mark.pos, tr("note not read ({problem}): kept as a todo",
                                                     problem=exc))
            return
        except UnknownIssuer as exc:
            self.diagnostics.error(mark.pos, tr("unknown issuer '{issuer}': no issuer of the "
                                                "registry is named so; add it under 'issuers' "
                                                "in legalgen.yaml (docs/issuers.md)",
                                                issuer=exc))
            return
        for warning in warnings:
            self.diagnostics.warning(mark.pos, warning)
        subject = note.subject
        for step in note.steps:
            self._step(mark, subject, note, step, label is not None)
            if step.operation == "insert" and step.added is not None:
                # "… added point 5 by A; as worded by B": B's wording is the added point's.
                subject = step.added

    def _step(self, mark: NoteMark, subject: UnitRef, note: PublishedNote, step: Step,
              excluded: bool) -> None:
        """One step of a note; `excluded`: the line of an excluded unit, which is about the
        unit it stands for."""
        target = mark.after if excluded else self._target(mark, subject, step)
        if target is _TITLE or (note.heading and step.operation != "insert"):
            # The title and a heading alone are no targets of a record yet.
            self.todos.append(Todo("note-target", str(mark.pos), mark.text,
                                   target.uid if isinstance(target, Node) else None))
            return
        if target is _NOWHERE:
            self.todos.append(Todo("note-target", str(mark.pos), mark.text))
            self.diagnostics.warning(mark.pos, tr("the unit this note names is not found above "
                                                  "it: kept as a todo"))
            return
        uid = target.uid if isinstance(target, Node) else None
        keys = {act.key for act in step.acts}
        for key, bracket in note.unruled:
            if key in keys:
                self.todos.append(Todo("in-force", str(mark.pos), bracket, uid, key))
        self.placed.append(Placed(step, uid, mark.pos, mark.text))

    def _target(self, mark: NoteMark, subject: UnitRef, step: Step) -> Node | object:
        """The unit a note speaks of (for an insert, the unit added); None: the document."""
        if step.operation == "insert" and step.added is not None:
            subject = step.added
        elif subject.kind == WHOLE:
            # The document as a whole: its repeal; other changes of it are no record's target.
            return None if step.operation in ("lose_force", "exclude") else _TITLE
        if subject.kind == TITLE:
            return _TITLE
        if subject.kind == "preamble":
            found = next((unit for unit in self.text.units if unit.kind == "preamble"), None)
            return found or _NOWHERE
        for node in self._upwards(mark.after):
            if _matches(node, subject):
                return node
        return _NOWHERE

    def _upwards(self, node: Node | None) -> Iterator[Node]:
        while node is not None:
            yield node
            node = self.parents.get(id(node))


def _matches(node: Node, subject: UnitRef) -> bool:
    if subject.kind == PART:
        return node.kind in STAMPED
    if not _compatible(node.kind, subject.kind):
        return False
    if subject.label is None:
        return True
    return label_number(node.label or "") == label_number(subject.label)


def _compatible(kind: str, named: str) -> bool:
    return kind == named or any(kind in group and named in group for group in KIND_GROUPS)


# A note on the title (no unit), and a note whose unit is not found.
_TITLE = object()
_NOWHERE = object()
