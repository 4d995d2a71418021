"""History from the notes: the amending acts, their changes, and the text as adopted.

Reads the aligned unit trees of every language and the placed facts of their notes (or, for a
language imported before, the changes of the project's records). Writes `Change`s grouped by
`ActFacts`: per act its identity, rule and the changes it made — a new wording (`replace`),
changes whose words are unknown (`amend`), a unit added (`insert`), a unit excluded (`delete`),
the document repealed —, and per language the adopted text: the printed tree without the units
acts added, with a placeholder for the words of excluded units.

A consolidated text shows only the last wording of a unit. So every change that replaces,
amends or excludes a unit is marked reconstructed: the wording before it is the printed one
until a person restores it, and a `Todo` says so. The latest version is exact from the start.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from ..i18n import tr
from ..model import (
    ActId,
    Diagnostics,
    InForceAfterDays,
    InForceDate,
    InForceRule,
    SourcePos,
)
from ..model.published import ReasonKey
from .notes import Placed, Step
from .tree import Node, Todo

Action = Literal["replace", "amend", "insert", "delete", "repeal"]
ACTIONS: dict[str, Action] = {"replace": "replace", "amend": "amend", "insert": "insert",
                              "exclude": "delete"}
REASONS: dict[Action, ReasonKey] = {"replace": "earlier_wording", "amend": "unknown_edits",
                                    "delete": "excluded_wording"}


@dataclass(slots=True)
class Change:
    """One act's change of one unit (None: the document), as the notes of every language state
    it: its rule, and the bracket's words per language where the grammar words the rule
    otherwise."""

    act: ActId
    action: Action
    target: str | None
    rule: InForceRule
    texts: dict[str, str] = field(default_factory=dict)
    langs: set[str] = field(default_factory=set)
    pos: dict[str, SourcePos] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)  # the note that states it, by language
    # The languages whose text alone the act changed, as another language's note says; with
    # `other_language` the note of a changed language is missing, so the change is a todo.
    only: tuple[str, ...] = ()
    other_language: bool = False
    kept_notes: bool = False  # a new wording recorded as changes made (`_keep_inner_notes`)
    # What the project's record gives already, by language (a language imported before, whose
    # wording or reason a person may have restored): kept as it is.
    contents: dict[str, Any] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    order: tuple[dt.date, dt.date, str] = (dt.date.min, dt.date.min, "")


@dataclass(slots=True)
class ActFacts:
    id: ActId
    changes: list[Change] = field(default_factory=list)
    # What each language's notes say of its in-force clause, as found.
    texts: dict[str, set[str]] = field(default_factory=dict)
    # The named forms its notes are printed with (`NoteStyle` keys; None: the default form),
    # each with how many notes show it.
    styles: dict[str, Counter[str | None]] = field(default_factory=dict)

    def style(self) -> dict[str, str]:
        """Of each form, the one most of the act's notes that have a place for it show, the
        first note's on a tie, where it is not the default; a note printed otherwise is
        written in the act's form, as from a drafter's record."""
        chosen = {key: counts.most_common(1)[0][0] for key, counts in self.styles.items()}
        return {key: value for key, value in chosen.items() if value is not None}


def collect(placed: dict[str, list[Placed]], diagnostics: Diagnostics,
            adopted: dt.date) -> tuple[dict[ActId, ActFacts], list[tuple[str | None, ActId,
                                                                           dt.date, Placed]],
                                          list[Todo]]:
    """The acts and changes every language's notes state, one change per act, action and
    unit; the notes on a unit's own in-force day; what stays to do."""
    changes: dict[tuple[ActId, Action, str | None], Change] = {}
    only: list[tuple[ActId, str, Placed]] = []
    styles: dict[ActId, dict[str, Counter[str | None]]] = {}
    in_force: list[tuple[str | None, ActId, dt.date, Placed]] = []
    todos: list[Todo] = []
    dates = _unified_dates(placed, adopted, diagnostics)
    for lang, facts in placed.items():
        for item in facts:
            step = item.step
            for index, mention in enumerate(step.acts):
                act = ActId(mention.issuer, mention.type,
                            dates.get((mention.issuer, mention.type, mention.number,
                                       mention.date), mention.date), mention.number)
                _count_forms(styles.setdefault(act, {}), step, index)
                if step.operation == "in_force_from":
                    assert step.effective is not None
                    in_force.append((item.target, act, step.effective, item))
                    continue
                if step.operation == "lose_force" and item.target is not None:
                    # A unit that lost force is no record's action yet: it stays as printed.
                    todos.append(Todo("note-target", str(item.pos), item.words, item.target,
                                      act.key))
                    continue
                if step.only and item.target is not None:
                    # Said by the language whose text stays: the changed language's note
                    # states what the act did.
                    only.append((act, lang, item))
                    continue
                action: Action = "repeal" if item.target is None else ACTIONS[step.operation]
                key = (act, action, item.target)
                change = changes.get(key)
                if change is None:
                    change = changes[key] = Change(act, action, item.target, mention.rule)
                elif change.rule != mention.rule and lang not in change.langs:
                    diagnostics.warning(item.pos, tr("act № {number}: its rule here differs "
                                                     "from the other language's; the first is "
                                                     "kept",
                                                     number=act.number))
                change.langs.add(lang)
                change.pos[lang] = item.pos
                change.words.setdefault(lang, item.words)
                if mention.in_force_text is not None:
                    change.texts[lang] = mention.in_force_text[lang]
    for act, lang, item in only:
        _restrict(changes, act, lang, item, diagnostics)
    acts: dict[ActId, ActFacts] = {}
    for change in changes.values():
        acts.setdefault(change.act, ActFacts(change.act, styles=styles.get(change.act, {}))
                        ).changes.append(change)
    return acts, in_force, todos


