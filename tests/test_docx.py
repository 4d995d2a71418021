"""The DOCX writer: a Word file for every version and language — A4 pages with the PDF's margins,
the action plan's section on landscape pages, repeating header rows, merged group rows, numbers
and amounts right-aligned, Word styles that carry the language, the core properties, a PAGE
field, bookmarks for references — that LibreOffice converts to PDF with the HTML's text, and
identical bytes on a rebuild.

The structural checks read every version of the session's build of the sample (HTML and DOCX,
tests/conftest.py); the LibreOffice checks its conversion of them (`office_pdfs`).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import re
import subprocess
import zipfile
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.lang import codes
from generator.lang.cells import cell_lines
from generator.load import load_project
from generator.model import Annotated, Unit, family_of
from generator.model.inline import plain
from generator.model.tables import heading_text, is_numeric, table_shape
from generator.writers.docx.layout import wants_landscape
from generator.writers.docx.package import clipped, new_document, set_core_properties
from generator.writers.docx.version import bookmark_name, language_tag, render_docx, running_head
from generator.writers.shared.templates import toc_entries
from tests.conftest import ROOT, legalgen, output, sample_dates

from .textutil import ENDNOTES, HIDDEN, differing_passages, html_words, similarity, words

LANGS = codes()

DATES = sample_dates()
VERSIONS = [(lang, date) for lang in LANGS for date in DATES]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
A4_TWIPS = (11906, 16838)
# Elements after which the HTML's visible text has a line break.


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def mm(value: str) -> float:
    return int(value) * 25.4 / 1440


@pytest.fixture(scope="module")
def built(real_build_without_pdf) -> Path:
    return real_build_without_pdf


@pytest.fixture(scope="module")
def converted(built, office_pdfs) -> dict[tuple[str, dt.date], Path]:
    """Every version's DOCX as LibreOffice converts it to PDF."""
    return {(lang, date): office_pdfs[output(built, lang, date, "docx")]
            for lang, date in VERSIONS}


@functools.cache
def _annotated(lang: str, date: dt.date) -> Annotated:
    project = load_project(ROOT)
    return annotate(consolidate(project, lang, date), project)


@functools.cache
def _parts(path: Path) -> dict[str, lxml.etree._Element]:
    """The XML parts of a DOCX, read with plain lxml (not python-docx's element classes)."""
    with zipfile.ZipFile(path) as archive:
        return {name: lxml.etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.endswith(".xml")}


def _body(path: Path):
    return _parts(path)["word/document.xml"].find("w:body", NS)


def _text(element) -> str:
    """The shown text (w:t; the no-break hyphens and spaces that bind numbers as the hyphens
    and spaces they stand for), without field instructions."""
    return "".join("-" if node.tag == w("noBreakHyphen") else node.text or ""
                   for node in element.iter(w("t"), w("noBreakHyphen"))).replace("\u00a0", " ")


def _style(paragraph) -> str:
    found = paragraph.find("w:pPr/w:pStyle", NS)
    return found.get(w("val")) if found is not None else "Normal"


def _sections(body) -> list[tuple[lxml.etree._Element, list]]:
    """(w:sectPr, body elements) of each section in order."""
    sections, current = [], []
    for child in body:
        if child.tag == w("sectPr"):
            sections.append((child, current))
            continue
        current.append(child)
        sect = child.find("w:pPr/w:sectPr", NS)
        if sect is not None:
            sections.append((sect, current))
            current = []
    return sections


def _bookmarked(element) -> set[str]:
    return {node.get(w("name")) for node in element.iter(w("bookmarkStart"))}


def _tables_by_uid(body) -> dict[str, lxml.etree._Element]:
    """Each table under the bookmark of its unit (in its first cell)."""
    tables = {}
    for table in body.iter(w("tbl")):
        first_cell = table.find("w:tr/w:tc", NS)
        for name in _bookmarked(first_cell):
            tables[name] = table
    return tables


# --- files, pages and sections -----------------------------------------------------------------

