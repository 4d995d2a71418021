"""Draft stage: an amendment record + the project → the text of the amending act (`ActText`).

Reads: a `Project` and one of its acts. Writes: an `ActText` per language — the act's title
(the record's own, else the grammar's, singular or plural by what the act does), enacting
formula, the first point with the record's changes in document order, grouped under the units
that hold them and numbered 1), 2), …, each new wording quoted as the consolidated text shows
it, then the point on entry into force and the signature; a law's points are its articles.
Every word comes from the language's drafting grammar (`generator.lang.*_drafting`). `check`
holds a drafted act against the record and against the diff of the versions before and after
it.

The units are named as they stand in the text the act amends: the document with every change
that takes effect before this act's first one. The forms follow the publisher's: a unit alone
in a numbered unit is named inside it ("sub-point 1) of point 15") instead of under a group
line; units deleted one after another in one place are deleted by one instruction; a unit
inserted alone into a part names that part ("section «X» be supplemented with …"); a row
without a number is replaced by quoting it in full; a change's `group_line` chooses the other
form where the publisher writes two.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from ..consolidate import consolidate
from ..i18n import tr
from ..input import UnitBuilder
from ..lang import drafting
from ..model import (
    TITLE_TARGET,
    Act,
    Blank,
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
from ..model.act_text import ActBlankLines, ActLine, ActPoint, ActText, QuotedBlock
from ..model.drafting import ActScope, ActUnit, Address, DraftingLanguage
from ..model.tables import row_of
from .quote import quoted_blocks, wrap

__all__ = ["act_changes", "draft_act", "draft_whole_act"]


def act_changes(project: Project, act: Act) -> list[Change]:
    return [change for change in project.changes if change.act.key == act.key]


def draft_act(project: Project, act: Act, lang: str) -> ActText:
    """The act in `lang`; raises InputError when the record does not fit the text it amends."""
    grammar = drafting(lang)
    changes = act_changes(project, act)
    document = project.documents[lang]
    lines: list[ActLine] = []
    if any(change.action == "repeal" for change in changes):
        scope = ActScope(repeal=True)
    else:
        drafter = Drafter(grammar, text_before(project, changes, lang), act)
        lines = drafter.lines(changes)
        # Changes an import could not read yet (placeholders to fill in) give no instruction:
        # the act still says it amends the document.
        scope = ActScope.of(drafter.actions or [change.action for change in changes])
    points = [ActPoint(1, grammar.amended_act_point(document, scope), lines,
                       grammar.point_label(act, 1)),
              ActPoint(2, _in_force(grammar, act, [(1, lines, changes)]),
                       label=grammar.point_label(act, 2))]
    reconstructed = any(change.provenance == "reconstructed" for change in changes)
    signatory = (act.signatory or {}).get(lang)
    blank = (act.blank or {}).get(lang)
    position = (signatory.position if signatory and signatory.position else
                blank.position if blank else document.signatory.position)
    # Acting for the head: as the record says of the act, or of its signatory in a language.
    if act.acting or (signatory is not None and signatory.acting):
        position = grammar.acting(position)
    return ActText(
        lang=grammar, act=act, document=document,
        title=act.title.get(lang) or grammar.act_title(document, scope),
        formula=grammar.enacting_formula(act), points=points,
        signatory_position=position, signatory_name=signatory.name if signatory else "",
        header_note=grammar.phrase("reconstructed") if reconstructed else None,
        blank=_blank_lines(grammar, act, blank),
        file_stem=act_file_stems([*(item.id for item in project.acts), act.id])[act.key],
    )


def _blank_lines(grammar: DraftingLanguage, act: Act, blank: Blank | None) -> ActBlankLines | None:
    """The blank's lines with the act's date in the language's forms and its number."""
    if blank is None:
        return None
    sign = grammar.phrase("number_sign")
    values = {**grammar.date_forms(act.date), "number": act.number, "sign": sign}
    registration = None
    if act.registration is not None and blank.registration:
        registration = blank.registration.format_map(
            {**grammar.date_forms(act.registration.date), "number": act.registration.number,
             "sign": sign})
    return ActBlankLines(tuple(blank.heading), blank.date_line.format_map(values), blank.place,
                         blank.dated, registration)


