"""DOCX writer: an annotated version → a Word document a drafter can open and edit (python-docx).

Reads: an `Annotated` version, and the PDF's pagination of it (`print.css`, the project's own
when it has one). Writes: the bytes of one .docx file that shows the same text as the HTML
version — head, pending notice, a table of contents (entries with PAGEREF fields whose stored
results are the PDF's page numbers, so that every viewer shows them without updating fields),
the units with their notes, exclusion texts and reconstruction marks (the reason as a comment in
the version's language) — in real Word styles (styles.py), on A4 pages with the PDF's margins:
the section holding the action plan on landscape pages, table header rows that repeat, numbers
and amounts right-aligned, the PDF's running head in the header from page 2 on, a PAGE field in
the footer, a bookmark per unit id and the version's language on every style. Numbers, the
number sign with its number and an appendix label ("1-appendix") are bound as in the PDF
(no-break spaces, `w:noBreakHyphen`). Equal input, equal bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ...lang.cells import cell_lines
from ...model import Annotated, Cell, FamilyVisitor, Unit, family_of, spec_of
from ...model.bookmarks import bookmark_name
from ...model.inline import spans
from ...model.tables import TableShape, heading_text, is_numeric, table_shape
from ..shared.fonts import check_font
from ..shared.pdf import anchor_pages
from ..shared.templates import Templates, document_html, toc_entries
from ..shared.typography import bind, leads_in
from .layout import body_section, break_section, page_setup, wants_landscape
from .oxml import bookmark, element, field, paragraph, run
from .package import new_document, save, set_core_properties
from .styles import LANDSCAPE, PORTRAIT, PageLayout
from .tables import CellContent, grid, table_element, table_row

__all__ = ["check_font", "render_docx"]

AUTHOR = "legalgen"
# Where a unit's paragraphs go: the body, or a list that becomes a table cell.
Add = Callable[[CT_P], None]


def language_tag(annotated: Annotated) -> str:
    return annotated.lang.tag


def running_head(annotated: Annotated) -> str:
    """The PDF's running head: the act's short name and the version line."""
    lang = annotated.lang
    return (f"{lang.act_name(annotated.version.document)} · "
            f"{annotated.version_heading}")


def render_docx(annotated: Annotated, template_dir: Path | None = None) -> bytes:
    """The DOCX of a version; `template_dir` (the project's templates) paginates it as the PDF."""
    templates = Templates(template_dir)
    pages = anchor_pages(document_html(annotated, templates), templates, annotated.lang)
    version = annotated.version
    document = new_document(language_tag(annotated), hyphenation=annotated.lang.hyphenation)
    set_core_properties(
        document, title=annotated.title, subject=annotated.version_heading,
        language=language_tag(annotated), author=annotated.adoption_line,
        identifier=f"{version.document.id}@{version.date.isoformat()}", date=version.date,
    )
    _DocumentBuilder(document, annotated, pages).build()
    return save(document, version.date)


class _DocumentBuilder(FamilyVisitor[None]):
    """Walks the annotated version in the order of the HTML template and appends to the body."""

    def __init__(self, document: DocxDocument, annotated: Annotated,
                 pages: dict[str, int]) -> None:
        self.document = document
        self.pages = pages
        self.a = annotated
        self.lang = annotated.lang
        self.body = document.element.body
        self.bookmark_ids = 0
        self.layout: PageLayout = PORTRAIT

    # Document order

    def build(self) -> None:
        page_setup(self.document, header=running_head(self.a), title_page=True)
        self._head()
        self._pending()
        self._contents()
        toc_end = body_section(self.body).getprevious()
        for unit in self.a.units:
            self._unit(unit, 2, self._append)
        first = toc_end.getnext() if toc_end is not None else None
        if isinstance(first, CT_P):
            first.get_or_add_pPr().pageBreakBefore_val = True

    def _append(self, item: BaseOxmlElement) -> None:
        body_section(self.body).addprevious(item)

    def _head(self) -> None:
        a = self.a
        if a.status:
            self._text_paragraph(a.status, "DocumentStatus")
        self._text_paragraph(a.title, "Title")
        for note in a.head_notes:
            self._text_paragraph(note.text, "EditorialNote")
        self._text_paragraph(a.adoption_line, "DocumentLine")
        if a.repeal_line:
            self._text_paragraph(a.repeal_line, "DocumentLine")
            self._text_paragraph(a.repeal_note.text if a.repeal_note else "", "EditorialNote")
        self._text_paragraph(a.version_heading, "VersionLine")
        if a.reconstruction_reasons():
            # The title page says the version shows reconstructed wordings, as the PDF's does.
            self._text_paragraph(self.lang.phrase("contains_reconstructed"), "DocumentLine")

    def _pending(self) -> None:
        if not self.a.pending:
            return
        self._text_paragraph(self.lang.phrase("pending"), "NoticeHeading")
        self._text_paragraph(self.lang.phrase("pending_intro"), "Normal")
        for item in self.a.pending:
            self._text_paragraph(item.text, "ListBullet")

    def _contents(self) -> None:
        """The contents: entries in the TOC styles linked to the units' bookmarks, each ending in
        a PAGEREF field whose stored result is the unit's page in the PDF, so that a viewer that
        updates no field (a previewer, Word before F9) shows it; a word processor that lays the
        pages out itself (LibreOffice) may put its own. No TOC field wraps them: LibreOffice
        shows a TOC field's stored result as it is, without page numbers."""
        self._text_paragraph(self.lang.phrase("contents"), "TOCHeading")
        for depth, uid, text in toc_entries(self.a.units, self.lang):
            p = paragraph(f"TOC{min(depth, 2) + 1}")
            link = self._hyperlink(p, uid)
            run(link, bind(text, self.lang) + "\t")
            page = self.pages.get(uid)
            field(link, f" PAGEREF {bookmark_name(uid)} \\h ", str(page) if page else "")
            self._append(p)

    # Paragraph helpers

    def _text_paragraph(self, text: str, style: str, add: Add | None = None) -> CT_P:
        p = paragraph(style)
        if text:
            run(p, bind(text, self.lang))
        (add or self._append)(p)
        return p

    def _inline(self, p: CT_P, text: str | None, bold: bool = False) -> None:
        """Unit text with references (hyperlinks to bookmarks inside this document) and emphasis."""
        for span in spans(text or ""):
            shown = bind(span.text, self.lang)
            if span.kind == "em":
                run(p, shown, "Emphasis", bold=bold)
            elif span.is_internal:
                run(self._hyperlink(p, span.target or ""), shown, "Reference", bold=bold)
            elif span.kind == "ref":
                run(p, shown, "Reference", bold=bold)
            else:
                run(p, shown, "Strong" if bold else None)

    def _hyperlink(self, p: CT_P, uid: str) -> BaseOxmlElement:
        link = element("w:hyperlink", {"w:anchor": bookmark_name(uid), "w:history": "1"})
        p.append(link)
        return link

    def _bookmark(self, p: CT_P, uid: str) -> None:
        """A bookmark named after the unit id at the start of the unit's first paragraph."""
        self.bookmark_ids += 1
        bookmark(p, self.bookmark_ids, uid)

    def _notes(self, unit: Unit, add: Add) -> None:
        """Reconstruction marks (the reason as a comment), then the amendment notes."""
        for reason in self.a.reconstructed.get(unit.uid, []):
            p = self._text_paragraph(self.lang.phrase("reconstructed"), "ReconstructionMark", add)
            if reason:
                run = Run(p.r_lst[0], Paragraph(p, self.document))
                self.document.add_comment(run, text=reason, author=AUTHOR, initials=None)
        for note in self.a.notes.get(unit.uid, []):
            self._text_paragraph(note.text, "EditorialNote", add)

    # Units

    def _unit(self, unit: Unit, depth: int, add: Add) -> None:
        if unit.uid in self.a.exclusions:
            p = self._text_paragraph(self.a.exclusions[unit.uid].text, "ExcludedUnit", add)
            self._bookmark(p, unit.uid)
        elif self.layout is PORTRAIT and wants_landscape(unit):
            self._break_section(LANDSCAPE)
            self._unit(unit, depth, add)
            self._break_section(PORTRAIT)
        else:
            self.visit(unit, depth, add)

    # One method per family of units (FamilyVisitor checks that none is missing)

    def visit_stamped(self, unit: Unit, depth: int, add: Add) -> None:
        self._stamped(unit, add)

    def visit_division(self, unit: Unit, depth: int, add: Add) -> None:
        self._section(unit, depth, add)

    def visit_tabular(self, unit: Unit, depth: int, add: Add) -> None:
        self._table(unit)

    def visit_signatory(self, unit: Unit, depth: int, add: Add) -> None:
        self._signature(unit, add)

    def visit_table_notes(self, unit: Unit, depth: int, add: Add) -> None:
        self._table_notes(unit, depth, add)

    def visit_numbered(self, unit: Unit, depth: int, add: Add) -> None:
        self._text_unit(unit, depth, add, "BodyText")

    visit_plain = visit_numbered

    def _flush(self, unit: Unit, depth: int, add: Add) -> None:
        self._text_unit(unit, depth, add, "Normal")

    # The preamble stands flush, unlike the body's paragraphs. Rows belong to their table; one
    # standing elsewhere reads as a flush paragraph.
    visit_kind_preamble = visit_row = visit_heading_row = _flush

    def _stamped(self, unit: Unit, add: Add) -> None:
        """The programme (Heading 1) or an appendix (Heading 2) under its approval stamp."""
        level = spec_of(unit).heading_level
        first = None
        for line in unit.stamp or []:
            p = self._text_paragraph(line, "ApprovalStamp", add)
            first = first if first is not None else p
        heading = self._text_paragraph(unit.heading or "", f"Heading{level}", add)
        opening = first if first is not None else heading
        # The programme and each appendix open a new page, as in the PDF.
        opening.get_or_add_pPr().pageBreakBefore_val = True
        self._bookmark(opening, unit.uid)
        self._notes(unit, add)
        for child in unit.children:
            self._unit(child, level + 1, add)

    def _section(self, unit: Unit, depth: int, add: Add) -> None:
        heading = self._text_paragraph(heading_text(unit), f"Heading{min(depth, 6)}", add)
        self._bookmark(heading, unit.uid)
        self._notes(unit, add)
        if unit.text:
            p = paragraph("Normal")
            self._inline(p, unit.text)
            _keep_a_lead_in(p, unit.text)
            add(p)
        for child in unit.children:
            self._unit(child, depth + 1, add)

    def _signature(self, unit: Unit, add: Add) -> None:
        p = paragraph("Signature")
        run(p, bind(f"{unit.position or ''}\t{unit.name or ''}", self.lang))
        self._bookmark(p, unit.uid)
        add(p)
        self._notes(unit, add)

    def _table_notes(self, unit: Unit, depth: int, add: Add) -> None:
        """Notes under a table ('Note: ...'): its own text, then its paragraphs."""
        added: list[CT_P] = []

        def add_and_keep(p: CT_P) -> None:
            added.append(p)
            add(p)

        if unit.text:
            p = paragraph("TableNotes")
            self._inline(p, unit.text)
            _keep_a_lead_in(p, unit.text)
            add_and_keep(p)
        for child in unit.children:
            if child.uid in self.a.exclusions:
                self._unit(child, depth + 1, add_and_keep)
            else:
                self._text_unit(child, depth + 1, add_and_keep, "TableNotes")
        if added:
            self._bookmark(added[0], unit.uid)
        self._notes(unit, add)

    def _text_unit(self, unit: Unit, depth: int, add: Add, style: str) -> None:
        """'<label> <heading> text' as the template's generic unit, then notes and children."""
        p = paragraph(style)
        if unit.label:
            run(p, bind(unit.label, self.lang) + " ")
        if unit.heading:
            run(p, bind(unit.heading, self.lang) + " ", "Strong")
        self._inline(p, unit.text)
        _keep_a_lead_in(p, unit.text)
        self._bookmark(p, unit.uid)
        add(p)
        self._notes(unit, add)
        for child in unit.children:
            self._unit(child, depth + 1, add)

    # Tables

    def _table(self, unit: Unit) -> None:
        shape = table_shape(unit)
        columns = grid(unit.widths, shape.columns, self.layout.text_width)
        table = table_element(unit.role, columns)
        for line in unit.header or []:
            cells = [(self._cell_paragraphs(value, "TableHeading"), 1) for value in line]
            table.append(table_row(cells, columns, header=True))
        for row in unit.children:
            table.append(self._body_row(unit, row, shape, columns))
            if self.a.notes.get(row.uid) or self.a.reconstructed.get(row.uid):
                notes: list[CT_P] = []
                self._notes(row, notes.append)
                table.append(table_row([(notes, shape.columns)], columns))
        self._bookmark(_first_paragraph(table), unit.uid)
        self._append(table)
        self._notes(unit, self._append)

    def _body_row(self, table: Unit, row: Unit, shape: TableShape,
                  columns: list[int]) -> BaseOxmlElement:
        label_cells = 1 if shape.label_column else 0
        cells: list[CellContent]
        if row.uid in self.a.exclusions:
            cells = [(self._plain_cell(row.label or "", "TableLabel"), 1)] if label_cells else []
            cells.append((self._plain_cell(self.a.exclusions[row.uid].text, "ExcludedUnit"),
                          shape.columns - label_cells))
        elif family_of(row) == "heading_row":
            p = paragraph("TableHeading")
            # A group row keeps with the first row of its group.
            p.get_or_add_pPr().keepNext_val = True
            self._inline(p, row.text)
            cells = [([p], shape.columns)]
        else:
            bold_all = spec_of(row).sums_rows
            cells = [(self._plain_cell(row.label or "", "TableLabel", bold_all), 1)] \
                if label_cells else []
            for index, value in enumerate(row.cells or []):
                bold = bold_all or (table.role == "passport" and index == 0)
                # Numbers and amounts right-aligned, their digits under one another, as the PDF.
                style = "TableNumber" if is_numeric(value) else "TableText"
                cells.append((self._cell_paragraphs(value, style, bold), 1))
        tr = table_row(cells, columns, page_height=self.layout.text_height)
        self._bookmark(_first_paragraph(tr), row.uid)
        return tr

    def _plain_cell(self, text: str, style: str, bold: bool = False) -> list[CT_P]:
        p = paragraph(style)
        if text:
            run(p, bind(text, self.lang), "Strong" if bold else None)
        return [p]

    def _cell_paragraphs(self, value: Cell, style: str, bold: bool = False) -> list[CT_P]:
        paragraphs: list[CT_P] = []
        for line in cell_lines(value, self.lang):
            p = paragraph(style)
            self._inline(p, line, bold)
            paragraphs.append(p)
        return paragraphs

    # Sections

    def _break_section(self, layout: PageLayout) -> None:
        break_section(self.body, layout)
        self.layout = layout


def _keep_a_lead_in(p: CT_P, text: str | None) -> None:
    """A lead-in ("… as follows:", "Note:") keeps with what it leads into, as in the PDF: the
    next paragraph, or the first row of a table (which never splits)."""
    if leads_in(text):
        p.get_or_add_pPr().keepNext_val = True


def _first_paragraph(node: BaseOxmlElement) -> CT_P:
    """The first paragraph of a table or row: of its first cell."""
    found = node.find(f".//{qn('w:p')}")
    assert isinstance(found, CT_P)
    return found
