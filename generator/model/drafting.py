"""The drafting contract: the grammar of amending acts every language gives, beside the notes'.

Reads and writes nothing. `DraftingLanguage` is a `Language` that also words the act itself:
its title, the enacting formula, the point naming the amended act, the lines the instructions
are grouped under, one sentence per instruction form of the official style (replace, amend,
insert, delete, repeal) and the point on entry into force; and, to read a published act back,
the forms it writes (`instruction_forms`, `read_list`, `new_units`, `modern`). The draft stage
asks for nothing else.

Units are named by `ActUnit`: the unit, its position among its parent's paragraphs ("the third
paragraph") where it has no label, and the numbered unit it is named inside of, in the genitive
("sub-point 1) of point 15"). An instruction names its units by an `Address`: one unit or
several at once, and the part they stand in when that part is named in the instruction itself
rather than on a line of its own. The wording of each language is in its module,
`generator/lang/<code>_drafting.py`.
"""

from __future__ import annotations

import abc
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from .acts import Act, InForceRule
from .diagnostics import SourcePos
from .document import Document, Unit
from .language import Language

# nominative ("point 3"), accusative ("point 3 be excluded"), genitive ("of point 15"),
# locative ("in point 3"), attributive (the words "which are in point 3", where a language has
# such a form), instrumental ("with sub-point 2-1)").
Case = Literal["nominative", "accusative", "genitive", "locative", "attributive",
               "instrumental"]
CASES: tuple[Case, ...] = ("nominative", "accusative", "genitive", "locative", "attributive",
                           "instrumental")
ActKind = Literal["changes", "changes_and_additions", "repeal"]


@dataclass(frozen=True, slots=True)
class ActScope:
    """What an act does to the document, as its title and first point say: how many changes
    and additions it makes (0, 1 or more, by its instructions), or that it repeals it."""

    changes: int = 0
    additions: int = 0
    repeal: bool = False

    @classmethod
    def of(cls, actions: Sequence[str]) -> ActScope:
        """The scope of instructions with these actions ('insert' adds, the others change)."""
        if "repeal" in actions:
            return cls(repeal=True)
        additions = sum(1 for action in actions if action in ("insert", "append"))
        return cls(len(actions) - additions, additions)

    @property
    def kind(self) -> ActKind:
        if self.repeal:
            return "repeal"
        return "changes_and_additions" if self.additions else "changes"


# Every scope a title or first point may be written for: none, one or several of each.
SCOPES: tuple[ActScope, ...] = (ActScope(repeal=True), *(
    ActScope(changes, additions) for changes in range(3) for additions in range(3)
    if changes or additions))


@dataclass(frozen=True, slots=True)
class ActUnit:
    """A unit as an instruction names it: `position` counts its parent's paragraphs from 1
    where it has no label; `parent`, a numbered unit it is named inside of ("sub-point 1) of
    point 15"); `top`, whether it stands at the top of the document, outside every part."""

    unit: Unit
    position: int | None = None
    parent: ActUnit | None = None
    top: bool = False


@dataclass(frozen=True, slots=True)
class Address:
    """The units an instruction names (several only when they are deleted or inserted at
    once) and the part they stand in, where the instruction names that part itself ("in the
    list …, point 4 be excluded") instead of a group line above it."""

    units: tuple[ActUnit, ...]
    group: ActUnit | None = None


@dataclass(frozen=True, slots=True)
class NewUnit:
    """A unit an insertion names: the kinds its word stands for (a point and a paragraph of
    a resolution are both "points"), and its label, or none ("with a section")."""

    kinds: tuple[str, ...]
    label: str | None = None
    position: int | None = None  # an unlabelled paragraph's place ("with the third paragraph")


PROBE = SourcePos("", 0, 0)


def probe_unit(kind: str, label: str | None = None) -> Unit:
    """A unit of `kind` known only by its label, to name it as an act would."""
    return Unit(kind, "", PROBE, label=label)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class InstructionForm:
    """How an instruction reads, for reading acts back: the action (`throughout`: an
    amendment of the whole text), the case its unit name stands in before `pattern` (a regular
    expression of the rest of the line, with the groups find/replace of an amendment and new of
    an insertion), and whether the unit may be left to the enclosing group."""

    action: str
    case: Case
    pattern: str
    unit_optional: bool = False


