"""Reader of a published text as a Word document (.docx): the database's download, a Word copy
of the page, or a version legalgen wrote.

Reads the document's body with python-docx: paragraphs in order with their style, first-line
indent and emphasis (a paragraph whose runs are all bold or all italic), and tables as grids
(a cell spanning columns or rows keeps its words once, as in HTML). Writes `Block`s placed by
paragraph number ("file.docx: paragraph 12"). Styles say what a paragraph is where they are
legalgen's own (the title, the status and adoption lines, notes, approval stamps, headings,
the signature); the table of contents and the version line are no part of the text. A foreign
document's paragraphs are read by their words, as a plain-text copy's are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..i18n import tr
from ..model import Diagnostics, SourcePos
from .blocks import Block, Emphasis, Grid, GridCell

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Styles whose paragraphs are no part of the text.
SKIPPED = ("toc", "TOC Heading", "Version Line", "Notice Heading", "Reconstruction Mark",
           "List Bullet", "header", "footer", "annotation text")
ROLES = {"Title": "title", "Document Status": "status", "Document Line": "adoption",
         "Editorial Note": "note", "Signature": "signature"}
STAMP = "Approval Stamp"


def read_docx(path: Path, shown: str, diagnostics: Diagnostics) -> list[Block]:
    import docx  # python-docx: loaded only when a Word document is read
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        diagnostics.error(SourcePos(shown, 1, 1), tr("the file is no Word document: {exc}",
                                                     exc=exc))
        return []
    reader = _Reader(shown)
    for element in document.element.body.iterchildren():
        if element.tag == f"{W}p":
            reader.paragraph(Paragraph(element, document))
        elif element.tag == f"{W}tbl":
            reader.table(element)
    reader.flush_stamp()
    return reader.blocks


class _Reader:
    def __init__(self, shown: str):
        self.shown = shown
        self.number = 0
        self.blocks: list[Block] = []
        self.stamp: list[str] = []
        self.stamp_pos: SourcePos | None = None

    def pos(self) -> SourcePos:
        return SourcePos(f"{self.shown}: paragraph {self.number}", 0, 0)

    def paragraph(self, paragraph: Any) -> None:
        self.number += 1
        style = paragraph.style.name if paragraph.style is not None else ""
        words = " ".join(paragraph.text.split())
        if not words or any(style.startswith(name) for name in SKIPPED):
            return
        if style == STAMP:
            if self.stamp_pos is None:
                self.stamp_pos = self.pos()
            # Words as elsewhere: the no-break space binding "№ 652" is a space in the text.
            self.stamp.extend(" ".join(line.split()) for line in paragraph.text.split("\n")
                              if line.strip())
            return
        self.flush_stamp()
        if style.startswith("Heading") or style == "Title":
            level = int(style.rsplit(" ", 1)[-1]) if style[-1:].isdigit() else 1
            self.blocks.append(Block("heading", words, self.pos(), level=level,
                                     role=ROLES.get(style, "")))
            return
        role = ROLES.get(style, "")
        self.blocks.append(Block("paragraph", words, self.pos(), emphasis=_emphasis(paragraph),
                                 indent=_indent(paragraph), role=role))

    def flush_stamp(self) -> None:
        if self.stamp and self.stamp_pos is not None:
            self.blocks.append(Block("quote", " ".join(self.stamp), self.stamp_pos,
                                     lines=list(self.stamp)))
        self.stamp, self.stamp_pos = [], None

    def table(self, element: Any) -> None:
        self.flush_stamp()
        self.number += 1
        pos = self.pos()
        rows: list[tuple[GridCell, ...]] = []
        below: dict[int, int] = {}
        for row_element in element.iterchildren(f"{W}tr"):
            cells: list[GridCell] = []
            column = 0
            for tc in row_element.iterchildren(f"{W}tc"):
                span = _int(tc.find(f"{W}tcPr/{W}gridSpan"), 1)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(f"{W}val") != "restart":
                    below[column] = below.get(column, 0) + 1
                    column += span
                    continue
                text = "\n".join(" ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split())
                                 for p in tc.iterchildren(f"{W}p"))
                cells.append(GridCell(text.strip("\n"), colspan=span, pos=pos))
                column += span
            rows.append(tuple(cells))
        self.blocks.append(Block("table", "", pos, grid=Grid(tuple(rows), pos)))


def _emphasis(paragraph: Any) -> Emphasis:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if runs and all(run.bold for run in runs):
        return "bold"
    if runs and all(run.italic for run in runs):
        return "italic"
    return ""


def _indent(paragraph: Any) -> int:
    indent = paragraph.paragraph_format.first_line_indent
    return 6 if indent is not None and indent > 0 else 0


def _int(element: Any, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(f"{W}val"))
    except (TypeError, ValueError):
        return default
