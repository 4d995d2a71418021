"""PDF writer: an annotated version → a PDF/A-3b file, its HTML rendered by WeasyPrint.

Reads: an `Annotated` version (through the HTML templates), `print.css` (the project's own when
it has one), and the installed serif font. Writes: PDF bytes — A4, the action plan on landscape
pages, running heads, page numbers, bookmarks, title, language, author and subject — the same
bytes for the same input. The rendering, the locked-down fetcher and the font checks are in
`writers/shared/pdf.py`.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint.urls import URLFetcher

from ..model import Annotated
from .shared.fonts import check_font
from .shared.pdf import render_html_pdf
from .shared.templates import Templates, document_html

__all__ = ["check_font", "render_pdf"]


def identifier_key(annotated: Annotated) -> str:
    """The same document, language and version give the same file identifier."""
    version = annotated.version
    return f"{version.document.id}/{annotated.lang.code}/{version.date.isoformat()}"


def render_pdf(annotated: Annotated, template_dir: Path | None = None,
               fetcher: URLFetcher | None = None) -> bytes:
    """The PDF of a version; `template_dir` is the project's templates folder, if it has one;
    `fetcher` (by default one that serves those templates only) loads every resource."""
    templates = Templates(template_dir)
    return render_html_pdf(document_html(annotated, templates), identifier_key(annotated),
                           templates, annotated.lang, fetcher)
