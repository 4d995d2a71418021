"""HTML writer: an annotated version → one self-contained HTML file (Jinja2, autoescaped).

Reads: an `Annotated` version. Writes: UTF-8 HTML with the stylesheet inlined, an anchor per
unit id, the notes, the pending notice and a table of contents (`document.html.j2`).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Annotated
from .shared.templates import Templates, document_html


def render_html(annotated: Annotated, template_dir: Path | None = None) -> bytes:
    """The version page; `template_dir` is the project's templates folder, if it has one."""
    return document_html(annotated, Templates(template_dir)).encode("utf-8")
