"""Which reader reads an input file, and the words of the whole document for the repairs.

Reads a published text's file (its bytes, decoded as UTF-8 unless it is a DOCX); writes the
`Block`s of the reader its form calls for — by its name's ending: `.md` Markdown with HTML
tables, `.html`/`.htm` a saved page, `.docx` a Word document, anything else a plain-text copy.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..i18n import tr
from ..model import Diagnostics, SourcePos
from ..model.published import PublishedForms
from ..regular_files import NotRegularFile, read_regular
from .blocks import Block
from .markdown import read_markdown

WORD = re.compile(r"\w+")


def read_blocks(path: Path, shown: str, diagnostics: Diagnostics,
                forms: PublishedForms) -> list[Block]:
    """The blocks of the file at `path`, named `shown` in positions; a plain-text copy's
    repairs need the language's `forms`."""
    suffix = path.suffix.lower()
    try:
        # Only a regular file: a FIFO or a device given by mistake would block the import.
        data = read_regular(path)
    except NotRegularFile as exc:
        diagnostics.error(SourcePos(shown, 1, 1), tr("the path {problem}", problem=exc.strerror))
        return []
    if suffix == ".docx":
        from .docx_text import read_docx

        return read_docx(path, shown, diagnostics)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diagnostics.error(SourcePos(shown, 1, 1), tr("the file is not UTF-8 text ({reason} at "
                                                     "byte {start})",
                                                     reason=exc.reason, start=exc.start))
        return []
    if suffix == ".md":
        return read_markdown(text, shown, diagnostics)
    if suffix in (".html", ".htm"):
        from .html_page import read_html

        return read_html(text, shown, diagnostics)
    from .plaintext import read_plaintext

    return read_plaintext(text, shown, diagnostics, forms)


def vocabulary(blocks: list[Block]) -> frozenset[str]:
    """Every word of the document, in lower case: the repairs join pieces into known words."""
    words: set[str] = set()
    for block in blocks:
        words.update(word.lower() for word in WORD.findall(block.text))
        for row in block.grid.rows if block.grid else ():
            for cell in row:
                words.update(word.lower() for word in WORD.findall(cell.text))
    return frozenset(words)
