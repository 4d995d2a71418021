"""Reader of a plain-text copy of a published page, as a person copies it from the browser.

Reads the text; writes `Block`s with their line and column. Undoes what the extraction did:
letter-spaced runs ("w o r d s" → "words"), page breaks (three blank lines, anywhere, even
inside a sentence), words the extraction split (a letter set apart, through the language's
`split_words`), a space before a closing sign, the page footer (a line opening with ©), and the
words of links the extraction pulled to the end of their line (put back into the hole they left
where one hole is left; in a note, the act number back after its date). The layout says what a
line is: a line indented by six or seven spaces opens a paragraph, lines at the margin continue
it; a block at the margin between blank lines is a heading, a stamp (its lines kept) or a cell
of a table without markup. Two columns (text at the margin's six spaces and again at a far
column) are a two-column table; a line of column numbers ("1 2 3 4 5 6 7") closes the header of
a table whose cells are the blocks that follow, each row opened by a block that is only its
label; a run of blocks most of which start with a number is a list table (one row per block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Diagnostics, SourcePos
from ..model.published import PublishedForms
from .blocks import Block, Grid, GridCell

PARAGRAPH_INDENT = (6, 7)
# A letter-spaced run: single characters, each followed by one space (words by two).
SPACED_RUN = re.compile(r"(?<!\S)(?:\S ){2,}\S(?!\S)")
SPACED_LINE = re.compile(r"(?<!\S)(?:\S ){3,}\S(?!\S)")
BEFORE_SIGN = re.compile(r"(?<=\w) +(?=[.,;:)»](?:\s|$))")
FOOTER = re.compile(r"^\s*©")
COLUMN_NUMBERS = re.compile(r"^\s*1(?: +\d+){2,}\s*$")
GAP = re.compile(r"\S( {3,})\S")
FAR_COLUMN = 25
FIGURE_DATE = r"(?:\d{2}\.\d{2}\.\d{4}|\d{4}\.\d{2}\.\d{2})"
# A note's act number the extraction put at the line's end, and the hole after its date.
TRAILING_NUMBER = re.compile(r"\s*(?P<number>№\s*\S+)\s*$")
DATE_HOLE = re.compile(rf"(?P<date>{FIGURE_DATE})(?P<hole>\s{{2,}}|\s+(?=,))")
# A link word glued after a sentence's end at the line's end ("be approved.programme").
GLUED = re.compile(r"(?<=[.;:])(?P<word>[^\W\d_][\w-]*)\s*$")
NAME = re.compile(r"[^\W\d_]\.\s?(?:[^\W\d_]\.\s?)?[^\W\d_][\w-]+$")
LABEL_BLOCK = re.compile(r"^\d+(?:-\d+)*\s*[.)]?$")
SENTENCE_END = re.compile(r"[.:;!?]$")
CLOSING = "»),;:."
LIST_ROW = re.compile(r"^(?P<label>\d+)\s+(?P<rest>\D.*)$")
TOWN_ROW = re.compile(r"^(?P<name>.+?)\s+(?P<count>\d{1,3}(?: \d{3})+|\d+)\s+(?P<level>\S+)$")


@dataclass(slots=True)
class _Line:
    number: int
    indent: int
    text: str


@dataclass(slots=True)
class _Chunk:
    """Lines between blank lines (a page break is no blank line)."""

    lines: list[_Line] = field(default_factory=list)


def read_plaintext(text: str, shown: str, diagnostics: Diagnostics,
                   forms: PublishedForms) -> list[Block]:
    raw = text.replace("\r\n", "\n").replace("\t", "    ").split("\n")
    vocabulary = frozenset(word.lower() for line in raw
                           for word in re.findall(r"\w+", _unspaced(line)))
    lines = _cleaned(raw, forms, vocabulary)
    return _Reader(shown, forms, diagnostics).blocks(_chunks(lines))


def _unspaced(line: str) -> str:
    """A line with its letter-spaced runs joined, its word gaps made one space."""
    if not SPACED_LINE.search(line):
        return line
    indent = len(line) - len(line.lstrip(" "))
    body = SPACED_RUN.sub(lambda match: match.group(0).replace(" ", ""), line.strip())
    body = re.sub(r"(?<=\S) {2}(?=\S)", " ", body)
    return " " * indent + body


def _cleaned(raw: list[str], forms: PublishedForms, vocabulary: frozenset[str]) -> list[_Line]:
    lines = []
    skip = False
    for number, line in enumerate(raw, 1):
        if FOOTER.match(line):
            skip = True
        if skip:
            skip = bool(line.strip())
            continue
        line = line.rstrip()
        if COLUMN_NUMBERS.match(line):
            lines.append(_Line(number, len(line) - len(line.lstrip(" ")), line.strip()))
            continue
        if not SPACED_LINE.search(line) and not GAP.search(line.strip()):
            line = _links_back(line)
        line = _unspaced(line)
        indent = len(line) - len(line.lstrip(" "))
        body = BEFORE_SIGN.sub("", line.strip())
        body = forms.split_words(body, vocabulary)
        lines.append(_Line(number, indent, body))
    return lines


def _links_back(line: str) -> str:
    """Words of links the extraction moved to the line's end, back into their hole: an act
    number after its date, a word glued after the sentence's end, or the last word when the
    line has one hole of two spaces."""
    stripped = line.strip()
    indent = line[:len(line) - len(line.lstrip(" "))]
    number = TRAILING_NUMBER.search(stripped)
    hole = DATE_HOLE.search(stripped)
    if number is not None and hole is not None and hole.end() >= number.start() \
            and not stripped[hole.end("date"):number.start("number")].strip():
        return line  # the number stands after its date already
    if number is not None and hole is not None and hole.end() <= number.start():
        rest = stripped[:number.start()]
        moved = (f"{rest[:hole.start('hole')]} {number.group('number')} "
                 f"{rest[hole.end('hole'):].lstrip()}")
        return indent + moved.rstrip()
    glued = GLUED.search(stripped)
    body = stripped[:glued.start()] if glued is not None else stripped
    holes = _holes(body)
    word = glued.group("word") if glued is not None else None
    if word is None and len(holes) == 1 and not re.search(r"[.;:,!?)»]$", body):
        word = body.rsplit(" ", 1)[-1]
        body = body[:len(body) - len(word)].rstrip()
        holes = _holes(body)
    if word is None:
        return line
    if len(holes) == 1:
        return f"{indent}{body[:holes[0]]} {word} {body[holes[0] + 2:]}"
    if not holes and line.startswith(" ") and not line.startswith("  "):
        return f" {word} {body}"  # the hole is the line's leading space
    return line


def _holes(body: str) -> list[int]:
    """Where two spaces stand between words, not after a leading label ("6.  Excluded")."""
    label = re.match(r"^\d+(?:-\d+)*[.)]", body)
    after_label = label.end() if label is not None else -1
    return [match.start() for match in re.finditer(r"(?<=\S)  (?=\S)", body)
            if match.start() != after_label]


def _chunks(lines: list[_Line]) -> list[_Chunk]:
    """Lines between blank lines. A line at the margin that goes on with a sentence (it opens
    in lower case or with a closing sign, after words that end none) splits nothing, whatever
    the blank lines before it; a run of three (a page break) splits only before a capital."""
    chunks: list[_Chunk] = [_Chunk()]
    blank = 0
    for line in lines:
        if not line.text:
            blank += 1
            continue
        previous = chunks[-1].lines[-1].text if chunks[-1].lines else ""
        goes_on = line.indent == 0 and previous and not SENTENCE_END.search(previous) and (
            line.text[:1].islower() or line.text[:1] in CLOSING)
        page_break = blank == 3 and not line.text[:1].isupper()
        if blank and chunks[-1].lines and not goes_on and not page_break:
            chunks.append(_Chunk())
        blank = 0
        chunks[-1].lines.append(line)
    return [chunk for chunk in chunks if chunk.lines]


class _Reader:
    """Turns chunks of lines into blocks, with the tables without markup recognised."""

    def __init__(self, shown: str, forms: PublishedForms, diagnostics: Diagnostics):
        self.shown = shown
        self.forms = forms
        self.diagnostics = diagnostics
        self.out: list[Block] = []

    def pos(self, line: _Line) -> SourcePos:
        return SourcePos(self.shown, line.number, line.indent + 1)

    def blocks(self, chunks: list[_Chunk]) -> list[Block]:
        index = 0
        head = True
        while index < len(chunks):
            chunk = chunks[index]
            if head and index == 0:
                index = self._head(chunks)
                head = False
                continue
            numbers = next((i for i, line in enumerate(chunk.lines)
                            if COLUMN_NUMBERS.match(line.text)), None)
            if numbers is not None:
                index = self._numbered_table(chunks, index, numbers)
                continue
            if self._list_table_at(chunks, index):
                index = self._list_table(chunks, index)
                continue
            self._chunk(chunk)
            index += 1
        return self.out

    # -- the head of the page ---------------------------------------------------------------

    def _head(self, chunks: list[_Chunk]) -> int:
        """The title (the lines before the first blank line), then status, adoption and repeal
        lines up to the first paragraph."""
        first = chunks[0].lines
        self.out.append(Block("heading", " ".join(line.text for line in first), self.pos(
            first[0]), level=1, role="title"))
        index = 1
        while index < len(chunks) and chunks[index].lines[0].indent == 0:
            lines = chunks[index].lines
            rest = self._head_lines(lines)
            if rest:
                self._chunk(_Chunk(rest))
            index += 1
            if rest:
                break
        return index

    def _head_lines(self, lines: list[_Line]) -> list[_Line]:
        """Status, adoption and repeal lines at the head; the lines after them."""
        position = 0
        while position < len(lines) and lines[position].indent == 0:
            line = lines[position]
            if self.forms.status.match(line.text):
                self.out.append(Block("paragraph", line.text, self.pos(line), role="status"))
                position += 1
            elif self.forms.adoption(line.text) is not None and not self.forms.exclusion.match(
                    line.text):
                self.out.append(Block("paragraph", line.text, self.pos(line), role="adoption"))
                position += 1
            elif self.forms.exclusion.match(line.text):
                # The repeal line and its continuation: its note follows.
                position += 1
                while position < len(lines) and lines[position].indent == 0:
                    position += 1
            else:
                break
        return lines[position:]

    # -- paragraphs and margin blocks -------------------------------------------------------

    def _chunk(self, chunk: _Chunk) -> None:
        lines = chunk.lines
        columns = next((index for index, line in enumerate(lines) if _far(line)), None)
        if columns is not None and _two_columns(lines[columns:]):
            if columns:
                self._chunk(_Chunk(lines[:columns]))
            self._two_column_table(lines[columns:])
            return
        margin: list[_Line] = []
        paragraph: list[_Line] = []
        for line in lines:
            if line.indent in PARAGRAPH_INDENT or (line.indent > 0 and paragraph == [] and
                                                   not margin):
                self._flush(margin, paragraph)
                margin, paragraph = [], [line]
            elif paragraph and self._block_after(paragraph, line, lines):
                self._flush(margin, paragraph)
                margin, paragraph = [line], []
            elif paragraph:
                paragraph.append(line)
            else:
                margin.append(line)
        self._flush(margin, paragraph)

    def _block_after(self, paragraph: list[_Line], line: _Line, lines: list[_Line]) -> bool:
        """A capital at the margin after a paragraph's last sentence opens a block of its own
        when the paragraph is a note, or when a stamp follows."""
        if not SENTENCE_END.search(paragraph[-1].text) or not line.text[:1].isupper():
            return False
        if self.forms.note_word.match(paragraph[0].text):
            return True
        rest = lines[lines.index(line):]
        return any(self.forms.approval_stamp.search(other.text) or
                   self.forms.appendix_stamp.search(other.text)
                   for other in rest[:6] if other.indent == 0)

    def _flush(self, margin: list[_Line], paragraph: list[_Line]) -> None:
        if margin:
            self._margin(margin)
        if not paragraph:
            return
        first = paragraph[0]
        gap = GAP.search(first.text)
        if len(paragraph) == 1 and gap is not None and NAME.search(first.text):
            # "Position        Name": the signature, with the line of its position above.
            above = self.out[-1] if self.out else None
            if above is not None and above.kind == "paragraph" and len(above.lines) == 1 \
                    and not SENTENCE_END.search(above.text):
                above.role = "signature"
            self.out.append(Block("paragraph", " ".join(first.text.split()), self.pos(first),
                                  lines=[first.text], role="signature"))
            return
        words = " ".join(line.text for line in paragraph)
        # The indentation only opens a paragraph here: it nests nothing, unlike Markdown's.
        self.out.append(Block("paragraph", words, self.pos(first),
                              lines=[line.text for line in paragraph]))

    def _margin(self, lines: list[_Line]) -> None:
        """A block at the margin: a stamp (its lines) or a heading."""
        texts = [line.text for line in lines]
        stamp = any(self.forms.approval_stamp.search(text) or
                    self.forms.appendix_stamp.search(text) for text in texts)
        if stamp:
            self.out.append(Block("quote", " ".join(texts), self.pos(lines[0]), lines=texts))
            return
        self.out.append(Block("heading", " ".join(texts), self.pos(lines[0]), level=2))

    # -- tables without markup --------------------------------------------------------------

    def _two_column_table(self, lines: list[_Line]) -> None:
        """Cells at the margin and at a far column: a row opens where the left cell opens
        with a capital letter."""
        rows: list[tuple[list[str], list[str], _Line]] = []
        for line in lines:
            left, right = _split_columns(line)
            opens = bool(left) and left[:1].isupper()
            if opens or not rows:
                rows.append(([], [], line))
            if left:
                rows[-1][0].append(left)
            if right:
                rows[-1][1].append(right)
        grid = Grid(tuple((GridCell(" ".join(left), pos=self.pos(line)),
                           GridCell(_cell_lines(right), pos=self.pos(line)))
                          for left, right, line in rows), self.pos(lines[0]))
        self.out.append(Block("table", "", self.pos(lines[0]), grid=grid, role="columns"))

    def _numbered_table(self, chunks: list[_Chunk], index: int, numbers: int) -> int:
        """A header up to the line of column numbers, then rows, each opened by a block that is
        only its label, until the next paragraph."""
        header_lines = [line.text for line in chunks[index].lines[:numbers]]
        start = self.pos(chunks[index].lines[0])
        header_chunks = self._pop_header()
        width = len(chunks[index].lines[numbers].text.split())
        header_texts = [*header_chunks, " ".join(header_lines)] if header_lines else header_chunks
        header = _fitted(header_texts, width)
        rows: list[list[str]] = [header, [str(n) for n in range(1, width + 1)]]
        positions = [start, start]
        groups: set[int] = set()
        index += 1
        current: list[str] | None = None
        while index < len(chunks) and chunks[index].lines[0].indent not in PARAGRAPH_INDENT:
            text = "\n".join(line.text for line in chunks[index].lines)
            line = chunks[index].lines[0]
            if LABEL_BLOCK.match(text.replace("\n", "")):
                current = [text.replace("\n", "")]
                rows.append(current)
                positions.append(self.pos(line))
            elif current is None or len(current) >= width:
                groups.add(len(rows))  # a heading of the rows below, across the table
                rows.append([text])
                positions.append(self.pos(line))
                current = None
            else:
                current.append(text)
            index += 1
        grid = Grid(tuple(
            (GridCell(row[0], colspan=width, pos=pos),) if number in groups else
            tuple(GridCell(cell, pos=pos) for cell in _fitted(row, width))
            for number, (row, pos) in enumerate(zip(rows, positions, strict=True))), start)
        self.out.append(Block("table", "", start, grid=grid, role="numbered"))
        return index

    def _pop_header(self) -> list[str]:
        """The margin blocks just before the column numbers: the header's cells."""
        taken: list[str] = []
        while self.out and self.out[-1].kind == "heading" and self.out[-1].level == 2 and len(
                self.out[-1].text) < 80:
            taken.insert(0, self.out.pop().text)
        return taken

    def _list_table_at(self, chunks: list[_Chunk], index: int) -> bool:
        """A run of margin blocks, most of them "N …" rows, whose first row comes at most two
        blocks after its start (a header, a group's heading)."""
        run = self._margin_run(chunks, index)
        numbered = [number for number, chunk in enumerate(run)
                    if LIST_ROW.match(chunk.lines[0].text) and len(chunk.lines) == 1]
        return len(run) >= 6 and len(numbered) * 2 >= len(run) - 2 and numbered[0] <= 2

    @staticmethod
    def _margin_run(chunks: list[_Chunk], index: int) -> list[_Chunk]:
        run = []
        while index < len(chunks) and all(line.indent == 0 for line in chunks[index].lines) \
                and len(chunks[index].lines) <= 2:
            run.append(chunks[index])
            index += 1
        return run

    def _list_table(self, chunks: list[_Chunk], index: int) -> int:
        """One row per block: "N Name 64 316 level" (a label, then cells), the others heading
        groups of rows or totalling them."""
        run = self._margin_run(chunks, index)
        start = self.pos(run[0].lines[0])
        rows: list[tuple[GridCell, ...]] = []
        first_row = next(number for number, chunk in enumerate(run)
                         if LIST_ROW.match(chunk.lines[0].text))
        for number, chunk in enumerate(run):
            text = " ".join(line.text for line in chunk.lines)
            pos = self.pos(chunk.lines[0])
            row = LIST_ROW.match(text)
            if number == 0 and first_row == 2:
                rows.append((GridCell(text, colspan=4, header=True, pos=pos),))
            elif row is not None:
                cells = _town_cells(row.group("rest"))
                rows.append((GridCell(row.group("label"), pos=pos),
                             *(GridCell(cell, pos=pos) for cell in cells)))
            else:
                rows.append((GridCell(text, colspan=4, pos=pos),))
        self.out.append(Block("table", "", start, grid=Grid(tuple(rows), start), role="list"))
        return index + len(run)


