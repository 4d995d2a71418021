"""The block stream every reader of a published text produces, whatever the input form.

Reads nothing; a reader (Markdown with HTML tables, a saved HTML page, a DOCX, a plain-text copy)
writes `Block`s: the text's paragraphs, headings, quoted lines, tables and preformatted blocks in
reading order, each with its place in the source, so that one segmentation turns any of them
into units. A table is a `Grid` of `GridCell`s with their spans, as printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import SourcePos

BlockKind = Literal["heading", "paragraph", "quote", "table", "pre"]
# Emphasis of a whole block as printed: notes and excluded units are italic in the mirrors'
# Markdown, signatures bold.
Emphasis = Literal["", "italic", "bold"]


@dataclass(frozen=True, slots=True)
class GridCell:
    text: str  # the cell's lines joined by "\n"
    colspan: int = 1
    rowspan: int = 1
    header: bool = False  # printed as a heading cell (<th>)
    pos: SourcePos | None = None


@dataclass(frozen=True, slots=True)
class Grid:
    rows: tuple[tuple[GridCell, ...], ...]
    pos: SourcePos


@dataclass(slots=True)
class Block:
    """A piece of the text in reading order.

    `lines` are the printed lines of a quote (a stamp's lines) or of a preformatted block;
    `indent` is the paragraph's indentation in the source (Markdown nests lists by it, a plain
    text opens a paragraph with it); `level` is a heading's level."""

    kind: BlockKind
    text: str
    pos: SourcePos
    lines: list[str] = field(default_factory=list)
    indent: int = 0
    level: int = 0
    emphasis: Emphasis = ""
    grid: Grid | None = None
    # A reader's sure knowledge of what the block is, where its form says so (a DOCX style, an
    # HTML class): "note", "stamp", "signature", "title", "status", "adoption", "excluded".
    role: str = ""
    # Set by a reader that knows a line ends a paragraph of its own (a heading in a text copy).
    standalone: bool = False
