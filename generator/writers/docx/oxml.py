"""Low-level WordprocessingML of both DOCX writers: elements, paragraphs, runs and fields.

Reads nothing: each function builds lxml elements (python-docx's element classes) that a writer
appends to the body, a table cell or a header or footer.
"""

from __future__ import annotations

from typing import cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement

from ...model.bookmarks import bookmark_name
from ..shared.typography import NO_BREAK_HYPHEN

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def element(tag: str, attrs: dict[str, str] | None = None) -> BaseOxmlElement:
    """A new element `tag` ("w:tblGrid"), its attributes given by qualified name."""
    qualified = {qn(name): value for name, value in (attrs or {}).items()}
    return cast(BaseOxmlElement, OxmlElement(tag, attrs=qualified))


def paragraph(style: str | None = None) -> CT_P:
    """An empty paragraph in `style` (Normal, the default style, is left implicit)."""
    p = cast(CT_P, OxmlElement("w:p"))
    if style and style != "Normal":
        p.get_or_add_pPr().style = style
    return p


def run(parent: BaseOxmlElement, text: str, style: str | None = None, bold: bool = False,
        deleted: bool = False) -> CT_R:
    """A run of `text` appended to `parent`; tabs and line breaks become w:tab and w:br, and
    the text of a `deleted` run is w:delText, as a tracked deletion holds it."""
    r = cast(CT_R, OxmlElement("w:r"))
    if style:
        r.get_or_add_rPr().style = style
    if bold:
        r.get_or_add_rPr().append(OxmlElement("w:b"))
    _set_text(r, text)
    if deleted:
        for node in r.findall(qn("w:t")):
            node.tag = qn("w:delText")
    parent.append(r)
    return r


def _set_text(r: CT_R, text: str) -> None:
    """The run's text; a no-break hyphen (bound by `typography.bind`) is Word's own
    w:noBreakHyphen, which every word processor keeps on one line with its neighbours."""
    pieces = text.split(NO_BREAK_HYPHEN)
    if len(pieces) == 1:
        r.text = text
        return
    for index, piece in enumerate(pieces):
        if index:
            r.append(element("w:noBreakHyphen"))
        if piece:
            holder = cast(CT_R, OxmlElement("w:r"))
            holder.text = piece
            for child in list(holder):
                r.append(child)


def field(p: BaseOxmlElement, instruction: str, shown: str | None = None) -> None:
    """A complex field (PAGE, TOC); a field with a shown value is closed at once."""
    field_char(p, "begin")
    instr = element("w:instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = instruction
    p.append(_wrap_run(instr))
    field_char(p, "separate")
    if shown is not None:
        run(p, shown)
        field_char(p, "end")


def field_char(p: BaseOxmlElement, kind: str) -> None:
    """The begin, separate or end mark of a complex field."""
    p.append(_wrap_run(element("w:fldChar", {"w:fldCharType": kind})))


def _wrap_run(child: BaseOxmlElement) -> BaseOxmlElement:
    r = element("w:r")
    r.append(child)
    return r


def bookmark(p: CT_P, ident: int, uid: str) -> None:
    """A bookmark named after the unit id at the start of `p`, so edits map back to the unit."""
    start = element("w:bookmarkStart", {"w:id": str(ident), "w:name": bookmark_name(uid)})
    end = element("w:bookmarkEnd", {"w:id": str(ident)})
    position = 1 if p.pPr is not None else 0
    p.insert(position, end)
    p.insert(position, start)