def _count_forms(counts: dict[str, Counter[str | None]], step: Step, index: int) -> None:
    """Counts the named forms a note shows its `index`th act with."""
    for form, value in step.forms[index] if index < len(step.forms) else ():
        counts.setdefault(form, Counter())[value] += 1


def _restrict(changes: dict[tuple[ActId, Action, str | None], Change], act: ActId, lang: str,
              item: Placed, diagnostics: Diagnostics) -> None:
    """A note saying that only the other languages' text of a unit changed makes the change
    their notes state a change of those languages only (`only`). Without such a change (their
    note is missing, or their text is not imported) the change is an amend with a todo."""
    target, langs = item.target, item.step.only
    stated = [change for action in ("replace", "amend")
              if (change := changes.get((act, action, target))) is not None
              and change.langs <= set(langs)]
    if not stated:
        change = changes.setdefault((act, "amend", target),
                                    Change(act, "amend", target, item.step.acts[0].rule))
        change.other_language = True
        change.langs.add(lang)
        change.pos.setdefault(lang, item.pos)
        change.words.setdefault(lang, item.words)
        return
    for change in stated:
        if change.only and change.only != langs:
            diagnostics.warning(item.pos, tr("act № {number}: the languages it changed differ "
                                             "between its notes; the first are kept",
                                             number=act.number))
            continue
        change.only = langs
        change.pos.setdefault(lang, item.pos)
        change.words.setdefault(lang, item.words)


def _unified_dates(placed: dict[str, list[Placed]], adopted: dt.date,
                   diagnostics: Diagnostics) -> dict[tuple[str, str, str, dt.date], dt.date]:
    """An act printed with a date before the document's adoption, while an act of its issuer,
    type and number is printed with a date after it (in either language), is that act: an
    amending act cannot precede what it amends, so the earlier date is a misprint."""
    seen: dict[tuple[str, str, str], set[dt.date]] = {}
    where: dict[tuple[str, str, str, dt.date], SourcePos] = {}
    for facts in placed.values():
        for item in facts:
            for mention in item.step.acts:
                key = (mention.issuer, mention.type, mention.number)
                seen.setdefault(key, set()).add(mention.date)
                where.setdefault((*key, mention.date), item.pos)
    unified: dict[tuple[str, str, str, dt.date], dt.date] = {}
    for key, dates in seen.items():
        later = [date for date in dates if date >= adopted]
        if len(later) != 1:
            continue
        for date in dates:
            if date < adopted:
                unified[(*key, date)] = later[0]
                diagnostics.warning(where[(*key, date)],
                                    tr("act № {number} is dated {date} here, before the document's "
                                       "adoption on {adopted}, and {later} elsewhere: {later} "
                                       "is kept",
                                       number=key[2], date=date, adopted=adopted, later=later[0]))
    return unified


