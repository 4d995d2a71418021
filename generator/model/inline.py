"""The inline markup of unit text: `[shown text](ref:TARGET)` references and `**emphasis**`.

Writers turn text into a list of `Span`s and render each span in their own format; the plain text
of a unit (for diffs and comparisons) is the spans' text joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKUP = re.compile(r"\[(?P<shown>[^\]]+)\]\(ref:(?P<target>[^)\s]+)\)|\*\*(?P<em>.+?)\*\*")


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    kind: str = "text"  # text | ref | em
    target: str | None = None

    @property
    def is_internal(self) -> bool:
        """A reference to a unit of this document (its id) rather than to another act or to
        another document of the workspace."""
        return self.kind == "ref" and "/" not in (self.target or "") and \
            self.cross_document is None

    @property
    def cross_document(self) -> tuple[str, str] | None:
        """The document and unit of a reference to another document of the workspace
        (`ref:doc-id#unit-id`); None for any other span."""
        if self.kind != "ref" or not self.target or "/" in self.target:
            return None
        doc, mark, uid = self.target.partition("#")
        return (doc, uid) if doc and mark and uid else None


def spans(text: str) -> list[Span]:
    result: list[Span] = []
    cursor = 0
    for match in _MARKUP.finditer(text):
        if match.start() > cursor:
            result.append(Span(text[cursor:match.start()]))
        if match.group("shown") is not None:
            result.append(Span(match.group("shown"), "ref", match.group("target")))
        else:
            result.append(Span(match.group("em"), "em"))
        cursor = match.end()
    if cursor < len(text):
        result.append(Span(text[cursor:]))
    return result


def plain(text: str | None) -> str:
    return "".join(span.text for span in spans(text)) if text else ""


def linked(text: str | None) -> str:
    """The text as a Word document shows and links it: a reference to a unit of this document
    kept in its markup (a link to the unit's bookmark), any other markup as its shown text."""
    return "".join(f"[{span.text}](ref:{span.target})" if span.is_internal else span.text
                   for span in spans(text)) if text else ""
