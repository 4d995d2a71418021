"""HTML writer: an annotated version → one self-contained HTML file (Jinja2, autoescaped).

Reads: an `Annotated` version. Writes: UTF-8 HTML with the stylesheet inlined, an anchor per
unit id, the notes, the pending notice and a table of contents (`templates/document.html.j2`).
"""

from __future__ import annotations

from ..model import Annotated
from .shared.templates import document_html


def render_html(annotated: Annotated) -> bytes:
    return document_html(annotated).encode("utf-8")
