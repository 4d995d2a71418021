"""A unit's texts as a Word document shows them, and the word edits between two wordings.

Reads units of a version. Writes the texts a unit shows (`shown_texts`: its paragraphs, or its
cells for a row) and `find`/`replace` pairs: each `find` is extended with the words around it
until it occurs once in the unit's own texts, and the edits are checked by applying them the way
consolidation does, so that a record never holds an edit that does not give the new wording.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..consolidate.apply import own_texts, replace_in_unit
from ..diff.parts import Inline, own_parts, row_texts
from ..model import Language, Unit, family_of, spec_of
from ..model.inline import plain
from ..model.tables import table_shape

# The space the writers bind a number with, which a reader reads as a space.
NO_BREAK_SPACE = "\u00a0"

Edit = tuple[str, str]
_TOKEN = re.compile(r"\s+|[^\s]+")


def shown_texts(unit: Unit, lang: Language, parent: Unit | None,
                inline: Inline = plain) -> list[str]:
    """What a Word document shows of the unit itself: its paragraphs, or a row's cells; the
    fields that hold markup as `inline` gives them (`inline.linked`: with the links kept); its
    no-break spaces as the spaces they stand for, as `docx.paragraph_texts` reads them."""
    return [text.replace(NO_BREAK_SPACE, " ") for text in _shown(unit, lang, parent, inline)]


def _shown(unit: Unit, lang: Language, parent: Unit | None, inline: Inline) -> list[str]:
    if spec_of(unit).in_table:
        label_column = parent is not None and table_shape(parent).label_column
        return row_texts(unit, lang, label_column, inline)
    if family_of(unit) == "tabular":
        return [cell for line in own_parts(unit, lang, 0, inline)[0]
                for cell in line.text.split(" | ")]
    if family_of(unit) == "signatory":
        return [f"{unit.position or ''}\t{unit.name or ''}"]
    before, after = own_parts(unit, lang, 0, inline)
    return [part.text for part in before + after]


def similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, _TOKEN.findall(old), _TOKEN.findall(new),
                           autojunk=False).ratio()


def word_edits(unit: Unit, lang: Language, parent: Unit | None, new_texts: list[str],
               inline: Inline = plain) -> list[Edit] | None:
    """Edits turning the unit's texts, as `inline` shows them, into `new_texts`, or None where
    edits cannot say it (a label, a number cell or reference markup changed)."""
    texts = own_texts(unit)
    edits: list[Edit] = []
    for old_text, new_text in zip(shown_texts(unit, lang, parent, inline), new_texts,
                                  strict=True):
        # From the last change to the first: the words left of a change are still as they were,
        # the words right of it already as they become.
        for span in reversed(_diff_spans(old_text, new_text)):
            unique = _unique(span, texts)
            if unique is None:
                return None
            edits.append(unique)
            texts = [text.replace(unique[0], unique[1]) for text in texts]
    return edits if _gives(unit, lang, parent, edits, new_texts, inline) else None


# A change: the words before it (old), what it finds, what replaces it, the words after (new).
Span = tuple[list[str], str, str, list[str]]


def _diff_spans(old: str, new: str) -> list[Span]:
    """The changed stretches of words; two stretches one space apart are one."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 1 and not "".join(a[spans[-1][1]:i1]).strip():
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [(a[:i1], "".join(a[i1:i2]), "".join(b[j1:j2]), b[j2:]) for i1, i2, j1, j2 in spans]


def _unique(span: Span, texts: list[str]) -> Edit | None:
    """The change with words added on both sides until its `find` occurs once in the texts."""
    before, find, replace, after = span
    left_count, right_count = 0, 0
    while True:
        left = "".join(before[len(before) - left_count:]) if left_count else ""
        right = "".join(after[:right_count])
        candidate = left + find + right
        # An edit replaces something: a deletion keeps a word beside it.
        if candidate.strip() and (left + replace + right).strip() and \
                sum(text.count(candidate) for text in texts) == 1:
            return candidate, left + replace + right
        if left_count >= len(before) and right_count >= len(after):
            return None
        left_count = min(left_count + 1, len(before))
        right_count = min(right_count + 1, len(after))


def _gives(unit: Unit, lang: Language, parent: Unit | None, edits: list[Edit],
           new_texts: list[str], inline: Inline) -> bool:
    """Whether the edits, applied as consolidation applies them, show `new_texts`."""
    changed = unit.copy()
    for find, replace in edits:
        replace_in_unit(changed, find, replace)
    return shown_texts(changed, lang, parent, inline) == new_texts
