"""The text of an amending act, drafted from its record: title, formula, points, instructions.

Reads and writes nothing. The draft stage makes an `ActText` in one language; the act writers
print its strings as given. Every line of an instruction is one line of the act, so that a
reader (or a parser) finds one instruction per line, its wordings in «…».
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .acts import Act
from .document import Document
from .language import Language


@dataclass(frozen=True, slots=True)
class QuotedText:
    """A paragraph of a quoted wording: its label and text as the consolidated text shows them."""

    text: str
    level: int = 0
    heading: bool = False


@dataclass(frozen=True, slots=True)
class QuotedTable:
    """Rows of a table quoted in an act: each cell as its lines of text, in the table's columns."""

    role: str | None
    widths: list[float] | None
    columns: int
    rows: list[list[list[str]]]


QuotedBlock = QuotedText | QuotedTable


@dataclass(frozen=True, slots=True)
class ActLine:
    """One line of point 1: a unit the following instructions are grouped under ("in section 2:"),
    an instruction, numbered "1)" and followed by its quoted wording, if it has one, or the
    continuation of the instruction above it, after its first quote ("the row: «…» be worded
    as follows: «…»")."""

    kind: str  # group | instruction | continuation
    text: str
    depth: int
    number: int | None = None
    quoted: tuple[QuotedBlock, ...] = ()
    change: int | None = None  # the index of the record's change it carries out
    reconstructed: str | None = None  # the reason, where the change's wording is reconstructed
    merged: tuple[int, ...] = ()  # the other changes it carries out (units deleted at once)

    @property
    def changes(self) -> tuple[int, ...]:
        return (self.change, *self.merged) if self.change is not None else self.merged

    @property
    def marker(self) -> str:
        return f"{self.number})" if self.number is not None else ""


@dataclass(slots=True)
class ActPoint:
    """A point of the act ("1."), or an article of a law ("Article 1."), as `label` says."""

    number: int
    text: str
    lines: list[ActLine] = field(default_factory=list)
    label: str | None = None

    @property
    def marker(self) -> str:
        return self.label if self.label is not None else f"{self.number}."


@dataclass(slots=True)
class ActText:
    """An amending or repealing act in one language, as the draft stage writes it."""

    lang: Language
    act: Act
    document: Document
    title: str
    formula: str
    points: list[ActPoint]
    signatory_position: str
    signatory_name: str
    header_note: str | None = None
    # The name of the act's files, unique among the project's acts (`model.act_file_stems`).
    file_stem: str = ""

    def instructions(self) -> list[ActLine]:
        return [line for point in self.points for line in point.lines
                if line.kind == "instruction"]


def block_lines(block: QuotedBlock) -> list[str]:
    if isinstance(block, QuotedText):
        return [block.text]
    return [" | ".join(" ".join(cell) for cell in row) for row in block.rows]


def plain_lines(text: ActText) -> list[str]:
    """The act as lines of plain text, in reading order: what a reader of any format sees."""
    lines = [line for line in (text.header_note, text.title, text.formula) if line]
    for point in text.points:
        lines.append(f"{point.marker} {point.text}")
        for line in point.lines:
            lines.append(f"{line.marker} {line.text}".strip())
            for block in line.quoted:
                lines.extend(block_lines(block))
    lines.append(f"{text.signatory_position} {text.signatory_name}".strip())
    return lines
