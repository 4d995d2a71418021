"""The characters an output can hold: XML's rule for every format, a font's for printed ones.

Reads and writes nothing. A writer that sets text in a font describes the characters it can set
as a `Charset`; the validate stage checks every text of the project against them, so that what
validates also builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters XML 1.0 cannot hold (DOCX and the HTML's XML tools refuse them), and C1 controls,
# which no reader means to print.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# White space the HTML folds into spaces: no font needs a glyph for it.
FOLDED_SPACE = frozenset("\t\n\r ")


def describe(chars: list[str]) -> str:
    return ", ".join(
        f"U+{ord(char):04X}" + (f" '{char}'" if char.isprintable() else "") for char in chars
    )


def not_xml(text: str) -> list[str]:
    """The characters of `text` no XML document may contain, in order of appearance."""
    found = _NOT_XML.findall(text)
    return list(dict.fromkeys(found)) if found else []


@dataclass(frozen=True, slots=True)
class Charset:
    """The characters an output can set, such as the cmap of the PDF's font."""

    name: str  # as a message names it: "the PDF font Liberation Serif"
    characters: frozenset[str]

    def missing(self, text: str) -> list[str]:
        """The characters of `text` outside the set, in order of appearance."""
        outside = set(text) - self.characters - FOLDED_SPACE
        return [char for char in dict.fromkeys(text) if char in outside] if outside else []
