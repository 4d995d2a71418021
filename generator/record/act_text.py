"""Reading an amending act's text back into changes: one language, line by line.

Reads the text of an act in the official instruction style (as `legalgen act --format txt`
writes it, or as published: one paragraph a line) and the version it amends. Writes the act's
metadata (title, issuer from the enacting formula, in-force rule from the final point, number and
date from the heading line above the title when there is one) and `LangChange`s: each numbered
instruction one change, its unit found by the name the act gives it under the groups above it,
its quoted wording read into units. Every word, date form and number sign it reads by comes from
the language's drafting grammar. Every line it cannot read is an error with its line number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..consolidate.apply import own_texts
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
    spec_of,
)
from ..model.drafting import ActKind, DraftingLanguage, InstructionForm
from .act_names import ActNames, Groups
from .common import LangChange, probe_act
from .structure import LABEL, Node, unit_from_texts

INSTRUCTION = re.compile(r"^(\d+)\)\s+(.*)$")
ISSUERS = ("government", "president", "ministry")
KINDS: tuple[ActKind, ...] = ("changes", "changes_and_additions", "repeal")
MAX_DAYS = 90


class ActSyntaxError(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col = line, col


@dataclass(slots=True)
class ParsedAct:
    title: str
    issuer: str
    in_force: InForceRule
    number: str | None
    date: dt.date | None
    changes: list[LangChange]
    errors: list[ActSyntaxError] = field(default_factory=list)


def normalize(line: str) -> str:
    """Dashes inside numbers as hyphens, spaces single (a language's own letters are its
    grammar's: `own_letters`)."""
    line = re.sub(r"(?<=\d)[–—](?=\d)", "-", line)
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


class ActReader:
    """One language's act, read against the version it amends."""

    def __init__(self, grammar: DraftingLanguage, version: Version, act_type: str) -> None:
        self.grammar = grammar
        self.version = version
        self.names = ActNames(grammar, version)
        self.act_type = act_type
        self.lines: list[str] = []
        self.at = 0
        self.errors: list[ActSyntaxError] = []
        # Each amended unit's texts as the act's earlier amendments leave them.
        self.texts: dict[str, list[str]] = {}

    def read(self, text: str) -> ParsedAct:
        # The header note of a reconstruction says nothing the record keeps.
        note = self.grammar.phrase("reconstructed")
        self.lines = ["" if line == note else line for line in (
            self.grammar.own_letters(normalize(line)) for line in text.splitlines())]
        number, date = None, None
        head = self._next()
        heading = self.grammar.act_number(self.lines[head]) if head is not None else None
        # A heading line with the act's own date and number stands above the title, two lines
        # before the enacting formula.
        if head is not None and heading is not None and not self._formula_follows():
            number, date = heading, self._date_in(self.lines[head])
            head = self._next()
        if head is None:
            raise ActSyntaxError(1, 1, "the act has no title")
        title = self.lines[head]
        try:
            issuer = self._formula()
            kind = self._first_point()
            changes = [LangChange("repeal", self.version.document.id, self.at)] \
                if kind == "repeal" else self._instructions()
            rule = self._final_point(changes)
        except ActSyntaxError as exc:
            # Every problem found before the one that ends the reading, in line order.
            self.errors.append(exc)
            self.errors.sort(key=lambda error: (error.line, error.col))
            raise self.errors[0] from None
        self.errors.sort(key=lambda error: (error.line, error.col))
        return ParsedAct(title, issuer, rule, number, date, changes, self.errors)

    def _formula_follows(self) -> bool:
        following = next((line for line in self.lines[self.at:] if line), "")
        return any(following == self.grammar.enacting_formula(self._act(issuer))
                   for issuer in ISSUERS)

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
        index = self._next()
        if index is None:
            raise ActSyntaxError(len(self.lines), 1, "the act ends before its enacting formula")
        for issuer in ISSUERS:
            if self.lines[index] == self.grammar.enacting_formula(self._act(issuer)):
                return issuer
        raise ActSyntaxError(index + 1, 1, "expected the enacting formula "
                             f"'{self.grammar.enacting_formula(self._act('government'))}'")

    def _first_point(self) -> ActKind:
        index = self._next()
        if index is None:
            raise ActSyntaxError(len(self.lines), 1, "the act ends before its point 1")
        document = self.version.document
        for kind in KINDS:
            if self.lines[index] == f"1. {self.grammar.amended_act_point(document, kind)}":
                return kind
        expected = self.grammar.amended_act_point(document, "changes")
        raise ActSyntaxError(index + 1, 1,
                             f"point 1 does not name the amended act ('1. {expected}')")

    def _act(self, issuer: str = "government") -> Act:
        return probe_act(self.act_type, issuer)

    # Point 1

    def _instructions(self) -> list[LangChange]:
        stack: Groups = ()
        changes: list[LangChange] = []
        expected = 1
        while (index := self._next()) is not None:
            line = self.lines[index]
            if line.startswith("2. "):
                self.at = index
                return changes
            match = INSTRUCTION.match(line)
            if match is None:
                try:
                    stack = self._group(index, stack)
                except ActSyntaxError as exc:
                    self.errors.append(exc)
                continue
            if int(match.group(1)) != expected:
                self.errors.append(ActSyntaxError(index + 1, 1, f"instruction {match.group(1)}) "
                                                  f"where {expected}) was expected"))
            expected = int(match.group(1)) + 1
            try:
                changes.append(self._instruction(index, match.group(2), stack))
            except ActSyntaxError as exc:
                self.errors.append(exc)
                self._skip_wording(match.group(2))
        raise ActSyntaxError(len(self.lines), 1, "the act ends without point 2 on entry into force")

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
            raise ActSyntaxError(index + 1, 1, "neither a numbered instruction nor a group of "
                                 "units ending in ':'")
        found = self.names.group(stack, line)
        if found is None:
            raise ActSyntaxError(index + 1, 1, f"no unit is named '{line[:-1]}' here in the "
                                 f"version of {self.version.date}")
        return found

    def _instruction(self, index: int, text: str, stack: Groups) -> LangChange:
        col = len(self.lines[index]) - len(text) + 1
        for form in self.grammar.instruction_forms():
            found = self._form(form, text, stack)
            if found is not None:
                uids, match = found
                return self._change(index, form, self._one(index, uids, form, match), match,
                                    stack)
        raise ActSyntaxError(index + 1, col, "not an instruction of a known form, or its unit is "
                             "not named as in the text it amends")

    def _one(self, index: int, uids: list[str], form: InstructionForm,
             match: re.Match[str]) -> str | None:
        """The unit a name means; of units named alike, the one an amendment's words are in."""
        if len(uids) > 1 and form.action == "amend":
            holding = [uid for uid in uids
                       if sum(text.count(match.group("find"))
                              for text in own_texts(self.names.units[uid])) == 1]
            uids = holding or uids
        if len(uids) > 1:
            raise ActSyntaxError(index + 1, 1, f"the name stands for {len(uids)} units "
                                 f"({', '.join(uids)})")
        return uids[0] if uids else None

    def _form(self, form: InstructionForm, text: str,
              stack: Groups) -> tuple[list[str], re.Match[str]] | None:
        # An instruction after a deeper one stands under fewer groups with no line of its own:
        # the deepest groups that name the unit win.
        for depth in range(len(stack), -1, -1):
            prefixed = self.names.prefixed(stack[:depth], form.case, text)
            if prefixed is not None:
                match = re.fullmatch(form.pattern, prefixed[1])
                if match is not None:
                    return prefixed[0], match
        match = re.fullmatch(form.pattern, text)
        if match is not None and form.unit_optional:
            return [], match
        return None

    def _change(self, index: int, form: InstructionForm, uid: str | None, match: re.Match[str],
                stack: Groups) -> LangChange:
        if form.action == "insert":
            return self._insertion(index, uid, stack)
        if form.action == "amend":
            target = uid or (stack[-1] if stack else None)
            if target is None:
                raise ActSyntaxError(index + 1, 1, "an amendment names no unit")
            find, replace = match.group("find"), match.group("replace")
            texts = self.texts.setdefault(target, own_texts(self.names.units[target]))
            count = sum(text.count(find) for text in texts)
            if count != 1:
                raise ActSyntaxError(index + 1, self.lines[index].find("«") + 1,
                                     f"«{find}» occurs {count} times in {target}, not once")
            self.texts[target] = [text.replace(find, replace) for text in texts]
            return LangChange("amend", target, index + 1, edits=[(find, replace)])
        # A deletion or replacement always names its unit (`unit_optional` is False).
        unit = self.names.units[uid or ""]
        if form.action == "delete":
            return LangChange("delete", unit.uid, index + 1)
        return LangChange("replace", unit.uid, index + 1,
                          content=self._replacement(unit, self._quote(index)))

    # Quoted wordings

    def _quote(self, index: int) -> list[tuple[int, str]]:
        """The lines of the wording after an instruction, without its «…» and the mark after."""
        start = self._next()
        if start is None or not self.lines[start].startswith("«"):
            if start is not None:
                self.at = start
            raise ActSyntaxError((start or index) + 1, 1, "expected the new wording in «…»")
        lines: list[tuple[int, str]] = []
        balance = 0
        at = start
        while True:
            line = self.lines[at]
            balance += line.count("«") - line.count("»")
            lines.append((at + 1, line))
            if balance <= 0 and re.search(r"»[;.]?$", line):
                break
            nxt = self._next()
            if nxt is None:
                raise ActSyntaxError(start + 1, 1, "the wording opened here is never closed")
            at = nxt
        first_no, first = lines[0]
        lines[0] = (first_no, first[1:])
        last_no, last = lines[-1]
        lines[-1] = (last_no, re.sub(r"»[;.]?$", "", last))
        return lines

    def _replacement(self, unit: Unit, lines: list[tuple[int, str]]) -> UnitIn:
        parent = self.names.parent(unit.uid)
        if spec_of(unit).in_table:
            return self._rows(lines, parent)[0]
        root = Node(unit_from_texts(unit.kind, [lines[0][1]], unit, None, self.grammar))
        root.children = nest(unit.kind, [line for _, line in lines[1:]], self.grammar)
        return root.built()

    def _rows(self, lines: list[tuple[int, str]], table: Unit | None) -> list[UnitIn]:
        rows = []
        for _, line in lines:
            cells = line.split(" | ")
            kind: UnitKind = "group" if len(cells) == 1 else "row"
            rows.append(unit_from_texts(kind, cells, None, table, self.grammar))
        return rows

    def _insertion(self, index: int, host: str | None, stack: Groups) -> LangChange:
        parent_uid = host or (stack[-1] if stack else None)
        parent = self.names.units.get(parent_uid or "")
        lines = self._quote(index)
        table = _table_in(parent) if parent is not None else None
        if table is not None and " | " in lines[0][1]:
            content = self._rows(lines, table)
            parent = table
        else:
            kind = parent.kind if parent is not None else "text"
            content = [node.built() for node in nest(kind, [line for _, line in lines],
                                                     self.grammar)]
        target = parent.uid if parent is not None else self.version.document.id
        after = _after(parent, content[0]) if parent is not None and content else None
        return LangChange("insert", target, index + 1, after=after,
                          content=content[0] if len(content) == 1 else content)

    # Point 2

    def _final_point(self, changes: list[LangChange]) -> InForceRule:
        index = self._next()
        if index is None or not self.lines[index].startswith("2. "):
            raise ActSyntaxError(index + 1 if index is not None else len(self.lines), 1,
                                 "expected point 2 on entry into force")
        text = self.lines[index][3:]
        candidates = self._rules(text)
        act = self._act()
        main = next((rule for rule in candidates
                     if text.startswith(self.grammar.in_force_point(act, rule))), None)
        if main is None:
            raise ActSyntaxError(index + 1, 4, "the entry into force is in no form the act knows")
        rest = text[len(self.grammar.in_force_point(act, main)):].strip()
        numbered = {n: change for n, change in enumerate(changes, 1)}
        while rest:
            found = next(((n, rule) for n in numbered for rule in candidates
                          if rest.startswith(self.grammar.in_force_exception(act, 1, n, rule))),
                         None)
            if found is None:
                raise ActSyntaxError(index + 1, len(self.lines[index]) - len(rest) + 1,
                                     "a sentence on entry into force the act does not know")
            numbered[found[0]].in_force = found[1]
            rest = rest[len(self.grammar.in_force_exception(act, 1, *found)):].strip()
        return main

    def _rules(self, text: str) -> list[InForceRule]:
        """The rules point 2 may state: every form, with each date the text may name."""
        rules: list[InForceRule] = ["on_signing", "on_publication"]
        rules += [InForceAfterDays(after_publication_days=days)
                  for days in range(1, MAX_DAYS + 1)]
        rules += [InForceDate(date=date) for date in self.grammar.dates_in(text)]
        return rules


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