@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_every_version_has_a_docx(built, lang, date):
    path = output(built, lang, date, "docx")
    assert path.is_file()
    first = _body(path).find("w:p", NS)
    expected = _annotated(lang, date).status or _annotated(lang, date).title
    assert _text(first) == expected


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_a4_pages_with_the_margins_of_the_pdf(built, lang, date):
    sections = _sections(_body(output(built, lang, date, "docx")))
    for sect, _ in sections:
        size = sect.find("w:pgSz", NS)
        margins = sect.find("w:pgMar", NS)
        landscape = size.get(w("orient")) == "landscape"
        width, height = int(size.get(w("w"))), int(size.get(w("h")))
        assert ((height, width) if landscape else (width, height)) == A4_TWIPS
        got = [round(mm(margins.get(w(side)))) for side in ("top", "right", "bottom", "left")]
        assert got == ([15, 15, 15, 15] if landscape else [20, 15, 20, 25])
    assert sections[0][0].find("w:pgSz", NS).get(w("orient")) is None
    assert sections[-1][0].find("w:pgSz", NS).get(w("orient")) is None


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_the_action_plan_section_is_landscape(built, lang, date):
    """Exactly the section holding the action plan — heading, table, notes — is landscape."""
    annotated = _annotated(lang, date)
    holders = [unit for unit in annotated.version.walk()
               if unit.kind == "section" and wants_landscape(unit)]
    assert holders, "the content has an action plan"
    landscape = [elements for sect, elements in _sections(_body(output(built, lang, date, "docx")))
                 if sect.find("w:pgSz", NS).get(w("orient")) == "landscape"]
    assert len(landscape) == len(holders)
    for unit, elements in zip(holders, landscape, strict=True):
        headings = [_text(e) for e in elements if e.tag == w("p") and _style(e) == "Heading2"]
        assert headings == [heading_text(unit)]
        tables = [e for e in elements if e.tag == w("tbl")]
        assert [t.find("w:tblPr/w:tblStyle", NS).get(w("val")) for t in tables] == \
            ["ActionPlanTable"]
        names = set().union(*(_bookmarked(e) for e in elements))
        assert {bookmark_name(child.uid) for child in unit.children} <= names


# --- tables ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_header_rows_repeat_and_group_rows_span_the_table(built, lang, date):
    annotated = _annotated(lang, date)
    body = _body(output(built, lang, date, "docx"))
    tables = _tables_by_uid(body)
    units = [unit for unit in annotated.version.walk() if unit.kind == "table"]
    assert len(list(body.iter(w("tbl")))) == len(units)
    for unit in units:
        table = tables[bookmark_name(unit.uid)]
        columns = len(table.findall("w:tblGrid/w:gridCol", NS))
        assert columns == table_shape(unit).columns
        rows = table.findall("w:tr", NS)
        repeating = [row.find("w:trPr/w:tblHeader", NS) is not None for row in rows]
        header_rows = len(unit.header or [])
        assert repeating == [True] * header_rows + [False] * (len(rows) - header_rows)
        # Group rows: one cell spanning the whole grid, in the heading style of the table.
        spanning = [_text(row) for row in rows[header_rows:] if _spans(row) == [columns]
                    and _style(row.find("w:tc/w:p", NS)) == "TableHeading"]
        groups = [plain(child.text) for child in unit.children if child.kind == "group"]
        assert spanning == groups
        assert all(sum(_spans(row)) == columns for row in rows)


def _spans(row) -> list[int]:
    """The number of grid columns each cell of a row covers."""
    spans = []
    for cell in row.findall("w:tc", NS):
        span = cell.find("w:tcPr/w:gridSpan", NS)
        spans.append(int(span.get(w("val"))) if span is not None else 1)
    return spans