def estimated_effect(change: Change) -> dt.date:
    """When a change takes effect, with its act's publication taken as its signing day where
    the published text does not give it."""
    rule = change.rule
    if isinstance(rule, InForceDate):
        return rule.date
    if isinstance(rule, InForceAfterDays):
        return change.act.date + dt.timedelta(days=rule.after_publication_days + 1)
    return change.act.date


def order_changes(acts: dict[ActId, ActFacts]) -> list[Change]:
    """Every change in the order consolidation applies them."""
    every = [change for facts in acts.values() for change in facts.changes]
    for change in every:
        change.order = (estimated_effect(change), change.act.date, change.act.number)
    ordered = sorted(every, key=lambda change: change.order)
    _keep_inner_notes(ordered)
    return ordered


def _keep_inner_notes(ordered: list[Change]) -> None:
    """A new wording of a unit whose inner units carry notes of acts before it, as the
    publisher prints them, is recorded as changes made: a new wording brings new units, without
    the notes of the old ones, and those notes would be lost."""
    for index, change in enumerate(ordered):
        if change.action != "replace" or change.target is None:
            continue
        inside = change.target + "__"
        if any(earlier.target is not None and earlier.target.startswith(inside)
               for earlier in ordered[:index]):
            change.action = "amend"
            change.kept_notes = True


class Adopted:
    """The text as adopted and the wording each change brings, from a printed tree."""

    def __init__(self, changes: list[Change]):
        self.rank = {id(change): index for index, change in enumerate(changes)}
        self.inserted: dict[str, Change] = {}
        self.deleted: dict[str, Change] = {}
        for change in changes:
            if change.action == "insert" and change.target is not None:
                self.inserted.setdefault(change.target, change)
            elif change.action == "delete" and change.target is not None:
                self.deleted.setdefault(change.target, change)

    def original(self, units: list[Node], placeholder: str) -> list[Node]:
        """The units as adopted: before every change."""
        return self._state(units, -1, placeholder)

    def wording(self, node: Node, change: Change, placeholder: str) -> Node:
        """`node` as `change` worded it: without the units later acts added, with a
        placeholder for those later acts excluded."""
        return self._state([node], self.rank[id(change)], placeholder, keep_root=True)[0]

    def _state(self, nodes: list[Node], rank: int, placeholder: str,
               keep_root: bool = False) -> list[Node]:
        kept = []
        for node in nodes:
            insert = self.inserted.get(node.uid)
            if insert is not None and self.rank[id(insert)] > rank and not keep_root:
                continue
            copy = _copy(node)
            copy.children = self._state(node.children, rank, placeholder)
            if node.uid in self.deleted:
                _unknown_wording(copy, placeholder)
            kept.append(copy)
            keep_root = False
        return kept


def _unknown_wording(node: Node, placeholder: str) -> None:
    """An excluded unit as adopted: its label and headings as printed, its words unknown (its
    units kept where the publisher printed its earlier wording under it)."""
    if node.cells is not None:
        node.cells = [placeholder, *[""] * (len(node.cells) - 1)]
    elif node.kind in ("attachment", "appendix", "chapter", "section", "subsection", "table"):
        return
    else:
        node.text = placeholder


def _copy(node: Node) -> Node:
    return Node(node.kind, node.pos, node.label, node.heading, node.text,
                list(node.stamp) if node.stamp else None, node.position, node.name, node.role,
                node.widths, node.header, list(node.cells) if node.cells else None, [],
                node.indent, node.uid, node.own, node.exclusion, node.instructions)


def act_rule(facts: ActFacts) -> InForceRule:
    """The act's own rule: the one most of its changes take effect by."""
    counted = Counter(repr(change.rule) for change in facts.changes)
    best = counted.most_common(1)[0][0]
    return next(change.rule for change in facts.changes if repr(change.rule) == best)


def needs_publication(rule: InForceRule) -> bool:
    return rule == "on_publication" or isinstance(rule, InForceAfterDays)


__all__ = ["ActFacts", "Adopted", "Change", "act_rule", "collect", "needs_publication",
           "order_changes"]
