"""Reader of the Markdown-with-HTML form the public mirrors of the official database publish.

Reads the text of a `.md` file: `#` headings, paragraphs and list items (indented as Markdown
nests them, labels escaped at times: `20\\.`), quoted italic lines (`> *…*`: notes, stamps),
HTML tables (`<table>` with `<td>`/`<th>`, row and column spans, `<pre>` in cells), fenced
blocks. Writes `Block`s with their line and column. The tables are parsed with lxml; an
unclosed table is an error at its first line.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from ..i18n import tr
from ..model import Diagnostics, SourcePos
from .blocks import Block, Emphasis, Grid, GridCell

if TYPE_CHECKING:
    import lxml.html

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ANCHOR = re.compile(r'^\s*<a\s+(?:id|name)="[^"]*"\s*>\s*</a>\s*$')
QUOTE = re.compile(r"^(?P<indent> *)>\s?(?P<text>.*)$")
FENCE = re.compile(r"^\s*```")
# Markdown's escapes of the characters it would read as markup.
ESCAPED = re.compile(r"\\([\\.()*_\-#>\[\]!+`{}|~])")


def unescaped(text: str) -> str:
    return html.unescape(ESCAPED.sub(r"\1", text))


def emphasised(text: str) -> tuple[str, Emphasis]:
    """A line in `*…*` or `**…**` as a whole: its words and the emphasis."""
    stripped = text.strip()
    if len(stripped) > 4 and stripped.startswith("**") and stripped.endswith("**") \
            and "**" not in stripped[2:-2]:
        return stripped[2:-2].strip(), "bold"
    if len(stripped) > 2 and stripped.startswith("*") and stripped.endswith("*") \
            and not stripped.startswith("**") and "*" not in stripped[1:-1].replace("**", ""):
        return stripped[1:-1].strip(), "italic"
    return stripped, ""


def read_markdown(text: str, shown: str, diagnostics: Diagnostics) -> list[Block]:
    """The blocks of a Markdown text; `shown` names the file in positions."""
    lines = text.replace("\r\n", "\n").replace("\t", "    ").split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        pos = SourcePos(shown, index + 1, len(line) - len(line.lstrip()) + 1)
        if not stripped or ANCHOR.match(line):
            index += 1
        elif stripped.startswith("<table"):
            index = _table(lines, index, pos, blocks, diagnostics)
        elif FENCE.match(line) or stripped.startswith("<pre>"):
            index = _preformatted(lines, index, pos, blocks)
        elif (heading := HEADING.match(line)) is not None:
            blocks.append(Block("heading", unescaped(heading.group(2)), pos,
                                level=len(heading.group(1))))
            index += 1
        elif QUOTE.match(line):
            index = _quote(lines, index, pos, blocks)
        else:
            index = _paragraph(lines, index, pos, blocks)
    return blocks


def _paragraph(lines: list[str], start: int, pos: SourcePos, blocks: list[Block]) -> int:
    index = start
    parts = []
    while index < len(lines):
        line = lines[index]
        if not line.strip() or QUOTE.match(line) or ANCHOR.match(line) or \
                line.strip().startswith(("<table", "<pre>")) or FENCE.match(line) or (
                    index > start and HEADING.match(line)):
            break
        parts.append(line.strip())
        index += 1
    raw = " ".join(parts)
    words, emphasis = emphasised(raw)
    indent = len(lines[start]) - len(lines[start].lstrip())
    blocks.append(Block("paragraph", unescaped(words), pos, lines=[unescaped(p) for p in parts],
                        indent=indent, emphasis=emphasis))
    return index


def _quote(lines: list[str], start: int, pos: SourcePos, blocks: list[Block]) -> int:
    index = start
    parts: list[str] = []
    kinds: set[Emphasis] = set()
    while index < len(lines) and (match := QUOTE.match(lines[index])) is not None:
        words, emphasis = emphasised(match.group("text"))
        if words:
            parts.append(unescaped(words))
            kinds.add(emphasis)
        index += 1
    whole: Emphasis = kinds.pop() if len(kinds) == 1 else ""
    indent = len(QUOTE.match(lines[start]).group("indent"))  # type: ignore[union-attr]
    blocks.append(Block("quote", " ".join(parts), pos, lines=parts, indent=indent,
                        emphasis=whole))
    return index


def _preformatted(lines: list[str], start: int, pos: SourcePos, blocks: list[Block]) -> int:
    """A fenced block, or a `<pre>` outside a table: its lines verbatim."""
    fenced = FENCE.match(lines[start]) is not None
    index = start + 1 if fenced else start
    body: list[str] = []
    while index < len(lines):
        line = lines[index]
        if fenced and FENCE.match(line):
            index += 1
            break
        if not fenced:
            body.append(re.sub(r"</?pre>", "", line))
            index += 1
            if "</pre>" in line:
                break
            continue
        body.append(line)
        index += 1
    kept = [html.unescape(line.rstrip()) for line in body]
    while kept and not kept[-1].strip():
        kept.pop()
    while kept and not kept[0].strip():
        kept.pop(0)
    blocks.append(Block("pre", "\n".join(kept), pos, lines=kept))
    return index


def _table(lines: list[str], start: int, pos: SourcePos, blocks: list[Block],
           diagnostics: Diagnostics) -> int:
    index = start
    while index < len(lines) and "</table>" not in lines[index]:
        index += 1
    if index == len(lines):
        diagnostics.error(pos, tr("the table is not closed: no </table> after it"))
        return index
    source = "\n".join(lines[start:index + 1])
    grid = parse_table(source, pos, diagnostics)
    if grid is not None:
        blocks.append(Block("table", "", pos, grid=grid))
    return index + 1


def parse_table(source: str, pos: SourcePos, diagnostics: Diagnostics) -> Grid | None:
    """An HTML table's rows and cells, each cell's lines and spans."""
    # lxml loads with the first table: a command that reads none never pays for it.
    import lxml.html
    from lxml import etree

    try:
        table = lxml.html.fragment_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        diagnostics.error(pos, tr("the table cannot be read: {exc}", exc=exc))
        return None
    return grid_of(table, pos)


def grid_of(table: lxml.html.HtmlElement, pos: SourcePos, first_line: int = 1) -> Grid:
    """The rows of an lxml `<table>` element; lines count from `pos` (the table's first line,
    which is `first_line` in the element's own numbering)."""
    rows = []
    for row in table.iter("tr"):
        cells = []
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            line = pos.line + (cell.sourceline or first_line) - first_line
            cells.append(GridCell(cell_text(cell), _span(cell.get("colspan")),
                                  _span(cell.get("rowspan")), cell.tag == "th",
                                  SourcePos(pos.path, line, 1)))
        rows.append(tuple(cells))
    return Grid(tuple(rows), pos)


def cell_text(cell: lxml.html.HtmlElement) -> str:
    """A cell's printed lines, trimmed, without empty ones, joined by "\\n"."""
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = str(cell.text_content())
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _span(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1