def test_cells_show_the_numbers_as_the_language_writes_them(built):
    """The amounts of the action plan as cell_lines words them ('2013 жыл – 2 000,0*')."""
    for lang in LANGS:
        annotated = _annotated(lang, DATES[-1])
        table = next(u for u in annotated.version.walk() if u.role == "action_plan")
        expected = [line.replace("\u00a0", " ") for row in table.children
                    if row.uid not in annotated.exclusions
                    for value in row.cells or [] for line in cell_lines(value, annotated.lang)
                    if "–" in line and any(ch.isdigit() for ch in line)]
        docx_table = _tables_by_uid(_body(output(built, lang, DATES[-1], "docx")))[
            bookmark_name(table.uid)]
        shown = [_text(p) for p in docx_table.iter(w("p"))]
        assert expected and all(line in shown for line in expected)


def _shown_units(units: list[Unit], annotated: Annotated):
    """The units a version prints, an excluded one's inner units left out."""
    for unit in units:
        if unit.uid not in annotated.exclusions:
            yield unit
            yield from _shown_units(unit.children, annotated)


def _alignment(document, style_id: str) -> WD_ALIGN_PARAGRAPH | None:
    """A paragraph style's alignment, inherited from the styles it is based on."""
    style = document.part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
    while style is not None and style.paragraph_format.alignment is None:
        style = style.base_style
    return style.paragraph_format.alignment if style is not None else None


def _aligned_cells(document, annotated: Annotated) -> dict[str, int]:
    """How many cells of the version's shown tables `document` sets right-aligned (numbers and
    amounts) and not (the others), each asserted as it goes."""
    rows = {name: tr for tr in document.element.body.iter(w("tr")) for name in _bookmarked(tr)}
    aligned = {"number": 0, "text": 0}
    for table in _shown_units(annotated.units, annotated):
        if family_of(table) != "tabular":
            continue
        label_cells = 1 if table_shape(table).label_column else 0
        for row in table.children:
            if row.uid in annotated.exclusions or not row.cells:
                continue
            cells = rows[bookmark_name(row.uid)].findall(w("tc"))[label_cells:]
            for value, cell in zip(row.cells, cells, strict=False):
                alignments = {_alignment(document, _style(p)) for p in cell.iter(w("p"))}
                if is_numeric(value):
                    assert alignments == {WD_ALIGN_PARAGRAPH.RIGHT}, (row.uid, value)
                    aligned["number"] += 1
                else:
                    assert WD_ALIGN_PARAGRAPH.RIGHT not in alignments, (row.uid, value)
                    aligned["text"] += 1
    return aligned


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_numbers_and_amounts_are_right_aligned_as_in_the_pdf(built, lang, date):
    """Read with python-docx: every cell of numbers or amounts (a town's population, the action
    plan's amounts by year) is right-aligned, as the PDF's `td.number`; no other cell is."""
    document = Document(str(output(built, lang, date, "docx")))
    aligned = _aligned_cells(document, _annotated(lang, date))
    assert aligned["number"] >= 30 and aligned["text"] > 100, aligned


@pytest.mark.parametrize("lang", LANGS)
def test_redline_numbers_and_amounts_are_right_aligned_as_in_the_version(real_redlines, lang):
    """The redline's tables align their cells as the version's do: every cell of numbers or
    amounts of the later version right-aligned, whatever the tracked changes inside it; no other
    cell."""
    document = Document(str(real_redlines[lang]))
    aligned = _aligned_cells(document, _annotated(lang, DATES[-1]))
    assert aligned["number"] >= 30 and aligned["text"] > 100, aligned


# --- styles, language, properties --------------------------------------------------------------

