"""Draft stage: an amendment record + the project → the text of the amending act (`ActText`).

Reads: a `Project` and one of its acts. Writes: an `ActText` per language — the act's title,
enacting formula, point 1 with the record's changes in document order, grouped under the units
that hold them and numbered 1), 2), …, each new wording quoted as the consolidated text shows it,
then the point on entry into force and the signature. Every word comes from the language's
drafting grammar (`generator.lang.*_drafting`). `check` holds a drafted act against the record
and against the diff of the versions before and after it.

The units are named as they stand in the text the act amends: the document with every change
that takes effect before this act's first one.
"""

from __future__ import annotations

import dataclasses

from ..consolidate import consolidate
from ..input import UnitBuilder
from ..lang import drafting
from ..model import (
    Act,
    Change,
    Diagnostics,
    InputError,
    Project,
    Unit,
    Version,
    act_file_stems,
    family_of,
    spec_of,
)
from ..model.act_text import ActLine, ActPoint, ActText, QuotedBlock
from ..model.drafting import ActKind, ActUnit, DraftingLanguage
from .quote import quoted_blocks, wrap

__all__ = ["act_changes", "draft_act"]


def act_changes(project: Project, act: Act) -> list[Change]:
    return [change for change in project.changes if change.act.key == act.key]


def draft_act(project: Project, act: Act, lang: str) -> ActText:
    """The act in `lang`; raises InputError when the record does not fit the text it amends."""
    grammar = drafting(lang)
    changes = act_changes(project, act)
    document = project.documents[lang]
    repeal = any(change.action == "repeal" for change in changes)
    kind: ActKind = "repeal" if repeal else (
        "changes_and_additions" if any(c.action == "insert" for c in changes) else "changes")
    points = [ActPoint(1, grammar.amended_act_point(document, kind))]
    if not repeal:
        points[0].lines = Drafter(grammar, text_before(project, changes, lang)).lines(changes)
    points.append(ActPoint(2, _in_force(grammar, act, points[0].lines, changes)))
    reconstructed = any(change.provenance == "reconstructed" for change in changes)
    signatory = (act.signatory or {}).get(lang)
    return ActText(
        lang=grammar, act=act, document=document, title=grammar.act_title(document, kind),
        formula=grammar.enacting_formula(act), points=points,
        signatory_position=signatory.position if signatory else document.signatory.position,
        signatory_name=signatory.name if signatory else "",
        header_note=grammar.phrase("reconstructed") if reconstructed else None,
        file_stem=act_file_stems([*(item.id for item in project.acts), act.id])[act.key],
    )


def text_before(project: Project, changes: list[Change], lang: str) -> Version:
    """The version the act amends: every change in force before the act's first one."""
    first = min(change.sort_key for change in changes)
    earlier = [c for c in project.changes
               if c.effective is not None and c.sort_key < first]
    date = max([project.adoption_date, *(c.effective for c in earlier if c.effective)])
    return consolidate(dataclasses.replace(project, changes=earlier), lang, date)


def _in_force(grammar: DraftingLanguage, act: Act, lines: list[ActLine],
              changes: list[Change]) -> str:
    """The act's rule, then a sentence for each instruction whose change has a rule of its own."""
    sentences = [grammar.in_force_point(act, act.in_force)]
    by_index = {change.index: change for change in changes}
    for line in lines:
        change = by_index.get(line.change) if line.change is not None else None
        if line.number is not None and change is not None and change.in_force != act.in_force:
            sentences.append(grammar.in_force_exception(act, 1, line.number, change.in_force))
    return " ".join(sentences)


@dataclasses.dataclass(slots=True)
class Item:
    """An instruction before numbering: where it goes, under which units, what it says."""

    order: tuple[int, int, int]
    groups: list[Unit]
    text: str
    change: Change
    quoted: tuple[QuotedBlock, ...] = ()