def text_before(project: Project, changes: list[Change], lang: str) -> Version:
    """The version the act amends: every change in force before the act's first one."""
    first = min(change.sort_key for change in changes)
    earlier = [c for c in project.changes
               if c.effective is not None and c.sort_key < first]
    date = max([project.adoption_date, *(c.effective for c in earlier if c.effective)])
    return consolidate(dataclasses.replace(project, changes=earlier), lang, date)


def _in_force(grammar: DraftingLanguage, act: Act,
              points: list[tuple[int, list[ActLine], list[Change]]]) -> str:
    """The act's rule, then a sentence for each instruction (of each point, with the changes it
    carries out) whose change has a rule of its own."""
    sentences = [grammar.in_force_point(act, act.in_force)]
    for point, lines, changes in points:
        by_index = {change.index: change for change in changes}
        for line in lines:
            change = by_index.get(line.change) if line.change is not None else None
            if line.number is not None and change is not None and \
                    change.in_force != act.in_force:
                sentences.append(grammar.in_force_exception(act, point, line.number,
                                                            change.in_force))
    return " ".join(sentences)


def draft_whole_act(projects: list[Project], key: str, lang: str) -> ActText:
    """The act `key` of a workspace in `lang`, whole: one point per document it amends (as
    point 1 of an act on that document alone words it), in the official order — the documents
    amended by the date and number of their adoption, then those declared to have lost force —,
    then its point on entry into force; its title, formula and signature once. An act on one
    document is drafted as `draft_act` drafts it."""
    drafted = sorted(((draft_act(project, act, lang), act_changes(project, act))
                      for project in projects for act in project.acts if act.key == key),
                     key=lambda pair: _official_order(pair[0]))
    if len(drafted) == 1:
        return drafted[0][0]
    grammar = drafting(lang)
    first = drafted[0][0]
    act = first.act
    points = [ActPoint(number, text.points[0].text, text.points[0].lines,
                       grammar.point_label(act, number))
              for number, (text, _) in enumerate(drafted, 1)]
    rule = _in_force(grammar, act, [(number, text.points[0].lines, changes)
                                    for number, (text, changes) in enumerate(drafted, 1)])
    last = len(points) + 1
    points.append(ActPoint(last, rule, label=grammar.point_label(act, last)))
    notes = [text.header_note for text, _ in drafted if text.header_note]
    return dataclasses.replace(first, points=points, header_note=notes[0] if notes else None)


def _official_order(text: ActText) -> tuple[bool, object, str]:
    """Amendments before repeals, each by the amended document's adoption and number."""
    repeal = not any(point.lines for point in text.points)
    return repeal, text.document.date, text.document.number


@dataclasses.dataclass(slots=True)
class Item:
    """An instruction before numbering: where it goes, under which units, what it does. Its
    words are written once every instruction of the act is known (`Drafter.word`)."""

    order: tuple[int, int, int]
    groups: list[Unit]
    change: Change
    action: str
    units: list[Unit] = dataclasses.field(default_factory=list)
    quoted: tuple[QuotedBlock, ...] = ()
    edit: tuple[str, str] | None = None
    host: Unit | None = None  # an insertion's unit, where the instruction names it
    nested: Unit | None = None  # the numbered unit the unit is named inside of
    folded: Unit | None = None  # the part named in the instruction itself
    merged: list[Change] = dataclasses.field(default_factory=list)
    old_row: tuple[QuotedBlock, ...] = ()  # a row quoted in full before its new wording
    position: int | None = None  # an inserted paragraph's place among its parent's


