"""Tables of both DOCX writers: the grid from relative widths, the table element and its rows.

Reads nothing: a table takes the text width of its page layout, shared out by the relative
widths of its columns; its style (borders, cell margins, size) comes from the style list; its
rows never split across pages unless one may be taller than a page, its header rows repeat on
every page and a short row's last cell spans the rest of the grid.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

from .oxml import element, paragraph

TABLE_STYLES = {"action_plan": "ActionPlanTable"}
DEFAULT_TABLE_STYLE = "LegalTable"
# A cell: its paragraphs and the number of grid columns it covers.
CellContent = tuple[list[CT_P], int]
# The width of an average character and the height of a line of table text (9-10 pt), in twips,
# rounded so that a row is rather thought too tall than too short.
CHAR_TWIPS = 90
LINE_TWIPS = 260


def grid(widths: Sequence[float] | None, columns: int, text_width: int) -> list[int]:
    """Twips per column: `text_width` shared by the relative `widths`; columns beyond them get
    the average width."""
    weights = list(widths or [])[:columns]
    weights += [sum(weights) / len(weights) if weights else 1.0] * (columns - len(weights))
    total = sum(weights) or 1.0
    return [round(text_width * weight / total) for weight in weights]


def table_element(role: str | None, columns: list[int]) -> BaseOxmlElement:
    """An empty table of the grid `columns` in the style of its role."""
    style = TABLE_STYLES.get(role or "", DEFAULT_TABLE_STYLE)
    table = element("w:tbl")
    table.append(parse_xml(
        f"<w:tblPr {nsdecls('w')}>"
        f'<w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(columns)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'))
    tbl_grid = element("w:tblGrid")
    for width in columns:
        tbl_grid.append(element("w:gridCol", {"w:w": str(width)}))
    table.append(tbl_grid)
    return table


def estimated_height(cells: Sequence[CellContent], columns: list[int]) -> int:
    """A generous guess of a row's height in twips: its tallest cell's lines of table text."""
    tallest = 0
    column = 0
    for paragraphs, span in cells:
        width = max(sum(columns[column:column + span]), CHAR_TWIPS)
        per_line = max(width // CHAR_TWIPS, 1)
        lines = sum(-(-max(len(_text(p)), 1) // per_line) for p in paragraphs or [])
        tallest = max(tallest, lines)
        column += span
    return tallest * LINE_TWIPS


def _text(p: CT_P) -> str:
    return "".join(node.text or "" for node in p.iter(qn("w:t")))


def table_row(cells: Sequence[CellContent], columns: list[int], header: bool = False,
              mark: BaseOxmlElement | None = None,
              page_height: int | None = None) -> BaseOxmlElement:
    """A row of `cells`; a short row's last cell spans the rest of the grid. `mark` is a tracked
    insertion or deletion of the whole row. The row may not split across pages unless it may be
    taller than a page of `page_height` twips."""
    tr = element("w:tr")
    tr_pr = element("w:trPr")
    if page_height is None or estimated_height(cells, columns) < page_height:
        tr_pr.append(element("w:cantSplit"))
    if header:
        tr_pr.append(element("w:tblHeader"))
    if mark is not None:
        tr_pr.append(mark)
    tr.append(tr_pr)
    column = 0
    for index, (paragraphs, span) in enumerate(cells):
        rest = len(columns) - column
        span = max(1, rest if index == len(cells) - 1 else min(span, rest))
        tc = element("w:tc")
        tc_pr = element("w:tcPr")
        width = sum(columns[column:column + span])
        tc_pr.append(element("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
        if span > 1:
            tc_pr.append(element("w:gridSpan", {"w:val": str(span)}))
        tc.append(tc_pr)
        for p in paragraphs or [paragraph("TableText")]:
            tc.append(p)
        tr.append(tc)
        column += span
    return tr
