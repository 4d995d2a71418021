"""Reading a Word document with tracked changes: its paragraphs and rows, before and after.

Reads: the bytes of a .docx (lxml on `word/document.xml` and `docProps/core.xml`). Writes:
`Piece`s in body order — one per paragraph outside tables and one per table row — each with its
text with every revision rejected (`old`) and accepted (`new`), its style, the bookmarks that
start in it and its paragraph number. Insertions are `w:ins`/`w:moveTo`, deletions
`w:del`/`w:moveFrom`; formatting revisions (`w:rPrChange`, `w:pPrChange`) carry no text and
change nothing here.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..i18n import tr
from .piece import Piece

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DC = "http://purl.org/dc/elements/1.1/"
OLD_ONLY = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
NEW_ONLY = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
EXCLUDED_STYLE = "ExcludedUnit"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class DocxError(Exception):
    """The file is no Word document legalgen can read; `paragraph` is where (1: the file as a
    whole)."""

    def __init__(self, message: str, paragraph: int = 1) -> None:
        super().__init__(message)
        self.paragraph = paragraph


@dataclass(slots=True)
class WordFile:
    pieces: list[Piece]
    identifier: str
    language: str


def read_docx(data: bytes) -> WordFile:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body_xml = archive.read("word/document.xml")
            core_xml = archive.read("docProps/core.xml") if "docProps/core.xml" in \
                archive.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DocxError(tr("not a Word document ({exc})", exc=exc)) from None
    try:
        root = etree.fromstring(body_xml)
        core = etree.fromstring(core_xml) if core_xml else None
    except etree.XMLSyntaxError as exc:
        raise DocxError(tr("broken XML in the document: {exc}", exc=exc), exc.lineno or 1) from None
    body = root.find(w("body"))
    if body is None:
        raise DocxError(tr("the document has no body"))
    identifier = _core_text(core, "identifier")
    return WordFile(_pieces(body), identifier, _core_text(core, "language"))


def _core_text(core: etree._Element | None, name: str) -> str:
    if core is None:
        return ""
    found = core.find(f"{{{DC}}}{name}")
    return (found.text or "").strip() if found is not None else ""


def _pieces(body: etree._Element) -> list[Piece]:
    pieces: list[Piece] = []
    number = 0
    # LibreOffice writes a bookmark at the start of a paragraph at the end of the one before:
    # a bookmark after the last text of a paragraph belongs to the next paragraph.
    carried: list[str] = []
    for child in body:
        if child.tag == w("p"):
            number += 1
            old, new = paragraph_texts(child)
            leading, carried_on = _split_bookmarks(child)
            pieces.append(Piece(number, _style(child), [old], [new], carried + leading))
            carried = carried_on
        elif child.tag == w("tbl"):
            for row in child.iter(w("tr")):
                first = number + 1
                cells_old, cells_new, styles, names = [], [], [], list(carried)
                for cell in row.findall(w("tc")):
                    texts = []
                    for p in cell.iter(w("p")):
                        number += 1
                        texts.append(paragraph_texts(p))
                        styles.append(_style(p))
                        # Every bookmark in a row is the row's, text or not.
                        names += [name for part in _split_bookmarks(p) for name in part]
                    cells_old.append("\n".join(old for old, _ in texts))
                    cells_new.append("\n".join(new for _, new in texts))
                pieces.append(Piece(first, _row_style(styles), cells_old, cells_new, names, True))
                carried = []
    return pieces


def _split_bookmarks(p: etree._Element) -> tuple[list[str], list[str]]:
    """The bookmarks of a paragraph before its last text, and those after it."""
    leading: list[str] = []
    trailing: list[str] = []
    for node in p.iter(w("bookmarkStart"), w("t"), w("delText")):
        if node.tag == w("bookmarkStart"):
            trailing.append(node.get(w("name"), ""))
        elif node.text:
            leading += trailing
            trailing = []
    return leading, trailing


def _row_style(styles: list[str]) -> str:
    """A row is an excluded unit's when any of its paragraphs is; else its paragraphs' style."""
    if EXCLUDED_STYLE in styles:
        return EXCLUDED_STYLE
    return styles[0] if styles and len(set(styles)) == 1 else "TableText"


def _style(p: etree._Element) -> str:
    found = p.find(f"{w('pPr')}/{w('pStyle')}")
    return found.get(w("val"), "Normal") if found is not None else "Normal"


def paragraph_texts(p: etree._Element) -> tuple[str, str]:
    """The paragraph's text with every revision rejected, and with every one accepted."""
    old: list[str] = []
    new: list[str] = []
    for node in p.iter(w("t"), w("delText"), w("tab"), w("br"), w("noBreakHyphen")):
        if node.tag == w("br") and node.get(w("type")) in ("page", "column"):
            continue
        text = {w("tab"): "\t", w("br"): "\n", w("noBreakHyphen"): "-"}.get(node.tag, node.text)
        side = _side(node, p)
        if side != "new":
            old.append(text or "")
        if side != "old" and node.tag != w("delText"):
            new.append(text or "")
    return "".join(old), "".join(new)


def _side(node: etree._Element, p: etree._Element) -> str:
    """'old' inside a deletion, 'new' inside an insertion, 'both' otherwise."""
    parent = node.getparent()
    while parent is not None and parent is not p:
        if parent.tag in OLD_ONLY:
            return "old"
        if parent.tag in NEW_ONLY:
            return "new"
        parent = parent.getparent()
    return "both"
