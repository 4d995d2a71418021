"""What the PDF tests read back from a file: its PDF/A claim and its embedded fonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import lxml.etree
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
