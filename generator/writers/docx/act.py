"""DOCX writer of an amending act: its text in the consolidated texts' Word styles.

Reads: an `ActText`. Writes: DOCX bytes on the version writer's foundation (styles, font, A4
page set-up with a PAGE field, language on every style, dated package): the header note of a
reconstruction ("Reconstruction Mark"), the title ("Title"), the formula and the points ("Body
Text"), one paragraph per group line and per instruction, quoted wordings as paragraphs or as
rows of a table in the table styles, and the signature ("Signature").
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.xmlchemy import BaseOxmlElement

from ...model.act_text import ActLine, ActText, QuotedTable, QuotedText
from .layout import body_section, page_setup
from .oxml import paragraph, run
from .package import new_document, save, set_core_properties
from .styles import PORTRAIT
from .tables import CellContent, grid, table_element, table_row


def render_act_docx(text: ActText) -> bytes:
    lang = text.lang
    document = new_document(lang.tag)
    set_core_properties(
        document, title=text.title, subject=lang.act_name(text.document), language=lang.tag,
        author=lang.act_name(text.act), identifier=f"{text.document.id}/act/{text.file_stem}",
        date=text.act.date,
    )
    page_setup(document)
    _ActBuilder(document).build(text)
    return save(document, text.act.date)


class _ActBuilder:
    """Appends the act's paragraphs and tables before the body's closing section properties."""

    def __init__(self, document: DocxDocument) -> None:
        self.end = body_section(document.element.body)

    def add(self, style: str, value: str, bold: bool = False) -> None:
        p = paragraph(style)
        run(p, value, bold=bold)
        self.end.addprevious(p)

    def build(self, text: ActText) -> None:
        if text.header_note:
            self.add("ReconstructionMark", text.header_note)
        self.add("Title", text.title)
        if text.formula:
            self.add("BodyText", text.formula, bold=True)
        for point in text.points:
            self.add("BodyText", f"{point.marker} {point.text}")
            for line in point.lines:
                self.line(line)
        self.add("Signature", f"{text.signatory_position}\t{text.signatory_name}")

    def line(self, line: ActLine) -> None:
        self.add("BodyText", f"{line.marker} {line.text}".strip())
        for block in line.quoted:
            if isinstance(block, QuotedText):
                self.add("BodyText", block.text, bold=block.heading)
            else:
                self.end.addprevious(_table(block))


def _table(block: QuotedTable) -> BaseOxmlElement:
    columns = grid(block.widths, block.columns, PORTRAIT.text_width)
    table = table_element(block.role, columns)
    for row in block.rows:
        cells: list[CellContent] = []
        for lines in row:
            paragraphs = []
            for value in lines:
                p = paragraph("TableText")
                run(p, value)
                paragraphs.append(p)
            cells.append((paragraphs, 1))
        table.append(table_row(cells, columns))
    return table
