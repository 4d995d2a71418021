"""The Jinja2 templates of the HTML outputs: the environment, inline markup, the version page.

Reads: the project's own `templates/` folder, then the built-in `generator/templates/` (a file
of the project's folder overrides the built-in file of the same name). Writes: HTML text, every
value escaped. The HTML writer publishes the version page and the act page as they are; the PDF
writers render them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ...lang.cells import cell_lines
from ...model import Annotated, Cell, FamilyVisitor, Language, Note, Unit, spec_of
from ...model.act_text import ActText
from ...model.inline import spans
from ...model.tables import heading_text, is_numeric, table_shape
from .typography import unbreakable_pieces

# The built-in templates ship inside the package.
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True, slots=True)
class Templates:
    """Where templates are found: the project's folder first (when it exists), then the
    built-in one — as Sphinx's templates_path or MkDocs' custom_dir."""

    project: Path | None = None

    @property
    def folders(self) -> list[Path]:
        own = [self.project.resolve()] if self.project and self.project.is_dir() else []
        return [*own, TEMPLATES]

    def find(self, name: str) -> Path | None:
        """The file used for `name` (a path relative to a templates folder), if any."""
        for folder in self.folders:
            path = (folder / name).resolve()
            if path.is_relative_to(folder) and path.is_file():
                return path
        return None

    def names(self) -> list[str]:
        """Every template name there is, built-in or the project's own."""
        return sorted({str(path.relative_to(folder)) for folder in self.folders
                       for path in folder.rglob("*") if path.is_file()})

    def environment(self) -> Environment:
        """One environment per set of folders, so each template is compiled once; Jinja
        recompiles a template whose file changed (the live preview's edits)."""
        return _environment(tuple(self.folders))

    def stylesheet(self) -> Markup:
        """The screen stylesheet, inlined so that every page is one self-contained file."""
        path = self.find("style.css")
        if path is None:
            raise FileNotFoundError(f"style.css is in none of {self.folders}")
        return Markup(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...]) -> Environment:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = _inline_filter
    env.filters["typeset"] = _typeset_filter
    return env


# The filters read the page's language from the template's context, where every page has it.
@pass_context
def _typeset_filter(context: Context, text: str | None) -> Markup:
    return typeset(text, context["lang"])


@pass_context
def _inline_filter(context: Context, text: str | None) -> Markup:
    return inline_html(text, context["lang"])


@dataclass(frozen=True, slots=True)
class Frame:
    """An output shown inside pages of another kind (the publication site): the template that
    extends the output's own (`{% extends "document.html.j2" %}` filling its blocks), what that
    template reads besides the output, and the page of each act by its key, to which the words of
    a note that name the act link."""

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    act_links: Mapping[str, str] = field(default_factory=dict)


def notes_html(lang: Language,
               act_links: Mapping[str, str] | None = None) -> Callable[[Note | None], Markup]:
    """A note's words as HTML, escaped, unbreakable pieces kept together; with `act_links`, the
    words naming each act link to the act's page."""

    def render(note: Note | None) -> Markup:
        parts: list[str] = []
        run: list[str] = []
        for segment in note.segments if note is not None else ():
            link = (act_links or {}).get(segment.act or "")
            if link is None:
                run.append(segment.text)
                continue
            parts.append(typeset("".join(run), lang))
            run = []
            parts.append(f'<a class="act-link" href="{escape(link)}">'
                         f"{typeset(segment.text, lang)}</a>")
        parts.append(typeset("".join(run), lang))
        return Markup("".join(parts))

    return render


def framed(frame: Frame | None, default: str, lang: Language) -> tuple[str, dict[str, Any]]:
    """The template to render and the context a frame adds (none for the output itself)."""
    if frame is None:
        return default, {"note_html": notes_html(lang)}
    return frame.template, {**frame.context, "note_html": notes_html(lang, frame.act_links)}


