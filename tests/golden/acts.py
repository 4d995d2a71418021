"""The amending acts of the published corpus (`../shared/corpus/`), read as their text, one
paragraph a line.

Reads the mirror's Markdown (`kaz.md`, `rus.md`) and `meta.yaml` of a document; writes nothing.
The corpus stays where it is: nothing of it is copied into the repository. Its Markdown is the
mirror's rendering of the published text, so the lines are given back as a reader of the act
sees them: headings, emphasis, anchors and escapes dropped, a table row as its cells between
" | ", a quote mark that the mirror sets on a line of its own joined to the row it opens or
closes, and the publisher's own notes ("Сноска." / "Ескерту.") and status lines left out, since
they are no part of the act as signed.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import cache
from pathlib import Path

import yaml

from .corpus import FILES

# The documents whose text amends other acts, and the language files of each.
AMENDING = ("103883", "152747", "120595", "103695", "22806")
NOTE_WORDS = ("Сноска.", "Ескерту.", "Примечание РЦПИ", "РҚАО-ның ескертпесі")
QUOTE_ONLY = re.compile(r"^»[;.]?$")


@cache
def document_folder(corpus: Path, document: str) -> Path:
    return next(path for path in corpus.glob(f"*/{document}") if path.is_dir())


def act_identity(corpus: Path, document: str) -> tuple[str, dt.date]:
    """The number and the date of a document of the corpus, from its `meta.yaml`."""
    meta = yaml.safe_load((document_folder(corpus, document) / "meta.yaml").read_text(
        encoding="utf-8"))
    number = re.search(r"№\s*(\S+)$", meta["requisite"])
    assert number is not None, meta["requisite"]
    return number.group(1), meta["approved_on"]


def _cells(row: str) -> str:
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return " | ".join(html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells)


def _plain(line: str) -> str:
    """A Markdown line as the text it shows."""
    line = line.strip()
    line = re.sub(r"<a id=\"[^\"]*\"></a>", "", line)
    line = re.sub(r"^#+\s*", "", line)
    line = re.sub(r"^>\s*", "", line)
    line = line.replace("**", "").strip()
    if line.startswith("*") and line.rstrip().endswith("*"):
        line = line.strip().strip("*")
    line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", line)
    return html.unescape(line).strip()


@cache
def act_lines(corpus: Path, document: str, lang: str) -> tuple[str, ...]:
    """The text of a document of the corpus in `lang`, one paragraph a line."""
    source = (document_folder(corpus, document) / FILES[lang]).read_text(encoding="utf-8")
    source = re.sub(r"<table>.*?</table>", lambda table: "\n".join(
        _cells(row) for row in re.findall(r"<tr>.*?</tr>", table.group(0), re.S)),
        source, flags=re.S)
    lines: list[str] = []
    for raw in source.splitlines():
        line = _plain(raw)
        if not line or line.startswith(NOTE_WORDS):
            continue
        # The mirror sets a quote mark around a table on a line of its own.
        if lines and (QUOTE_ONLY.match(line) or lines[-1] == "«"):
            lines[-1] += line
        else:
            lines.append(line)
    return tuple(lines)
