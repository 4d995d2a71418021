"""DOCX writer of a diff: the later version with Word's native tracked changes.

Reads: a `Diff`. Writes: DOCX bytes — every block of the diff as a paragraph or a table; each
insertion in `w:ins`, each deletion in `w:del`, inserted and deleted paragraphs and table rows
marked as such, every change authored by the amending acts (their names as the language writes
them) and dated by the day their change took effect. Accepting every change gives the later
version's text, rejecting every change the earlier one's. Self-contained: python-docx for the
package, page and styles, lxml elements for the body.
"""

from __future__ import annotations

import io
import itertools
from typing import TYPE_CHECKING

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

if TYPE_CHECKING:
    from lxml.etree import _Element

    from ..diff import Acts, Diff, Line, Row, TableBlock

FONT = "Times New Roman"
TEXT_WIDTH_TWIPS = 9638  # A4 (210 mm) less 25 mm and 15 mm margins
FALLBACK_AUTHOR = "legalgen"
# Settings that follow w:trackRevisions in the schema's order.
SETTINGS_AFTER_TRACKING = (
    "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop",
    "w:characterSpacingControl", "w:compat", "w:rsids", "w:themeFontLang",
    "w:clrSchemeMapping", "w:decimalSymbol", "w:listSeparator",
)

# Paragraph styles the diff adds to the default template: name → (size pt, bold, italic, align).
CUSTOM_STYLES = {
    "Diff Centered": (12, False, False, WD_ALIGN_PARAGRAPH.CENTER),
    "Diff Status": (12, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "Diff Stamp": (11, False, False, WD_ALIGN_PARAGRAPH.RIGHT),
    "Diff Note": (10, False, True, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "Diff Excluded": (12, False, True, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "Diff Signature": (12, True, False, WD_ALIGN_PARAGRAPH.LEFT),
    "Diff Cell": (9, False, False, WD_ALIGN_PARAGRAPH.LEFT),
    "Diff Text": (12, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
}
ROLE_STYLES = {
    "title": "Title",
    "status": "Diff Status",
    "adoption": "Diff Centered",
    "repeal-line": "Diff Centered",
    "repeal-note": "Diff Note",
    "note": "Diff Note",
    "provenance": "Diff Note",
    "table-note": "Diff Note",
    "pending-heading": "Heading 2",
    "pending-intro": "Diff Text",
    "pending-item": "List Bullet",
    "stamp": "Diff Stamp",
    "excluded": "Diff Excluded",
    "signature": "Diff Signature",
    "cell": "Diff Cell",
}


def render_diff_docx(diff: Diff) -> bytes:
    return _Writer(diff).render()


class _Writer:
    def __init__(self, diff: Diff):
        self.diff = diff
        self.ids = itertools.count(1)
        self.document: DocxDocument = Document()
        self.style_ids: dict[str, str] = {}

    def render(self) -> bytes:
        self._set_up()
        body = self.document.element.body
        section_properties = body[-1]
        last = None
        for block in self.diff.blocks:
            last = self._table(block) if block.is_table else self._paragraph(block)
            section_properties.addprevious(last)
        if last is None or last.tag == qn("w:tbl"):
            section_properties.addprevious(OxmlElement("w:p"))
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    # Page, styles, header and metadata

    def _set_up(self) -> None:
        self._set_page()
        self._set_defaults(self.diff.lang.tag)
        self._set_styles()
        self._set_metadata()

    def _set_page(self) -> None:
        """A4 with the diff's title in the header and page numbers in the footer."""
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(25), Mm(15)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.header.paragraphs[0].text = self.diff.title
        self._page_number(section.footer.paragraphs[0])

    def _set_styles(self) -> None:
        styles = self.document.styles
        for name, (size, bold, italic, align) in CUSTOM_STYLES.items():
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
            style.paragraph_format.alignment = align
            style.paragraph_format.space_after = Pt(2 if name == "Diff Cell" else 6)
        styles["Diff Note"].paragraph_format.left_indent = Mm(10)
        styles["Diff Stamp"].paragraph_format.left_indent = Mm(90)
        for name in ("Title", *(f"Heading {level}" for level in range(1, 7))):
            style = styles[name]
            style.font.name, style.font.color.rgb = FONT, None
            _drop_theme_fonts(style)
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        styles["Title"].font.size, styles["Title"].font.bold = Pt(16), True

    def _set_metadata(self) -> None:
        diff = self.diff
        properties = self.document.core_properties
        properties.title = f"{diff.title} — {diff.new.title}"
        properties.subject = diff.new.adoption_line
        properties.language = diff.lang.tag
        properties.author = FALLBACK_AUTHOR
        properties.comments = ""
        # Edits a reviewer makes on top of the redline are tracked too. Word wants the settings
        # in schema order: trackRevisions comes before these.
        settings = self.document.settings.element
        settings.insert_element_before(OxmlElement("w:trackRevisions"), *SETTINGS_AFTER_TRACKING)

    def _set_defaults(self, locale: str) -> None:
        """Font and language of every run, in the document defaults."""
        styles = self.document.styles.element
        run_defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for child in list(run_defaults):
            if child.tag in (qn("w:rFonts"), qn("w:lang"), qn("w:sz"), qn("w:szCs")):
                run_defaults.remove(child)
        fonts = OxmlElement("w:rFonts")
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), locale)
        lang.set(qn("w:eastAsia"), locale)
        lang.set(qn("w:bidi"), locale)
        size, complex_size = OxmlElement("w:sz"), OxmlElement("w:szCs")
        size.set(qn("w:val"), "24")
        complex_size.set(qn("w:val"), "24")
        for element in (fonts, size, complex_size, lang):
            run_defaults.append(element)

    @staticmethod
    def _page_number(paragraph) -> None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def _style_id(self, line: Line) -> str:
        if line.role == "heading":
            name = f"Heading {min(max(line.level, 1), 6)}"
        else:
            name = ROLE_STYLES.get(line.role, "Diff Text")
        if name not in self.style_ids:
            self.style_ids[name] = self.document.styles[name].style_id
        return self.style_ids[name]

    # Revisions

    def _revision(self, tag: str, acts: Acts) -> _Element:
        """A `w:ins`/`w:del` element authored by the acts and dated by their in-force day."""
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self.ids)))
        names = self.diff.act_names(acts)
        element.set(qn("w:author"), "; ".join(names) or FALLBACK_AUTHOR)
        dates = [item.in_force for item in acts if item.in_force is not None]
        if dates:
            element.set(qn("w:date"), f"{max(dates).isoformat()}T00:00:00Z")
        return element

    # Paragraphs

    def _paragraph(self, line: Line, mark_state: bool = True) -> _Element:
        paragraph = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), self._style_id(line))
        properties.append(style)
        if mark_state and line.state != "equal":
            # The paragraph mark itself is inserted or deleted, not only its text.
            mark = OxmlElement("w:rPr")
            tag = "w:ins" if line.state == "inserted" else "w:del"
            mark.append(self._revision(tag, line.acts))
            properties.append(mark)
        paragraph.append(properties)
        for op in line.ops:
            if op.kind == "equal":
                paragraph.append(_run(op.text, deleted=False))
            elif op.kind == "insert":
                wrapper = self._revision("w:ins", line.acts)
                wrapper.append(_run(op.text, deleted=False))
                paragraph.append(wrapper)
            else:
                wrapper = self._revision("w:del", line.acts)
                wrapper.append(_run(op.text, deleted=True))
                paragraph.append(wrapper)
        return paragraph

    # Tables

    def _table(self, block: TableBlock) -> _Element:
        table = OxmlElement("w:tbl")
        table.append(_table_properties())
        widths = _column_widths(block)
        grid = OxmlElement("w:tblGrid")
        for width in widths:
            column = OxmlElement("w:gridCol")
            column.set(qn("w:w"), str(width))
            grid.append(column)
        table.append(grid)
        for row in block.rows:
            table.append(self._row(row, widths))
        return table

    def _row(self, row: Row, widths: list[int]) -> _Element:
        element = OxmlElement("w:tr")
        properties = OxmlElement("w:trPr")
        if row.kind == "header":
            properties.append(OxmlElement("w:tblHeader"))
        if row.state != "equal":
            tag = "w:ins" if row.state == "inserted" else "w:del"
            properties.append(self._revision(tag, row.acts))
        if len(properties):
            element.append(properties)
        column = 0
        for cell in row.cells:
            span = max(1, min(cell.span, len(widths) - column))
            element.append(self._cell(cell.lines, sum(widths[column:column + span]), span,
                                      bold=row.kind in ("header", "group", "total")))
            column += span
        return element

    def _cell(self, lines: list[Line], width: int, span: int, bold: bool) -> _Element:
        cell = OxmlElement("w:tc")
        properties = OxmlElement("w:tcPr")
        cell_width = OxmlElement("w:tcW")
        cell_width.set(qn("w:w"), str(width))
        cell_width.set(qn("w:type"), "dxa")
        properties.append(cell_width)
        if span > 1:
            grid_span = OxmlElement("w:gridSpan")
            grid_span.set(qn("w:val"), str(span))
            properties.append(grid_span)
        cell.append(properties)
        for index, line in enumerate(lines):
            # A cell keeps its last paragraph mark: only the ones before it may come and go.
            paragraph = self._paragraph(line, mark_state=index < len(lines) - 1)
            if bold:
                _embolden(paragraph)
            cell.append(paragraph)
        if not lines:
            cell.append(OxmlElement("w:p"))
        return cell


