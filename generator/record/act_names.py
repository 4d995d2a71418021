"""The names an amending act gives the units of the text it amends, read backwards.

Reads the version an act amends and the language's drafting grammar. Writes lookups from what an
act says to unit ids: each group line (the units an instruction stands under, "in section 2:",
with the other ways the publisher writes it), each unit name in every case an instruction uses —
alone, or inside its numbered parent ("sub-point 1) of point 15") — and each part named at the
head of an instruction ("in the list …,"), keyed by the groups they stand under. They are the
names the draft stage writes (`draft.Drafter`), so that a name means one unit in its place.
"""

from __future__ import annotations

from ..draft import Drafter
from ..model import Unit, Version, family_of
from ..model.drafting import CASES, ActUnit, Case, DraftingLanguage

Groups = tuple[str, ...]


class ActNames:
    def __init__(self, grammar: DraftingLanguage, version: Version) -> None:
        self.drafter = Drafter(grammar, version)
        self.grammar = grammar
        self.version = version
        self.units: dict[str, Unit] = {unit.uid: unit for unit in version.walk()}
        self.group_lines: dict[tuple[Groups, str], str] = {}
        # Letter case aside: a title the publisher capitalises once and not another time.
        self.loose_lines: dict[tuple[Groups, str], str] = {}
        # A name may stand for several units (two lists numbered alike in one section).
        self.names: dict[tuple[Groups, Case], dict[str, list[str]]] = {}
        # The parts an instruction may name at its head, by the words that name them.
        self.folded: dict[Groups, dict[str, str]] = {}
        for unit in version.walk():
            self._add(unit)

    def _add(self, unit: Unit) -> None:
        parent = self.drafter.parents[unit.uid]
        groups = tuple(item.uid for item in self.drafter.holders(unit))
        named = self.drafter.named(unit)
        if family_of(unit) != "tabular":
            document = self.version.document
            for line in (self.grammar.group_line(named, document),
                         *self.grammar.group_line_variants(named, document)):
                line = self.grammar.own_letters(line)
                self.group_lines.setdefault((groups, line), unit.uid)
                self.loose_lines.setdefault((groups, line.casefold()), unit.uid)
            if unit.children:
                self.folded.setdefault(groups, {}).setdefault(self.grammar.own_letters(
                    self.grammar.folded_group(named).rstrip(",")), unit.uid)
        self._name(groups, named, unit.uid)
        if parent is not None and family_of(parent) == "numbered":
            outer = self.groups_of(self.drafter.parents[parent.uid])
            self._name(outer, self.drafter.named(unit, parent), unit.uid)

    def _name(self, groups: Groups, named: ActUnit, uid: str) -> None:
        for case in CASES:
            for name in (self.grammar.act_unit(named, case),
                         *self.grammar.act_unit_variants(named, case)):
                # Read as the act's lines are: the language's own letters.
                name = self.grammar.own_letters(name.rstrip(","))
                found = self.names.setdefault((groups, case), {}).setdefault(name, [])
                if uid not in found:
                    found.append(uid)

    def groups_of(self, unit: Unit | None) -> Groups:
        return tuple(item.uid for item in self.drafter.groups(unit))

    def group(self, stack: Groups, text: str) -> Groups | None:
        """The group stack after a group line: the line names a unit under some open group."""
        for lines, key in ((self.group_lines, text), (self.loose_lines, text.casefold())):
            for depth in range(len(stack), -1, -1):
                uid = lines.get((stack[:depth], key))
                if uid is not None:
                    return (*stack[:depth], uid)
        return None

    def named_as(self, groups: Groups, case: Case, text: str) -> list[str]:
        """The units named `text` in `case` under `groups`."""
        return self.names.get((groups, case), {}).get(text.rstrip(","), [])

    def folded_under(self, groups: Groups) -> dict[str, str]:
        """The parts under `groups` an instruction may name at its head, by those words."""
        return self.folded.get(groups, {})

    def parent(self, uid: str) -> Unit | None:
        return self.drafter.parents[uid]

    def named(self, unit: Unit) -> ActUnit:
        return self.drafter.named(unit)
