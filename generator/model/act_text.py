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


# How many characters the line left for a name not given stands for: an initial and a surname.
NAME_BLANK = "_" * 20


@dataclass(frozen=True, slots=True)
class ActBlankLines:
    """The lines of the act's official blank in one language: the heading, the date and number,
    the place, where the date and place stand (`head`: under the heading; `foot`: under the
    signature) and the registration line of a registered act."""

    heading: tuple[str, ...]
    date_line: str
    place: str
    dated: str = "head"
    registration: str | None = None


@dataclass(slots=True)
class ActText:
    """An amending or repealing act in one language, as the draft stage writes it. An empty
    `signatory_name` is a name not given: the act leaves a line for it (`NAME_BLANK`)."""

    lang: Language
    act: Act
    document: Document
    title: str
    formula: str
    points: list[ActPoint]
    signatory_position: str
    signatory_name: str
    header_note: str | None = None
    blank: ActBlankLines | None = None
    # The name of the act's files, unique among the project's acts (`model.act_file_stems`).
    file_stem: str = ""

    @property
    def shown_name(self) -> str:
        """The signatory's name, or the line left for it."""
        return self.signatory_name or NAME_BLANK

    @property
    def head_lines(self) -> list[str]:
        """The blank's lines above the title, in order."""
        blank = self.blank
        if blank is None:
            return []
        lines = list(blank.heading)
        if blank.dated == "head":
            lines += [blank.date_line, blank.place]
        return [line for line in lines if line]

    @property
    def foot_lines(self) -> list[str]:
        """The blank's lines under the signature: a decree's or a law's place and date, and the
        registration line."""
        blank = self.blank
        if blank is None:
            return []
        lines = [f"{blank.place}, {blank.date_line}"] if blank.dated == "foot" else []
        return [*lines, *([blank.registration] if blank.registration else [])]

    def instructions(self) -> list[ActLine]:
        return [line for point in self.points for line in point.lines
                if line.kind == "instruction"]


def block_lines(block: QuotedBlock) -> list[str]:
    if isinstance(block, QuotedText):
        return [block.text]
    return [" | ".join(" ".join(cell) for cell in row) for row in block.rows]


def plain_lines(text: ActText) -> list[str]:
    """The act as lines of plain text, in reading order: what a reader of any format sees."""
    lines = [line for line in (text.header_note, *text.head_lines, text.title, text.formula)
             if line]
    for point in text.points:
        lines.append(f"{point.marker} {point.text}")
        for line in point.lines:
            lines.append(f"{line.marker} {line.text}".strip())
            for block in line.quoted:
                lines.extend(block_lines(block))
    lines.append(f"{text.signatory_position} {text.shown_name}")
    lines.extend(text.foot_lines)
    return lines
