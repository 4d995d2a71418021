"""Reader of a document's page saved from the official database (or a portal that mirrors it).

Reads the page's HTML with lxml; writes `Block`s, each placed at its element's line and, where
the page gives one, its anchor (`z235`). The legacy page's shape: the title in the head's `h1`,
the status in `span.status`, the adopting act in the head's paragraph; the text in `article`:
paragraphs, headings that hold several levels separated by `<br>`, tables (a borderless one
with italic cells is a signature or a stamp), and the notes as `p.note` or as `span.note` runs
whose act number is a link between them, each run ended by a `<br>` — the number is read back
into its note, which the plain-text copy of the same page loses.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..i18n import tr
from ..model import Diagnostics, SourcePos
from .blocks import Block, Emphasis
from .markdown import grid_of

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements whose text belongs to the line they stand in.
INLINE = ("a", "b", "strong", "i", "em", "span", "font", "sup", "sub", "u")
NBSP = "\u00a0"
NAME = re.compile(r"^[^\W\d_]\.\s?(?:[^\W\d_]\.\s?)?[^\W\d_][\w-]+$")


def read_html(text: str, shown: str, diagnostics: Diagnostics) -> list[Block]:
    try:
        page = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        diagnostics.error(SourcePos(shown, 1, 1), tr("the page cannot be read: {exc}", exc=exc))
        return []
    for junk in page.xpath("//script | //style | //noscript"):
        junk.drop_tree()
    reader = _Page(shown)
    reader.head(page)
    body = next(iter(page.xpath("//article")), None)
    if body is None:
        body = next(iter(page.xpath("//body")), page)
    reader.walk(body)
    reader.flush()
    if not any(block.role == "title" for block in reader.blocks):
        diagnostics.error(SourcePos(shown, 1, 1), tr("the page has no title (h1)"))
    return reader.blocks


class _Page:
    def __init__(self, shown: str):
        self.shown = shown
        self.skip: set[lxml.html.HtmlElement] = set()  # read already (the title)
        self.blocks: list[Block] = []
        self.line: list[str] = []  # the words of the line being read
        self.line_note = False
        self.line_pos: SourcePos | None = None
        self.line_emphasis: Emphasis = ""

    def pos(self, element: lxml.html.HtmlElement) -> SourcePos:
        anchor = element.get("id") or element.get("name")
        if anchor is None:
            found = element.xpath(".//a[@name]")
            anchor = found[0].get("name") if found else None
        line = element.sourceline or 0
        if anchor:
            return SourcePos(f"{self.shown}: {anchor}", 0, 0)
        return SourcePos(self.shown, line, 1)

    def head(self, page: lxml.html.HtmlElement) -> None:
        """Title, status and adopting act: the page head, outside the article."""
        title = next(iter(page.xpath("//*[contains(@class,'slogan')]//h1 | //h1")), None)
        if title is not None:
            self.blocks.append(Block("heading", _text(title), self.pos(title), level=1,
                                     role="title"))
            self.skip.add(title)
        for status in page.xpath("//span[contains(@class,'status')]"):
            self.blocks.append(Block("paragraph", _text(status), self.pos(status),
                                     role="status"))
        for line in page.xpath("//*[contains(@class,'slogan')]//p"):
            self.blocks.append(Block("paragraph", _text(line), self.pos(line), role="adoption"))

    def walk(self, element: lxml.html.HtmlElement) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child in self.skip:
                continue
            tag = child.tag.lower()
            if tag == "table":
                self.flush()
                self._table(child)
            elif tag in HEADINGS:
                self.flush()
                self._heading(child)
            elif tag == "br":
                self.flush()
                self._tail(child)
            elif tag in INLINE:
                self._inline(child)
                self._tail(child)
            elif tag in ("p", "div", "li", "blockquote", "pre", "section"):
                self.flush()
                if child.get("class", "").strip() == "note":
                    self._start(child, note=True)
                self.walk_text(child)
                self.flush()
                self._tail(child)
            else:
                self.walk(child)
                self._tail(child)

    def walk_text(self, element: lxml.html.HtmlElement) -> None:
        if element.text:
            self._words(element.text, element)
        self.walk(element)

    def _inline(self, element: lxml.html.HtmlElement) -> None:
        classes = element.get("class", "")
        if "note" in classes.split():
            self._start(element, note=True)
        elif element.tag in ("i", "em") and not self.line:
            self.line_emphasis = "italic"
        elif element.tag in ("b", "strong") and not self.line:
            self.line_emphasis = "bold"
        if element.text:
            self._words(element.text, element)
        self.walk(element)

    def _tail(self, element: lxml.html.HtmlElement) -> None:
        if element.tail:
            self._words(element.tail, element)

    def _start(self, element: lxml.html.HtmlElement, note: bool) -> None:
        if self.line_pos is None:
            self.line_pos = self.pos(element)
        self.line_note = self.line_note or note

    def _words(self, text: str, element: lxml.html.HtmlElement) -> None:
        if text.replace(NBSP, " ").strip() and self.line_pos is None:
            self.line_pos = self.pos(element)
        self.line.append(text)

    def flush(self) -> None:
        words = " ".join("".join(self.line).replace(NBSP, " ").split())
        if words and self.line_pos is not None:
            self.blocks.append(Block("paragraph", words, self.line_pos,
                                     emphasis=self.line_emphasis if not self.line_note
                                     else "italic",
                                     role="note" if self.line_note else ""))
        self.line, self.line_note, self.line_pos, self.line_emphasis = [], False, None, ""

    def _heading(self, element: lxml.html.HtmlElement) -> None:
        """A heading element may hold several levels, one per line."""
        parts: list[str] = [element.text or ""]
        for child in element.iter():
            if child is element:
                continue
            if child.tag == "br":
                parts.append("")
            parts[-1] += (child.text or "") if child.tag != "br" else ""
            parts[-1] += child.tail or ""
        level = int(element.tag[1]) if element.tag[1:].isdigit() else 2
        for part in parts:
            words = " ".join(part.replace(NBSP, " ").split())
            if words:
                self.blocks.append(Block("heading", words, self.pos(element), level=level))

    def _table(self, element: lxml.html.HtmlElement) -> None:
        pos = self.pos(element)
        grid = grid_of(element, SourcePos(pos.path, pos.line or 1, 1), element.sourceline or 1)
        italic = bool(element.xpath(".//i | .//em")) and element.get("border") == "0"
        cells = [cell for row in grid.rows for cell in row]
        if italic and len(grid.rows) <= 3:
            # A borderless table of italic lines: a signature (its last line a name) line by
            # line, or a stamp.
            lines = [line for cell in cells for line in cell.text.split("\n") if line.strip()]
            if lines and NAME.search(lines[-1]):
                self.blocks.extend(Block("paragraph", line, pos, emphasis="italic")
                                   for line in lines)
            else:
                self.blocks.append(Block("quote", " ".join(lines), pos, lines=lines,
                                         emphasis="italic"))
            return
        self.blocks.append(Block("table", "", pos, grid=grid))


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(str(element.text_content()).replace(NBSP, " ").split())
