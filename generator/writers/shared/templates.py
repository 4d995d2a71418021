"""The Jinja2 templates of the HTML outputs: the environment, inline markup, the version page.

Reads: the project's own `templates/` folder, then the built-in `generator/templates/` (a file
of the project's folder overrides the built-in file of the same name). Writes: HTML text, every
value escaped. The HTML writer publishes the version page and the act page as they are; the PDF
writers render them.

A project's templates may come from anyone (a pull request built in CI): they are rendered in
Jinja's immutable sandbox (no attribute of Python's internals, no change to a value given), read
only as regular files inside their folder (a link leading out, a FIFO is refused), and every
failure they cause — syntax, an undefined name, a template that extends itself — is an input
error at the template's line (`Templates.render`).
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from ...i18n import tr
from ...lang.cells import cell_lines
from ...model import (
    Annotated,
    Cell,
    FamilyVisitor,
    InputError,
    Language,
    Note,
    Unit,
    spec_of,
)
from ...model.act_text import ActText
from ...model.inline import spans
from ...model.tables import heading_text, is_numeric, table_shape
from ...regular_files import NotRegularFile, is_regular, kind_of, read_regular
from .template_folders import TEMPLATES as TEMPLATES
from .template_folders import template_folders, template_problem
from .typography import unbreakable_pieces


@dataclass(frozen=True, slots=True)
class Templates:
    """Where templates are found: the project's folder first (when it exists), then the
    built-in one — as Sphinx's templates_path or MkDocs' custom_dir."""

    project: Path | None = None

    @property
    def folders(self) -> list[Path]:
        return template_folders(self.project)

    def find(self, name: str) -> Path | None:
        """The file used for `name` (a path relative to a templates folder), if any; a file of
        the project's that leads out of its folder, or is no regular file, is an
        `InputError`."""
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts:
            return None
        for folder in self.folders:
            path = folder / relative
            if not path.exists() and not path.is_symlink():
                continue
            try:
                real = _confined(folder, path, str(relative))
            except UnsafeTemplate as exc:
                raise template_problem(self.shown(path), 1, exc.message or "") from None
            if is_regular(real):
                return real
            if real.exists() and not real.is_dir():  # a FIFO, a device: never read
                raise template_problem(self.shown(path), 1, tr("template: {relative} is "
                                                                "{kind}, not a regular file",
                                                                relative=relative,
                                                                kind=tr(kind_of(
                                                                    real.stat().st_mode))))
        return None

    def own_names(self) -> list[str]:
        """The names of the project's own templates (of every file in its folder)."""
        own = self.folders[:-1]
        return sorted(str(path.relative_to(own[0])) for path in own[0].rglob("*")
                      if not path.is_dir()) if own else []

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
        return Markup(read_regular(path).decode("utf-8", errors="replace"))

    def render(self, name: str, **context: Any) -> str:
        """Template `name` rendered with `context`. A failure a project's template causes —
        a syntax error, an undefined name, an include of itself, what the sandbox refuses —
        is an `InputError` at that template's line."""
        with self._failures_told():
            return self.environment().get_template(name).render(**context)

    def compile(self, name: str) -> None:
        """Template `name` compiled (`validate`'s check): a syntax error is an `InputError`."""
        with self._failures_told():
            self.environment().get_template(name)

    @contextmanager
    def _failures_told(self) -> Iterator[None]:
        try:
            yield
        except MemoryError:
            raise
        except Exception as exc:
            problem = self.problem(exc)
            if problem is None:
                raise
            raise problem from None

    def problem(self, exc: Exception) -> InputError | None:
        """The input error a failed template is, at the project's template it failed in; None
        when no template of the project had a part in it (a fault of legalgen's own)."""
        if isinstance(exc, UnsafeTemplate):
            return template_problem(self.shown(exc.path), 1, exc.message or "")
        places = [(frame.filename, frame.lineno or 1)
                  for frame in traceback.extract_tb(exc.__traceback__)]
        if isinstance(exc, TemplateSyntaxError) and exc.filename:
            places.append((exc.filename, exc.lineno))
        own = [(self.shown(Path(name)), line) for name, line in places
               if self.is_own(Path(name))]
        if not own:
            return None
        shown, line = _loop_entry(own) if isinstance(exc, RecursionError) else own[-1]
        return template_problem(shown, line, _reason(exc))

    def is_own(self, path: Path) -> bool:
        """`path` is in the project's templates folder."""
        own = self.folders[:-1]
        return bool(own) and path.is_relative_to(own[0])

    def shown(self, path: Path) -> str:
        """A template's path as a drafter knows it: `templates/site/page.html.j2`."""
        if self.project is not None and self.is_own(path):
            return str(Path(self.project.name) / path.relative_to(self.folders[0]))
        return str(path)


class UnsafeTemplate(TemplateError):
    """A template file that is not read: a link leading out of its folder, a FIFO, a device."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


def _confined(folder: Path, path: Path, shown: str) -> Path:
    """The file `path` (under `folder`) stands for, which must be inside `folder`."""
    real = path.resolve()
    if not real.is_relative_to(folder):
        raise UnsafeTemplate(path, tr("template: {shown} is a link leading out of its templates "
                                      "folder: not read",
                                      shown=shown))
    return real


def _loop_entry(places: list[tuple[str, int]]) -> tuple[str, int]:
    """The first place of a template loop's traceback that comes round again: where the loop is
    entered. The innermost frame depends on how deep the stack was when the loop began, so it
    would name either template of a pair that include each other."""
    times = Counter(places)
    return next((place for place in places if times[place] > 1), places[0])


def _reason(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return tr("template: it extends or includes itself (directly or through others), or a "
                  "macro calls itself without end")
    if isinstance(exc, TemplateNotFound):
        return tr("template: no template named '{name}'", name=exc.name)
    if isinstance(exc, SecurityError):
        return tr("template: not allowed in a template: {problem}", problem=exc)
    if isinstance(exc, TemplateError):
        return f"template: {exc.message}"
    return f"template: {type(exc).__name__}: {exc}"


class _FolderLoader(BaseLoader):
    """Loads the templates of one folder: only regular files inside it (a link leading out of
    it, a FIFO or a device is refused, never read)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if not path.exists() and not path.is_symlink():
            raise TemplateNotFound(template)
        real = _confined(self.folder, path, template)
        try:
            source = read_regular(real).decode("utf-8")
            mtime = real.stat().st_mtime_ns
        except NotRegularFile as exc:
            raise UnsafeTemplate(path, tr("template: {template} is {kind}, not a template file",
                                          template=template, kind=tr(exc.kind))) from None
        except UnicodeDecodeError as exc:
            raise UnsafeTemplate(path, tr("template: {template} is not UTF-8 text ({reason})",
                                          template=template, reason=exc.reason)) from None

        def uptodate() -> bool:
            try:
                return real.stat().st_mtime_ns == mtime
            except OSError:
                return False

        return source, str(real), uptodate


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...]) -> Environment:
    # Sandboxed: a project's template (perhaps someone else's: a pull request) reaches no
    # attribute of Python's internals and changes no value it is given.
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([_FolderLoader(folder) for folder in folders]),
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
    version = annotated.version
    layout = PageLayout()

    def lines(cell: Cell) -> list[str]:
        return cell_lines(cell, lang)

    return templates.render(
        template,
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
    return templates.render(template, **framing, t=text, lang=text.lang,
                            css=templates.stylesheet())
