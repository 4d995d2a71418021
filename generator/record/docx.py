"""Reading a Word document with tracked changes: its paragraphs and rows, before and after.

Reads: the bytes of a .docx (lxml on `word/document.xml` and `docProps/core.xml`). Writes:
`Piece`s in body order — one per paragraph outside tables and one per table row — each with its
text with every revision rejected (`old`) and accepted (`new`), its style, the bookmarks that
start in it and its paragraph number. Insertions are `w:ins`/`w:moveTo`, deletions
`w:del`/`w:moveFrom`; a deleted paragraph mark joins the paragraph to the next one, whose text
then stands in the first one's new text (the next one's new text is empty); formatting
revisions (`w:rPrChange`, `w:pPrChange`) carry no text and change nothing here. Parts are
inflated only up to a size stated before (no zip bomb), and the XML is read without DTDs or
outside entities.
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
BODY = "word/document.xml"
CORE = "docProps/core.xml"
# The largest DOCX read and part inflated: the sample's largest document is 0.3 MB.
MAX_DOCX_SIZE = 64 * 1024 * 1024
MAX_PART_SIZE = 64 * 1024 * 1024
# No DTD, no entity from outside the file (a path, a URL), no network.
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                          huge_tree=False)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class DocxError(Exception):
    """The file is no Word document legalgen can read; `paragraph` is where (1: the file as a
    whole)."""

    def __init__(self, message: str, paragraph: int = 1) -> None:
        super().__init__(message)
        self.paragraph = paragraph


def _member(archive: zipfile.ZipFile, name: str, required: bool) -> bytes:
    """A part of the package, its size (as the package states it) checked before it is
    inflated: a small file may inflate to gigabytes."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise
        return b""
    if info.file_size > MAX_PART_SIZE:
        raise DocxError(tr("{name} would inflate to {size} bytes, more than the {limit} a "
                           "document legalgen wrote holds",
                           name=name, size=info.file_size, limit=MAX_PART_SIZE))
    # zipfile stops at the stated size (and the checksum then fails): it is a true bound.
    return archive.read(info)


@dataclass(slots=True)
class WordFile:
    pieces: list[Piece]
    identifier: str
    language: str


def read_docx(data: bytes) -> WordFile:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body_xml = _member(archive, BODY, required=True)
            core_xml = _member(archive, CORE, required=False)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError) as exc:
        raise DocxError(tr("not a Word document ({exc})", exc=exc)) from None
    try:
        root = etree.fromstring(body_xml, _PARSER)
        core = etree.fromstring(core_xml, _PARSER) if core_xml else None
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
    # Paragraphs joined in the new text: each but the last had its mark deleted.
    joined: list[Piece] = []
    for child in body:
        if child.tag == w("p"):
            number += 1
            old, new = paragraph_texts(child)
            leading, carried_on = _split_bookmarks(child)
            piece = Piece(number, _style(child), [old], [new], carried + leading)
            pieces.append(piece)
            joined.append(piece)
            if not _mark_deleted(child):
                _join(joined)
                joined = []
            carried = carried_on
        elif child.tag == w("tbl"):
            _join(joined)
            joined = []
            for row in child.iter(w("tr")):
                first = number + 1
                cells_old, cells_new, styles, names = [], [], [], list(carried)
                for cell in row.findall(w("tc")):
                    paragraphs = list(cell.iter(w("p")))
                    number += len(paragraphs)
                    old, new = _cell_texts(paragraphs)
                    cells_old.append(old)
                    cells_new.append(new)
                    styles += [_style(p) for p in paragraphs]
                    # Every bookmark in a row is the row's, text or not.
                    names += [name for p in paragraphs for part in _split_bookmarks(p)
                              for name in part]
                pieces.append(Piece(first, _row_style(styles), cells_old, cells_new, names, True))
                carried = []
    _join(joined)
    return pieces


def _join(paragraphs: list[Piece]) -> None:
    """Paragraphs that are one in the new text (a deleted mark joins a paragraph to the next):
    their new text is the first's that keeps any of its own — the unit the others joined —,
    the others' is empty. A paragraph deleted whole, mark and all, thus leaves the next one its
    text."""
    if len(paragraphs) < 2:
        return
    text = "".join(piece.new[0] for piece in paragraphs)
    keeper = next((piece for piece in paragraphs if piece.new[0].strip()), paragraphs[-1])
    for piece in paragraphs:
        piece.new = [text if piece is keeper else ""]


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


def _cell_texts(paragraphs: list[etree._Element]) -> tuple[str, str]:
    """A cell's text, before and after the edits, a line per paragraph; a paragraph whose mark
    was deleted joins the next one."""
    olds: list[str] = []
    new_text = ""
    joins = True  # the first paragraph starts the text
    for p in paragraphs:
        old, new = paragraph_texts(p)
        olds.append(old)
        new_text += new if joins else f"\n{new}"
        joins = _mark_deleted(p)
    return "\n".join(olds), new_text


def _mark_deleted(p: etree._Element) -> bool:
    """The paragraph's mark is a tracked deletion: it joins the paragraph after it."""
    return p.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None


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
