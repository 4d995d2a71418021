"""What the PDF tests read back from a file: its PDF/A claim, its embedded fonts, and its pages as
pdfplumber lays them out — parsed once per file and test session (`pdf_layout`), since reading a
version of the sample takes pdfminer seconds and several test files check the same PDFs."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path
from typing import NamedTuple

import lxml.etree
import pdfplumber
from pypdf import PdfReader

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
RDF_DESCRIPTION = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"
SERIF = r"[A-Z]{6}\+Liberation-Serif(-Bold|-Italic|-Bold-Italic)?"


def pdfa_claims(reader: PdfReader) -> list[tuple[str | None, str | None]]:
    """The (part, conformance) pairs the XMP metadata declares."""
    xmp = lxml.etree.fromstring(reader.xmp_metadata.stream.get_data())
    return [(node.get(f"{PDFAID}part"), node.get(f"{PDFAID}conformance"))
            for node in xmp.iter(RDF_DESCRIPTION) if node.get(f"{PDFAID}part")]


def assert_only_the_serif_embedded(path: Path) -> None:
    """pdffonts lists at least one font, each a subset of Liberation Serif, each embedded."""
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing, "the PDF has no font"
    for row in listing:
        name, emb = row.split()[0], row.split()[-5]
        assert re.fullmatch(SERIF, name), row
        assert emb == "yes", row


# --- the layout, read once ---------------------------------------------------------------------

class Char(NamedTuple):
    """One drawn character with its box (pdfplumber's coordinates: top grows downwards)."""
    text: str
    fontname: str
    x0: float
    x1: float
    top: float
    bottom: float


class Edge(NamedTuple):
    """A rectangle or a line (table cells and rules)."""
    x0: float
    x1: float


class TextLine(NamedTuple):
    """A line of text and the fonts of its visible characters."""
    text: str
    top: float
    bottom: float
    fonts: frozenset[str]


class PageLayout(NamedTuple):
    number: int
    width: float
    height: float
    trimbox: tuple[float, float, float, float]
    chars: tuple[Char, ...]
    edges: tuple[Edge, ...]
    lines: tuple[TextLine, ...]
    # Words in the order the PDF draws them: {"text", "top", "bottom"}.
    words: tuple[dict, ...]


def pdf_layout(path: Path) -> tuple[PageLayout, ...]:
    """Every page of `path` as pdfplumber reads it; a file rewritten since is read again."""
    stat = path.stat()
    return _layout(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _layout(path: Path, mtime_ns: int, size: int) -> tuple[PageLayout, ...]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = tuple(Char(c["text"], c["fontname"], c["x0"], c["x1"], c["top"], c["bottom"])
                          for c in page.chars)
            edges = tuple(Edge(e["x0"], e["x1"]) for e in page.rects + page.lines)
            lines = tuple(
                TextLine(line["text"], line["top"], line["bottom"],
                         frozenset(c["fontname"] for c in line["chars"] if not c["text"].isspace()))
                for line in page.extract_text_lines(return_chars=True))
            words = tuple({"text": w["text"], "top": w["top"], "bottom": w["bottom"]}
                          for w in page.extract_words(use_text_flow=True))
            pages.append(PageLayout(page.page_number, float(page.width), float(page.height),
                                    # A PDF without a trim box (LibreOffice's) is trimmed
                                    # at its media box.
                                    tuple(getattr(page, "trimbox", page.bbox)), chars, edges,
                                    lines, words))
            page.close()  # pdfplumber's own objects of the page are not needed any more
    return tuple(pages)


def pdf_reader(path: Path) -> PdfReader:
    """pypdf's reader of `path`, opened once per file and test session."""
    stat = path.stat()
    return _reader(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _reader(path: Path, mtime_ns: int, size: int) -> PdfReader:
    return PdfReader(path)
