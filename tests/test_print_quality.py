"""What a publisher checks on the printed pages of every version, in both languages (pdfplumber):
pagination (no group row, heading or note stranded; the programme and each appendix on a new
page), unbroken numbers and appendix labels, nothing past the margins; the typography helpers.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.lang import codes, language
from generator.load import load_project
from generator.model import Annotated, spec_of
from generator.model.tables import heading_text
from generator.writers.pdf import render_pdf
from generator.writers.shared.templates import TEMPLATES, document_html, typeset
from generator.writers.shared.typography import NO_BREAK_HYPHEN, NO_BREAK_SPACE, bind
from tests.conftest import ROOT, output, sample_dates
from tests.pdfutil import pdf_layout

from .fixtureutil import FIXTURE

LANGS = codes()

DATES = sample_dates()
VERSIONS = [(lang, date) for lang in LANGS for date in DATES]
MM = 72 / 25.4
# The page margins of style.css: (top, right, bottom, left) in points.
PORTRAIT_MARGINS = (20 * MM, 15 * MM, 20 * MM, 25 * MM)
LANDSCAPE_MARGINS = (15 * MM, 15 * MM, 15 * MM, 15 * MM)
SLACK = 1.5
AUTO_HYPHEN = "\u2010"
UNIT_WORDS = ("%", "млн", "млрд", "мың", "тыс")


def ids(versions: list[tuple[str, dt.date]]) -> list[str]:
    return [f"{lang}-{date}" for lang, date in versions]


@functools.cache
def _annotated(lang: str, date: dt.date) -> Annotated:
    project = load_project(ROOT)
    return annotate(consolidate(project, lang, date), project)


def norm(text: str) -> str:
    return " ".join(text.replace(NO_BREAK_SPACE, " ").split())


@dataclass(frozen=True)
class PrintedLine:
    text: str
    top: float
    bottom: float
    bold: bool


@dataclass(frozen=True)
class PrintedPage:
    number: int
    landscape: bool
    lines: list[PrintedLine]
    words: list[dict]


def printed_pages(path: Path) -> list[PrintedPage]:
    """Each page's lines and words inside the page area (no running head, no page number)."""
    pages = []
    for page in pdf_layout(path):
        landscape = page.width > page.height
        top, _, bottom, _ = LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS

        def inside(item_top: float, item_bottom: float, top: float = top, bottom: float = bottom,
                   height: float = page.height) -> bool:
            return item_top >= top - SLACK and item_bottom <= height - bottom + SLACK

        lines = [PrintedLine(norm(line.text), line.top, line.bottom,
                             all("Bold" in font for font in line.fonts))
                 for line in page.lines if inside(line.top, line.bottom)]
        words = [w for w in page.words if inside(w["top"], w["bottom"])]
        pages.append(PrintedPage(page.number, landscape, lines, words))
    return pages


def _pdf(built: Path, lang: str, date: dt.date) -> list[PrintedPage]:
    return printed_pages(output(built, lang, date, "pdf"))


def keep_with_next_texts(annotated: Annotated) -> list[str]:
    """The texts that must not end a page: headings and group rows."""
    texts = []
    for unit in annotated.version.walk():
        if unit.uid in annotated.exclusions:
            continue
        if unit.kind in ("section", "subsection", "chapter", "appendix", "attachment"):
            texts.append(norm(heading_text(unit)))
        elif unit.kind == "group":
            texts.append(norm(unit.text or ""))
    return [text for text in texts if text]


def note_starts(annotated: Annotated) -> list[str]:
    return [annotated.lang.note_word, annotated.lang.phrase("reconstructed")]


# --- acceptance 1: pagination --------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_no_page_ends_with_a_heading_or_a_group_row(real_build: Path, lang: str,
                                                     date: dt.date) -> None:
    stranded = keep_with_next_texts(_annotated(lang, date))
    pages = _pdf(real_build, lang, date)
    for page in pages[:-1]:
        last = page.lines[-1]
        assert not (last.bold and any(last.text in text for text in stranded)), (
            f"page {page.number} ends with {last.text!r}")


@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_no_note_opens_a_page_away_from_its_unit(real_build: Path, lang: str,
                                                  date: dt.date) -> None:
    starts = note_starts(_annotated(lang, date))
    for page in _pdf(real_build, lang, date)[1:]:
        texts = [line.text for line in page.lines]
        # On the action plan's pages the repeated header rows come first: then the first row.
        first = texts[texts.index("1 2 3 4 5 6 7") + 1] if "1 2 3 4 5 6 7" in texts else texts[0]
        assert not first.startswith(tuple(starts)), f"page {page.number} opens with {first!r}"


@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_the_programme_and_each_appendix_open_a_page(real_build: Path, lang: str,
                                                     date: dt.date) -> None:
    annotated = _annotated(lang, date)
    openings = [page.lines[0].text for page in _pdf(real_build, lang, date)]
    stamped = [unit for unit in annotated.version.walk()
               if unit.kind in ("attachment", "appendix") and unit.uid not in annotated.exclusions]
    assert len(stamped) == 3
    for unit in stamped:
        stamp = norm(" ".join(unit.stamp or []))
        assert any(stamp.startswith(line) and len(line) >= 8 for line in openings), (
            f"{unit.uid}: no page opens with {stamp[:40]!r}")


