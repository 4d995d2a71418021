"""A table cell as lines of text in a language: numbers, amounts per year, marks."""

from __future__ import annotations

from ..model import AmountEntry, AmountsCell, Cell, Language, NumberCell


def cell_lines(cell: Cell, lang: Language) -> list[str]:
    """A cell as lines of text in the version's language ('2013 жыл – 2 000,0*')."""
    if isinstance(cell, AmountsCell):
        return [_amount_line(entry, lang) for entry in cell.amounts]
    if isinstance(cell, NumberCell):
        return [lang.number(cell.number) + (cell.mark or "")]
    if isinstance(cell, bool):
        return [str(cell)]
    if isinstance(cell, int | float):
        return [lang.number(cell)]
    return str(cell).split("\n") if cell else [""]


def _amount_line(entry: AmountEntry, lang: Language) -> str:
    """'2013 жыл – 38 200,0*'; a year without a figure ends with its dash, as the source prints
    it: '2016-2020 жылдар –'."""
    if entry.amount is None:
        return f"{lang.amount_year(entry.year)} –{entry.mark or ''}"
    return f"{lang.amount_year(entry.year)} – {lang.number(entry.amount)}{entry.mark or ''}"
