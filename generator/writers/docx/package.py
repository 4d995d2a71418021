"""The package of a DOCX file: python-docx's template trimmed, dated and zipped the same way.

Reads nothing. `new_document` gives a python-docx document without the template's unused parts,
with our font table and our styles (each carrying the language), and settings without the
template's revision ids; `set_core_properties` dates the core properties by a given day (a text
too long for a property `clipped`); `save` pins the dates of comments and of the zip entries, so
that equal input gives equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import replace

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from .styles import STYLES, StyleSpec, doc_defaults_xml, font_table_xml, style_xml

JUSTIFIED = '<w:jc w:val="both"/>'
RAGGED = '<w:jc w:val="left"/>'
# Parts of python-docx's template that the writers have no use for.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
UNUSED_RELS = {RT.CUSTOM_XML, STYLES_WITH_EFFECTS}
UNUSED_PACKAGE_RELS = {RT.THUMBNAIL, RT.EXTENDED_PROPERTIES}
# Settings of the template that change from one document to the next.
UNSTABLE_SETTINGS = ("w:savePreviewPicture", "w:rsids", "w:proofState")
EMPTY_PROPERTIES = ("keywords", "comments", "category", "content_status", "version")
# python-docx refuses a core property longer than this; long titles of orders exceed it.
PROPERTY_LIMIT = 255


def new_document(lang_tag: str, styles: Sequence[StyleSpec] = STYLES,
                 hyphenation: bool = True, widow_control: bool = True) -> DocxDocument:
    """An empty document in the language `lang_tag` (xx-YY), holding `styles` only: justified
    and hyphenated automatically where the language has patterns (`Language.hyphenation`), as
    the PDF; ragged-right where it has none. `widow_control=False` turns widow and orphan
    control off in the document's defaults."""
    document = Document()
    if not hyphenation:
        styles = [replace(spec, ppr=spec.ppr.replace(JUSTIFIED, RAGGED)) for spec in styles]
    _prepare_package(document, lang_tag, styles, widow_control)
    if hyphenation:
        document.settings.element.find(qn("w:defaultTabStop")).addnext(
            parse_xml(f'<w:autoHyphenation {nsdecls("w")} w:val="true"/>'))
    return document


def _prepare_package(document: DocxDocument, lang_tag: str, styles: Sequence[StyleSpec],
                     widow_control: bool) -> None:
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
    _replace_styles(document, lang_tag, styles, widow_control)
    _adjust_settings(document, lang_tag)


def _replace_styles(document: DocxDocument, lang_tag: str, specs: Sequence[StyleSpec],
                    widow_control: bool) -> None:
    """Only the styles the writer uses, each carrying the document's language."""
    styles = document.styles.element
    for old in styles.findall(qn("w:style")) + styles.findall(qn("w:docDefaults")):
        styles.remove(old)
    styles.insert(0, parse_xml(doc_defaults_xml(lang_tag, widow_control)))
    for spec in specs:
        styles.append(parse_xml(style_xml(spec, lang_tag)))


def _adjust_settings(document: DocxDocument, lang_tag: str) -> None:
    settings = document.settings.element
    for name in UNSTABLE_SETTINGS:
        for node in settings.findall(qn(name)):
            settings.remove(node)
    for node in settings.findall(qn("w:themeFontLang")):
        node.attrib.clear()
        node.set(qn("w:val"), lang_tag)


def set_core_properties(document: DocxDocument, *, title: str, subject: str, language: str,
                        author: str, identifier: str, date: dt.date) -> None:
    """The core properties, created and modified at midnight (UTC) of `date`."""
    props = document.core_properties
    created = dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)
    props.title = clipped(title)
    props.subject = clipped(subject)
    props.language = language
    props.author = clipped(author)
    props.identifier = clipped(identifier)
    props.created = created
    props.modified = created
    props.last_modified_by = ""
    props.revision = 1
    for empty in EMPTY_PROPERTIES:
        setattr(props, empty, "")


def clipped(text: str) -> str:
    """`text` as a core property: when too long, cut after its last whole word that fits, an
    ellipsis saying that more follows (the document's first page has it all)."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    head = text[:PROPERTY_LIMIT]
    cut = head.rfind(" ")
    return f"{(head[:cut] if cut > 0 else head[:-1]).rstrip()}…"


def save(document: DocxDocument, date: dt.date) -> bytes:
    """The document's bytes, every date in it (comments, zip entries) being `date`."""
    _date_comments(document, date)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), date)


def _date_comments(document: DocxDocument, date: dt.date) -> None:
    """python-docx dates a comment with the clock; a given date keeps builds equal."""
    part = document.part
    if not any(rel.reltype == RT.COMMENTS for rel in part.rels.values()):
        return
    stamp = f"{date.isoformat()}T00:00:00Z"
    comments = part.part_related_by(RT.COMMENTS)
    if isinstance(comments, XmlPart):
        for comment in comments.element.findall(qn("w:comment")):
            comment.set(qn("w:date"), stamp)


ZIP_FIRST_DATE = dt.date(1980, 1, 1)
ZIP_LAST_DATE = dt.date(2107, 12, 31)


def _fixed_zip(data: bytes, date: dt.date) -> bytes:
    """The same zip with every entry dated `date` and given fixed attributes; a zip entry holds
    only the years 1980–2107, so a date outside them is clamped (the document's own stay exact).
    """
    clamped = min(max(date, ZIP_FIRST_DATE), ZIP_LAST_DATE)
    stamp = (clamped.year, clamped.month, clamped.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()
