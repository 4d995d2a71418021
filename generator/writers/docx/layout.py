"""Pages of both DOCX writers: the page set-up, landscape sections and which units they hold.

Reads nothing: the first section gets the A4 portrait page of the PDF (`PORTRAIT`), a footer with
a PAGE field and, if asked, a header line; `break_section` ends the current section and goes on
with pages of another layout. A table whose role is printed landscape, with the section that
holds it (its heading and notes go with it), is put on `LANDSCAPE` pages, as in the PDF.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from copy import deepcopy
from typing import cast

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.document import CT_Body
from docx.oxml.ns import qn
from docx.oxml.section import CT_SectPr
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section

from ...model import Unit, family_of
from .oxml import field, paragraph, run
from .styles import PORTRAIT, PageLayout

# Tables printed on landscape pages with the section that holds them, as in the PDF.
LANDSCAPE_ROLES = {"action_plan"}
# Where a section break goes when the body does not end in a paragraph that can hold it.
BREAK_STYLE = "TableText"
# References to headers and footers: a later section without them shows the first one's.
PAGE_PART_REFERENCES = ("w:headerReference", "w:footerReference")


def is_landscape_table(unit: Unit) -> bool:
    return family_of(unit) == "tabular" and unit.role in LANDSCAPE_ROLES


def wants_landscape(unit: Unit) -> bool:
    """A landscape table, or the division holding one: its heading and notes go with it."""
    if family_of(unit) == "division":
        return any(is_landscape_table(child) for child in unit.children)
    return is_landscape_table(unit)


def landscape_uids(units: Iterable[Unit], exclusions: Container[str]) -> set[str]:
    """Ids of the units a version shows on landscape pages: each unit `wants_landscape` picks
    and every unit inside it; an excluded unit shows its exclusion text in the flow."""
    found: set[str] = set()
    for unit in units:
        if unit.uid in exclusions:
            continue
        if wants_landscape(unit):
            found.update(inner.uid for inner in unit.walk())
        else:
            found |= landscape_uids(unit.children, exclusions)
    return found


def body_section(body: CT_Body) -> CT_SectPr:
    """The w:sectPr that closes the body: the properties of the last section."""
    return body.get_or_add_sectPr()


def page_setup(document: DocxDocument, header: str | None = None,
               title_page: bool = False) -> None:
    """A4 portrait pages, a PAGE field in the footer and, if given, a header line; with
    `title_page`, the first page has the footer but no header, as the PDF's title page."""
    body_sect = body_section(document.element.body)
    body_sect.attrib.clear()
    for child in list(body_sect):
        body_sect.remove(child)
    for child in _section_properties(PORTRAIT):
        body_sect.append(child)
    section = Section(body_sect, document.part)
    if header is not None:
        page_header = section.header
        page_header.is_linked_to_previous = False
        run(page_header.paragraphs[0]._p, header)
    footer = section.footer
    footer.is_linked_to_previous = False
    field(footer.paragraphs[0]._p, " PAGE ", "1")
    if title_page:
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        first_footer = section.first_page_footer
        first_footer.is_linked_to_previous = False
        field(first_footer.paragraphs[0]._p, " PAGE ", "1")


def break_section(body: CT_Body, layout: PageLayout) -> None:
    """End the current section at the last paragraph and go on with pages of `layout`.

    The section's properties go into the last paragraph of the body, unless it is no paragraph,
    already ends a section or has a tracked mark (accepting or rejecting it would remove the
    break): then into a new empty paragraph."""
    body_sect = body_section(body)
    last = body_sect.getprevious()
    if not isinstance(last, CT_P) or not _can_end_section(last):
        last = paragraph(BREAK_STYLE)
        body_sect.addprevious(last)
    last.get_or_add_pPr().append(deepcopy(body_sect))
    # The sections after the first take its header and footer, and have no title page.
    for tag in (*PAGE_PART_REFERENCES, "w:titlePg"):
        for reference in body_sect.findall(qn(tag)):
            body_sect.remove(reference)
    _set_layout(body_sect, layout)


def _can_end_section(p: CT_P) -> bool:
    properties = p.pPr
    if properties is None:
        return True
    mark = properties.find(qn("w:rPr"))
    tracked = mark is not None and (mark.find(qn("w:ins")) is not None
                                    or mark.find(qn("w:del")) is not None)
    return properties.sectPr is None and not tracked


def _section_properties(layout: PageLayout) -> BaseOxmlElement:
    return parse_xml(layout.section_xml())


def _set_layout(sect_pr: CT_SectPr, layout: PageLayout) -> None:
    """Give a w:sectPr the size and margins of `layout`, keeping its references."""
    fresh = _section_properties(layout)
    for tag in ("w:pgSz", "w:pgMar", "w:cols"):
        old = sect_pr.find(qn(tag))
        new = cast(BaseOxmlElement, fresh.find(qn(tag)))
        if old is not None:
            old.addprevious(new)
            sect_pr.remove(old)
        else:
            sect_pr.append(new)
