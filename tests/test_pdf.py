"""The PDF writer: a PDF for every version and language, its fonts, text, PDF/A metadata, pages,
running heads, bookmarks and trim box; identical bytes on a rebuild; locked-down resource loading;
the error when the serif font is missing.

Every version comes from the session's one build of the sample (`real_build`, tests/conftest.py)
and each PDF is parsed once (tests/pdfutil.py); the detailed checks read the latest version in
both languages and one earlier version.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from pypdf import PdfReader
from weasyprint import HTML

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.lang import codes
from generator.load import load_project
from generator.model import Annotated, Unit
from generator.writers.pdf import render_pdf
from generator.writers.shared.fonts import FontError
from generator.writers.shared.pdf import TemplateFetcher
from generator.writers.shared.templates import TEMPLATES
from tests.conftest import ROOT, legalgen, output, sample_dates
from tests.pdfutil import assert_only_the_serif_embedded, pdf_layout, pdf_reader, pdfa_claims

from .textutil import differing_passages, html_tree, similarity, words

LANGS = codes()

DATES = sample_dates()
VERSIONS = [(lang, date) for lang in LANGS for date in DATES]
SAMPLES = [("kk", DATES[-1]), ("ru", DATES[-1]), ("ru", DATES[1])]
A4 = (595.28, 841.89)
AUTO_HYPHEN = "\u2010"  # what WeasyPrint adds where it hyphenates a word; the text has "-"
XHTML = {"x": "http://www.w3.org/1999/xhtml"}


def ids(versions: list[tuple[str, dt.date]]) -> list[str]:
    return [f"{lang}-{date}" for lang, date in versions]


@pytest.fixture(scope="module")
def built(real_build) -> Path:
    return real_build




@functools.cache
def _annotated(lang: str, date: dt.date) -> Annotated:
    project = load_project(ROOT)
    return annotate(consolidate(project, lang, date), project)


# --- reading the PDF -------------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    text: str
    top: float
    bottom: float


@dataclass(frozen=True)
class Page:
    number: int
    words: list[Word]

    def line(self, at_top: bool) -> list[str]:
        edge = min(w.top for w in self.words) if at_top else max(w.bottom for w in self.words)
        return [w.text for w in self.words if (w.top if at_top else w.bottom) == edge]

    def body(self, running_head: list[str]) -> list[str]:
        """The words of the page area: without the running head line and the page number line."""
        head_top = min(w.top for w in self.words) if self.line(True) == running_head else None
        folio_bottom = max(w.bottom for w in self.words)
        return [w.text for w in self.words if w.top != head_top and w.bottom != folio_bottom]


@functools.cache
def pdf_pages(path: Path) -> list[Page]:
    """pdftotext's words with their boxes, in the order the PDF draws them (the HTML order)."""
    xml = subprocess.run(["pdftotext", "-bbox", "-raw", str(path), "-"],
                         capture_output=True, check=True).stdout
    pages = []
    for number, page in enumerate(lxml.etree.fromstring(xml).iterfind(".//x:page", XHTML), 1):
        pages.append(Page(number, [
            Word(word.text, float(word.get("yMin")), float(word.get("yMax")))
            for word in page.iterfind("x:word", XHTML)
        ]))
    return pages


def dehyphenate(tokens: list[str]) -> list[str]:
    """Join the parts of words that the layout hyphenated at a line end."""
    joined: list[str] = []
    carry = ""
    for token in tokens:
        if token.endswith(AUTO_HYPHEN):
            carry += token[:-1]
        else:
            joined.append(carry + token)
            carry = ""
    return joined


def running_head(lang: str, date: dt.date) -> list[str]:
    annotated = _annotated(lang, date)
    head = (f"{annotated.lang.act_name(annotated.version.document)} · "
            f"{annotated.lang.version_heading(date)}")
    return head.split()


def body_words(path: Path, lang: str, date: dt.date) -> list[list[str]]:
    head = running_head(lang, date)
    return [words(" ".join(dehyphenate(page.body(head)))) for page in pdf_pages(path)]


