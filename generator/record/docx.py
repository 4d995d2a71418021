r"""Reading a Word document with tracked changes: its paragraphs and rows, before and after.

Reads: the bytes of a .docx (lxml on `word/document.xml` and `docProps/core.xml`). Writes:
`Piece`s in body order — one per paragraph outside tables and one per table row — each with its
text with every revision rejected (`old`) and accepted (`new`), its style, the bookmarks that
start in it and its paragraph number. Insertions are `w:ins`/`w:moveTo`, deletions
`w:del`/`w:moveFrom`; formatting revisions (`w:rPrChange`, `w:pPrChange`) carry no text and
change nothing here.

The reading follows the document's structure, not the places of its paragraphs: a paragraph
empty before and after the edits (the one that ends a section after a table, a blank line a
re-save adds) is no piece, its bookmarks going to the next one; tables stand anywhere. Text
inside a link to a bookmark — a `w:hyperlink` with an anchor, a HYPERLINK field with `\l` or a
REF field — is written in the content's reference markup with the bookmark's name as its
target, `[text](ref:#name)` (`LINK_TARGET`), which the reader of the version turns into the
unit id or act key the name stands for.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

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
        raise DocxError(f"not a Word document ({exc})") from None
    try:
        root = etree.fromstring(body_xml)
        core = etree.fromstring(core_xml) if core_xml else None
    except etree.XMLSyntaxError as exc:
        raise DocxError(f"broken XML in the document: {exc}", exc.lineno or 1) from None
    body = root.find(w("body"))
    if body is None:
        raise DocxError("the document has no body")
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
    for child in _blocks(body):
        if child.tag == w("p"):
            number += 1
            old, new = paragraph_texts(child)
            leading, carried_on = _split_bookmarks(child)
            if not (old or new):
                # No text before or after the edits: a section break's paragraph or a blank
                # line, part of no unit; its bookmarks mark what follows.
                carried += leading + carried_on
                continue
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


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs and tables of the body in reading order, those inside content controls
    and custom XML (a contents table a re-save wraps in one) included."""
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            yield from _blocks(child)


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
    return _marked(old), _marked(new)


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
