"""A printed table as a `table` unit: header rows, rows with their labels, group and total rows.

Reads a `Grid` (cells with their spans); writes a `Node` of kind `table`. legalgen's tables have
no spans: a spanned cell keeps its words in its first place and leaves the others empty, so the
words stay in reading order. The header is the rows above the column-number row ("1 2 3 …") and
that row, or the leading rows of heading cells; a first column of labels ("1.", "8-1.") gives
the rows their labels; a row whose only words span the table is a group row, one that opens
with the words of a total ("Total:") a total row; rows with no words (the fillers of a span)
are dropped.
"""

from __future__ import annotations

import re

from ..model import SourcePos
from ..model.published import PublishedForms
from .blocks import Grid
from .tree import Node, NoteMark

ROW_LABEL = re.compile(r"^\d+(?:-\d+)*\s?[.)]?$")
WRAPPED_WORD = re.compile(r"(\w+)-\n(\w+)")


def table_node(grid: Grid, forms: PublishedForms, vocabulary: frozenset[str]) -> Node:
    matrix, spans = _expanded(grid)
    width = max((len(row) for row in matrix), default=0)
    rows = [(row + [""] * (width - len(row)), spanned)
            for row, spanned in zip(matrix, spans, strict=True)]
    rows = [(row, spanned) for row, spanned in rows if any(cell.strip() for cell in row)]
    header_count = _header_rows(grid, [row for row, _ in rows])
    rows = [([forms.fold(cell) for cell in row], spanned) for row, spanned in rows]
    header = [[_cell(cell, vocabulary) for cell in row] for row, _ in rows[:header_count]]
    body = rows[header_count:]
    labelled = _label_column([row for row, _ in body])
    table = Node("table", grid.pos, header=header or None)
    for (row, spanned), pos in zip(body, _row_positions(grid, rows)[header_count:],
                                   strict=True):
        texts = [_cell(cell, vocabulary) for cell in row]
        filled = [text for text in texts if text]
        if len(filled) == 1 and texts[0] and spanned and width > 1:
            table.children.append(Node("group", pos, text=texts[0]))
            continue
        first = next(text for text in texts if text)
        kind = "total" if forms.total.search(first) else "row"
        if labelled:
            label = texts[0] if kind == "row" and ROW_LABEL.match(texts[0]) else None
            cells = texts[1:]
            if kind == "row" and label is None and texts[0]:
                # Words in the label column that are no label join the next cell's: none is lost.
                cells = [" ".join(part for part in texts[:2] if part), *texts[2:]]
            row_node = Node(kind, pos, label=label, cells=cells)
            if label is not None and cells and forms.exclusion.match(cells[0]):
                words = " ".join(cell for cell in cells if cell)
                row_node.exclusion = NoteMark(words, pos, row_node)
            table.children.append(row_node)
        else:
            table.children.append(Node(kind, pos, cells=texts))
    return table


def _expanded(grid: Grid) -> tuple[list[list[str]], list[bool]]:
    """Each row's cells with every span laid out (the words in the first place); whether a row
    is one cell spanning the whole table."""
    matrix: list[list[str]] = []
    spans: list[bool] = []
    below: dict[int, int] = {}  # column → rows a rowspan still covers
    for row in grid.rows:
        line: list[str] = []
        column = 0
        for cell in row:
            while below.get(column, 0) > 0:
                below[column] -= 1
                line.append("")
                column += 1
            line.append(cell.text)
            line.extend([""] * (cell.colspan - 1))
            for offset in range(cell.colspan):
                if cell.rowspan > 1:
                    below[column + offset] = cell.rowspan - 1
            column += cell.colspan
        while below.get(column, 0) > 0:
            below[column] -= 1
            line.append("")
            column += 1
        for rest in [key for key, count in below.items() if key > column and count > 0]:
            below[rest] -= 1
        matrix.append(line)
        spans.append(len(row) == 1 and row[0].colspan > 1)
    return matrix, spans


def _row_positions(grid: Grid, rows: list[tuple[list[str], bool]]) -> list[SourcePos]:
    """The source position of every kept row: its first cell's."""
    kept = []
    for source in grid.rows:
        if any(cell.text.strip() for cell in source):
            kept.append(source[0].pos or grid.pos)
    # A row made only of rowspan continuations has no cell of its own: it takes the table's.
    while len(kept) < len(rows):
        kept.append(grid.pos)
    return kept[:len(rows)]


def _header_rows(grid: Grid, rows: list[list[str]]) -> int:
    """How many leading rows head the table."""
    for index, row in enumerate(rows[:6]):
        numbers = [cell.strip().rstrip(".") for cell in row if cell.strip()]
        if len(numbers) >= 2 and numbers == [str(n) for n in range(1, len(numbers) + 1)]:
            return index + 1
    heading = 0
    for cells in grid.rows:
        if cells and all(cell.header for cell in cells):
            heading += 1
        else:
            break
    return min(heading, len(rows))


def _label_column(rows: list[list[str]]) -> bool:
    """Whether the first column holds the rows' labels: most rows with words there have one."""
    firsts = [row[0].strip() for row in rows if row and row[0].strip()]
    labels = [first for first in firsts if ROW_LABEL.match(first)]
    return len(rows) > 0 and len(labels) >= max(1, len(firsts) // 2 + 1)


def _cell(text: str, vocabulary: frozenset[str]) -> str:
    """A cell's words: its printed lines joined, a word the line end split joined again where
    the document knows it whole ("submit-" + "ted")."""

    def join(match: re.Match[str]) -> str:
        whole = match.group(1) + match.group(2)
        return whole if whole.lower() in vocabulary else f"{match.group(1)}-{match.group(2)}"

    return " ".join(WRAPPED_WORD.sub(join, text).split())