def _far(line: _Line) -> bool:
    """A line with text at a far column, after a gap or at the line's start."""
    return line.indent >= FAR_COLUMN or (line.indent in PARAGRAPH_INDENT and bool(
        GAP.search(line.text)))


def _two_columns(lines: list[_Line]) -> bool:
    """Most lines hold text at a far column."""
    return len(lines) >= 4 and sum(1 for line in lines if _far(line)) * 2 >= len(lines)


def _split_columns(line: _Line) -> tuple[str, str]:
    if line.indent >= FAR_COLUMN:
        return "", line.text
    gap = GAP.search(line.text)
    if gap is None:
        return line.text, ""
    return line.text[:gap.start(1)].strip(), line.text[gap.end(1):].strip()


def _cell_lines(lines: list[str]) -> str:
    """A right-hand cell's lines: a line opening with a number's label or following the end of
    a sentence opens a paragraph of its own."""
    paragraphs: list[str] = []
    for line in lines:
        opens = not paragraphs or re.match(r"^\d+\.\s", line) or re.search(
            r"[.:;*,]$", paragraphs[-1])
        if opens:
            paragraphs.append(line)
        else:
            paragraphs[-1] += " " + line
    return "\n".join(paragraphs)


def _town_cells(rest: str) -> list[str]:
    match = TOWN_ROW.match(rest)
    if match is None:
        return [rest, "", ""]
    return [match.group("name"), match.group("count"), match.group("level")]


def _fitted(cells: list[str], width: int) -> list[str]:
    """`cells` as `width` columns: the words of any beyond the last in the last."""
    if len(cells) <= width:
        return cells + [""] * (width - len(cells))
    return [*cells[:width - 1], "\n".join(cells[width - 1:])]
