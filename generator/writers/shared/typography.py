"""Typography of the printed text: the pieces of a line that must never be broken apart.

Reads text; writes text or the positions of its unbreakable pieces. A number with its digit
groups ("6 000,0"), its unit or percent sign ("6 000,0 млн.", "6,0 %-дан"), its hyphenated
suffix ("1-қосымша", "2-1)") and the number sign before it ("№ 683") form one piece. The content
keeps ordinary spaces and hyphens; each writer binds the pieces in its own way at render time
(the HTML in a no-wrap span, the DOCX with no-break spaces and hyphens).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

NO_BREAK_SPACE = "\u00a0"
NO_BREAK_HYPHEN = "\u2011"
_SPACE = r"[ \u00a0]"
_NUMBER = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)*"
# Units written after an amount in the programme's tables and text, in both languages.
_UNIT = rf"{_SPACE}?%|{_SPACE}(?:млн|млрд|тысяч[аи]?|тыс|мың)\.?"
_SUFFIX = r"-(?:[^\W\d_]+|\d+\))"
UNBREAKABLE = re.compile(
    rf"(?:№{_SPACE}?)?(?<![\w.,])(?:{_NUMBER})(?:{_UNIT})?(?:{_SUFFIX})?(?!\w)"
)


def unbreakable_pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every piece of `text` a line must not break, in order; a piece is only
    reported when it holds a space or a hyphen, that is a place a line could break."""
    for match in UNBREAKABLE.finditer(text):
        piece = match.group()
        if " " in piece or NO_BREAK_SPACE in piece or "-" in piece:
            yield match.start(), match.end()


def bind(text: str) -> str:
    """`text` with no-break spaces and no-break hyphens inside its unbreakable pieces."""
    parts: list[str] = []
    cursor = 0
    for start, end in unbreakable_pieces(text):
        parts.append(text[cursor:start])
        parts.append(text[start:end].replace(" ", NO_BREAK_SPACE).replace("-", NO_BREAK_HYPHEN))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)
