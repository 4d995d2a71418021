"""What the commands share: the consoles, option parsing, loading and checking the project.

Every input problem is printed as `path:line:col: error: ...` and ends the command with exit 2.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..build.project_cache import KEPT, load_project_cached
from ..consolidate import consolidate, resolve_date
from ..i18n import tr
from ..lang import codes
from ..load.documents import workspace_documents
from ..memory import collector_paused
from ..model import Diagnostics, InputError, Project, Version

EXIT_INPUT = 2
EXIT_ENVIRONMENT = 3
EXIT_INTERNAL = 70

if TYPE_CHECKING:
    from rich.console import Console


# What rich changes in a line of plain text it prints: an emoji code (`:name:`) becomes the
# emoji, a tab is expanded, the control codes it strips go.
_CHANGED_BY_RICH = re.compile(r":\S*:|[\t\a\b\v\f\r]")


class LazyConsole:
    """A rich console made when first needed: a command that prints nothing (`--help`, a quiet
    run) or only lines of plain text (`versions`, `outline`, diagnostics) does not import rich.
    Such a line is written as the console would write it; anything else, and everything once
    the console is made (a progress bar may be showing), goes through the console."""

    def __init__(self, stderr: bool) -> None:
        self.stderr = stderr

    @functools.cached_property
    def console(self) -> Console:
        from rich.console import Console

        return Console(stderr=self.stderr, highlight=False, soft_wrap=True)

    def print(self, *objects: Any, **options: Any) -> None:
        line = None if "console" in self.__dict__ else _plain_line(objects, options)
        if line is None:
            self.console.print(*objects, **options)
            return
        stream = sys.stderr if self.stderr else sys.stdout
        try:
            stream.write(line)
            stream.flush()
        except (BrokenPipeError, UnicodeEncodeError):
            self.console.print(*objects, **options)  # rich's own exit or message for them

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal


def _plain_line(objects: tuple[Any, ...], options: dict[str, Any]) -> str | None:
    """The line rich prints for one string that it leaves as it is, or None for anything else."""
    if len(objects) != 1 or not isinstance(objects[0], str) or set(options) - {"markup"}:
        return None
    text: str = objects[0]
    markup = options.get("markup")  # None, or not given: the console's default, on
    if _CHANGED_BY_RICH.search(text) or ((markup or markup is None) and "[" in text):
        return None
    return text + "\n"


err = LazyConsole(stderr=True)
stdout = LazyConsole(stderr=False)


def split_option(value: str, allowed: tuple[str, ...] | list[str], what: str) -> list[str]:
    items = [item.strip() for item in value.split(",") if item.strip()]
    unknown = [item for item in items if item not in allowed]
    if unknown or not items:
        raise click.UsageError(
            tr("unknown {what} '{value}'; choose from {choices}",
               what=what, value=','.join(unknown) or value, choices=', '.join(allowed))
        )
    return items


def chosen_langs(value: str | None, project: Project | None = None) -> list[str]:
    """The languages `--lang` names (comma-separated), or every language when it names none:
    every language of `project`, when given, whose text may not be imported yet in all."""
    present = project.langs if project is not None else codes()
    langs = split_option(value, codes(), "language") if value else list(present)
    missing = [code for code in langs if code not in present]
    if missing:
        root = project.root if project is not None else Path(".")
        raise click.UsageError(
            f"the {', '.join(missing)} text is not in the project yet: "
            + "; ".join(f"`legalgen import --{code} FILE --into {root}` brings it"
                        for code in missing))
    return langs


def chosen_lang(value: str | None, project: Project | None = None) -> str:
    """The one language `--lang` names, or the first language when it names none."""
    langs = chosen_langs(value, project)
    if value is None:
        return langs[0]
    if len(langs) > 1:
        raise click.UsageError(tr("give one language, not '{value}'", value=value))
    return langs[0]


# `--lang` of the commands that write outputs: some languages, or every one.
lang_option = click.option("--lang", "langs", default=None,
                           help="The languages, comma-separated [default: every language].")


def print_diagnostics(diagnostics: Diagnostics) -> None:
    # One print for all: the console's work for a print costs more than its line.
    if diagnostics.items:
        err.print("\n".join(map(str, diagnostics.items)), markup=False)


def load_or_exit(root: Path, doc: str | None = None) -> Project:
    """The project under `root`, or in a workspace its document `doc` (which must be given)."""
    chosen = chosen_documents(root, doc)
    if len(chosen) > 1:
        raise click.UsageError(tr("{root} is a workspace: give --doc, one of {documents}",
                                  root=root, documents=", ".join(map(str, chosen))))
    return projects_or_exit(root, chosen)[0]


def projects_or_exit(root: Path, chosen: list[str | None]) -> list[Project]:
    """The projects of the documents `chosen` (`chosen_documents`); the problems of all of
    them are printed together, each once, before the command exits 2."""
    projects: list[Project] = []
    problems = Diagnostics()
    with collector_paused():
        for doc in chosen:
            try:
                # A folder of one document keeps the cache's own call (and default).
                projects.append(load_project_cached(root) if doc is None else
                                load_project_cached(root, doc, KEPT + len(chosen)))
            except InputError as exc:
                problems.items += [item for item in exc.diagnostics.items
                                   if item not in problems.items]
        # The projects live, unchanged, as long as the command: frozen before the collector
        # runs again, no collection scans their hundreds of thousands of objects, not even
        # once (they are still freed when dropped).
        gc.freeze()
    if problems.items:
        print_diagnostics(problems)
        sys.exit(EXIT_INPUT)
    return projects


def documents_or_exit(root: Path, doc: str | None) -> tuple[list[Project], dict[str, Project]]:
    """The projects of the documents `--doc` names, and every document of the workspace by id
    (which references and whole acts may name; empty for a folder of one document)."""
    chosen = chosen_documents(root, doc)
    every = projects_or_exit(root, chosen_documents(root, None))
    workspace = {project.workspace_doc: project for project in every
                 if project.workspace_doc is not None}
    return [project for project in every if project.workspace_doc in chosen], workspace


def chosen_documents(root: Path, doc: str | None) -> list[str | None]:
    """The documents `--doc` names: in a workspace that one, or every one without it; None,
    the one document, in a folder that is no workspace."""
    listed = workspace_documents(root)
    if not listed:
        if doc is not None:
            raise click.UsageError(tr("--doc {doc}: {root} holds one document, not a workspace "
                                      "(legalgen.yaml lists no documents)", doc=doc, root=root))
        return [None]
    if doc is None:
        return list(listed)
    if doc not in listed:
        raise click.UsageError(tr("no document '{doc}' in the workspace (legalgen.yaml lists "
                                  "{documents})", doc=doc, documents=", ".join(listed)))
    return [doc]


doc_option = click.option("--doc", "doc", default=None, metavar="ID",
                          help="In a workspace, the document [default: every one].")


def parse_date(project: Project, value: str) -> dt.date:
    try:
        return resolve_date(project, value)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="The project folder.",
)


def consolidated_or_exit(project: Project, lang: str, date: dt.date) -> Version:
    try:
        return consolidate(project, lang, date)
    except InputError as exc:
        print_diagnostics(exc.diagnostics)
        sys.exit(EXIT_INPUT)


def check_or_exit(project: Project, workspace: Mapping[str, Project] | None = None) -> None:
    from ..build.checks import checked  # the writers' checks: not for the commands that only read

    diagnostics = checked(project, workspace)
    if diagnostics.errors:
        print_diagnostics(diagnostics)
        sys.exit(EXIT_INPUT)
