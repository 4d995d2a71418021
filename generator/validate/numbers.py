"""Numbers are language-independent: a unit's amounts, counts, dates and label numbers are the
same in every language, in the content as adopted and in every change.

Reads: unit pairs of two languages, the edits of amend changes. Writes: `Diagnostics` — an error
naming both places and the numbers that differ.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from ..i18n import tr
from ..model import AmountsCell, Cell, Change, Diagnostics, EditIn, NumberCell, Unit
from ..model.inline import plain

# A number as either language writes it: "7 294,5", "7294.5", "2012", "2-1)"'s 2 and 1.
# Thousands may be grouped with a (no-break) space; a decimal comma or point joins its digits.
NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
TEXT_FIELDS = ("label", "heading", "text", "position", "name")


@functools.cache
def normalized(token: str) -> str:
    """'7 294,5' → '7294.5'; '6000.0' → '6000'; '07' → '7', so that both writings compare."""
    value = re.sub(r"[ \u00a0\u202f]", "", token).replace(",", ".")
    number = float(value)
    return f"{number:.10g}"


def text_numbers(text: str) -> Counter[str]:
    return Counter(map(normalized, _tokens(text)))


def _tokens(text: str) -> list[str]:
    """The numbers of a text as written, its markup's shown words but not its targets."""
    # Only a text with markup needs its plain words made (most have none).
    return NUMBER.findall(plain(text) if "[" in text or "*" in text else text)


def _cell_tokens(cell: Cell) -> list[str]:
    if isinstance(cell, str):
        return _tokens(cell)
    if isinstance(cell, NumberCell):
        return [str(cell.number)]
    if isinstance(cell, AmountsCell):
        found: list[str] = []
        for entry in cell.amounts:
            found += _tokens(str(entry.year))
            if entry.amount is not None:
                found.append(str(entry.amount))
        return found
    return [str(cell)]


def unit_numbers(unit: Unit) -> Counter[str]:
    """Every number of a unit's own text (not its children's): fields, stamp, header, cells."""
    tokens: list[str] = []
    for name in TEXT_FIELDS:
        value = getattr(unit, name)
        if value:
            tokens += _tokens(value)
    for line in unit.stamp or []:
        tokens += _tokens(line)
    for row in unit.header or []:
        for cell in row:
            tokens += _cell_tokens(cell)
    for cell in unit.cells or []:
        tokens += _cell_tokens(cell)
    return Counter(map(normalized, tokens))


def _shown(numbers: Counter[str]) -> str:
    return ", ".join(sorted(numbers.elements())) or "none"


def check_unit_numbers(unit: Unit, other: Unit, other_lang: str,
                       diagnostics: Diagnostics, as_published: bool = False) -> None:
    """An error when the numbers differ; information for a unit whose published texts differ
    so (`as_published`, listed by the manifest)."""
    mine, theirs = unit_numbers(unit), unit_numbers(other)
    if mine != theirs:
        report = diagnostics.info if as_published else diagnostics.error
        report(
            unit.pos,
            tr("unit {uid}: numbers differ from its {other_lang} counterpart at {pos}: {here} "
               "here, {there} there", uid=unit.uid, other_lang=other_lang, pos=other.pos,
               here=_shown(mine - theirs), there=_shown(theirs - mine))
            + (tr(" (as published)") if as_published else ""),
        )


def check_edit_numbers(change: Change, langs: tuple[str, ...],
                       diagnostics: Diagnostics) -> None:
    """An edit removes and adds the same numbers in every language (its `find` may cover more
    words in one language than in another, so the difference is compared, not the texts)."""
    first = langs[0]
    for number, edit in enumerate(change.edits, 1):
        expected = _edit_delta(edit, first)
        for lang in langs[1:]:
            found = _edit_delta(edit, lang)
            if found != expected:
                diagnostics.error(
                    change.pos,
                    tr("{where}: edit {number}: numbers differ between {first} and {lang}: "
                       "{first} removes {first_removed} and adds {first_added}, {lang} removes "
                       "{removed} and adds {added}",
                       where=change.where, number=number, first=first, lang=lang,
                       first_removed=_shown(expected[0]), first_added=_shown(expected[1]),
                       removed=_shown(found[0]), added=_shown(found[1])),
                )


def _edit_delta(edit: EditIn, lang: str) -> tuple[Counter[str], Counter[str]]:
    """The numbers an edit removes and those it adds, in one language."""
    old = text_numbers(edit.find[lang])
    new = text_numbers(edit.replace[lang])
    return old - new, new - old
