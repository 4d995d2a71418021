"""The Jinja2 templates of the HTML outputs: the environment, inline markup, the version page.

Reads: `templates/` (the page templates and the stylesheet). Writes: HTML text, every value
escaped. The HTML writer publishes the version page as it is; the PDF writer renders it.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ...lang.cells import cell_lines
from ...model import TOC_KINDS, Annotated, Cell, KindVisitor, Language, Unit, short_date
from ...model.inline import spans
from ...model.tables import heading_text, is_numeric, table_shape
from .typography import unbreakable_pieces

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def typeset(text: str | None) -> Markup:
    """Plain text as HTML, escaped, each piece a line must not break in a no-wrap span."""
    text = text or ""
    parts: list[str] = []
    cursor = 0
    for start, end in unbreakable_pieces(text):
        parts.append(str(escape(text[cursor:start])))
        parts.append(f'<span class="nobr">{escape(text[start:end])}</span>')
        cursor = end
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))


def inline_html(text: str | None) -> Markup:
    """Unit text with its references and emphasis as HTML; everything else escaped."""
    parts: list[str] = []
    for span in spans(text or ""):
        shown = typeset(span.text)
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
    env.filters["typeset"] = typeset
    return env


def stylesheet(templates: Path = TEMPLATES) -> Markup:
    """The screen stylesheet, inlined so that every page is one self-contained file."""
    return Markup((templates / "style.css").read_text(encoding="utf-8"))


def contents_text(unit: Unit, lang: Language) -> str:
    """A unit's line in the table of contents and the bookmarks: its heading line, an appendix
    led by its name ("1-қосымша. …", "Приложение 1. …"), which its heading does not repeat."""
    if unit.kind != "appendix":
        return heading_text(unit)
    name = lang.unit_name(unit)
    return f"{name[:1].upper()}{name[1:]}. {unit.heading or ''}".strip()


def toc_entries(units: list[Unit], lang: Language,
                depth: int = 0) -> list[tuple[int, str, str]]:
    """(depth, id, text) of the resolution's parts worth a bookmark."""
    entries = []
    for unit in units:
        if unit.kind in TOC_KINDS:
            entries.append((depth, unit.uid, contents_text(unit, lang)))
            entries.extend(toc_entries(unit.children, lang, depth + 1))
    return entries


class PageLayout(KindVisitor[str]):
    """The block of `document.html.j2` that lays out each kind of unit."""

    def visit_attachment(self, unit: Unit) -> str:
        return "attachment"

    def visit_appendix(self, unit: Unit) -> str:
        return "appendix"

    def visit_chapter(self, unit: Unit) -> str:
        return "section"

    def visit_section(self, unit: Unit) -> str:
        return "section"

    def visit_subsection(self, unit: Unit) -> str:
        return "section"

    def visit_table(self, unit: Unit) -> str:
        return "table"

    def visit_signature(self, unit: Unit) -> str:
        return "signature"

    def visit_notes(self, unit: Unit) -> str:
        return "notes"

    def _text(self, unit: Unit) -> str:
        return "text"

    visit_preamble = visit_paragraph = visit_article = visit_point = _text
    visit_subpoint = visit_text = _text

    def _row(self, unit: Unit) -> str:
        # Rows belong to their table, whose block lays them out.
        return "row"

    visit_group = visit_row = visit_total = _row


PAGE_LAYOUTS = ("attachment", "appendix", "section", "table", "signature", "notes", "text", "row")


def document_html(annotated: Annotated, templates: Path = TEMPLATES) -> str:
    env = environment(templates)
    version = annotated.version
    lang = annotated.lang
    layout = PageLayout()

    def lines(cell: Cell) -> list[str]:
        return cell_lines(cell, lang)

    return env.get_template("document.html.j2").render(
        a=annotated,
        lang=lang,
        version=version,
        version_heading=lang.version_heading(version.date),
        version_date=short_date(version.date),
        toc=toc_entries(version.units, lang),
        reasons=annotated.reconstruction_reasons(),
        css=stylesheet(templates),
        cell_lines=lines,
        table_shape=table_shape,
        heading_text=heading_text,
        contents_text=lambda unit: contents_text(unit, lang),
        is_numeric=is_numeric,
        layout_of=layout.visit,
    )
