"""Typography of the printed text: the pieces of a line that must never be broken apart.

Reads text and its language; writes text or the positions of its unbreakable pieces. A number
with its digit groups ("6 000,0"), the word of its unit or its percent sign after it (the
language's `amount_units`), its hyphenated suffix ("2-1)", a case ending after a hyphen) and the
language's number sign before it form one piece. The content keeps ordinary spaces and hyphens;
each writer binds the pieces in its own way at render time (the HTML in a no-wrap span, the
DOCX with no-break spaces and hyphens).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ...model import Language

NO_BREAK_SPACE = "\u00a0"
NO_BREAK_HYPHEN = "\u2011"
_SPACE = r"[ \u00a0]"
# A number, or a range of numbers joined by a hyphen ("50-60 %"), which a line must not break.
_NUMBER = (rf"(?:\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)*)"
           rf"(?:-\d+(?:[.,]\d+)*)?")
_SUFFIX = r"-(?:[^\W\d_]+|\d+\))"


@functools.cache
def _unbreakable(number_sign: str, units: tuple[str, ...]) -> re.Pattern[str]:
    # The longest unit word first, so that a word is never cut short by one it begins with.
    words = "|".join(re.escape(word) for word in sorted(units, key=len, reverse=True))
    unit = rf"{_SPACE}?%|{_SPACE}(?:{words})\.?" if words else rf"{_SPACE}?%"
    return re.compile(
        rf"(?:{re.escape(number_sign)}{_SPACE}?)?(?<![\w.,])(?:{_NUMBER})(?:{unit})?"
        rf"(?:{_SUFFIX})?(?!\w)"
    )


def leads_in(text: str | None) -> bool:
    """Whether a paragraph leads into what follows it ("… as follows:", "Note:"), as the
    template's `lead-in` class: it must not end a page."""
    return (text or "").rstrip().endswith(":")


def unbreakable_pieces(text: str, lang: Language) -> Iterator[tuple[int, int]]:
    """(start, end) of every piece of `text` a line must not break, in order; a piece is only
    reported when it holds a space or a hyphen, that is a place a line could break."""
    pattern = _unbreakable(lang.phrase("number_sign"), lang.amount_units)
    for match in pattern.finditer(text):
        piece = match.group()
        if " " in piece or NO_BREAK_SPACE in piece or "-" in piece:
            yield match.start(), match.end()


def bind(text: str, lang: Language) -> str:
    """`text` with no-break spaces and no-break hyphens inside its unbreakable pieces."""
    parts: list[str] = []
    cursor = 0
    for start, end in unbreakable_pieces(text, lang):
        parts.append(text[cursor:start])
        parts.append(text[start:end].replace(" ", NO_BREAK_SPACE).replace("-", NO_BREAK_HYPHEN))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)