def find(sequence: list[str], tokens: list[str]) -> list[int]:
    """Every position where `sequence` occurs in `tokens`."""
    size = len(sequence)
    return [i for i in range(len(tokens) - size + 1) if tokens[i:i + size] == sequence]


def without_repeats(tokens: list[str], sequence: list[str]) -> list[str]:
    """`tokens` with every occurrence of `sequence` but the first removed."""
    result = list(tokens)
    for start in reversed(find(sequence, tokens)[1:]):
        del result[start:start + len(sequence)]
    return result


def table_headers(html: Path, role: str = "") -> list[list[str]]:
    heads = html_tree(html).xpath(f"//table[contains(@class, 'role-{role}')]/thead")
    return [words(head.text_content()) for head in heads]


def last_table_row(html: Path, role: str) -> list[str]:
    rows = html_tree(html).xpath(f"//table[contains(@class, 'role-{role}')]/tbody/tr")
    return words(rows[-1].text_content())


def is_landscape(page) -> bool:
    return page.mediabox.width > page.mediabox.height


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in document order."""
    entries = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return entries


def chars_outside_trim_box(path: Path) -> list[str]:
    """'page N: "c" at (x0, top, x1, bottom)' for every character not inside its page's TrimBox."""
    outside = []
    for page in pdf_layout(path):
        left, top, right, bottom = page.trimbox
        for char in page.chars:
            if not (left <= char.x0 and char.x1 <= right
                    and top <= char.top and char.bottom <= bottom):
                box = tuple(round(value, 1) for value in (char.x0, char.top, char.x1, char.bottom))
                outside.append(f"page {page.number}: {char.text!r} at {box}")
    return outside


# --- acceptance 1: every version, fonts, text ---------------------------------------------------

