"""HTML writer: an annotated version → one self-contained HTML file (Jinja2, autoescaped).

Reads: an `Annotated` version. Writes: HTML text with the stylesheet inlined, an anchor per unit
id, the notes, the pending notice and a table of contents. The PDF writer renders this HTML.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..annotate import Annotated
from ..inline import spans
from ..lang.base import short_date
from ..model import Unit
from .common import TOC_KINDS, cell_lines, heading_text, table_shape

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def inline_html(text: str | None) -> Markup:
    """Unit text with its references and emphasis as HTML; everything else escaped."""
    parts: list[str] = []
    for span in spans(text or ""):
        shown = escape(span.text)
        if span.kind == "em":
            parts.append(f"<em>{shown}</em>")
        elif span.is_internal:
            parts.append(f'<a class="ref" href="#{escape(span.target)}">{shown}</a>')
        elif span.kind == "ref":
            parts.append(f'<span class="ref" data-act="{escape(span.target)}">{shown}</span>')
        else:
            parts.append(str(shown))
    return Markup("".join(parts))


def environment(templates: Path = TEMPLATES) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = inline_html
    return env


def toc_entries(units: list[Unit], depth: int = 0) -> list[tuple[int, str, str]]:
    """(depth, id, text) of the resolution's parts worth a bookmark."""
    entries = []
    for unit in units:
        if unit.kind in TOC_KINDS:
            entries.append((depth, unit.uid, heading_text(unit)))
            entries.extend(toc_entries(unit.children, depth + 1))
    return entries


def render_html(annotated: Annotated, templates: Path = TEMPLATES) -> str:
    env = environment(templates)
    css = (templates / "style.css").read_text(encoding="utf-8")
    version = annotated.version
    return env.get_template("document.html.j2").render(
        a=annotated,
        lang=annotated.lang,
        version=version,
        version_heading=annotated.lang.version_heading(version.date),
        version_date=short_date(version.date),
        toc=toc_entries(version.units),
        css=Markup(css),
        cell_lines=lambda cell: cell_lines(cell, annotated.lang),
        table_shape=table_shape,
        heading_text=heading_text,
    )
