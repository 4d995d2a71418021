"""DOCX writer: an annotated version → a Word document a drafter can open and edit (python-docx).

Reads: an `Annotated` version. Writes: the bytes of one .docx file that shows the same text as
the HTML version — head, pending notice, a table of contents (a TOC field whose entries are
already filled in), the units with their notes, exclusion texts and reconstruction marks — in
real Word styles (docx_styles), on A4 pages with the PDF's margins: the section holding the
action plan on landscape pages, table header rows that repeat, a PAGE field in the footer, a
bookmark per unit id and the version's language on every style. Equal input, equal bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from copy import deepcopy

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..annotate import Annotated
from ..inline import spans
from ..model import Cell, Unit
from .common import TableShape, cell_lines, heading_text, table_shape
from .docx_styles import (
    LANDSCAPE,
    PORTRAIT,
    STYLES,
    PageLayout,
    doc_defaults_xml,
    font_table_xml,
    style_xml,
)
from .html import toc_entries

# Tables printed on landscape pages with the section that holds them, as in the PDF.
LANDSCAPE_ROLES = {"action_plan"}
TABLE_STYLES = {"action_plan": "ActionPlanTable"}
BODY_TEXT_KINDS = {"point", "paragraph", "subpoint", "text"}
TOC_FIELD = ' TOC \\o "1-2" \\h \\z \\u '
# Parts of python-docx's template that this document has no use for.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
UNUSED_RELS = {RT.CUSTOM_XML, STYLES_WITH_EFFECTS}
UNUSED_PACKAGE_RELS = {RT.THUMBNAIL, RT.EXTENDED_PROPERTIES}
AUTHOR = "legalgen"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BOOKMARK_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
# Where a unit's paragraphs go: the body, or a list that becomes a table cell.
Add = Callable[[CT_P], None]


def language_tag(annotated: Annotated) -> str:
    return annotated.lang.tag


def bookmark_name(uid: str) -> str:
    """Word takes bookmark names of at most 40 letters, digits and underscores."""
    if _BOOKMARK_NAME.match(uid):
        return uid
    digest = hashlib.sha1(uid.encode("utf-8")).hexdigest()[:8]
    return f"{re.sub(r'[^A-Za-z0-9_]', '_', uid)[:31]}_{digest}"


def is_landscape_table(unit: Unit) -> bool:
    return unit.kind == "table" and unit.role in LANDSCAPE_ROLES


def wants_landscape(unit: Unit) -> bool:
    """A landscape table, or the section holding one: its heading and notes go with it."""
    if unit.kind in ("section", "subsection"):
        return any(is_landscape_table(child) for child in unit.children)
    return is_landscape_table(unit)


def render_docx(annotated: Annotated) -> bytes:
    document = Document()
    _prepare_package(document, language_tag(annotated))
    _set_properties(document, annotated)
    _DocumentBuilder(document, annotated).build()
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), annotated.version.date)


# Package set-up ----------------------------------------------------------------------------


def _prepare_package(document: DocxDocument, lang_tag: str) -> None:
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in UNUSED_RELS or rel.reltype == RT.FONT_TABLE:
            part.drop_rel(rel_id)
    for rel_id, rel in list(part.package.rels.items()):
        if rel.reltype in UNUSED_PACKAGE_RELS:
            del part.package.rels[rel_id]
    fonts = XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE,
                    parse_xml(font_table_xml()), part.package)
    part.relate_to(fonts, RT.FONT_TABLE)
    _replace_styles(document, lang_tag)
    _adjust_settings(document, lang_tag)


def _replace_styles(document: DocxDocument, lang_tag: str) -> None:
    """Only the styles this writer uses, each carrying the version's language."""
    styles = document.styles.element
    for old in styles.findall(qn("w:style")) + styles.findall(qn("w:docDefaults")):
        styles.remove(old)
    styles.insert(0, parse_xml(doc_defaults_xml(lang_tag)))
    for spec in STYLES:
        styles.append(parse_xml(style_xml(spec, lang_tag)))