def typeset(text: str | None, lang: Language) -> Markup:
    """Plain text as HTML, escaped, each piece a line must not break in a no-wrap span."""
    text = text or ""
    parts: list[str] = []
    cursor = 0
    for start, end in unbreakable_pieces(text, lang):
        parts.append(str(escape(text[cursor:start])))
        parts.append(f'<span class="nobr">{escape(text[start:end])}</span>')
        cursor = end
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))


def inline_html(text: str | None, lang: Language) -> Markup:
    """Unit text with its references and emphasis as HTML; everything else escaped."""
    parts: list[str] = []
    for span in spans(text or ""):
        shown = typeset(span.text, lang)
        if span.kind == "em":
            parts.append(f"<em>{shown}</em>")
        elif span.is_internal:
            parts.append(f'<a class="ref" href="#{escape(span.target)}">{shown}</a>')
        elif span.kind == "ref":
            parts.append(f'<span class="ref" data-act="{escape(span.target)}">{shown}</span>')
        else:
            parts.append(str(shown))
    return Markup("".join(parts))


def contents_text(unit: Unit, lang: Language) -> str:
    """A unit's line in the table of contents and the bookmarks: its heading line, an appendix
    led by its name ("Appendix 1. …"), which its heading does not repeat."""
    if not spec_of(unit).named_by_label:
        return heading_text(unit)
    name = lang.unit_name(unit)
    return f"{name[:1].upper()}{name[1:]}. {unit.heading or ''}".strip()


def toc_entries(units: list[Unit], lang: Language,
                depth: int = 0) -> list[tuple[int, str, str]]:
    """(depth, id, text) of the resolution's parts worth a bookmark."""
    entries = []
    for unit in units:
        if spec_of(unit).in_contents:
            entries.append((depth, unit.uid, contents_text(unit, lang)))
            entries.extend(toc_entries(unit.children, lang, depth + 1))
    return entries


class PageLayout(FamilyVisitor[str]):
    """The block of `document.html.j2` that lays out each family of units."""

    def visit_stamped(self, unit: Unit) -> str:
        return "stamped"

    def visit_division(self, unit: Unit) -> str:
        return "division"

    def visit_tabular(self, unit: Unit) -> str:
        return "table"

    def visit_signatory(self, unit: Unit) -> str:
        return "signature"

    def visit_table_notes(self, unit: Unit) -> str:
        return "table_notes"

    def _text(self, unit: Unit) -> str:
        return "text"

    # Rows belong to their table, whose block lays them out; one standing elsewhere reads as a
    # paragraph.
    visit_numbered = visit_plain = visit_row = visit_heading_row = _text


PAGE_LAYOUTS = ("stamped", "division", "table", "signature", "table_notes", "text")


def document_html(annotated: Annotated, templates: Templates | None = None,
                  frame: Frame | None = None) -> str:
    """The version page (`document.html.j2`), or that page inside a frame."""
    templates = templates or Templates()
    lang = annotated.lang
    template, framing = framed(frame, "document.html.j2", lang)
    env = templates.environment()
    version = annotated.version
    layout = PageLayout()

    def lines(cell: Cell) -> list[str]:
        return cell_lines(cell, lang)

    return env.get_template(template).render(
        **framing,
        a=annotated,
        lang=lang,
        version=version,
        version_heading=annotated.version_heading,
        version_date=lang.short_date(version.date),
        toc=toc_entries(version.units, lang),
        reasons=annotated.reconstruction_reasons(),
        css=templates.stylesheet(),
        cell_lines=lines,
        table_shape=table_shape,
        heading_text=heading_text,
        contents_text=lambda unit: contents_text(unit, lang),
        is_numeric=is_numeric,
        layout_of=layout.visit,
        spec_of=spec_of,
    )


def act_html(text: ActText, templates: Templates | None = None,
             frame: Frame | None = None) -> str:
    """The page of an amending act (`act.html.j2`), or that page inside a frame: the HTML
    writer publishes it, the PDF writer renders it."""
    templates = templates or Templates()
    template, framing = framed(frame, "act.html.j2", text.lang)
    return templates.environment().get_template(template).render(
        **framing, t=text, lang=text.lang, css=templates.stylesheet())
