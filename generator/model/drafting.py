"""The drafting contract: the grammar of amending acts every language gives, beside the notes'.

Reads and writes nothing. `DraftingLanguage` is a `Language` that also words the act itself:
its title, the enacting formula, point 1 naming the amended act, the units the instructions are
grouped under, one sentence per instruction form of the official style (replace, amend, insert,
delete, repeal) and the point on entry into force. The draft stage asks for nothing else.

Units are named by `ActUnit`: the unit, the case the sentence needs and, for an unlabelled
paragraph, its position among its parent's paragraphs ("the third paragraph"). The wording of
each language is in its module, `generator/lang/<code>_drafting.py`.
"""

from __future__ import annotations

import abc
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal

from .acts import Act, InForceRule
from .document import Document, Unit
from .language import Language

# nominative ("point 3"), locative ("in point 3"), instrumental ("with sub-point 2-1)"),
# accusative ("the row with the serial number 24").
Case = Literal["nominative", "locative", "instrumental", "accusative"]
ActKind = Literal["changes", "changes_and_additions", "repeal"]


@dataclass(frozen=True, slots=True)
class ActUnit:
    """A unit as an instruction names it: `position` counts unlabelled paragraphs from 1."""

    unit: Unit
    position: int | None = None


@dataclass(frozen=True, slots=True)
class InstructionForm:
    """How an instruction reads, for reading acts back: the action, the case its unit name
    stands in before `pattern` (a regular expression of the rest of the line, with the groups
    find/replace of an amendment), and whether the unit may be left to the enclosing group."""

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
    # To read a published act back: its own number in its heading line, the group `number` of
    # this regular expression (after the number sign) ...
    heading_number: ClassVar[str]
    # ... and a date in words up to its month, the groups `year` and `day`: the month is found
    # by writing each month's date back with the grammar.
    date_in_words: ClassVar[str]

    @abc.abstractmethod
    def act_title(self, document: Document, kind: ActKind) -> str:
        """'On amendments to resolution No 683 …', 'On declaring … to have lost force'."""

    def enacting_formula(self, act: Act) -> str:
        """'The Government of the Republic of Kazakhstan RESOLVES:'; empty for an issuer family
        with no formula."""
        return self.formulas.get(act.issuer.split("_", 1)[0], "")

    @abc.abstractmethod
    def amended_act_point(self, document: Document, kind: ActKind) -> str:
        """Point 1: the amended act in full and what is made to it ('… the following amendments
        be made:'), or that it loses force ('… be declared to have lost force.')."""

    @abc.abstractmethod
    def attachment_group(self, attachment: Unit, document: Document) -> str:
        """The approved programme the following changes are in: 'in the … programme:'."""

    @abc.abstractmethod
    def act_unit(self, named: ActUnit, case: Case) -> str:
        """A unit in the case an instruction needs: 'in section 2'."""

    @abc.abstractmethod
    def replace_instruction(self, named: ActUnit) -> str:
        """'Point 3 be worded as follows:'."""

    @abc.abstractmethod
    def amend_instruction(self, named: ActUnit | None, find: str, replace: str) -> str:
        """'the words «X» be replaced by the words «Y»', after the unit unless `named`
        is None (the unit then heads the group the instruction stands in)."""

    @abc.abstractmethod
    def insert_instruction(self, inserted: ActUnit) -> str:
        """'be supplemented with sub-point 2-1) reading as follows:'."""

    @abc.abstractmethod
    def delete_instruction(self, named: ActUnit) -> str:
        """'Point 6 be excluded'."""

    @abc.abstractmethod
    def instruction_forms(self) -> list[InstructionForm]:
        """The official forms of an instruction, as `InstructionForm`s, to read an act back."""

    @abc.abstractmethod
    def in_force_point(self, act: Act, rule: InForceRule) -> str:
        """The last point: 'This resolution takes effect …'."""

    @abc.abstractmethod
    def in_force_exception(self, act: Act, point: int, number: int, rule: InForceRule) -> str:
        """A sentence for instruction `number` of point `point` whose own rule differs from the
        act's: 'Sub-point 4) of point 1 of this resolution takes effect …'."""

    # --- Reading an act back (`legalgen record --from-act`) --------------------------------

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