def _adjust_settings(document: DocxDocument, lang_tag: str) -> None:
    settings = document.settings.element
    for name in ("w:savePreviewPicture", "w:rsids", "w:proofState"):
        for node in settings.findall(qn(name)):
            settings.remove(node)
    for node in settings.findall(qn("w:themeFontLang")):
        node.attrib.clear()
        node.set(qn("w:val"), lang_tag)


def _set_properties(document: DocxDocument, annotated: Annotated) -> None:
    props = document.core_properties
    version = annotated.version
    created = dt.datetime.combine(version.date, dt.time(), tzinfo=dt.UTC)
    props.title = annotated.title
    props.subject = annotated.lang.version_heading(version.date)
    props.language = language_tag(annotated)
    props.author = annotated.adoption_line
    props.identifier = f"{version.document.id}@{version.date.isoformat()}"
    props.created = created
    props.modified = created
    props.last_modified_by = ""
    props.revision = 1
    for empty in ("keywords", "comments", "category", "content_status", "version"):
        setattr(props, empty, "")


def _fixed_zip(data: bytes, date: dt.date) -> bytes:
    """The same zip with every entry dated the version's date: equal input, equal bytes."""
    stamp = (date.year, date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()


# Low-level WordprocessingML ----------------------------------------------------------------


def _paragraph(style: str | None = None) -> CT_P:
    p = OxmlElement("w:p")
    if style and style != "Normal":
        p.get_or_add_pPr().style = style
    return p


def _run(parent: BaseOxmlElement, text: str, style: str | None = None,
         bold: bool = False) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    if style:
        r.get_or_add_rPr().style = style
    if bold:
        r.get_or_add_rPr().append(OxmlElement("w:b"))
    r.text = text
    parent.append(r)
    return r


def _field(p: CT_P, instruction: str, shown: str | None = None) -> None:
    """A complex field (PAGE, TOC); a field with a shown value is closed at once."""
    _field_char(p, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = instruction
    p.append(_wrap_run(instr))
    _field_char(p, "separate")
    if shown is not None:
        _run(p, shown)
        _field_char(p, "end")


def _wrap_run(child: BaseOxmlElement) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    r.append(child)
    return r


def _field_char(p: CT_P, kind: str) -> None:
    p.append(_wrap_run(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind})))


def _section_properties(layout: PageLayout) -> BaseOxmlElement:
    return parse_xml(layout.section_xml())


def _set_layout(sect_pr: BaseOxmlElement, layout: PageLayout) -> None:
    """Give a w:sectPr the size and margins of `layout`, keeping its references."""
    fresh = _section_properties(layout)
    for tag in ("w:pgSz", "w:pgMar", "w:cols"):
        old = sect_pr.find(qn(tag))
        new = fresh.find(qn(tag))
        if old is not None:
            old.addprevious(new)
            sect_pr.remove(old)
        else:
            sect_pr.append(new)