@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_every_version_embeds_only_the_serif(built: Path, lang: str, date: dt.date) -> None:
    path = output(built, lang, date, "pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    assert_only_the_serif_embedded(path)


@pytest.mark.parametrize(("lang", "date"), VERSIONS, ids=ids(VERSIONS))
def test_pdf_text_matches_the_html_text(built: Path, lang: str, date: dt.date) -> None:
    pdf, html = output(built, lang, date, "pdf"), output(built, lang, date, "html")
    shown = [token for page in body_words(pdf, lang, date) for token in page]
    # The PDF repeats each table's header rows on every page the table spans; the HTML once.
    for header in table_headers(html):
        shown = without_repeats(shown, header)
    expected = words(html_tree(html).text_content())
    ratio = similarity(expected, shown)
    assert ratio >= 0.99, f"{ratio:.4f}\n{differing_passages(expected, shown)}"


# --- acceptance 2: PDF/A, metadata, pages, numbers, bookmarks ------------------------------------

@pytest.mark.parametrize(("lang", "date"), SAMPLES, ids=ids(SAMPLES))
def test_xmp_declares_pdfa_3b(built: Path, lang: str, date: dt.date) -> None:
    reader = pdf_reader(output(built, lang, date, "pdf"))
    assert pdfa_claims(reader) == [("3", "B")]
    assert reader.pdf_header == "%PDF-1.7"


@pytest.mark.parametrize(("lang", "date"), SAMPLES, ids=ids(SAMPLES))
def test_metadata_names_title_language_author_subject(built: Path, lang: str,
                                                      date: dt.date) -> None:
    reader = pdf_reader(output(built, lang, date, "pdf"))
    annotated = _annotated(lang, date)
    info = reader.metadata
    assert info.title == annotated.title
    assert info.author == annotated.adoption_line
    assert info.subject == annotated.lang.version_heading(date)
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert info["/CreationDate"].startswith(f"D:{date:%Y%m%d}")


@pytest.mark.parametrize(("lang", "date"), SAMPLES, ids=ids(SAMPLES))
def test_every_page_is_a4_and_the_action_plan_section_landscape(built: Path, lang: str,
                                                                date: dt.date) -> None:
    reader = pdf_reader(output(built, lang, date, "pdf"))
    for page in reader.pages:
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert size == pytest.approx(A4, abs=0.1)
    first, after = _action_plan_pages(reader, lang, date)
    landscape = [index for index, page in enumerate(reader.pages) if is_landscape(page)]
    assert landscape == list(range(first, after))


def _action_plan_section(lang: str, date: dt.date) -> Unit:
    version = _annotated(lang, date).version
    return next(unit for unit in version.walk() if unit.kind == "section"
                and any(child.role == "action_plan" for child in unit.children))


def _action_plan_pages(reader: PdfReader, lang: str, date: dt.date) -> tuple[int, int]:
    """The page index where the action-plan section starts and where the next bookmark starts."""
    section = _action_plan_section(lang, date)
    entries = outline(reader)
    position = next(i for i, (_, title, _) in enumerate(entries) if section.heading in title)
    return entries[position][2], entries[position + 1][2]


@pytest.mark.parametrize(("lang", "date"), SAMPLES, ids=ids(SAMPLES))
def test_action_plan_header_repeats_on_each_of_its_pages(built: Path, lang: str,
                                                         date: dt.date) -> None:
    path = output(built, lang, date, "pdf")
    first, after = _action_plan_pages(pdf_reader(path), lang, date)
    html = output(built, lang, date, "html")
    header = table_headers(html, "action_plan")[0]
    last_row = last_table_row(html, "action_plan")
    pages = body_words(path, lang, date)
    last = max(i for i in range(first, after) if find(last_row, pages[i]))
    for index in range(first, last + 1):
        assert find(header, pages[index]), f"page {index + 1} lacks the table header"


@pytest.mark.parametrize(("lang", "date"), SAMPLES, ids=ids(SAMPLES))
def test_every_page_carries_its_number_and_the_running_head(built: Path, lang: str,
                                                            date: dt.date) -> None:
    pages = pdf_pages(output(built, lang, date, "pdf"))
    head = running_head(lang, date)
    for page in pages:
        assert page.line(at_top=False) == [str(page.number)]
        if page.number > 1:
            assert page.line(at_top=True) == head, f"page {page.number}"
    assert pages[0].line(at_top=True) != head


@pytest.mark.parametrize(("lang", "date"), SAMPLES, ids=ids(SAMPLES))
def test_outline_has_the_resolution_each_section_and_appendix(built: Path, lang: str,
                                                              date: dt.date) -> None:
    annotated = _annotated(lang, date)
    version = annotated.version
    entries = outline(pdf_reader(output(built, lang, date, "pdf")))
    attachment = next(unit for unit in version.units if unit.kind == "attachment")
    parts = [unit for unit in attachment.children if unit.kind in ("section", "appendix")
             and unit.uid not in version.excluded]
    assert [(level, title) for level, title, _ in entries[:2]] == [
        (0, annotated.title), (0, attachment.heading)]
    assert len(entries) == 2 + len(parts)
    for (level, title, _), unit in zip(entries[2:], parts, strict=True):
        assert level == 1
        assert unit.heading in title and unit.label.strip().rstrip(".") in title, title
    pages = [page for _, _, page in entries]
    assert pages == sorted(pages)


# --- acceptance 3: nothing outside the trim box -------------------------------------------------

@pytest.mark.parametrize(("lang", "date"), SAMPLES, ids=ids(SAMPLES))
def test_no_character_outside_the_trim_box(built: Path, lang: str, date: dt.date) -> None:
    outside = chars_outside_trim_box(output(built, lang, date, "pdf"))
    assert not outside, "\n".join(outside[:20])


def test_trim_box_check_sees_text_off_the_page(tmp_path: Path) -> None:
    path = tmp_path / "off.pdf"
    HTML(string='<p>inside</p><p style="margin-left: 230mm; white-space: nowrap">outside</p>'
         ).write_pdf(path)
    outside = chars_outside_trim_box(path)
    assert "".join(line.split("'")[1] for line in outside) == "outside"


def _resolution_only(lang: str) -> Annotated:
    """The latest version with the programme left out: quick to lay out."""
    project = load_project(ROOT)
    annotated = annotate(consolidate(project, lang, DATES[-1]), project)
    annotated.version.units = [u for u in annotated.version.units if u.kind != "attachment"]
    return annotated


def test_a_character_the_serif_lacks_stops_the_pdf() -> None:
    annotated = _resolution_only("ru")
    unit = next(unit for unit in annotated.version.walk() if unit.kind == "paragraph")
    unit.text = f"{unit.text} \u2603"
    with pytest.raises(FontError, match="U\\+2603"):
        render_pdf(annotated)


# --- acceptance 4: the same input gives the same bytes -------------------------------------------

def test_rebuilding_gives_identical_bytes(built: Path) -> None:
    lang, date = SAMPLES[0]
    assert render_pdf(_annotated(lang, date)) == output(built, lang, date, "pdf").read_bytes()


# --- acceptance 5: resource loading locked down --------------------------------------------------

HOSTILE = ('<img src="file:///etc/passwd"> <link rel="stylesheet" href="http://example.com/x.css"> '
           '<span style="background: url(file:///etc/hostname)">x</span> '
           '<style>@import url("data:text/css,p{color:red}");</style>')


class RecordingFetcher(TemplateFetcher):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None):
        self.asked.append(url)
        if self.local_path(url) is None:
            self.refused.append(url)
        return super().fetch(url, headers)