class Drafter:
    """Point 1's lines for the changes of one act, in one language."""

    def __init__(self, grammar: DraftingLanguage, before: Version) -> None:
        self.grammar = grammar
        self.before = before
        self.parents: dict[str, Unit | None] = {}
        self.order: dict[str, int] = {}
        self.last: dict[str, int] = {}
        for unit in before.units:
            self._index(unit, None)

    def _index(self, unit: Unit, parent: Unit | None) -> None:
        self.parents[unit.uid] = parent
        self.order[unit.uid] = len(self.order)
        for child in unit.children:
            self._index(child, unit)
        self.last[unit.uid] = len(self.order) - 1

    def _reason(self, change: Change) -> str | None:
        """Why a reconstructed change's wording is not the official one, in this language."""
        if change.provenance != "reconstructed" or change.reason is None:
            return None
        return change.reason[self.grammar.code]

    def unit(self, uid: str, change: Change) -> Unit:
        for unit in self.before.walk():
            if unit.uid == uid:
                return unit
        diagnostics = Diagnostics()
        diagnostics.error(change.pos, f"{change.where}: no unit '{uid}' in the text the act amends")
        raise InputError(diagnostics)

    def groups(self, unit: Unit | None) -> list[Unit]:
        """The units an instruction on `unit` stands under: its ancestors, tables left out."""
        chain: list[Unit] = []
        while unit is not None:
            if family_of(unit) != "tabular":
                chain.append(unit)
            unit = self.parents[unit.uid]
        return chain[::-1]

    def named(self, unit: Unit) -> ActUnit:
        """A unit as instructions name it; a plain paragraph with nothing to name it by, by its
        place among its siblings of its kind ("the third paragraph")."""
        if unit.label or unit.heading or unit.cells or family_of(unit) != "plain":
            return ActUnit(unit)
        parent = self.parents[unit.uid]
        siblings = parent.children if parent is not None else self.before.units
        alike = [s for s in siblings if s.kind == unit.kind]
        return ActUnit(unit, alike.index(unit) + 1)

    def items(self, change: Change) -> list[Item]:
        grammar = self.grammar
        if change.action == "insert":
            return [self._insert(change)]
        unit = self.unit(change.target, change)
        parent = self.parents[unit.uid]
        order = (self.order[unit.uid], 0, change.index)
        if change.action == "replace":
            blocks = quoted_blocks(self._built(change, parent), parent, grammar)
            return [Item(order, self.groups(parent), grammar.replace_instruction(self.named(unit)),
                         change, blocks)]
        if change.action == "delete":
            return [Item(order, self.groups(parent), grammar.delete_instruction(self.named(unit)),
                         change)]
        edits = [(edit.find[grammar.code], edit.replace[grammar.code])
                 for edit in change.edits]
        if len(edits) == 1:
            return [Item(order, self.groups(parent),
                         grammar.amend_instruction(self.named(unit), *edits[0]), change)]
        # Several edits of one unit: the unit heads a group, one instruction per edit.
        return [Item(order, [*self.groups(parent), unit],
                     grammar.amend_instruction(None, find, replace), change)
                for find, replace in edits]

    def _insert(self, change: Change) -> Item:
        top = change.target == self.before.document.id
        parent = None if top else self.unit(change.target, change)
        siblings = parent.children if parent is not None else self.before.units
        new = self._built(change, parent, siblings)
        place = self.last[parent.uid] if parent is not None else len(self.order)
        anchor = change.after or change.before
        full = anchor if anchor is None or "__" in anchor or top else f"{change.target}__{anchor}"
        # An anchor inserted by this act itself is not in the text it amends: the end of the
        # parent then, in the record's order.
        if full in self.order:
            place = self.last[full] if change.after else self.order[full] - 1
        blocks = quoted_blocks(new, parent, self.grammar)
        text = self.grammar.insert_instruction(ActUnit(new[0]))
        return Item((place, 1, change.index), self.groups(parent), text, change, blocks)

    def _built(self, change: Change, parent: Unit | None,
               siblings: list[Unit] | None = None) -> list[Unit]:
        raw = change.content.get(self.grammar.code)
        raws = raw if isinstance(raw, list) else [raw]
        diagnostics = Diagnostics()
        units = UnitBuilder(diagnostics).build_children(
            raws, parent.uid if parent is not None else "", change.pos, existing=siblings)
        diagnostics.raise_if_errors()
        return units

    def lines(self, changes: list[Change]) -> list[ActLine]:
        items = sorted((item for change in changes for item in self.items(change)),
                       key=lambda item: item.order)
        lines: list[ActLine] = []
        open_groups: list[str] = []
        for number, item in enumerate(items, 1):
            uids = [unit.uid for unit in item.groups]
            shared = 0
            while shared < min(len(uids), len(open_groups)) and uids[shared] == open_groups[shared]:
                shared += 1
            for depth, unit in enumerate(item.groups[shared:], shared):
                lines.append(ActLine("group", self.group_text(unit), depth))
            open_groups = uids
            end = "." if number == len(items) else ";"
            text, quoted = item.text, item.quoted
            if quoted:
                quoted = wrap(quoted, "«", "»" + end)
            else:
                text += end
            lines.append(ActLine("instruction", text, len(uids), number, quoted,
                                 item.change.index, self._reason(item.change)))
        return lines

    def group_text(self, unit: Unit) -> str:
        """The line instructions on units inside `unit` stand under; a part of its own that is
        not named by its label (the programme the act approved) by its heading."""
        spec = spec_of(unit)
        if spec.family == "stamped" and not spec.named_by_label:
            return self.grammar.attachment_group(unit, self.before.document)
        return self.grammar.act_unit(self.named(unit), "locative").rstrip(",") + ":"