class Drafter:
    """Point 1's lines for the changes of one act, in one language."""

    def __init__(self, grammar: DraftingLanguage, before: Version, act: Act | None = None
                 ) -> None:
        self.grammar = grammar
        self.before = before
        self.act = act
        self.parents: dict[str, Unit | None] = {}
        self.order: dict[str, int] = {}
        self.last: dict[str, int] = {}
        # The action of each instruction drafted, by which the act's title counts them.
        self.actions: list[str] = []
        # Each parent's units with the ones this act inserts into it, as they are drafted.
        self.inserted: dict[str, list[Unit]] = {}
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

    @staticmethod
    def _refuse_undrafted(change: Change) -> None:
        """A change the instructions have no form for yet is an error, never an act drafted
        without it."""
        undrafted = (tr("a unit losing force") if change.action == "lose_force"
                     else tr("a heading alone") if change.part is not None
                     else tr("the title") if change.target == TITLE_TARGET
                     else tr("one language's text") if change.only
                     else tr("several units in one change") if change.also else None)
        if undrafted is not None:
            diagnostics = Diagnostics()
            diagnostics.error(change.pos, tr("{where}: legalgen act does not draft {what} yet",
                                             where=change.where, what=undrafted))
            raise InputError(diagnostics)

    def unit(self, uid: str, change: Change) -> Unit:
        for unit in self.before.walk():
            if unit.uid == uid:
                return unit
        diagnostics = Diagnostics()
        diagnostics.error(change.pos, tr("{where}: no unit '{uid}' in the text the act amends",
                                         where=change.where, uid=uid))
        raise InputError(diagnostics)

    def groups(self, unit: Unit | None) -> list[Unit]:
        """The units an instruction on a unit inside `unit` stands under: its ancestors, tables
        left out."""
        chain: list[Unit] = []
        while unit is not None:
            if family_of(unit) != "tabular":
                chain.append(unit)
            unit = self.parents[unit.uid]
        return chain[::-1]

    def holders(self, unit: Unit) -> list[Unit]:
        """The units an instruction on `unit` itself stands under: those of its parent, and a
        sub-row's row."""
        row = self.row_of(unit)
        return [*self.groups(self.parents[unit.uid]), *([row] if row is not None else [])]

    def row_of(self, unit: Unit) -> Unit | None:
        """The numbered row a sub-row ("1)" after row "32.") belongs to, as the publisher
        addresses it: "in row 32: in sub-point 1)"."""
        parent = self.parents.get(unit.uid)
        return row_of(unit, parent.children) if parent is not None else None

    def named(self, unit: Unit, parent: Unit | None = None) -> ActUnit:
        """A unit as instructions name it, inside `parent` if given; a sub-row as a sub-point
        of its row; a plain paragraph with nothing to name it by, by its place among its
        parent's paragraphs ("the third paragraph"), where a numbered parent's own text is the
        first."""
        top = self.parents.get(unit.uid) is None
        inside = self.named(parent) if parent is not None else None
        if self.row_of(unit) is not None:
            return ActUnit(dataclasses.replace(unit, kind="subpoint"), parent=inside, top=top)
        if unit.label or unit.heading or unit.cells or family_of(unit) != "plain":
            return ActUnit(unit, parent=inside, top=top)
        holder = self.parents.get(unit.uid)
        siblings = holder.children if holder is not None else self.before.units
        alike = [s for s in siblings if s.kind == unit.kind]
        first = 1 if holder is not None and family_of(holder) == "numbered" and holder.text \
            else 0
        return ActUnit(unit, first + alike.index(unit) + 1, inside, top)

    def items(self, change: Change) -> list[Item]:
        self._refuse_undrafted(change)
        if change.action == "insert":
            return [self._insert(change)]
        if change.target == self.before.document.id and change.action == "amend":
            # Words replaced throughout the text: first, before every unit's instruction.
            return [Item((-1, 0, change.index), [], change, "throughout",
                         edit=(edit.find[self.grammar.code], edit.replace[self.grammar.code]))
                    for edit in change.edits]
        unit = self.unit(change.target, change)
        parent = self.parents[unit.uid]
        order = (self.order[unit.uid], 0, change.index)
        groups = self.holders(unit)
        if change.action == "replace":
            blocks = quoted_blocks(self._built(change, parent), parent, self.grammar)
            old: tuple[QuotedBlock, ...] = ()
            if spec_of(unit).in_table and not unit.label and parent is not None:
                old = quoted_blocks([unit], parent, self.grammar)
            return [Item(order, groups, change, "replace", [unit], blocks, old_row=old)]
        if change.action == "delete":
            return [Item(order, groups, change, "delete", [unit])]
        edits = [(edit.find[self.grammar.code], edit.replace[self.grammar.code])
                 for edit in change.edits]
        if len(edits) == 1:
            return [Item(order, groups, change, "append" if not edits[0][0] else "amend",
                         [unit], edit=edits[0])]
        # Several edits of one unit: the unit heads a group, one instruction per edit.
        return [Item(order, [*groups, unit], change, "append" if not edit[0] else "amend",
                     edit=edit) for edit in edits]

    def _insert(self, change: Change) -> Item:
        top = change.target == self.before.document.id
        parent = None if top else self.unit(change.target, change)
        # The parent's units with those this act inserted into it so far, in the record's order.
        siblings = self.inserted.setdefault(parent.uid if parent is not None else "", list(
            parent.children if parent is not None else self.before.units))
        new = self._built(change, parent, siblings)
        place = self.last[parent.uid] if parent is not None else len(self.order)
        anchor = change.after or change.before
        full = anchor if anchor is None or "__" in anchor or top else f"{change.target}__{anchor}"
        # An anchor inserted by this act itself is not in the text it amends: the end of the
        # parent then, in the record's order.
        if full in self.order:
            place = self.last[full] if change.after else self.order[full] - 1
        blocks = quoted_blocks(new, parent, self.grammar)
        item = Item((place, 1, change.index), self.groups(parent), change, "insert", new, blocks)
        uids = [sibling.uid for sibling in siblings]
        cut = uids.index(full) + (1 if change.after else 0) if full in uids else len(siblings)
        if len(new) == 1 and family_of(new[0]) == "plain" and not new[0].label:
            alike = sum(1 for sibling in siblings[:cut] if sibling.kind == new[0].kind)
            first = 1 if parent is not None and family_of(parent) == "numbered" and \
                parent.text else 0
            item.position = first + alike + 1
        siblings[cut:cut] = new
        return item

    def _built(self, change: Change, parent: Unit | None,
               siblings: list[Unit] | None = None) -> list[Unit]:
        raw = change.content.get(self.grammar.code)
        raws = raw if isinstance(raw, list) else [raw]
        diagnostics = Diagnostics()
        units = UnitBuilder(diagnostics).build_children(
            raws, parent.uid if parent is not None else "", change.pos, existing=siblings)
        diagnostics.raise_if_errors()
        return units

    # --- The forms of the publisher -------------------------------------------------------

    def _shape(self, items: list[Item]) -> None:
        """Names a unit inside its numbered parent, a part inside the instruction, or an
        insertion's part before it, where the publisher does; `group_line` decides."""
        held = Counter(unit.uid for item in items for unit in item.groups)
        for item in items:
            own = item.change.group_line
            if not item.groups or own is True or not item.units and item.action != "insert":
                continue
            inner = item.groups[-1]
            alone = held[inner.uid] == 1
            if own is False and item.action != "insert" and family_of(inner) != "stamped":
                item.folded = inner
            elif item.action == "insert":
                if alone and family_of(inner) == "division":
                    item.host = inner
                else:
                    continue
            elif alone and family_of(inner) == "numbered" and not item.old_row and \
                    self.parents[item.units[0].uid] is inner:
                item.nested = inner
            else:
                continue
            item.groups = item.groups[:-1]

    def _merged(self, items: list[Item]) -> list[Item]:
        """Units deleted one after another in one place, or a unit and units inside it,
        deleted by one instruction."""
        result: list[Item] = []
        for item in items:
            last = result[-1] if result else None
            if last is not None and item.action == last.action == "delete" and not (
                    item.folded or last.folded or item.nested or last.nested) and (
                    _uids(item.groups) == _uids(last.groups) or (
                        _uids(item.groups[:-1]) == _uids(last.groups)
                        and item.groups[-1].uid in _uids(last.units))):
                last.units.append(item.units[0])
                last.merged.append(item.change)
                continue
            result.append(item)
        return result

    def word(self, item: Item) -> str:
        """The words of an instruction."""
        grammar = self.grammar
        if item.action == "insert":
            host = self.named(item.host) if item.host is not None else None
            return grammar.insert_instruction(
                [ActUnit(unit, item.position) for unit in item.units], host)
        address = Address(
            tuple(self.named(unit, item.nested) for unit in item.units),
            self.named(item.folded) if item.folded is not None else None)
        if item.action == "replace":
            if item.old_row:
                return grammar.row_replace_instruction()[0]
            return grammar.replace_instruction(address)
        if item.action == "delete":
            return grammar.delete_instruction(address)
        find, replace = item.edit or ("", "")
        if item.action == "throughout":
            return grammar.throughout_instruction(find, replace)
        return grammar.amend_instruction(address if item.units else None, find, replace)

    def lines(self, changes: list[Change]) -> list[ActLine]:
        items = sorted((item for change in changes for item in self.items(change)),
                       key=lambda item: item.order)
        self._shape(items)
        items = self._merged(items)
        self.actions = [item.action for item in items]
        lines: list[ActLine] = []
        open_groups: list[str] = []
        for number, item in enumerate(items, 1):
            uids = [unit.uid for unit in item.groups]
            shared = 0
            while shared < min(len(uids), len(open_groups)) and uids[shared] == open_groups[shared]:
                shared += 1
            for depth, unit in enumerate(item.groups[shared:], shared):
                lines.append(ActLine("group", self._dated(self.group_text(unit)), depth))
            open_groups = uids
            end = "." if number == len(items) else ";"
            text, quoted = self._dated(self.word(item)), item.quoted
            merged = tuple(change.index for change in item.merged)
            reason = self._reason(item.change)
            if item.old_row:
                lead = wrap(item.old_row, "«", "»")
                lines.append(ActLine("instruction", text, len(uids), number, lead,
                                     item.change.index, reason, merged))
                text = self._dated(self.grammar.row_replace_instruction()[1])
                lines.append(ActLine("continuation", text, len(uids),
                                     quoted=wrap(quoted, "«", "»" + end)))
                continue
            if quoted:
                quoted = wrap(quoted, "«", "»" + end)
            else:
                text += end
            lines.append(ActLine("instruction", text, len(uids), number, quoted,
                                 item.change.index, reason, merged))
        # The one instruction of an act is not numbered, unless point 2 names it (a rule of its
        # own).
        instructions = [line for line in lines if line.kind == "instruction"]
        if len(instructions) == 1 and items[0].change.in_force == items[0].change.act.in_force:
            lines[lines.index(instructions[0])] = dataclasses.replace(instructions[0], number=None)
        return lines

    def _dated(self, text: str) -> str:
        """A line as an act of its date writes it."""
        return self.grammar.in_era(text, self.act.date) if self.act is not None else text

    def group_text(self, unit: Unit) -> str:
        """The line instructions on units inside `unit` stand under."""
        return self.grammar.group_line(self.named(unit), self.before.document)


def _uids(units: list[Unit]) -> list[str]:
    return [unit.uid for unit in units]