# --- acceptance 2: numbers and appendix labels on one line ---------------------------------------

def split_pieces(words: list[dict]) -> list[str]:
    """Pairs of consecutive words on two lines that break a number, a unit, "№ N" or "N-…"."""
    found = []
    for first, second in zip(words, words[1:], strict=False):
        if second["top"] < first["bottom"] - 1:
            continue  # not the next line of the same text
        a, b = first["text"], second["text"]
        breaks = (
            (a[-1:].isdigit() and re.match(r"\d{3}(?!\d)", b) is not None)
            or (a[-1:].isdigit() and b.startswith(UNIT_WORDS))
            or a.endswith("№")
            or re.search(rf"\d[-{AUTO_HYPHEN}]$", a) is not None
            or (re.search(r"\d$", a) is not None and b.startswith("-"))
        )
        if breaks:
            found.append(f"{a} / {b}")
    return found


@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_no_number_or_appendix_label_is_broken_across_lines(real_build: Path, lang: str,
                                                            date: dt.date) -> None:
    broken = {page.number: split_pieces(page.words) for page in _pdf(real_build, lang, date)}
    assert not {page: pairs for page, pairs in broken.items() if pairs}


def test_the_split_check_sees_a_broken_number() -> None:
    words = [{"text": "6", "top": 0, "bottom": 10}, {"text": "000,0", "top": 12, "bottom": 22},
             {"text": "1-", "top": 24, "bottom": 34}, {"text": "қосымша", "top": 36, "bottom": 46},
             {"text": "6", "top": 36, "bottom": 46}, {"text": "000,0", "top": 36, "bottom": 46}]
    assert split_pieces(words) == ["6 / 000,0", "1- / қосымша"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_of_contents_names_the_appendices(real_build: Path, lang: str) -> None:
    annotated = _annotated(lang, DATES[-1])
    contents = " ".join(line.text for line in _pdf(real_build, lang, DATES[-1])[0].lines)
    for unit in annotated.version.walk():
        if unit.kind == "appendix":
            name = annotated.lang.unit_name(unit)
            assert f"{name[:1].upper()}{name[1:]}. {unit.heading[:20]}" in contents


# --- acceptance 3: nothing past the margins ------------------------------------------------------

def outside_margins(path: Path) -> list[str]:
    """Characters past the right (or left) margin and lines or boxes off the page."""
    found = []
    for page in pdf_layout(path):
        _, right, _, left = LANDSCAPE_MARGINS if page.width > page.height else PORTRAIT_MARGINS
        for char in page.chars:
            if char.x1 > page.width - right + SLACK or char.x0 < left - SLACK:
                found.append(f"page {page.number}: {char.text!r} at {char.x0:.0f}")
        for edge in page.edges:
            if edge.x0 < left - SLACK or edge.x1 > page.width - right + SLACK:
                found.append(f"page {page.number}: a cell edge at {edge.x0:.0f}-{edge.x1:.0f}")
    return found


@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_every_character_and_cell_stays_inside_the_margins(real_build: Path, lang: str,
                                                          date: dt.date) -> None:
    outside = outside_margins(output(real_build, lang, date, "pdf"))
    assert not outside, "\n".join(outside[:20])


@pytest.mark.full  # lays out a 20,000-letter word on pages of its own
def test_an_overlong_word_wraps_inside_the_margins(tmp_path: Path) -> None:
    project = load_project(FIXTURE)
    annotated = annotate(consolidate(project, "kk", project.adoption_date), project)
    long_word = "қ" * 20_000
    paragraph = next(unit for unit in annotated.version.walk() if unit.kind == "paragraph")
    paragraph.text = f"{paragraph.text} {long_word}"
    row = next(unit for unit in annotated.version.walk() if unit.kind == "row")
    row.cells = [long_word[:3000], *(row.cells or [])[1:]]
    path = tmp_path / "long.pdf"
    path.write_bytes(render_pdf(annotated))
    assert not outside_margins(path)
    shown = sum(char.text.count("қ") for page in pdf_layout(path) for char in page.chars)
    assert shown >= 23_000


# --- the typography helpers and the page's classes -----------------------------------------------

@pytest.mark.parametrize(("text", "bound"), [
    ("6 000,0 млн. теңге", "6\u00a0000,0\u00a0млн. теңге"),
    ("6,0 %-дан", "6,0\u00a0%\u2011дан"),
    ("Бағдарламаға 1-қосымша", "Бағдарламаға 1\u2011қосымша"),
    ("№ 683 қаулысымен", "№\u00a0683 қаулысымен"),
    ("1 526 113 адам", "1\u00a0526\u00a0113 адам"),
    ("2012 – 2020 жылдарға", "2012 – 2020 жылдарға"),
    ("07.11.2013 № 1169", "07.11.2013 №\u00a01169"),
    ("сомасының 50-60 %, кірістердің", "сомасының 50\u201160\u00a0%, кірістердің"),
])
def test_bind_joins_numbers_units_and_labels(text: str, bound: str) -> None:
    kazakh = language("kk")
    assert bind(text, kazakh) == bound
    assert bind(text, kazakh).replace(NO_BREAK_SPACE, " ").replace(NO_BREAK_HYPHEN, "-") == text


def test_typeset_wraps_pieces_in_no_wrap_spans_and_escapes() -> None:
    assert str(typeset("<b> 6 000,0 млн.", language("kk"))) == (
        '&lt;b&gt; <span class="nobr">6 000,0 млн.</span>')


def test_numeric_cells_are_right_aligned_and_passport_notes_are_plain() -> None:
    html = document_html(_annotated("kk", DATES[1])).replace(NO_BREAK_SPACE, " ")
    assert '<td class="number"><span class="nobr">1 526 113</span></td>' in html
    css = (TEMPLATES / "style.css").read_text(encoding="utf-8")
    assert "table.role-passport tr.row > td:first-child { font-weight: bold; }" in css
    assert "td:first-child { font-weight: bold" not in css.replace("tr.row > td", "")


# --- issue 25: nothing that leads on ends a page; the totals as the source prints them ---------

def lead_ins(annotated: Annotated) -> list[str]:
    """Texts that lead into what follows them ("… as follows:", "Note:"), outside tables."""
    return [norm(unit.text or "") for unit in annotated.version.walk()
            if not spec_of(unit).in_table and unit.uid not in annotated.exclusions
            and (unit.text or "").rstrip().endswith(":")]


def stranded_lines(pages: list[PrintedPage], annotated: Annotated) -> list[str]:
    """The pages (but the last) whose last line is a heading, the end of a lead-in or the
    document's status line."""
    headings = keep_with_next_texts(annotated)
    leading = lead_ins(annotated)
    status = norm(annotated.status or "")
    found = []
    for page in pages[:-1]:
        if not page.lines:
            continue
        last = page.lines[-1].text
        if (page.lines[-1].bold and any(last in text for text in headings)) or (
                last.endswith(":") and any(text.endswith(last) for text in leading)) or (
                status and last == status):
            found.append(f"page {page.number}: {last!r}")
    return found


@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_no_page_ends_with_a_lead_in_or_the_status_line(real_build: Path, lang: str,
                                                        date: dt.date) -> None:
    annotated = _annotated(lang, date)
    assert lead_ins(annotated), "the sample has lead-ins ending in ':'"
    assert not stranded_lines(_pdf(real_build, lang, date), annotated)


def test_the_stranded_check_sees_a_lead_in_at_a_page_foot() -> None:
    annotated = _annotated("kk", DATES[-1])
    lead = lead_ins(annotated)[0]
    pages = [PrintedPage(1, False, [PrintedLine(lead[-30:], 0, 10, False)], []),
             PrintedPage(2, False, [PrintedLine("text", 0, 10, False)], [])]
    assert stranded_lines(pages, annotated) == [f"page 1: {lead[-30:]!r}"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_totals_block_prints_a_year_without_a_figure_as_the_source(real_build: Path,
                                                                       lang: str) -> None:
    """'2016-2020 жылдар –', never '2016-2020 жыл – –'."""
    text = " ".join(line.text for page in _pdf(real_build, lang, DATES[-2]) for line in page.lines)
    assert "– –" not in text
    span = language(lang).amount_year("2016-2020")
    assert f"{span} –" in text and span != language(lang).amount_year(2016).replace(
        "2016", "2016-2020")


@pytest.mark.parametrize("lang", LANGS)
def test_a_version_with_reconstructed_text_says_so_on_its_title_page(real_build: Path,
                                                                    lang: str) -> None:
    phrase = norm(language(lang).phrase("contains_reconstructed"))
    for date in DATES:
        first = " ".join(line.text for line in _pdf(real_build, lang, date)[0].lines)
        shows = bool(_annotated(lang, date).reconstruction_reasons())
        assert (phrase[:40] in first) == shows, date


@pytest.mark.parametrize("lang", LANGS)
def test_body_text_is_hyphenated_where_the_language_has_patterns(real_build: Path,
                                                                 lang: str) -> None:
    """Russian body text breaks words with hyphens at line ends (Pyphen's patterns); Kazakh,
    which no maintained package has patterns for, is set ragged-right and never hyphenated."""
    hyphenated = [word["text"] for page in _pdf(real_build, lang, DATES[-2])
                  for word in page.words if word["text"].endswith(AUTO_HYPHEN)]
    assert bool(hyphenated) == language(lang).hyphenation, hyphenated[:5]


def test_the_notes_after_the_action_plan_are_one_size(real_build: Path) -> None:
    with pdfplumber.open(output(real_build, "kk", DATES[-2], "pdf")) as pdf:
        page = next(page for page in pdf.pages if "Аббревиатуралардың" in (page.extract_text()
                                                                           or ""))
        sizes = {round(char["size"], 1) for char in page.chars
                 if char["top"] > PORTRAIT_MARGINS[0] and char["text"].strip()
                 and char["top"] < page.height - LANDSCAPE_MARGINS[2]}
    assert len(sizes) == 1, sizes
