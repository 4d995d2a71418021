r"""Reading a Word document with tracked changes: its paragraphs and rows, before and after.

Reads: the bytes of a .docx (lxml on `word/document.xml` and `docProps/core.xml`). Writes:
`Piece`s in body order — one per paragraph outside tables and one per table row — each with its
text with every revision rejected (`old`) and accepted (`new`), its style, the bookmarks that
start in it and its paragraph number. Insertions are `w:ins`/`w:moveTo`, deletions
`w:del`/`w:moveFrom`; a deleted paragraph mark joins the paragraph to the next one, whose text
then stands in the first one's new text (the next one's new text is empty); formatting
revisions (`w:rPrChange`, `w:pPrChange`) carry no text and change nothing here. Parts are
inflated only up to a size stated before (no zip bomb), and the XML is read without DTDs or
outside entities.

The reading follows the document's structure, not the places of its paragraphs: a paragraph
empty before and after the edits (the one that ends a section after a table, a blank line a
re-save adds) is no piece, its bookmarks going to the next one; tables stand anywhere, and
paragraphs inside content controls are read in their place. Text inside a link to a bookmark —
a `w:hyperlink` with an anchor, a HYPERLINK field with `\l` or a REF field — is written in the
content's reference markup with the bookmark's name as its target, `[text](ref:#name)`
(`LINK_TARGET`), which the reader of the version turns into the unit id the name stands for.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..i18n import tr
from .edits import NO_BREAK_SPACE
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
    for child in _blocks(body):
        if child.tag == w("p"):
            number += 1
            old, new = paragraph_texts(child)
            leading, carried_on = _split_bookmarks(child)
            if not (old or new):
                # No text before or after the edits: a section break's paragraph or a blank
                # line, part of no unit; its bookmarks mark what follows.
                carried += leading + carried_on
                if not _mark_deleted(child):
                    _join(joined)
                    joined = []
                continue
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


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs and tables of the body in reading order, those inside content controls
    and custom XML (a contents table a re-save wraps in one) included."""
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            yield from _blocks(child)


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


# The prefix of a reference's target that says it is a bookmark's name, not yet a unit id.
LINK_TARGET = "#"
# A field's instruction that links to a bookmark: HYPERLINK \l "name", REF name.
_LINK_FIELD = re.compile(r'^\s*(?:HYPERLINK\s+.*?\\l\s+"?(?P<anchor>[^"\s]+)"?|REF\s+(?P<ref>\S+))',
                         re.IGNORECASE)


def paragraph_texts(p: etree._Element) -> tuple[str, str]:
    """The paragraph's text with every revision rejected, and with every one accepted; the text
    of a link to a bookmark in reference markup on each side that shows some of it."""
    old: list[tuple[str | None, str]] = []
    new: list[tuple[str | None, str]] = []
    for node, link in _text_nodes(p):
        if node.tag == w("br") and node.get(w("type")) in ("page", "column"):
            continue
        text = {w("tab"): "\t", w("br"): "\n", w("noBreakHyphen"): "-"}.get(node.tag, node.text)
        side = _side(node, p)
        if side != "new":
            old.append((link, text or ""))
        if side != "old" and node.tag != w("delText"):
            new.append((link, text or ""))
    # The writers bind numbers with no-break spaces: a reader sees the spaces they stand for.
    return (_marked(old).replace(NO_BREAK_SPACE, " "),
            _marked(new).replace(NO_BREAK_SPACE, " "))


def _text_nodes(p: etree._Element) -> Iterator[tuple[etree._Element, str | None]]:
    """The nodes of a paragraph that hold text, in order, each with the bookmark its link leads
    to (None outside a link). A complex field's instruction is no text; its result is."""
    fields: list[list[str]] = []  # each open field: its instruction, and "result" once shown
    for node in p.iter(w("t"), w("delText"), w("tab"), w("br"), w("noBreakHyphen"),
                       w("fldChar"), w("instrText"), w("delInstrText")):
        if node.tag == w("fldChar"):
            kind = node.get(w("fldCharType"))
            if kind == "begin":
                fields.append([""])
            elif kind == "separate" and fields:
                fields[-1].append("result")
            elif kind == "end" and fields:
                fields.pop()
        elif node.tag in (w("instrText"), w("delInstrText")):
            if fields and len(fields[-1]) == 1:
                fields[-1][0] += node.text or ""
        else:
            field = next((instr for instr, *shown in reversed(fields) if shown), None)
            yield node, _link_of(node, p, field)


def _link_of(node: etree._Element, p: etree._Element, field: str | None) -> str | None:
    """The bookmark a text node's link leads to: of the field it is the result of, or of the
    hyperlink or simple field around it."""
    instructions = [field] if field is not None else []
    parent = node.getparent()
    while parent is not None and parent is not p:
        anchor = parent.get(w("anchor")) if parent.tag == w("hyperlink") else None
        if anchor:
            return str(anchor)
        if parent.tag == w("fldSimple"):
            instructions.append(parent.get(w("instr"), ""))
        parent = parent.getparent()
    for instruction in instructions:
        match = _LINK_FIELD.match(instruction)
        if match is not None:
            return str(match.group("anchor") or match.group("ref"))
    return None


def _marked(pieces: list[tuple[str | None, str]]) -> str:
    """Runs of text joined, each run of one link in reference markup (a link whose text the
    markup cannot hold, or none, is its text alone)."""
    out: list[str] = []
    for link, group in itertools.groupby(pieces, key=lambda piece: piece[0]):
        text = "".join(piece for _, piece in group)
        if link is None or not text.strip() or "]" in text or "[" in text:
            out.append(text)
        else:
            out.append(f"[{text}](ref:{LINK_TARGET}{link})")
    return "".join(out)


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
