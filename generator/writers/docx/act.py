"""DOCX writer of an amending act: its text in the consolidated texts' Word styles.

Reads: an `ActText`. Writes: DOCX bytes on the version writer's foundation (styles, font, A4
page set-up with a PAGE field, language on every style, dated package): the header note of a
reconstruction ("Reconstruction Mark"), the blank's heading ("Blank Heading") and its date and
place ("Blank Line"), the title ("Title"), the formula and the points ("Body Text"), one
paragraph per group line and per instruction, quoted wordings as paragraphs or as rows of a
table in the table styles, and the signature ("Signature", kept on the page of the last point;
a name not given is a line to sign on), then a decree's place and date or a registration.
Numbers and "№ N" are bound as in the PDF.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

from ...model.act_text import ActLine, ActText, QuotedTable, QuotedText
from ...model.language import Language
from ..shared.typography import bind
from .layout import body_section, page_setup
from .oxml import paragraph, run
from .package import new_document, save, set_core_properties
from .styles import PORTRAIT
from .tables import CellContent, grid, table_element, table_row


def render_act_docx(text: ActText) -> bytes:
    lang = text.lang
    document = new_document(lang.tag, hyphenation=lang.hyphenation)
    set_core_properties(
        document, title=text.title, subject=lang.act_name(text.document), language=lang.tag,
        author=lang.act_name(text.act), identifier=f"{text.document.id}/act/{text.file_stem}",
        date=text.act.date,
    )
    page_setup(document)
    _ActBuilder(document, lang).build(text)
    return save(document, text.act.date)


class _ActBuilder:
    """Appends the act's paragraphs and tables before the body's closing section properties."""

    def __init__(self, document: DocxDocument, lang: Language) -> None:
        self.end = body_section(document.element.body)
        self.lang = lang

    def add(self, style: str, value: str, bold: bool = False) -> CT_P:
        p = paragraph(style)
        run(p, bind(value, self.lang), bold=bold)
        self.end.addprevious(p)
        return p

    def build(self, text: ActText) -> None:
        if text.header_note:
            self.add("ReconstructionMark", text.header_note)
        if text.blank is not None:
            for heading in text.blank.heading:
                self.add("BlankHeading", heading)
            if text.blank.dated == "head":
                self.add("BlankLine", f"{text.blank.date_line}\t{text.blank.place}")
        self.add("Title", text.title)
        if text.formula:
            self.add("BodyText", text.formula, bold=True)
        for point in text.points:
            last = self.add("BodyText", f"{point.marker} {point.text}")
            for line in point.lines:
                self.line(line)
        # The last point keeps with the signature.
        last.get_or_add_pPr().keepNext_val = True
        signature = self.add("Signature", f"{text.signatory_position}\t{text.shown_name}")
        for foot in text.foot_lines:
            signature.get_or_add_pPr().keepNext_val = True
            signature = self.add("BodyText", foot)

    def line(self, line: ActLine) -> None:
        self.add("BodyText", f"{line.marker} {line.text}".strip())
        for block in line.quoted:
            if isinstance(block, QuotedText):
                self.add("BodyText", block.text, bold=block.heading)
            else:
                self.end.addprevious(_table(block, self.lang))


def _table(block: QuotedTable, lang: Language) -> BaseOxmlElement:
    columns = grid(block.widths, block.columns, PORTRAIT.text_width)
    table = table_element(block.role, columns)
    for row in block.rows:
        cells: list[CellContent] = []
        for lines in row:
            paragraphs = []
            for value in lines:
                p = paragraph("TableText")
                run(p, bind(value, lang))
                paragraphs.append(p)
            cells.append((paragraphs, 1))
        table.append(table_row(cells, columns))
    return table
