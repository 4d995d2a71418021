"""End to end: `legalgen act` on each of the sample's four records writes the act in Kazakh and
Russian as HTML, PDF/A-3b (the serif embedded) and DOCX (which LibreOffice opens); the PDF holds
every instruction; `legalgen act --check` passes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.draft import draft_act
from generator.load import load_project
from generator.model.act_text import plain_lines
from tests.conftest import ROOT, legalgen
from tests.fixtureutil import copy_fixture
from tests.pdfutil import assert_only_the_serif_embedded, pdf_reader, pdfa_claims
from tests.test_print_quality import printed_pages, split_pieces

RECORDS = sorted(path.name for path in (ROOT / "amendments").glob("*.yaml"))
LANGS = ("kk", "ru")


@pytest.fixture(scope="module")
def acts_out(real_acts: Path) -> Path:
    return real_acts


def stem(record: str) -> str:
    return record.removesuffix(".yaml")


def squash(text: str) -> str:
    """Text with hyphenation at line ends undone (the renderer's hyphen, U+2010) and all
    whitespace removed."""
    return re.sub(r"\u2010\s*|\s+", "", text)


def test_the_sample_has_four_records():
    assert len(RECORDS) == 4


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_format_is_written(acts_out, record, lang):
    for ext in ("html", "pdf", "docx"):
        path = acts_out / lang / f"{stem(record)}.{ext}"
        assert path.is_file() and path.stat().st_size > 0, path


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_pdfa_3b_with_the_serif_embedded(acts_out, record, lang):
    path = acts_out / lang / f"{stem(record)}.pdf"
    assert pdfa_claims(pdf_reader(path)) == [("3", "B")]
    assert_only_the_serif_embedded(path)


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_text_holds_every_instruction(acts_out, record, lang):
    project = load_project(ROOT)
    act = next(item for item in project.acts if item.path.endswith(record))
    text = draft_act(project, act, lang)
    pdf = subprocess.run(["pdftotext", str(acts_out / lang / f"{stem(record)}.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    shown = squash(pdf)
    expected = [f"{line.marker} {line.text}" for line in text.instructions()]
    expected += [text.title, text.points[-1].text, text.points[0].text]
    for sentence in expected:
        assert squash(sentence) in shown, sentence
    if act.number == "728":
        assert not text.instructions()
    else:
        assert text.instructions()


def test_every_docx_opens_in_libreoffice(acts_out, office_pdfs):
    for lang in LANGS:
        for record in RECORDS:
            converted = office_pdfs[acts_out / lang / f"{stem(record)}.docx"]
            text = subprocess.run(["pdftotext", str(converted), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert "1." in text and len(PdfReader(converted).pages) >= 1


def printed(acts_out: Path, office_pdfs: dict[Path, Path], lang: str, record: str,
            fmt: str) -> Path:
    """The act's PDF, or its DOCX as LibreOffice prints it."""
    if fmt == "pdf":
        return acts_out / lang / f"{stem(record)}.pdf"
    return office_pdfs[acts_out / lang / f"{stem(record)}.docx"]


def page_texts(path: Path) -> list[str]:
    """Each page's text, its spaces (no-break ones too) single."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(page.replace("\u00a0", " ").split()) for page in text.split("\f")]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_act_stands_on_its_blank_and_signs_on_the_page_of_its_last_point(
        acts_out, office_pdfs, lang, record, fmt):
    """The heading block, the date and number, the place and the signature, each in the act's
    language; the last point and the signature on one page (acceptance 1 of issue 25)."""
    project = load_project(ROOT)
    act = next(item for item in project.acts if item.path.endswith(record))
    text = draft_act(project, act, lang)
    assert text.blank is not None
    pages = page_texts(printed(acts_out, office_pdfs, lang, record, fmt))
    first = pages[0]
    for line in [*text.blank.heading, text.blank.date_line, text.blank.place, text.title]:
        assert " ".join(line.split()) in first, line
    assert first.index(text.blank.heading[0]) < first.index(text.blank.date_line) < \
        first.index(" ".join(text.title.split()[:4]))
    signed = [number for number, page in enumerate(pages) if text.signatory_position in page]
    last_point = " ".join(f"{text.points[-1].number}. {text.points[-1].text}".split()[:5])
    assert signed and last_point in pages[signed[-1]], (signed, last_point)


@pytest.mark.parametrize("lang", LANGS)
def test_a_named_acting_signatory_and_a_registration_are_printed(tmp_path, lang):
    root = copy_fixture(tmp_path)
    record = root / "amendments" / "no-845.yaml"
    data = record.read_text(encoding="utf-8").replace(
        "act:\n", "act:\n  signatory:\n    kk: {name: А. Мамин, acting: true}\n"
        "    ru: {name: А. Мамин, acting: true}\n", 1)
    record.write_text(data, encoding="utf-8")
    project = load_project(root)
    act = next(item for item in project.acts if item.number == "845")
    text = draft_act(project, act, lang)
    assert text.signatory_name == "А. Мамин"
    assert text.signatory_position == {
        "kk": "Қазақстан Республикасы Премьер-Министрінің міндетін атқарушы",
        "ru": "Исполняющий обязанности Премьер-Министра Республики Казахстан"}[lang]
    assert plain_lines(text)[-1] == f"{text.signatory_position} А. Мамин"


def test_the_check_passes_on_the_sample():
    result = legalgen("act", "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": ok (2 languages)") == 4


def test_an_unknown_record_is_a_usage_error():
    result = legalgen("act", "amendments/none.yaml")
    assert result.returncode == 2
    assert "is no amendment record" in result.stderr


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_number_or_number_sign_of_an_act_is_broken_across_lines(acts_out, office_pdfs,
                                                                   lang, fmt):
    for record in RECORDS:
        path = printed(acts_out, office_pdfs, lang, record, fmt)
        broken = {page.number: split_pieces(page.words) for page in printed_pages(path)}
        assert not {page: pairs for page, pairs in broken.items() if pairs}, record
