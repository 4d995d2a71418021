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
from tests.conftest import ROOT, legalgen
from tests.pdfutil import assert_only_the_serif_embedded, pdf_reader, pdfa_claims

RECORDS = sorted(path.name for path in (ROOT / "amendments").glob("*.yaml"))
LANGS = ("kk", "ru")


@pytest.fixture(scope="module")
def acts_out(real_acts: Path) -> Path:
    return real_acts


def stem(record: str) -> str:
    return record.removesuffix(".yaml")


def squash(text: str) -> str:
    """Text with hyphenation at line ends undone and all whitespace removed."""
    return re.sub(r"\s+", "", text)


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


def test_the_check_passes_on_the_sample():
    result = legalgen("act", "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": ok (2 languages)") == 4


def test_an_unknown_record_is_a_usage_error():
    result = legalgen("act", "amendments/none.yaml")
    assert result.returncode == 2
    assert "is no amendment record" in result.stderr