def _run(text: str, deleted: bool) -> _Element:
    """One run; line breaks inside the text become `w:br`."""
    run = OxmlElement("w:r")
    tag = "w:delText" if deleted else "w:t"
    for index, piece in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        if piece:
            element = OxmlElement(tag)
            element.set(qn("xml:space"), "preserve")
            element.text = piece
            run.append(element)
    return run


def _embolden(paragraph: _Element) -> None:
    for run in paragraph.iter(qn("w:r")):
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:b"))
        run.insert(0, properties)


def _drop_theme_fonts(style) -> None:
    """Theme fonts win over named ones in Word: drop them so the style's font applies."""
    fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:
        return
    for name in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(name), None)


def _table_properties() -> _Element:
    properties = OxmlElement("w:tblPr")
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(TEXT_WIDTH_TWIPS))
    width.set(qn("w:type"), "dxa")
    properties.append(width)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    properties.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    return properties


def _column_widths(block: TableBlock) -> list[int]:
    """Twips per column, from the table's relative widths when they fit its columns."""
    weights = block.widths if block.widths and len(block.widths) == block.columns else None
    weights = weights or [1.0] * block.columns
    total = sum(weights) or 1.0
    return [max(1, round(TEXT_WIDTH_TWIPS * weight / total)) for weight in weights]