class _DocumentBuilder:
    """Walks the annotated version in the order of the HTML template and appends to the body."""

    def __init__(self, document: DocxDocument, annotated: Annotated) -> None:
        self.document = document
        self.a = annotated
        self.lang = annotated.lang
        self.body = document.element.body
        self.bookmark_ids = 0
        self.layout = PORTRAIT

    # Document order

    def build(self) -> None:
        self._page_setup()
        self._head()
        self._pending()
        self._contents()
        toc_end = self.body.sectPr.getprevious()
        for unit in self.a.units:
            self._unit(unit, 2, self._append)
        first = toc_end.getnext()
        if first is not None and first.tag == qn("w:p"):
            first.get_or_add_pPr().pageBreakBefore_val = True
        self._date_comments()

    def _date_comments(self) -> None:
        """python-docx dates a comment with the clock; the version's date keeps builds equal."""
        part = self.document.part
        if not any(rel.reltype == RT.COMMENTS for rel in part.rels.values()):
            return
        stamp = f"{self.a.version.date.isoformat()}T00:00:00Z"
        for comment in part.part_related_by(RT.COMMENTS).element.findall(qn("w:comment")):
            comment.set(qn("w:date"), stamp)

    def _append(self, element: BaseOxmlElement) -> None:
        self.body.sectPr.addprevious(element)

    def _page_setup(self) -> None:
        body_sect = self.body.sectPr
        body_sect.attrib.clear()
        for child in list(body_sect):
            body_sect.remove(child)
        for child in _section_properties(PORTRAIT):
            body_sect.append(child)
        footer = Section(body_sect, self.document.part).footer
        footer.is_linked_to_previous = False
        _field(footer.paragraphs[0]._p, " PAGE ", "1")

    def _head(self) -> None:
        a = self.a
        if a.status:
            self._text_paragraph(a.status, "DocumentStatus")
        self._text_paragraph(a.title, "Title")
        self._text_paragraph(a.adoption_line, "DocumentLine")
        if a.repeal_line:
            self._text_paragraph(a.repeal_line, "DocumentLine")
            self._text_paragraph(a.repeal_note or "", "EditorialNote")
        self._text_paragraph(self.lang.version_heading(a.version.date), "VersionLine")

    def _pending(self) -> None:
        if not self.a.pending:
            return
        self._text_paragraph(self.lang.phrase("pending"), "NoticeHeading")
        self._text_paragraph(self.lang.phrase("pending_intro"), "Normal")
        for item in self.a.pending:
            self._text_paragraph(item, "ListBullet")

    def _contents(self) -> None:
        """A TOC field whose result already holds the entries, linked to the units' bookmarks."""
        self._text_paragraph(self.lang.phrase("contents"), "TOCHeading")
        entries = toc_entries(self.a.units)
        for index, (depth, uid, text) in enumerate(entries):
            p = _paragraph(f"TOC{min(depth, 2) + 1}")
            if index == 0:
                _field(p, TOC_FIELD)
            link = self._hyperlink(p, uid)
            _run(link, text)
            if index == len(entries) - 1:
                _field_char(p, "end")
            self._append(p)

    # Paragraph helpers

    def _text_paragraph(self, text: str, style: str, add: Add | None = None) -> CT_P:
        p = _paragraph(style)
        if text:
            _run(p, text)
        (add or self._append)(p)
        return p

    def _inline(self, p: CT_P, text: str | None, bold: bool = False) -> None:
        """Unit text with references (hyperlinks to bookmarks inside this document) and emphasis."""
        for span in spans(text or ""):
            if span.kind == "em":
                _run(p, span.text, "Emphasis", bold=bold)
            elif span.is_internal:
                _run(self._hyperlink(p, span.target or ""), span.text, "Reference", bold=bold)
            elif span.kind == "ref":
                _run(p, span.text, "Reference", bold=bold)
            else:
                _run(p, span.text, "Strong" if bold else None)

    def _hyperlink(self, p: CT_P, uid: str) -> BaseOxmlElement:
        link = OxmlElement("w:hyperlink", attrs={qn("w:anchor"): bookmark_name(uid),
                                                 qn("w:history"): "1"})
        p.append(link)
        return link

    def _bookmark(self, p: CT_P, uid: str) -> None:
        """A bookmark named after the unit id at the start of the unit's first paragraph."""
        self.bookmark_ids += 1
        ident = str(self.bookmark_ids)
        start = OxmlElement("w:bookmarkStart",
                            attrs={qn("w:id"): ident, qn("w:name"): bookmark_name(uid)})
        end = OxmlElement("w:bookmarkEnd", attrs={qn("w:id"): ident})
        position = 1 if p.pPr is not None else 0
        p.insert(position, end)
        p.insert(position, start)

    def _notes(self, unit: Unit, add: Add) -> None:
        """Reconstruction marks (the reason as a comment), then the amendment notes."""
        for reason in self.a.reconstructed.get(unit.uid, []):
            p = self._text_paragraph(self.lang.phrase("reconstructed"), "ReconstructionMark", add)
            if reason:
                run = Run(p.r_lst[0], Paragraph(p, self.document))
                self.document.add_comment(run, text=reason, author=AUTHOR, initials=None)
        for note in self.a.notes.get(unit.uid, []):
            self._text_paragraph(note, "EditorialNote", add)

    # Units

    def _unit(self, unit: Unit, depth: int, add: Add) -> None:
        if unit.uid in self.a.exclusions:
            p = self._text_paragraph(self.a.exclusions[unit.uid], "ExcludedUnit", add)
            self._bookmark(p, unit.uid)
        elif self.layout is PORTRAIT and wants_landscape(unit):
            self._break_section(LANDSCAPE)
            self._unit(unit, depth, add)
            self._break_section(PORTRAIT)
        elif unit.kind in ("attachment", "appendix"):
            self._stamped(unit, add)
        elif unit.kind in ("section", "subsection"):
            self._section(unit, depth, add)
        elif unit.kind == "table":
            self._table(unit)
        elif unit.kind == "signature":
            self._signature(unit, add)
        elif unit.kind == "notes":
            self._table_notes(unit, depth, add)
        else:
            self._text_unit(unit, depth, add, "BodyText" if unit.kind in BODY_TEXT_KINDS
                            else "Normal")

    def _stamped(self, unit: Unit, add: Add) -> None:
        """The programme (Heading 1) or an appendix (Heading 2) under its approval stamp."""
        first = None
        for line in unit.stamp or []:
            p = self._text_paragraph(line, "ApprovalStamp", add)
            first = first if first is not None else p
        heading = self._text_paragraph(unit.heading or "", "Heading1" if unit.kind == "attachment"
                                       else "Heading2", add)
        self._bookmark(first if first is not None else heading, unit.uid)
        self._notes(unit, add)
        child_depth = 2 if unit.kind == "attachment" else 3
        for child in unit.children:
            self._unit(child, child_depth, add)

    def _section(self, unit: Unit, depth: int, add: Add) -> None:
        heading = self._text_paragraph(heading_text(unit), f"Heading{min(depth, 6)}", add)
        self._bookmark(heading, unit.uid)
        self._notes(unit, add)
        if unit.text:
            p = _paragraph("Normal")
            self._inline(p, unit.text)
            add(p)
        for child in unit.children:
            self._unit(child, depth + 1, add)

    def _signature(self, unit: Unit, add: Add) -> None:
        p = _paragraph("Signature")
        _run(p, f"{unit.position or ''}\t{unit.name or ''}")
        self._bookmark(p, unit.uid)
        add(p)
        self._notes(unit, add)

    def _table_notes(self, unit: Unit, depth: int, add: Add) -> None:
        """Notes under a table ('Ескертпе: ...'): its own text, then its paragraphs."""
        added: list[CT_P] = []

        def add_and_keep(p: CT_P) -> None:
            added.append(p)
            add(p)

        if unit.text:
            p = _paragraph("TableNotes")
            self._inline(p, unit.text)
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
        p = _paragraph(style)
        if unit.label:
            _run(p, unit.label + " ")
        if unit.heading:
            _run(p, unit.heading + " ", "Strong")
        self._inline(p, unit.text)
        self._bookmark(p, unit.uid)
        add(p)
        self._notes(unit, add)
        for child in unit.children:
            self._unit(child, depth + 1, add)

    # Tables

    def _table(self, unit: Unit) -> None:
        shape = table_shape(unit)
        grid = self._grid(unit, shape.columns)
        table = self._table_element(unit, grid)
        for line in unit.header or []:
            cells = [(self._cell_paragraphs(value, "TableHeading"), 1) for value in line]
            table.append(self._row(cells, grid, header=True))
        for row in unit.children:
            table.append(self._body_row(unit, row, shape, grid))
            if self.a.notes.get(row.uid) or self.a.reconstructed.get(row.uid):
                notes: list[CT_P] = []
                self._notes(row, notes.append)
                table.append(self._row([(notes, shape.columns)], grid))
        self._bookmark(table.find(qn("w:tr")).find(qn("w:tc")).find(qn("w:p")), unit.uid)
        self._append(table)
        self._notes(unit, self._append)

    def _grid(self, unit: Unit, columns: int) -> list[int]:
        width = self.layout.text_width
        weights = list(unit.widths or [])[:columns]
        weights += [sum(weights) / len(weights) if weights else 1.0] * (columns - len(weights))
        total = sum(weights)
        return [round(width * weight / total) for weight in weights]

    def _table_element(self, unit: Unit, grid: list[int]) -> BaseOxmlElement:
        style = TABLE_STYLES.get(unit.role or "", "LegalTable")
        table = OxmlElement("w:tbl")
        table.append(parse_xml(
            f"<w:tblPr {nsdecls('w')}>"
            f'<w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
            ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'))
        tbl_grid = OxmlElement("w:tblGrid")
        for width in grid:
            tbl_grid.append(OxmlElement("w:gridCol", attrs={qn("w:w"): str(width)}))
        table.append(tbl_grid)
        return table

    def _body_row(self, table: Unit, row: Unit, shape: TableShape,
                  grid: list[int]) -> BaseOxmlElement:
        label_cells = 1 if shape.label_column else 0
        if row.uid in self.a.exclusions:
            cells = [(self._plain_cell(row.label or "", "TableLabel"), 1)] if label_cells else []
            cells.append((self._plain_cell(self.a.exclusions[row.uid], "ExcludedUnit"),
                          shape.columns - label_cells))
        elif row.kind == "group":
            p = _paragraph("TableHeading")
            self._inline(p, row.text)
            cells = [([p], shape.columns)]
        else:
            bold_all = row.kind == "total"
            cells = [(self._plain_cell(row.label or "", "TableLabel", bold_all), 1)] \
                if label_cells else []
            for index, value in enumerate(row.cells or []):
                bold = bold_all or (table.role == "passport" and index == 0)
                cells.append((self._cell_paragraphs(value, "TableText", bold), 1))
        element = self._row(cells, grid)
        self._bookmark(element.find(qn("w:tc")).find(qn("w:p")), row.uid)
        return element

    def _plain_cell(self, text: str, style: str, bold: bool = False) -> list[CT_P]:
        p = _paragraph(style)
        if text:
            _run(p, text, "Strong" if bold else None)
        return [p]

    def _cell_paragraphs(self, value: Cell, style: str, bold: bool = False) -> list[CT_P]:
        paragraphs = []
        for line in cell_lines(value, self.lang):
            p = _paragraph(style)
            self._inline(p, line, bold)
            paragraphs.append(p)
        return paragraphs

    def _row(self, cells: list[tuple[list[CT_P], int]], grid: list[int],
             header: bool = False) -> BaseOxmlElement:
        """A row; a short row's last cell spans the rest of the grid."""
        tr = OxmlElement("w:tr")
        tr_pr = OxmlElement("w:trPr")
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        tr.append(tr_pr)
        column = 0
        for index, (paragraphs, span) in enumerate(cells):
            if index == len(cells) - 1:
                span = len(grid) - column
            tc = OxmlElement("w:tc")
            tc_pr = OxmlElement("w:tcPr")
            width = sum(grid[column:column + span])
            tc_pr.append(OxmlElement("w:tcW", attrs={qn("w:w"): str(width), qn("w:type"): "dxa"}))
            if span > 1:
                tc_pr.append(OxmlElement("w:gridSpan", attrs={qn("w:val"): str(span)}))
            tc.append(tc_pr)
            for p in paragraphs or [_paragraph("TableText")]:
                tc.append(p)
            tr.append(tc)
            column += span
        return tr

    # Sections

    def _break_section(self, layout: PageLayout) -> None:
        """End the current section at the last paragraph and go on with pages of `layout`."""
        last = self.body.sectPr.getprevious()
        if last is None or last.tag != qn("w:p") or (last.pPr is not None
                                                       and last.pPr.sectPr is not None):
            last = _paragraph("TableText")
            self._append(last)
        body_sect = self.body.sectPr
        last.get_or_add_pPr().append(deepcopy(body_sect))
        # Later sections show the first section's footer: Word links a section without its own
        # footer reference to the previous one.
        for reference in body_sect.findall(qn("w:footerReference")):
            body_sect.remove(reference)
        _set_layout(body_sect, layout)
        self.layout = layout