@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_real_word_styles_in_use(built, lang, date):
    path = output(built, lang, date, "docx")
    annotated = _annotated(lang, date)
    body = _body(path)
    used = {_style(p) for p in body.iter(w("p"))}
    defined = {s.get(w("styleId")) for s in _parts(path)["word/styles.xml"].iter(w("style"))}
    assert used <= defined
    required = {"Title", "Heading1", "Heading2", "Heading3", "Normal", "BodyText", "TableText",
                "TableHeading", "TableLabel", "TOCHeading", "TOC1", "TOC2", "ApprovalStamp",
                "Signature"}
    optional = {"EditorialNote": annotated.notes or annotated.repeal_note,
                "ReconstructionMark": annotated.reconstructed,
                "ExcludedUnit": annotated.exclusions, "DocumentStatus": annotated.status,
                "NoticeHeading": annotated.pending, "ListBullet": annotated.pending}
    assert required | {name for name, present in optional.items() if present} <= used
    assert not {name for name, present in optional.items() if not present} & used
    table_styles = {t.get(w("val")) for t in body.iter(w("tblStyle"))}
    assert table_styles == {"LegalTable", "ActionPlanTable"}
    # The note style holds exactly the generated notes ("Ескерту. ..." / "Сноска. ...").
    notes = sorted(_text(p) for p in body.iter(w("p")) if _style(p) == "EditorialNote")
    expected = [n.text for uid_notes in annotated.notes.values() for n in uid_notes]
    expected += [annotated.repeal_note.text] if annotated.repeal_note else []
    assert notes == sorted(expected)
    assert all(note.startswith(annotated.lang.note_word) for note in notes)
    heading1 = [_text(p) for p in body.iter(w("p")) if _style(p) == "Heading1"]
    assert heading1 == [u.heading for u in annotated.units if u.kind == "attachment"]


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_every_style_speaks_the_language_in_the_pdf_font(built, lang, date):
    tag = language_tag(_annotated(lang, date))
    assert tag == {"kk": "kk-KZ", "ru": "ru-RU"}[lang]
    parts = _parts(output(built, lang, date, "docx"))
    styles = parts["word/styles.xml"]
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:lang", NS).get(w("val")) == tag
    fonts = defaults.find("w:rFonts", NS)
    assert {fonts.get(w(k)) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Liberation Serif"}
    for style in styles.iter(w("style")):
        if style.get(w("type")) in ("paragraph", "character", "table"):
            assert style.find("w:rPr/w:lang", NS).get(w("val")) == tag, style.get(w("styleId"))
    every_lang = {node.get(w("val")) for part in parts.values() for node in part.iter(w("lang"))}
    assert every_lang == {tag}
    theme_fonts = [node for node in styles.iter(w("rFonts")) if node.get(w("asciiTheme"))]
    assert theme_fonts == []
    table = parts["word/fontTable.xml"]
    serif = table.find("w:font[@w:name='Liberation Serif']", NS)
    assert serif.find("w:altName", NS).get(w("val")) == "Times New Roman"


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_core_properties(built, lang, date):
    annotated = _annotated(lang, date)
    props = Document(str(output(built, lang, date, "docx"))).core_properties
    midnight = dt.datetime.combine(date, dt.time())
    assert props.title == annotated.title
    assert props.subject == annotated.lang.version_heading(date)
    assert props.language == language_tag(annotated)
    assert props.author == annotated.adoption_line
    assert props.created.replace(tzinfo=None) == midnight
    assert props.modified.replace(tzinfo=None) == midnight


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_page_numbers_are_a_page_field_in_the_footer(built, lang, date):
    path = output(built, lang, date, "docx")
    parts = _parts(path)
    sections = _sections(_body(path))
    references = [sect.findall("w:footerReference", NS) for sect, _ in sections]
    # The first section has the footer, and its title page's own (with no running head); the
    # later ones are linked to it.
    assert sorted(ref.get(w("type")) for ref in references[0]) == ["default", "first"]
    assert sections[0][0].find("w:titlePg", NS) is not None
    assert not any(references[1:])
    footers = [part for name, part in parts.items() if name.startswith("word/footer")]
    assert len(footers) == 2
    for footer in footers:
        assert [i.text.strip() for i in footer.iter(w("instrText"))] == ["PAGE"]


# --- contents, bookmarks, references -----------------------------------------------------------

@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_contents_entries_link_their_units_with_page_fields(built, lang, date):
    annotated = _annotated(lang, date)
    body = _body(output(built, lang, date, "docx"))
    entries = [p for p in body.iter(w("p")) if _style(p).startswith("TOC") and
               _style(p) != "TOCHeading"]
    expected = toc_entries(annotated.units, annotated.lang)
    # Each entry: its text, then (after a tab) the page number the field stores (the PDF's).
    assert len(entries) == len(expected)
    for p, (_, _, text) in zip(entries, expected, strict=True):
        assert re.fullmatch(re.escape(text) + r"\d+", _text(p)), _text(p)
    for p, (_, uid, _) in zip(entries, expected, strict=True):
        assert [i.text.split() for i in p.iter(w("instrText"))] == [
            ["PAGEREF", bookmark_name(uid), "\\h"]]
    anchors = [link.get(w("anchor")) for p in entries for link in p.iter(w("hyperlink"))]
    assert anchors == [bookmark_name(uid) for _, uid, _ in expected]


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_every_unit_has_a_bookmark_and_every_link_a_target(built, lang, date):
    annotated = _annotated(lang, date)
    body = _body(output(built, lang, date, "docx"))
    names = [node.get(w("name")) for node in body.iter(w("bookmarkStart"))]
    assert len(names) == len(set(names))
    assert all(len(name) <= 40 for name in names)
    assert {bookmark_name(uid) for uid in _shown(annotated.units, annotated)} <= set(names)
    anchors = {link.get(w("anchor")) for link in body.iter(w("hyperlink"))}
    assert anchors and anchors <= set(names)


def _shown(units: list[Unit], annotated: Annotated) -> list[str]:
    """Ids of the units a reader sees: an excluded unit shows its exclusion text, not its parts."""
    uids = []
    for unit in units:
        uids.append(unit.uid)
        if unit.uid not in annotated.exclusions:
            uids.extend(_shown(unit.children, annotated))
    return uids


def test_bookmark_names_fit_word():
    long_id = "att_1__sec_4__subsec_3__dir_3__point_3__support_1"
    names = {bookmark_name(uid) for uid in (long_id, long_id + "0", "att_1__sec_2__subpoint_2-1",
                                            "att_1__sec_2__subpoint_2_1")}
    assert len(names) == 4
    assert all(len(name) <= 40 and name.replace("_", "").isalnum() for name in names)
    assert bookmark_name("para_3") == "para_3"


@pytest.mark.full  # the latest version of the sample, laid out as its PDF
def test_inline_markup_becomes_styled_runs_and_links():
    """Emphasis in the Emphasis style; a unit reference a link to its bookmark; an act plain."""
    project = load_project(ROOT)
    annotated = annotate(consolidate(project, "ru", DATES[-1]), project)
    target = annotated.version.index["para_1"]
    target.text = ("Начало **важное** и [пункт 3](ref:para_3) по "
                   "[постановлению](ref:government/resolution/2010-03-18/218).")
    with zipfile.ZipFile(io.BytesIO(render_docx(annotated))) as archive:
        body = lxml.etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
    paragraph = next(p for p in body.iter(w("p")) if "para_1" in _bookmarked(p))
    assert _text(paragraph) == f"{target.label} {plain(target.text)}"
    styled = [(_text(r), r.find("w:rPr/w:rStyle", NS).get(w("val")), r.getparent().tag)
              for r in paragraph.iter(w("r")) if r.find("w:rPr/w:rStyle", NS) is not None]
    assert styled == [("важное", "Emphasis", w("p")), ("пункт 3", "Reference", w("hyperlink")),
                      ("постановлению", "Reference", w("p"))]
    assert paragraph.find("w:hyperlink", NS).get(w("anchor")) == bookmark_name("para_3")
    assert bookmark_name("para_3") in _bookmarked(body)


def test_reconstruction_reasons_are_comments_dated_by_the_version(built):
    lang, date = "ru", DATES[0]
    annotated = _annotated(lang, date)
    parts = _parts(output(built, lang, date, "docx"))
    comments = parts["word/comments.xml"].findall("w:comment", NS)
    reasons = [reason for marks in annotated.reconstructed.values() for reason in marks if reason]
    assert sorted(_text(c) for c in comments) == sorted(reasons)
    assert {c.get(w("date")) for c in comments} == {f"{date.isoformat()}T00:00:00Z"}


# --- LibreOffice -------------------------------------------------------------------------------

def _pdf_pages(path: Path) -> list[list[str]]:
    """The lines of each page, in the order LibreOffice wrote them."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = [[line for line in page.splitlines() if line.strip()] for page in text.split("\f")]
    return pages[:-1] if pages and not pages[-1] else pages


def _without_repeats(found: list[str], header: list[str]) -> tuple[list[str], int]:
    """`found` with every occurrence of `header` after the first one removed, and how many."""
    kept, index, seen, removed = [], 0, False, 0
    while index < len(found):
        if found[index:index + len(header)] == header:
            if seen:
                index += len(header)
                removed += 1
                continue
            seen = True
        kept.append(found[index])
        index += 1
    return kept, removed


def _header_words(unit: Unit, annotated: Annotated) -> list[str]:
    return words(" ".join(line for row in unit.header or [] for value in row
                          for line in cell_lines(value, annotated.lang)))


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_libreoffice_pdf_shows_the_html_text(built, converted, lang, date):
    annotated = _annotated(lang, date)
    pages = _pdf_pages(converted[(lang, date)])
    # The footer's page number closes every page, the running head opens it.
    assert [page[-1].strip() for page in pages] == [str(n) for n in range(1, len(pages) + 1)]
    head = running_head(annotated)
    # The title page has no running head; every other page opens with it.
    assert pages[0][0].strip() != head
    assert all(page[0].strip() == head for page in pages[1:])
    found = words("\n".join(line for page in pages[:1] for line in page[:-1]) + "\n" + "\n".join(
        line for page in pages[1:] for line in page[1:-1]))
    repeats = {}
    for unit in annotated.version.walk():
        if unit.kind == "table" and unit.header:
            found, repeats[unit.role] = _without_repeats(found, _header_words(unit, annotated))
    # The action plan fills several pages: its header rows come back on each of them.
    assert repeats["action_plan"] >= 2
    expected = html_words(output(built, lang, date, "html"), f"{HIDDEN} | {ENDNOTES}")
    ratio = similarity(expected, found)
    assert ratio >= 0.99, f"{ratio:.4f}\n{differing_passages(expected, found)}"


@pytest.mark.parametrize(("lang", "date"), VERSIONS)
def test_libreoffice_keeps_the_landscape_pages(converted, lang, date):
    result = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(converted[(lang, date)])],
                            capture_output=True, text=True, check=True).stdout
    sizes = [line.split("size:")[1].split("pts")[0].split(" x ")
             for line in result.splitlines() if line.startswith("Page") and "size:" in line]
    orientation = ["L" if float(width) > float(height) else "P" for width, height in sizes]
    runs = "".join(key for key, _ in itertools.groupby(orientation))
    assert runs == "PLP"


# --- reproducibility (last: the rebuild runs seconds after the first build) ----------------------

def test_two_builds_give_identical_bytes(built, tmp_path):
    result = legalgen("build", "--format", "docx", "--as-of", "all", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for lang, date in VERSIONS:
        first = output(built, lang, date, "docx").read_bytes()
        assert output(tmp_path, lang, date, "docx").read_bytes() == first, (lang, date)
        with zipfile.ZipFile(output(tmp_path, lang, date, "docx")) as archive:
            stamps = {info.date_time for info in archive.infolist()}
            assert stamps == {(date.year, date.month, date.day, 0, 0, 0)}


def test_a_title_longer_than_a_core_property_is_cut_after_a_whole_word(tmp_path):
    """Titles of orders run past the 255 characters python-docx allows in a core property: the
    document keeps its first words and an ellipsis, and saves."""
    title = " ".join(["қағидаларын"] * 40)
    document = new_document("kk-KZ")
    set_core_properties(document, title=title, subject="s", language="kk-KZ", author="a",
                        identifier="i", date=dt.date(2024, 10, 15))
    document.save(str(tmp_path / "long.docx"))
    kept = Document(str(tmp_path / "long.docx")).core_properties.title
    assert len(kept) <= 255 and kept.endswith("қағидаларын…")
    assert title.startswith(kept[:-1])
    assert clipped(title[:255]) == title[:255]
