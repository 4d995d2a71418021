"""Reading an amending act's text back into changes: one language, line by line.

Reads the text of an act in the official instruction style and the version it amends, in two
layouts: the act on one document (as `legalgen act --format txt` writes it: point 1 naming the
amended act, numbered instructions, point 2 on entry into force), and the act that amends
several documents, one paragraph each ("N. In resolution … No 405 «…»:" in an annex of changes,
or "N) in resolution …:" inside a point), with un-numbered instructions. Of the second, it
reads the paragraph that amends the project's document and lists the others as not for it.

Writes the act's metadata (title, issuer from the enacting formula, in-force rule from its
point, number and date from the heading line above the title when there is one) and
`LangChange`s: each instruction one change (several units deleted at once, one change each),
its units found by the names the act gives them under the groups above it, its quoted wording
read into units. Every word, date form and number sign it reads by comes from the language's
drafting grammar. Every line it cannot read is an error with its line number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import cast

from ..consolidate.apply import own_texts
from ..diff.parts import cell_text
from ..i18n import tr
from ..input import UnitIn
from ..model import (
    Act,
    InForceAfterDays,
    InForceDate,
    InForceRule,
    Unit,
    UnitKind,
    Version,
    family_of,
    kind_spec,
    spec_of,
)
from ..model.drafting import SCOPES, ActScope, DraftingLanguage, InstructionForm, NewUnit
from .act_names import ActNames, Groups
from .common import LangChange, probe_act
from .structure import LABEL, Node, unit_from_texts
from .writer import written

INSTRUCTION = re.compile(r"^(\d+)\)\s+(.*)$")
# The head of a paragraph on one amended act: "2. In resolution …:" or "1) in resolution …:".
PARAGRAPH = re.compile(r"^(\d+)([.)]) (.+):$")
POINT = re.compile(r"^(\d+)\. ")
ISSUERS = ("government", "president", "ministry")
MAX_DAYS = 90


class ActSyntaxError(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col = line, col


@dataclass(slots=True)
class ParsedAct:
    title: str
    issuer: str
    in_force: InForceRule | None
    number: str | None
    date: dt.date | None
    changes: list[LangChange]
    errors: list[ActSyntaxError] = field(default_factory=list)
    # The paragraphs that amend other acts: the line of each and the act's number.
    others: list[tuple[int, str]] = field(default_factory=list)


@dataclass(slots=True)
class Read:
    """An instruction read: its changes, the groups it stood under and how it named its unit
    (inside a numbered parent, under a part named at its head, or after its host)."""

    changes: list[LangChange]
    stack: Groups
    how: str = "plain"  # plain | nested | folded | host
    listed: bool = False  # several units, deleted at once


def normalize(line: str) -> str:
    """Dashes inside numbers as hyphens, spaces single (a language's own letters are its
    grammar's: `own_letters`)."""
    line = re.sub(r"(?<=\d)[–—](?=\d)", "-", line)
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


class ActReader:
    """One language's act, read against the version it amends."""

    def __init__(self, grammar: DraftingLanguage, version: Version, act_type: str,
                 issuer: str = "government") -> None:
        self.grammar = grammar
        self.version = version
        self.names = ActNames(grammar, version)
        self.act_type = act_type
        self.issuer = issuer
        self.printed: list[str] = []
        self.lines: list[str] = []
        self.at = 0
        self.errors: list[ActSyntaxError] = []
        # The issuer the enacting formula names, once read (before any error further on).
        self.formula_issuer: str | None = None
        self.reads: list[Read] = []
        # Each amended unit's texts as the act's earlier amendments leave them.
        self.texts: dict[str, list[str]] = {}
        # The point on the document, and whether other points amend other documents (a whole
        # act of a workspace: the rule stands in its last point).
        self.point = 1
        self.whole = False

    def read(self, text: str) -> ParsedAct:
        # The header note of a reconstruction says nothing the record keeps.
        note = self.grammar.phrase("reconstructed")
        # The lines as printed, and as read: with the look-alike letters of another alphabet
        # as the language's own (one letter for one, so that a place in one is a place in the
        # other); words quoted are taken as printed.
        self.printed = ["" if line == note else self.grammar.modern(line) for line in (
            normalize(line) for line in text.splitlines())]
        self.lines = [self.grammar.own_letters(line) for line in self.printed]
        number, date = None, None
        head = self._next()
        # The blank's lines (heading, a line with the act's own date and number, the place)
        # stand above the title, which is the line before the enacting formula (or, in a law,
        # before its first article).
        first = head
        while head is not None and not self._formula_follows():
            heading = self.grammar.act_number(self.lines[head])
            if heading is not None and number is None:
                number, date = heading, self._date_in(self.lines[head])
            head = self._next()
        if head is None and first is not None:
            # Neither a formula nor a first point: the first line is the title.
            head, self.at, number, date = first, first + 1, None, None
        if head is None:
            raise ActSyntaxError(1, 1, tr("the act has no title"))
        title = self.lines[head]
        others: list[tuple[int, str]] = []
        try:
            issuer = self.formula_issuer = self._formula()
            start, scope = self._layout(others)
            rule: InForceRule | None
            if scope is None:
                changes = self._paragraph(start)
                rule = self._in_force_point()
            elif scope.repeal:
                changes = [LangChange("repeal", self.version.document.id, self.at)]
                rule = self._in_force_point() if self.whole else self._final_point(changes)
            else:
                changes = self._numbered()
                rule = self._in_force_point() if self.whole else self._final_point(changes)
        except ActSyntaxError as exc:
            # Every problem found before the one that ends the reading, in line order.
            self.errors.append(exc)
            self.errors.sort(key=lambda error: (error.line, error.col))
            raise self.errors[0] from None
        self._group_lines()
        self.errors.sort(key=lambda error: (error.line, error.col))
        return ParsedAct(title, issuer, rule, number, date, changes, self.errors, others)

    def _formula_follows(self) -> bool:
        """Whether the next line is the enacting formula, or an act without one opens its
        first point."""
        following = next((line for line in self.lines[self.at:] if line), "")
        first = self.grammar.point_label(self._act(), 1)
        return self._issuer_of(following) is not None or (
            following.startswith(first + " "))

    def _issuer_of(self, line: str) -> str | None:
        """The issuer whose enacting formula is the line, or ends it (after the preamble)."""
        for issuer in ISSUERS:
            formula = self.grammar.enacting_formula(self._act(issuer))
            if line == formula or line.endswith(" " + formula):
                return issuer
        return None

    def _date_in(self, line: str) -> dt.date | None:
        """The date of a heading line, as the language writes the dates of acts."""
        return next((date for date in self.grammar.dates_in(line + " ")
                     if self.grammar.date(date) in line), None)

    def _next(self) -> int | None:
        while self.at < len(self.lines) and not self.lines[self.at]:
            self.at += 1
        if self.at >= len(self.lines):
            return None
        self.at += 1
        return self.at - 1

    def _formula(self) -> str:
        """The issuer by the enacting formula; an act whose issuer enacts with none (a law)
        goes on to its first point."""
        at = self.at
        index = self._next()
        if not self.grammar.enacting_formula(self._act(self.issuer)):
            if index is not None and self._issuer_of(self.lines[index]) is None:
                self.at = at
            return self.issuer
        if index is None:
            raise ActSyntaxError(len(self.lines), 1, tr("the act ends before its enacting "
                                                        "formula"))
        issuer = self._issuer_of(self.lines[index])
        if issuer is None:
            raise ActSyntaxError(index + 1, 1, tr("expected the enacting formula "
                                                  "'{formula}'",
                                                  formula=self.grammar.enacting_formula(self._act('government'))))
        return issuer

    def _layout(self, others: list[tuple[int, str]]) -> tuple[int, ActScope | None]:
        """Where the act amends the document: its first point naming it (and what it does to
        it), or the paragraph on it among those on several acts (scope None)."""
        index = self._next()
        if index is None:
            raise ActSyntaxError(len(self.lines), 1, tr("the act ends before its point 1"))
        document = self.version.document
        act = self._act()
        label = self.grammar.point_label(act, 1)
        for scope in SCOPES:
            if self.lines[index] == f"{label} {self.grammar.amended_act_point(document, scope)}":
                self.whole = self._points_on_others(index, others)
                return index, scope
        own = self._own_point(index)
        if own is not None:
            at, self.point, scope = own
            self.whole = self._points_on_others(index, others)
            self.at = at + 1
            return at, scope
        found = None
        for at in range(index, len(self.lines)):
            amends = self._amends(self.lines[at])
            if amends is None:
                continue
            if amends == document.number and found is None:
                found = at
            elif amends != document.number:
                others.append((at + 1, amends))
        if found is None:
            expected = self.grammar.amended_act_point(document, ActScope(2))
            raise ActSyntaxError(index + 1, 1, tr("point 1 does not name the amended act "
                                                  "('{label} {expected}'), nor does a paragraph "
                                                  "amend it",
                                                  label=label, expected=expected))
        self.at = found + 1
        return found, None

    def _own_point(self, start: int) -> tuple[int, int, ActScope] | None:
        """The point of a whole act that names the document as point 1 of an act on it alone
        does ("2. Amend resolution … No 19 «…» as follows:"): its line, number and scope."""
        document = self.version.document
        for at in range(start, len(self.lines)):
            match = POINT.match(self.lines[at])
            if match is None:
                continue
            number = int(match.group(1))
            label = self.grammar.point_label(self._act(), number)
            for scope in SCOPES:
                if self.lines[at] == f"{label} {self.grammar.amended_act_point(document, scope)}":
                    return at, number, scope
        return None

    def heading(self, text: str) -> tuple[str | None, dt.date | None, InForceRule | None]:
        """The act's number and date from the heading line above its title, and the rule of
        its point on entry into force wherever it stands, without reading its instructions
        (which another document's version may not bear)."""
        self.lines = [self.grammar.own_letters(self.grammar.modern(normalize(line)))
                      for line in text.splitlines()]
        self.at = 0
        while (index := self._next()) is not None and not self._formula_follows():
            number = self.grammar.act_number(self.lines[index])
            if number is not None:
                return number, self._date_in(self.lines[index]), self._in_force_point()
        return None, None, self._in_force_point()

    def names_document(self, text: str) -> bool:
        """Whether the act's text has a point or paragraph on the document."""
        self.lines = [self.grammar.own_letters(self.grammar.modern(normalize(line)))
                      for line in text.splitlines()]
        number = self.version.document.number
        return self._own_point(0) is not None or any(
            self._amends(line) == number for line in self.lines)

    def _points_on_others(self, start: int, others: list[tuple[int, str]]) -> bool:
        """Whether points from `start` on amend other acts (each listed in `others`)."""
        document = self.version.document
        found = False
        for at in range(start, len(self.lines)):
            amends = self._names_act(self.lines[at]) if POINT.match(self.lines[at]) else None
            if amends is not None and amends != document.number:
                others.append((at + 1, amends))
                found = True
        return found

    def _names_act(self, line: str) -> str | None:
        """The number of the act a point names (amends, or declares to have lost force)."""
        if not self.grammar.dates_in(line + " "):
            return None
        numbers = [found.group("number") for found in re.finditer(
            self.grammar.heading_number, line)]
        document = self.version.document
        if document.number in numbers and self.grammar.date(document.date) in line:
            return document.number
        return numbers[0] if numbers else None

    def _amends(self, line: str) -> str | None:
        """The number of the act a paragraph's head line amends; None for another line."""
        return self._names_act(line) if PARAGRAPH.match(line) else None

    def _act(self, issuer: str | None = None) -> Act:
        return probe_act(self.act_type, issuer or self.issuer)

    # The act on one document: numbered instructions

    def _numbered(self) -> list[LangChange]:
        stack: Groups = ()
        changes: list[LangChange] = []
        expected = 1
        while (index := self._next()) is not None:
            line = self.lines[index]
            if line.startswith(self.grammar.point_label(self._act(), self.point + 1) + " "):
                self.at = index
                return changes
            match = INSTRUCTION.match(line)
            if match is None:
                try:
                    stack = self._group(index, stack)
                except ActSyntaxError as exc:
                    # The one instruction of an act stands unnumbered.
                    single = self._single(index, line, stack) if expected == 1 else None
                    if single is None:
                        self.errors.append(exc)
                    else:
                        changes += single
                        expected = 2
                continue
            if expected == 1:
                # The one instruction of an act, unnumbered, may open with a unit's label
                # (a sub-point's "1)"): read as such where it reads no other way.
                numbered = self._single(index, match.group(2), stack)
                single = self._single(index, line, stack) if numbered is None else None
                if numbered is None and single is not None:
                    changes += single
                    expected = 2
                    continue
                if numbered is not None:
                    if match.group(1) != "1":
                        self.errors.append(ActSyntaxError(
                            index + 1, 1, tr("instruction {found}) where {expected}) was expected",
                                             found=match.group(1), expected=1)))
                    changes += numbered
                    expected = int(match.group(1)) + 1
                    continue
            if int(match.group(1)) != expected:
                self.errors.append(ActSyntaxError(index + 1, 1, tr("instruction {found}) where "
                                                                   "{expected}) was expected",
                                                                   found=match.group(1),
                                                                   expected=expected)))
            expected = int(match.group(1)) + 1
            try:
                changes += self._instruction(index, match.group(2), stack)
            except ActSyntaxError as exc:
                self.errors.append(exc)
                self._skip_wording(match.group(2))
        raise ActSyntaxError(len(self.lines), 1, tr("the act ends without point 2 on entry into "
                                                    "force"))

    def _single(self, index: int, line: str, stack: Groups) -> list[LangChange] | None:
        """An unnumbered line read as the act's one instruction, if it is one."""
        at = self.at
        try:
            return self._instruction(index, line, stack)
        except ActSyntaxError:
            self.at = at
            return None

    # The paragraph on the document, among those on several acts

    def _paragraph(self, start: int) -> list[LangChange]:
        """The un-numbered groups and instructions of the paragraph at `start`, up to the next
        paragraph, point or a line that ends no sentence (the stamp of the next annex)."""
        match = PARAGRAPH.match(self.lines[start])
        assert match is not None
        following = f"{int(match.group(1)) + 1}{match.group(2)} "
        stack: Groups = ()
        changes: list[LangChange] = []
        while (index := self._next()) is not None:
            line = self.lines[index]
            if self._amends(line) is not None or (
                    match.group(2) == "." and POINT.match(line)) or line[-1] not in ":;.":
                self.at = index
                break
            try:
                changes += self._instruction(index, line, stack)
                continue
            except ActSyntaxError as exc:
                problem = exc
            try:
                stack = self._group(index, stack)
                continue
            except ActSyntaxError as exc:
                problem = problem if not line.endswith(":") else exc
            # The next paragraph of a point ("2) lost force …"), where it is none of these.
            if line.startswith(following):
                self.at = index
                break
            self.errors.append(problem)
            if not line.endswith(":"):
                self._skip_wording(line)
        return changes

    def _skip_wording(self, text: str) -> None:
        """After an instruction that could not be read, its wording (if any) is not read as
        instructions."""
        if text.endswith(":"):
            try:
                self._quote(self.at - 1)
            except ActSyntaxError:
                return

    def _group(self, index: int, stack: Groups) -> Groups:
        line = self.lines[index]
        if not line.endswith(":"):
            raise ActSyntaxError(index + 1, 1, tr("neither a numbered instruction nor a group "
                                                  "of units ending in ':'"))
        found = self.names.group(stack, line)
        if found is None:
            raise ActSyntaxError(index + 1, 1, tr("no unit is named '{line}' here in the "
                                                  "version of {date}",
                                                  line=line[:-1], date=self.version.date))
        return found

    # Instructions

    def _instruction(self, index: int, text: str, stack: Groups) -> list[LangChange]:
        col = len(self.lines[index]) - len(text) + 1
        if text == self.grammar.row_replace_instruction()[0]:
            return self._row_replaced(index, stack)
        for form in self.grammar.instruction_forms():
            for match, address in self._splits(form, text):
                found = self._address(address, form, stack)
                if found is None:
                    continue
                uids, read = found
                # Where the form's words start in the line, to take quoted words as printed.
                start = len(self.lines[index]) - len(match.string)
                changes = self._changes(index, form, uids, match, read, start)
                read.changes = changes
                self.reads.append(read)
                return changes
        raise ActSyntaxError(index + 1, col, tr("not an instruction of a known form, or its "
                                                "unit is not named as in the text it amends"))

    @staticmethod
    def _splits(form: InstructionForm, text: str) -> list[tuple[re.Match[str], str]]:
        """Each way `text` is a unit's name followed by the form's words, the longest name
        first, no name last."""
        found = []
        for at in [*(match.end() for match in re.finditer(" ", text))][::-1] + [0]:
            match = re.fullmatch(form.pattern, text[at:])
            if match is not None:
                found.append((match, text[:at].strip().rstrip(",")))
        return found

    def _address(self, address: str, form: InstructionForm,
                 stack: Groups) -> tuple[list[str], Read] | None:
        """The units `address` names under the open groups (the deepest groups that name them
        win: an instruction after a deeper one stands under fewer groups with no line of its
        own), alone, in a list, or after a part named at the head."""
        if not address:
            return ([], Read([], stack)) if form.unit_optional else None
        for depth in range(len(stack), -1, -1):
            groups = stack[:depth]
            found = self._names(groups, form, address)
            if found is not None:
                nested = any(self._nested(groups, uid) for uid in found[0])
                return found[0], Read([], groups, "nested" if nested else (
                    "host" if form.action == "insert" else "plain"), found[1])
            for words, uid in self.names.folded_under(groups).items():
                if address.startswith((words + " ", words + ", ")):
                    inner = (*groups, uid)
                    found = self._names(inner, form, address[len(words):].strip(" ,"))
                    if found is not None:
                        return found[0], Read([], inner, "folded", found[1])
        return None

    def _names(self, groups: Groups, form: InstructionForm,
               text: str) -> tuple[list[str], bool] | None:
        """The unit (or the units named alike) named `text` under `groups`, or the units of a
        list (then true), of which one may stand inside the unit named before it ("the
        subsection «…» and the row «…»")."""
        found = self.names.named_as(groups, form.case, text)
        if found:
            return found, False
        parts = self.grammar.read_list(text, form.case) if form.action == "delete" else None
        if not parts:
            return None
        uids: list[str] = []
        for part in parts:
            inside = (*groups, uids[-1]) if uids else groups
            named = self.names.named_as(groups, form.case, part) or \
                self.names.named_as(inside, form.case, part)
            if len(named) != 1:
                return None
            uids.append(named[0])
        return uids, True

    def _nested(self, groups: Groups, uid: str) -> bool:
        parent = self.names.parent(uid)
        return parent is not None and family_of(parent) == "numbered" and (
            not groups or groups[-1] != parent.uid)

    def _one(self, index: int, uids: list[str], form: InstructionForm,
             match: re.Match[str]) -> str | None:
        """The unit a name means; of units named alike, the one an amendment's words are in."""
        find = match.groupdict().get("find")
        if len(uids) > 1 and form.action == "amend" and find:
            holding = [uid for uid in uids
                       if sum(text.count(find) for text in own_texts(self.names.units[uid])) == 1]
            uids = holding or uids
        if len(uids) > 1:
            raise ActSyntaxError(index + 1, 1, tr("the name stands for {count} units ({ids})",
                                                  count=len(uids), ids=', '.join(uids)))
        return uids[0] if uids else None

    def _changes(self, index: int, form: InstructionForm, uids: list[str],
                 match: re.Match[str], read: Read, start: int) -> list[LangChange]:
        if read.listed:
            return [LangChange("delete", uid, index + 1) for uid in uids]
        stack = read.stack
        uid = self._one(index, uids, form, match)
        if form.action == "insert":
            return [self._insertion(index, uid, stack, self.grammar.new_units(match["new"]))]
        if form.action == "amend":
            return [self._amendment(index, uid, match, stack, start)]
        if form.action == "throughout":
            words = [self._printed(index, match, name, start) for name in ("find", "replace")]
            return [LangChange("amend", self.version.document.id, index + 1,
                               edits=[(words[0], words[1])])]
        # A deletion or replacement always names its unit (`unit_optional` is False).
        unit = self.names.units[uid or ""]
        if form.action == "delete":
            return [LangChange("delete", unit.uid, index + 1)]
        return [LangChange("replace", unit.uid, index + 1,
                           content=self._replacement(unit, self._quote(index)))]

    def _amendment(self, index: int, uid: str | None, match: re.Match[str],
                   stack: Groups, start: int) -> LangChange:
        target = uid or (stack[-1] if stack else None)
        if target is None:
            raise ActSyntaxError(index + 1, 1, tr("an amendment names no unit"))
        find, replace = (self._printed(index, match, name, start) for name in ("find", "replace"))
        texts = self.texts.setdefault(target, own_texts(self.names.units[target]))
        if find:
            # Words printed with look-alike letters that the text amended does not have.
            if not any(find in text for text in texts):
                find = self.grammar.own_letters(find)
            count = sum(text.count(find) for text in texts)
            if count != 1:
                raise ActSyntaxError(index + 1, self.lines[index].find("«") + 1,
                                     tr("«{find}» occurs {count} times in {target}, not once",
                                        find=find, count=count, target=target))
            self.texts[target] = [text.replace(find, replace) for text in texts]
        return LangChange("amend", target, index + 1, edits=[(find, replace)])

    def _printed(self, index: int, match: re.Match[str], name: str, start: int) -> str:
        """A group of a form's match, as the line prints it."""
        if match.groupdict().get(name) is None:
            return ""
        begin, end = match.span(name)
        return self.printed[index][start + begin:start + end]

    def _row_replaced(self, index: int, stack: Groups) -> list[LangChange]:
        """A row quoted in full, then the words before its new wording and that wording."""
        old = self._quote(index)
        row = self._row_named(index, [line for _, line in old], stack)
        after = self._next()
        between = self.grammar.row_replace_instruction()[1]
        if after is None or self.lines[after] != between:
            raise ActSyntaxError((after if after is not None else index) + 1, 1,
                                 tr("expected '{between}' after the row quoted", between=between))
        unit = self.names.units[row]
        self.reads.append(Read([], stack))
        change = LangChange("replace", row, index + 1,
                            content=self._replacement(unit, self._quote(after)))
        self.reads[-1].changes = [change]
        return [change]

    def _row_named(self, index: int, quoted: list[str], stack: Groups) -> str:
        """The row of the open groups whose cells are those quoted."""
        wanted = " | ".join(quoted)
        scope = [self.names.units[stack[-1]]] if stack else self.version.units
        rows = [unit for top in scope for unit in top.walk() if family_of(unit) == "row"
                and " | ".join([*([unit.label.strip()] if unit.label else []),
                                *(cell_text(cell, self.grammar) for cell in unit.cells or [])])
                == wanted]
        if len(rows) != 1:
            raise ActSyntaxError(index + 1, 1, tr("the row quoted is {count} rows here, not one",
                                                  count=len(rows)))
        return rows[0].uid

    # Quoted wordings

    def _quote(self, index: int) -> list[tuple[int, str]]:
        """The lines of the wording after an instruction, without its «…» and the mark after.
        A wording whose last name shares its closing quote with the wording's own («… «X».),
        or whose closing quote the publisher left out, ends where the next instruction, the
        next paragraph or the text ends."""
        start = self._next()
        if start is None or not self.lines[start].startswith("«"):
            if start is not None:
                self.at = start
            raise ActSyntaxError((start or index) + 1, 1, tr("expected the new wording in «…»"))
        lines: list[tuple[int, str]] = []
        balance = 0
        at = start
        while True:
            line = self.lines[at]
            own = line.count("«") - line.count("»")
            balance += own
            lines.append((at + 1, line))
            closed = bool(re.search(r"»[;.]?$", line)) and balance <= 0
            # A last name sharing the wording's closing quote, or a closing quote left out.
            shared = own > 0 and bool(re.search(r"»[;.]$", line))
            left_out = balance <= 0 and line[-1] in ";."
            if closed or (shared or left_out) and self._ends_wording():
                break
            nxt = self._next()
            if nxt is None:
                raise ActSyntaxError(start + 1, 1, tr("the wording opened here is never closed"))
            at = nxt
        first_no, first = lines[0]
        lines[0] = (first_no, first[1:])
        last_no, last = lines[-1]
        lines[-1] = (last_no, re.sub(r"»[;.]?$", "", last))
        return lines

    def _ends_wording(self) -> bool:
        """Whether the next line is no part of a wording: an instruction or group of the act,
        the next paragraph, or the end of the text."""
        following = next((line for line in self.lines[self.at:] if line), None)
        if following is None or PARAGRAPH.match(following) or POINT.match(following):
            return True
        forms = self.grammar.instruction_forms()
        return following.endswith(":") and not following.startswith("«") or any(
            re.search(form.pattern + "$", following) for form in forms)

    def _replacement(self, unit: Unit, lines: list[tuple[int, str]]) -> UnitIn:
        parent = self.names.parent(unit.uid)
        if spec_of(unit).in_table:
            return self._rows(lines, parent)[0]
        root = Node(unit_from_texts(unit.kind, [lines[0][1]], unit, None, self.grammar))
        root.children = nest(unit.kind, [line for _, line in lines[1:]], self.grammar)
        return root.built()

    def _rows(self, lines: list[tuple[int, str]], table: Unit | None,
              new: list[NewUnit] | None = None) -> list[UnitIn]:
        """Rows of a table, each line its cells between " | "; a line of one cell is a heading
        row, unless the instruction names it a numbered row ("21-173. The company")."""
        rows = []
        for number, (_, line) in enumerate(lines):
            named = new[number] if new and number < len(new) else None
            kind = _kind(named, table) if named is not None else None
            if named is not None and named.label and kind is not None and _in_table(kind) \
                    and " | " not in line:
                text = re.sub(rf"^{re.escape(named.label)}\.?\s*", "", line)
                rows.append(written(UnitIn, kind=kind, label=named.label, cells=[text]))
                continue
            cells = line.split(" | ")
            kind = "group" if len(cells) == 1 else "row"
            rows.append(unit_from_texts(kind, cells, None, table, self.grammar))
        return rows

    def _insertion(self, index: int, host: str | None, stack: Groups,
                   new: list[NewUnit] | None) -> LangChange:
        """The units an insertion quotes, in the unit it names or the open group that holds
        their kind; rows into its table, a part without label by its heading line, a paragraph
        at the place the instruction gives it."""
        parent = self.names.units.get(host or self._host(stack, new) or "")
        lines = self._quote(index)
        named = new[0] if new else None
        kind = _kind(named, parent) if named is not None else None
        table = _table_in(parent) if parent is not None else None
        if table is not None and (" | " in lines[0][1] or kind is not None and _in_table(kind)):
            return self._placed(index, table, self._rows(lines, table, new))
        if named is not None and kind is not None and named.label is None and (
                _family(kind) == "division"):
            node = Node(unit_from_texts(kind, [lines[0][1]], None, None, self.grammar))
            node.children = nest(kind, [line for _, line in lines[1:]], self.grammar)
            return self._placed(index, parent, [node.built()])
        if named is not None and kind is not None and named.position is not None and (
                _family(kind) == "plain"):
            text = " ".join(line for _, line in lines)
            return self._paragraph_placed(index, parent, kind, named.position,
                                          written(UnitIn, kind=kind, text=text))
        holder = parent.kind if parent is not None else "text"
        return self._placed(index, parent, [node.built() for node in nest(
            holder, [line for _, line in lines], self.grammar)])

    def _placed(self, index: int, parent: Unit | None, content: list[UnitIn]) -> LangChange:
        """An insertion into `parent`, after the last sibling numbered before the first unit."""
        target = parent.uid if parent is not None else self.version.document.id
        after = _after(parent, content[0]) if parent is not None and content else None
        return LangChange("insert", target, index + 1, after=after,
                          content=content[0] if len(content) == 1 else content)

    def _paragraph_placed(self, index: int, parent: Unit | None, kind: UnitKind, position: int,
                          content: UnitIn) -> LangChange:
        """A paragraph inserted as its parent's `position`-th (a numbered parent's own text
        the first): after the paragraph of its kind before that place, or before the first."""
        target = parent.uid if parent is not None else self.version.document.id
        siblings = parent.children if parent is not None else self.version.units
        alike = [unit for unit in siblings if unit.kind == kind]
        first = 1 if parent is not None and family_of(parent) == "numbered" and parent.text \
            else 0
        place = position - first - 1
        if 0 < place <= len(alike):
            return LangChange("insert", target, index + 1, after=alike[place - 1].uid,
                              content=content)
        before = alike[0].uid if alike and place <= 0 else None
        return LangChange("insert", target, index + 1, before=before, content=content)

    def _host(self, stack: Groups, new: list[NewUnit] | None) -> str | None:
        """The open group a new unit goes into: the deepest that holds units of its kind, else
        the deepest a part of its family may stand in (a section stands in no point)."""
        kinds = {kind for named in new or [] for kind in named.kinds}
        units = [self.names.units[uid] for uid in stack]
        for unit in reversed(units):
            table = _table_in(unit)
            held = [*unit.children, *(table.children if table is not None else [])]
            if any(child.kind in kinds for child in held):
                return unit.uid
        if kinds and all(_family(kind) == "division" for kind in kinds):
            outside = [unit for depth, unit in enumerate(units) if not any(
                family_of(holder) == "numbered" for holder in units[:depth + 1])]
            if outside:
                return outside[-1].uid
        return stack[-1] if stack else None

    def _group_lines(self) -> None:
        """Each change's `group_line` where the act names its part otherwise than the draft
        stage would: a part named at the instruction's head (false), or a group line for a
        unit alone in its numbered parent, or for a part an insertion alone goes into (true)."""
        drafter = self.names.drafter
        held: Counter[str] = Counter()
        chains: dict[int, list[Unit]] = {}
        for read in self.reads:
            for change in read.changes:
                unit = self.names.units.get(change.target)
                if unit is None:
                    continue
                parent = unit if change.action == "insert" else drafter.parents[unit.uid]
                chain = drafter.groups(parent)
                chains[id(change)] = chain
                held.update(item.uid for item in chain)
        for read in self.reads:
            for change in read.changes:
                if read.how == "folded":
                    change.group_line = False
                    continue
                chain = chains.get(id(change), [])
                if read.how != "plain" or not chain or not read.stack or \
                        held[chain[-1].uid] != 1 or chain[-1].uid != read.stack[-1]:
                    continue
                inner = chain[-1]
                unit = self.names.units[change.target]
                if change.action == "insert" and family_of(inner) == "division" or (
                        change.action != "insert" and family_of(inner) == "numbered"
                        and drafter.parents[unit.uid] is inner and not (
                            spec_of(unit).in_table and not unit.label)):
                    change.group_line = True

    # Entry into force

    def _final_point(self, changes: list[LangChange]) -> InForceRule:
        index = self._next()
        act = self._act()
        label = self.grammar.point_label(act, 2) + " "
        if index is None or not self.lines[index].startswith(label):
            raise ActSyntaxError(index + 1 if index is not None else len(self.lines), 1,
                                 tr("expected point 2 on entry into force"))
        text = self.lines[index][len(label):]
        candidates = self._rules(text)
        main = next((rule for rule in candidates
                     if text.startswith(self.grammar.in_force_point(act, rule))), None)
        if main is None:
            raise ActSyntaxError(index + 1, len(label) + 1,
                                 tr("the entry into force is in no form the act knows"))
        rest = text[len(self.grammar.in_force_point(act, main)):].strip()
        numbered = {n: change for n, change in enumerate(changes, 1)}
        while rest:
            found = next(((n, rule) for n in numbered for rule in candidates
                          if rest.startswith(self.grammar.in_force_exception(act, 1, n, rule))),
                         None)
            if found is None:
                raise ActSyntaxError(index + 1, len(self.lines[index]) - len(rest) + 1,
                                     tr("a sentence on entry into force the act does not know"))
            numbered[found[0]].in_force = found[1]
            rest = rest[len(self.grammar.in_force_exception(act, 1, *found)):].strip()
        return main

    def _in_force_point(self) -> InForceRule | None:
        """The rule of an act on several documents: its point on entry into force, wherever it
        stands; None when it has none the grammar writes."""
        act = self._act()
        for line in self.lines:
            match = POINT.match(line)
            if match is None:
                continue
            text = line[match.end():]
            for rule in self._rules(text):
                if text.startswith(self.grammar.in_force_point(act, rule).rstrip(".")):
                    return rule
        return None

    def _rules(self, text: str) -> list[InForceRule]:
        """The rules a point may state: every form, with each date the text may name."""
        rules: list[InForceRule] = ["on_signing", "on_publication"]
        rules += [InForceAfterDays(after_publication_days=days)
                  for days in range(1, MAX_DAYS + 1)]
        rules += [InForceDate(date=date) for date in self.grammar.dates_in(text)]
        return rules


def _family(kind: str) -> str:
    return kind_spec(kind).family


def _in_table(kind: str) -> bool:
    return kind_spec(kind).in_table


def _kind(named: NewUnit, parent: Unit | None) -> UnitKind | None:
    """Of the kinds a new unit's word stands for, the one its siblings have, else the first."""
    held = {child.kind for child in parent.children} if parent is not None else set()
    for kind in named.kinds:
        if kind in held:
            return kind
    return cast(UnitKind, named.kinds[0]) if named.kinds else None


def _table_in(unit: Unit) -> Unit | None:
    if family_of(unit) == "tabular":
        return unit
    return next((child for child in unit.children if family_of(child) == "tabular"), None)


def nest(root_kind: UnitKind, lines: list[str], grammar: DraftingLanguage) -> list[Node]:
    """Paragraphs of a quoted wording under a unit of `root_kind`: a labelled one beside the
    last of its kind or under the last labelled one; one without a label under the last
    labelled one."""
    top: list[Node] = []
    # The open units, each with the kind of the units it holds; the root's first.
    stack: list[tuple[UnitKind, list[Node]]] = [(root_kind, top)]
    for line in lines:
        match = LABEL.match(line)
        kind: UnitKind = "text"
        if match is not None:
            kind = "subpoint" if match.group(1).endswith(")") else (
                root_kind if root_kind in ("paragraph", "point") else "point")
        node = Node(unit_from_texts(kind, [line], None, None, grammar))
        if kind != "text":
            same = [i for i, (open_kind, _) in enumerate(stack) if open_kind == kind and i > 0]
            if same:
                del stack[same[-1]:]
        stack[-1][1].append(node)
        if kind != "text":
            stack.append((kind, node.children))
    return top


def _label_key(label: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", label))


def _after(parent: Unit, first: UnitIn) -> str | None:
    """A labelled new unit goes after the last sibling of its kind with a smaller number."""
    label = first.label
    if not label:
        return None
    before = [child for child in parent.children if child.kind == first.kind and child.label
              and _label_key(child.label) < _label_key(label)]
    return before[-1].uid if before else None
