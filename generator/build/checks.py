"""The whole check of a project before anything is built from it.

Reads: a `Project`, what every writer's font can set, and the project's own templates. Writes
nothing: the diagnostics of `validate`, with every character the outputs could not hold, and
every problem of the project's templates (each compiled, and the pages that read them rendered
once: a syntax error, an undefined name or a template that extends itself is told at its line).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Diagnostics, InputError, Project
from .project_cache import validated_cached

if TYPE_CHECKING:
    from ..writers.shared.templates import Templates

# The checks, the writers and the site are imported when a check runs: a command whose project's
# validation is kept in the cache imports none of them.


def checked(project: Project, workspace: Mapping[str, Project] | None = None) -> Diagnostics:
    """Every problem of the project, the characters the outputs cannot set included;
    `workspace`: the documents of its workspace by id. Kept in the user's cache beside the
    project, so an unchanged project is not validated again."""
    def validated() -> Diagnostics:
        from ..validate import validate
        from ..writers import charsets

        return validate(project, charsets(), workspace)

    others = [document for document in (workspace or {}).values() if document is not project]
    return validated_cached(project, validated, others)


def templates_checked(project: Project, template_dir: Path) -> Diagnostics:
    """Every problem of the project's templates (none when it has none of its own): each
    template compiled, then the version and redline pages of every language and the site's
    pages rendered with them."""
    diagnostics = Diagnostics()
    if not template_dir.is_dir():  # no templates of its own: the template engine stays unloaded
        return diagnostics
    from ..writers.shared.templates import Templates

    templates = Templates(template_dir)
    try:
        own = templates.own_names()
    except InputError as exc:
        diagnostics.items += exc.diagnostics.items
        return diagnostics
    for name in own:
        if name.endswith(".j2"):
            _collect(diagnostics, partial(templates.compile, name))
    if own and not diagnostics.errors:
        for step in _renders(project, templates, template_dir):
            _collect(diagnostics, step)
    return diagnostics


def _renders(project: Project, templates: Templates,
             template_dir: Path) -> list[Callable[[], object]]:
    """The pages that read templates, each to render once."""
    from ..annotate import annotate
    from ..consolidate import consolidate, timeline
    from ..diff import compare
    from ..site.pages import Site, SiteOptions
    from ..writers.diff_html import diff_html
    from ..writers.shared.templates import document_html

    dates = [date for date, _ in timeline(project)]

    def pages(lang: str) -> None:
        first = annotate(consolidate(project, lang, dates[0]), project)
        latest = annotate(consolidate(project, lang, dates[-1]), project)
        document_html(latest, templates)
        diff_html(compare(first, latest), templates)

    site = Site(project, template_dir, SiteOptions(langs=list(project.langs), downloads=[],
                                                   today=dt.date.today()))

    def site_pages(lang: str) -> None:
        for _ in site.outputs(lang):  # the pages are made as they are taken
            pass

    steps: list[Callable[[], object]] = [partial(pages, lang) for lang in project.langs]
    steps.append(lambda: list(site.shared()))
    steps += [partial(site_pages, lang) for lang in project.langs]
    return steps


def _collect(diagnostics: Diagnostics, step: Callable[[], object]) -> None:
    try:
        step()
    except InputError as exc:
        known = {str(item) for item in diagnostics.items}
        diagnostics.items += [item for item in exc.diagnostics.items if str(item) not in known]
