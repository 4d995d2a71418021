"""Text helpers the tests share: an HTML page as a reader sees it, words, and their similarity."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import lxml.html

WORD = re.compile(r"\w+", re.UNICODE)
# Elements a browser sets apart: their texts never run into each other on the page.
BLOCK_TAGS = ("p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br")
# What a reader never sees as text.
HIDDEN = "//head | //style | //script"
# The reasons of reconstructed wordings as endnotes: their list and the marks that refer to it
# (the DOCX gives them as comments instead).
ENDNOTES = "//aside[@id='reconstructed-texts'] | //*[contains(@class, 'endnote-mark')]"
# The parts of a version page that are not the text of the act: contents, version line, the
# title page's word that the version shows reconstructed wordings, endnotes.
NOT_THE_ACT = (f"{HIDDEN} | //nav[@id='toc'] | //*[contains(@class, 'version-line')] "
               f"| //*[contains(@class, 'contains-reconstructed')] | {ENDNOTES}")


def html_tree(source: Path | bytes, drop: str = HIDDEN) -> lxml.html.HtmlElement:
    """The page without the elements `drop` selects, a line break after every block."""
    tree = lxml.html.fromstring(source.read_bytes() if isinstance(source, Path) else source)
    for node in tree.xpath(drop):
        node.drop_tree()
    for node in tree.iter(*BLOCK_TAGS):
        node.tail = "\n" + (node.tail or "")
    return tree


def html_text(source: Path | bytes, drop: str = HIDDEN) -> str:
    return str(html_tree(source, drop).text_content())


def html_words(source: Path | bytes, drop: str = HIDDEN) -> list[str]:
    return words(html_text(source, drop))


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def similarity(left: list[str], right: list[str]) -> float:
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def differing_passages(left: list[str], right: list[str], limit: int = 20) -> str:
    """The first passages where two word lists differ, for a readable failure message."""
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    lines = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lines.append(f"{tag}: {' '.join(left[i1:i2])!r} -> {' '.join(right[j1:j2])!r}")
        if len(lines) >= limit:
            break
    return "\n".join(lines)
