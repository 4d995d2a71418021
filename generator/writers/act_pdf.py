"""PDF writer of an amending act: its HTML page → PDF/A-3b through WeasyPrint.

Reads: an `ActText`, `print.css` (the project's own when it has one), the installed serif font.
Writes: PDF bytes on A4 in the consolidated texts' styles and font (embedded, checked before and
after rendering), dated by the act's signing date so that the same record gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from ..model.act_text import ActText
from .shared.fonts import check_font
from .shared.pdf import render_html_pdf
from .shared.templates import Templates, act_html

__all__ = ["check_font", "render_act_pdf"]


def render_act_pdf(text: ActText, template_dir: Path | None = None) -> bytes:
    templates = Templates(template_dir)
    key = f"{text.document.id}/act/{text.lang.code}/{text.file_stem}"
    return render_html_pdf(act_html(text, templates), key, templates, text.lang)
