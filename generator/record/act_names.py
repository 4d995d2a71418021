"""The names an amending act gives the units of the text it amends, read backwards.

Reads the version an act amends and the language's drafting grammar. Writes lookups from what an
act says to unit ids: each group line (the units an instruction stands under, "in section 2:")
and each unit name in every case an instruction uses, keyed by the groups they stand under —
the same names the draft stage writes (`draft.Drafter`), so that a name means one unit in its
place.
"""

from __future__ import annotations

from ..draft import Drafter
from ..model import Unit, Version, family_of
from ..model.drafting import ActUnit, Case, DraftingLanguage

CASES: tuple[Case, ...] = ("nominative", "locative", "instrumental", "accusative")
Groups = tuple[str, ...]


class ActNames:
    def __init__(self, grammar: DraftingLanguage, version: Version) -> None:
        self.drafter = Drafter(grammar, version)
        self.grammar = grammar
        self.version = version
        self.units: dict[str, Unit] = {unit.uid: unit for unit in version.walk()}
        self.group_lines: dict[tuple[Groups, str], str] = {}
        # A name may stand for several units (two lists numbered alike in one section).
        self.names: dict[tuple[Groups, Case], dict[str, list[str]]] = {}
        for unit in version.walk():
            self._add(unit)

    def _add(self, unit: Unit) -> None:
        parent = self.drafter.parents[unit.uid]
        groups = self.groups_of(parent)
        if family_of(unit) != "tabular":
            self.group_lines.setdefault((groups, self.drafter.group_text(unit)), unit.uid)
        named = self.drafter.named(unit)
        for case in CASES:
            name = self.grammar.act_unit(named, case).rstrip(",")
            self.names.setdefault((groups, case), {}).setdefault(name, []).append(unit.uid)

    def groups_of(self, unit: Unit | None) -> Groups:
        return tuple(item.uid for item in self.drafter.groups(unit))

    def group(self, stack: Groups, text: str) -> Groups | None:
        """The group stack after a group line: the line names a unit under some open group."""
        for depth in range(len(stack), -1, -1):
            uid = self.group_lines.get((stack[:depth], text))
            if uid is not None:
                return (*stack[:depth], uid)
        return None

    def prefixed(self, stack: Groups, case: Case, text: str) -> tuple[list[str], str] | None:
        """The units whose name in `case` begins `text` (the longest such name), and the rest."""
        names = self.names.get((stack, case), {})
        best = max((name for name in names
                    if text == name or text.startswith((name + " ", name + ","))),
                   key=len, default=None)
        if best is None:
            return None
        return names[best], text[len(best):].lstrip(" ,")

    def parent(self, uid: str) -> Unit | None:
        return self.drafter.parents[uid]

    def named(self, unit: Unit) -> ActUnit:
        return self.drafter.named(unit)