class DraftingLanguage(Language):
    """A language that also drafts amending acts. Abstract: every method below is needed, and
    `formulas`, `heading_number` and `date_in_words`."""

    # The enacting formula of each issuer family, the part of the issuer key before "_"
    # (ministry_energy and ministry_finance enact alike): "RESOLVES:", "I ORDER:".
    formulas: ClassVar[Mapping[str, str]]
    # To read a published act back: an act's number in a line, the group `number` of this
    # regular expression (after the number sign) ...
    heading_number: ClassVar[str]
    # ... and a date in words up to its month, the groups `year` and `day`: the month is found
    # by writing each month's date back with the grammar.
    date_in_words: ClassVar[str]

    @abc.abstractmethod
    def act_title(self, document: Document, scope: ActScope) -> str:
        """'On amendments to resolution No 683 …', 'On declaring … to have lost force'."""

    def enacting_formula(self, act: Act) -> str:
        """'The Government of the Republic of Kazakhstan RESOLVES:'; empty for an issuer family
        with no formula (a law has none)."""
        return self.formulas.get(act.issuer.split("_", 1)[0], "")

    @abc.abstractmethod
    def point_label(self, act: Act, number: int) -> str:
        """The mark of the act's point `number`: '1.', or 'Article 1.' in a law."""

    @abc.abstractmethod
    def amended_act_point(self, document: Document, scope: ActScope) -> str:
        """The first point: the amended act in full and what is made to it ('… the following
        amendments be made:'), or that it loses force ('… be declared to have lost force.')."""

    @abc.abstractmethod
    def group_line(self, named: ActUnit, document: Document) -> str:
        """The line the instructions on units inside `named` stand under: 'in section 2:',
        'in the programme …, approved by the said resolution:'."""

    def group_line_variants(self, named: ActUnit, document: Document) -> list[str]:
        """Other ways published acts write that line, read back but never drafted."""
        return []

    @abc.abstractmethod
    def act_unit(self, named: ActUnit, case: Case) -> str:
        """A unit in the case an instruction needs: 'in section 2', 'sub-point 1) of point 15'."""

    def act_unit_variants(self, named: ActUnit, case: Case) -> list[str]:
        """Other names published acts give the unit, read back but never drafted."""
        return []

    @abc.abstractmethod
    def folded_group(self, named: ActUnit) -> str:
        """A part named at the head of the instruction on a unit in it: 'in the list …,'."""

    @abc.abstractmethod
    def replace_instruction(self, address: Address) -> str:
        """'Point 3 be worded as follows:'."""

    @abc.abstractmethod
    def row_replace_instruction(self) -> tuple[str, str]:
        """A row quoted in full before its new wording: the words before the old row ('the
        row:') and between it and the new one ('be worded as follows:')."""

    @abc.abstractmethod
    def amend_instruction(self, address: Address | None, find: str, replace: str) -> str:
        """'the words «X» be replaced by the words «Y»' (figures by figures); with `replace`
        empty, 'the words «X» be excluded'; with `find` empty, 'be supplemented with the words
        «Y»'. After the unit unless `address` is None (the unit heads the group the
        instruction stands in)."""

    @abc.abstractmethod
    def throughout_instruction(self, find: str, replace: str) -> str:
        """'throughout the text the words «X» be replaced by the words «Y»'."""

    @abc.abstractmethod
    def insert_instruction(self, new: Sequence[ActUnit], host: ActUnit | None) -> str:
        """'be supplemented with sub-points 2-1) and 2-2) reading as follows:', after the unit
        they go into (`host`) where the instruction names it."""

    @abc.abstractmethod
    def delete_instruction(self, address: Address) -> str:
        """'Point 6 be excluded', 'sub-points 4), 5) and 7) be excluded'."""

    @abc.abstractmethod
    def in_force_point(self, act: Act, rule: InForceRule) -> str:
        """The last point: 'This resolution takes effect …'."""

    @abc.abstractmethod
    def in_force_exception(self, act: Act, point: int, number: int, rule: InForceRule) -> str:
        """A sentence for instruction `number` of point `point` whose own rule differs from the
        act's: 'Sub-point 4) of point 1 of this resolution takes effect …'."""

    def in_era(self, text: str, date: dt.date) -> str:
        """A drafted line as an act signed on `date` writes it (older quotes and verbs); as
        drafted by default."""
        return text

    # --- The act's blank and signature ----------------------------------------------------

    @abc.abstractmethod
    def date_forms(self, date: dt.date) -> Mapping[str, str]:
        """The date as an act's blank writes it, by the name its lines give the form: 'date'
        (the act's own date, as `date`), 'date_on' (the day a thing was done: registered),
        'date_plain' (the date of a decree or a law under its signature)."""

    @abc.abstractmethod
    def acting(self, position: str) -> str:
        """The position of one who acts for its holder: 'Acting Prime Minister of …'."""

    # --- Reading an act back (`legalgen record --from-act`) --------------------------------

    @abc.abstractmethod
    def instruction_forms(self) -> list[InstructionForm]:
        """The official forms of an instruction, as `InstructionForm`s, to read an act back."""

    @abc.abstractmethod
    def read_list(self, text: str, case: Case) -> list[str] | None:
        """The names of the units a list names ('sub-points 4), 5) and 7)' → 'sub-point 4)',
        …, each in `case`), or None when `text` lists nothing."""

    @abc.abstractmethod
    def new_units(self, text: str) -> list[NewUnit] | None:
        """The units an insertion names ('with sub-points 6) and 7)', 'with a section'), or
        None when `text` names none."""

    def modern(self, line: str) -> str:
        """A published line in the forms the grammar reads (the inverse of `in_era`)."""
        return line

    def act_number(self, line: str) -> str | None:
        """The act's own number in a heading line, if the line gives one."""
        match = re.search(self.heading_number, line)
        return match.group("number") if match else None

    def dates_in(self, text: str) -> list[dt.date]:
        """Every date `text` may write in words: each year and day `date_in_words` finds, in
        every month. A reader keeps the ones the grammar writes back as the text does."""
        found = sorted({(int(match.group("year")), int(match.group("day")))
                        for match in re.finditer(self.date_in_words, text)})
        dates = []
        for year, day in found:
            for month in range(1, 13):
                try:
                    dates.append(dt.date(year, month, day))
                except ValueError:
                    continue
        return dates

    def own_letters(self, line: str) -> str:
        """`line` with the look-alike letters of another alphabet, typed by mistake, as this
        language's own; none by default."""
        return line