def test_markup_in_content_is_inert_text_and_never_fetched() -> None:
    annotated = _resolution_only("kk")
    unit = next(unit for unit in annotated.version.walk() if unit.kind == "paragraph")
    unit.text = f"{unit.text} {HOSTILE}"
    fetcher = RecordingFetcher()
    data = render_pdf(annotated, fetcher=fetcher)
    assert fetcher.asked and not fetcher.refused, fetcher.asked
    assert all(Path(url.removeprefix("file://")).is_relative_to(TEMPLATES.resolve())
               for url in fetcher.asked), fetcher.asked
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
    assert re.sub(r"\s", "", HOSTILE) in re.sub(r"\s", "", text)


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    f"{TEMPLATES.resolve().as_uri()}/../__init__.py",
    f"{TEMPLATES.resolve().as_uri()}/missing.css",
    "http://example.com/style.css",
    "https://example.com/font.ttf",
    "data:text/css,p{color:red}",
    "ftp://example.com/x",
])
def test_fetcher_refuses_everything_outside_templates(url: str) -> None:
    with pytest.raises(OSError, match="refused"):
        TemplateFetcher().fetch(url)


def test_fetcher_serves_the_print_stylesheet() -> None:
    response = TemplateFetcher().fetch(f"{TEMPLATES.resolve().as_uri()}/print.css")
    assert response.read() == (TEMPLATES / "print.css").read_bytes()
    assert response.content_type == "text/css"


def test_markup_that_would_load_resources_is_refused_by_the_fetcher() -> None:
    """Were a template to reference outside files, WeasyPrint asks the fetcher, which refuses."""
    fetcher = RecordingFetcher()
    HTML(string=f"<html><head>{HOSTILE}</head><body><p>x</p></body></html>",
         base_url=TEMPLATES.resolve().as_uri() + "/", url_fetcher=fetcher).write_pdf()
    assert set(fetcher.refused) == {"file:///etc/passwd", "http://example.com/x.css",
                                    "file:///etc/hostname", "data:text/css,p{color:red}"}


# --- the font check ------------------------------------------------------------------------------

def _fontconfig(folder: Path, fonts: list[Path]) -> Path:
    """A fontconfig setup that sees only `fonts`."""
    fonts_dir = folder / "fonts"
    fonts_dir.mkdir()
    for font in fonts:
        shutil.copy(font, fonts_dir)
    config = folder / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{fonts_dir}</dir>'
                      f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n")
    return config


@pytest.mark.parametrize("fonts", [[], ["LiberationSans-Regular.ttf"]], ids=["none", "sans"])
def test_missing_serif_stops_the_build_naming_the_package(tmp_path: Path, fonts: list[str]) -> None:
    installed = Path("/usr/share/fonts/truetype/liberation2")
    config = _fontconfig(tmp_path, [installed / name for name in fonts])
    out = tmp_path / "out"
    env = {"PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(config), "HOME": str(tmp_path)}
    result = legalgen("build", "--format", "html,pdf", "--out", str(out), env=env)
    assert result.returncode == 3, result.stderr
    assert "error:" in result.stderr and "fonts-liberation2" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists(), "nothing is written when the font is missing"
