"""What a publisher checks in Word files: the version DOCX's running head, contents with page
numbers once LibreOffice lays the pages out, no page ending with a lead-in, a heading or the
status line, reasons in the document's language; the redline
DOCX's summary of changed units, its landscape plan with whole header words, no page of it
ending with a lead-in, a heading or a status line (widow control off in the redline only, which
LibreOffice needs to keep a lead-in with its next paragraph), and each tracked change authored
by the one act that made it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.annotate import annotate
from generator.consolidate import consolidate, timeline
from generator.diff import diff_versions
from generator.lang import codes
from generator.load import load_project
from generator.writers.docx.redline import render_diff_docx
from generator.writers.docx.version import render_docx
from tests.conftest import ROOT, output, sample_dates
from tests.test_print_quality import (
    VERSIONS,
    _annotated,
    ids,
    lead_ins,
    printed_pages,
    split_pieces,
    stranded_lines,
)

from .fixtureutil import FIXTURE
from .test_pdf import running_head
from .textutil import words

LANGS = codes()

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KAZAKH_ONLY = set("әғқңөұүһі")
FIRST, EARLIER, LATEST = sample_dates()[0], sample_dates()[1], sample_dates()[-1]


def _part(path: Path | bytes, name: str) -> etree._Element:
    data = path.read_bytes() if isinstance(path, Path) else path
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def _texts(node: etree._Element) -> str:
    """The shown text, a no-break hyphen as a hyphen."""
    return "".join("-" if t.tag == f"{W}noBreakHyphen" else t.text or ""
                   for t in node.iter(f"{W}t", f"{W}noBreakHyphen"))


def pdf_text(path: Path, first: int = 1, last: int = 999) -> str:
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-layout", str(path),
                           "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def word_files(real_build_without_pdf: Path, real_redlines: dict[str, Path],
               office_pdfs: dict[Path, Path]) -> dict[str, Path]:
    """The latest version DOCX in both languages and the whole-history redlines, with their
    LibreOffice PDFs."""
    files = {}
    for lang in LANGS:
        files[f"version-{lang}"] = output(real_build_without_pdf, lang, LATEST, "docx")
        files[f"redline-{lang}"] = real_redlines[lang]
        assert real_redlines[lang].name == f"{FIRST}__{LATEST}.docx"
    files.update({f"{key}.pdf": office_pdfs[path] for key, path in list(files.items())})
    return files


# --- the version DOCX ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_contents_page_numbers_show_without_a_field_update(word_files: dict[str, Path],
                                                               lang: str) -> None:
    # Word is not asked to update the fields on opening: their stored results are the pages.
    settings = _part(word_files[f"version-{lang}"], "word/settings.xml")
    assert settings.find(f"{W}updateFields") is None
    first_page = pdf_text(word_files[f"version-{lang}.pdf"], 1, 2)
    entries = [line for line in first_page.splitlines() if re.search(r"\.{5,}", line)]
    numbers = [int(m.group(1)) for line in entries if (m := re.search(r"\.{5,}\s*(\d+)\s*$", line))]
    # Every entry that ends a contents line carries its page, in reading order.
    assert len(numbers) >= 8 and numbers == sorted(numbers) and numbers[-1] > 20


@pytest.mark.parametrize("lang", LANGS)
def test_the_running_head_of_the_pdf_heads_every_docx_page(word_files: dict[str, Path],
                                                         lang: str) -> None:
    head = running_head(lang, LATEST)
    pages = pdf_text(word_files[f"version-{lang}.pdf"]).split("\f")[:-1]
    assert len(pages) > 20
    firsts = [next(line for line in page.splitlines() if line.strip()) for page in pages]
    # The title page has none.
    assert firsts[0].split() != head
    for number, first in enumerate(firsts[1:], 2):
        assert first.split() == head, f"page {number}"


@pytest.mark.parametrize("lang", LANGS)
def test_reconstruction_comments_speak_the_document_language(real_build_without_pdf: Path,
                                                             lang: str) -> None:
    comments = _part(output(real_build_without_pdf, lang, EARLIER, "docx"), "word/comments.xml")
    texts = [_texts(comment) for comment in comments.iter(f"{W}comment")]
    assert texts
    for text in texts:
        assert not re.search(r"[A-Za-z]{3}", text), text
        assert bool(set(text) & KAZAKH_ONLY) == (lang == "kk"), text


@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_no_docx_page_ends_with_a_lead_in_or_the_status_line(real_build_without_pdf: Path,
                                                            office_pdfs: dict[Path, Path],
                                                            lang: str, date: dt.date) -> None:
    """Every version DOCX as LibreOffice lays it out: no page but the last ends with a heading,
    a group row, a lead-in ending in ":" or the status line, as in the PDF."""
    annotated = _annotated(lang, date)
    assert lead_ins(annotated), "the sample has lead-ins ending in ':'"
    pages = printed_pages(office_pdfs[output(real_build_without_pdf, lang, date, "docx")])
    assert len(pages) > 20
    assert not stranded_lines(pages, annotated)


# --- the redline DOCX ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_redline_summary_lists_every_changed_unit(real_redlines: dict[str, Path],
                                                  lang: str) -> None:
    project = load_project(ROOT)
    diff = diff_versions(project, lang, FIRST, LATEST)
    body = _part(real_redlines[lang], "word/document.xml").find(f"{W}body")
    summary = body.find(f"{W}tbl")
    title = next(p for p in body.iter(f"{W}p")
                 if p.find(f"{W}pPr/{W}pStyle[@{W}val='Title']") is not None)
    assert list(body).index(summary) < list(body).index(title)
    rows = [[_texts(cell).replace("\u00a0", " ") for cell in row.iter(f"{W}tc")]
            for row in summary.iter(f"{W}tr")]
    lang_ = diff.lang
    assert rows[0] == [lang_.phrase(k) for k in
                       ("diff_unit", "diff_change", "diff_acts", "diff_in_force")]
    assert len(rows) - 1 == len(diff.changes) > 30
    for row, change in zip(rows[1:], diff.changes, strict=True):
        assert row[0] == change.name
        # Worded as the HTML summary words it: agreeing with the unit ("утратило силу").
        assert row[1] == diff.change_word(change)
        assert row[2] == "; ".join(diff.act_names(change.acts))
        assert all(f"{item.in_force:%d.%m.%Y}" in row[3] for item in change.acts)


@pytest.mark.parametrize("lang", LANGS)
def test_redline_plan_is_landscape_with_whole_header_words(word_files: dict[str, Path],
                                                           lang: str) -> None:
    pdf = word_files[f"redline-{lang}.pdf"]
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    sizes = [tuple(float(v) for v in line.split("size:")[1].split("pts")[0].split(" x "))
             for line in info.splitlines() if line.startswith("Page") and "size:" in line]
    landscape = [index + 1 for index, (width, height) in enumerate(sizes) if width > height]
    assert len(landscape) >= 3
    project = load_project(ROOT)
    plan = next(u for u in diff_versions(project, lang, FIRST, LATEST).new.version.walk()
                if u.role == "action_plan")
    header_words = set(words(" ".join(str(v) for v in plan.header[0])))
    broken = {head[:k] for head in header_words for k in range(3, len(head))} - header_words
    plan_pages = 0
    for page in landscape:
        lines = pdf_text(pdf, page, page).splitlines()
        numbers = [i for i, line in enumerate(lines) if line.split() == list("1234567")]
        if not numbers:
            continue  # the notes after the table
        plan_pages += 1
        # The header rows stand above the row of column numbers: every word whole.
        shown = words("\n".join(lines[:numbers[0]]))
        assert header_words <= set(shown), f"page {page}: {sorted(header_words - set(shown))}"
        assert not set(shown) & broken, f"page {page}: {sorted(set(shown) & broken)}"
    assert plan_pages >= 3


def test_each_tracked_change_is_authored_by_the_act_that_made_it() -> None:
    project = load_project(FIXTURE)
    dates = [date for date, _ in timeline(project)]
    diff = diff_versions(project, "kk", dates[0], dates[-1])
    body = _part(render_diff_docx(diff), "word/document.xml")
    authored = set()
    for mark in body.iter(f"{W}ins", f"{W}del"):
        text = "".join(t.text or "" for t in mark.iter(f"{W}t", f"{W}delText")).strip()
        if text:
            authored.add((text, mark.get(f"{W}author")))
    names = {number: next(name for _, name in authored
                          if f"№ {number} " in f"{name} " and ";" not in name)
             for number in ("845", "1310", "1020")}
    # Paragraph 4 (No 845, then No 1310) and the subsection's point (No 1020, then No 845).
    assert ("Ұлттық экономика", names["845"]) in authored
    assert ("және Қызылорда облысының әкімдігіне", names["1310"]) in authored
    assert ("Инженерлік, көлік", names["1020"]) in authored
    assert ("жаңғырту және", names["845"]) in authored
    # The note naming two acts stays authored by both.
    assert any(text.startswith("Ескерту.") and ";" in name for text, name in authored)


@pytest.mark.parametrize("lang", LANGS)
def test_no_redline_page_ends_with_a_lead_in_or_the_status_line(word_files: dict[str, Path],
                                                                lang: str) -> None:
    """The redline as LibreOffice lays it out, as the version DOCX: no page but the last ends
    with a heading, a group row, a lead-in ending in ":" or a status line of either version.
    With widow control on, LibreOffice left the lead-in on page 18 alone at the page's foot,
    though it keeps with the next paragraph."""
    earlier, later = _annotated(lang, FIRST), _annotated(lang, LATEST)
    assert lead_ins(earlier) and lead_ins(later), "the sample has lead-ins ending in ':'"
    pages = printed_pages(word_files[f"redline-{lang}.pdf"])
    assert len(pages) > 20
    stranded = set(stranded_lines(pages, earlier)) | set(stranded_lines(pages, later))
    assert not stranded, sorted(stranded)


def _widow_controls(data: bytes) -> list[str]:
    """The value of every widow control the styles and paragraphs of a DOCX set."""
    settings = [node for part in ("word/styles.xml", "word/document.xml")
                for node in _part(data, part).iter(f"{W}widowControl")]
    return [node.get(f"{W}val", "1") for node in settings]


def test_the_redline_turns_widow_control_off_and_the_version_keeps_it() -> None:
    """The redline turns widow control off for the whole document, in its default paragraph
    properties and nowhere back on; the version leaves it to the viewer's default, which is on."""
    project = load_project(FIXTURE)
    dates = [date for date, _ in timeline(project)]
    redline = render_diff_docx(diff_versions(project, "kk", dates[0], dates[-1]))
    defaults = _part(redline, "word/styles.xml").find(
        f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}widowControl")
    assert defaults is not None and defaults.get(f"{W}val") == "0"
    assert set(_widow_controls(redline)) == {"0"}
    version = render_docx(annotate(consolidate(project, "kk", dates[-1]), project))
    assert not set(_widow_controls(version)) & {"0", "false", "off"}


@pytest.mark.parametrize("kind", ["version", "redline"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_number_or_label_is_broken_across_lines_in_libreoffice(word_files: dict[str, Path],
                                                                  lang: str, kind: str) -> None:
    """The version and the redline DOCX, as LibreOffice lays them out: no number, range, "№ N"
    or "N-қосымша" split at a line end."""
    pages = printed_pages(word_files[f"{kind}-{lang}.pdf"])
    broken = {page.number: split_pieces(page.words) for page in pages}
    assert not {number: pairs for number, pairs in broken.items() if pairs}
