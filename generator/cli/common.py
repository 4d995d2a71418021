"""What the commands share: the consoles, option parsing, loading and checking the project.

Every input problem is printed as `path:line:col: error: ...` and ends the command with exit 2.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..build.project_cache import load_project_cached
from ..consolidate import consolidate, resolve_date
from ..i18n import tr
from ..lang import codes
from ..model import Diagnostics, InputError, Project, Version

EXIT_INPUT = 2
EXIT_ENVIRONMENT = 3
EXIT_INTERNAL = 70

if TYPE_CHECKING:
    from rich.console import Console


class LazyConsole:
    """A rich console made when first used: a command that prints nothing (`--help`, a quiet
    run) does not import rich."""

    def __init__(self, stderr: bool) -> None:
        self.stderr = stderr

    @functools.cached_property
    def console(self) -> Console:
        from rich.console import Console

        return Console(stderr=self.stderr, highlight=False, soft_wrap=True)

    def print(self, *objects: Any, **options: Any) -> None:
        self.console.print(*objects, **options)

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal


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
    for item in diagnostics.items:
        err.print(str(item), markup=False)


def load_or_exit(root: Path) -> Project:
    try:
        project = load_project_cached(root)
    except InputError as exc:
        print_diagnostics(exc.diagnostics)
        sys.exit(EXIT_INPUT)
    # The project lives, unchanged, as long as the command: keep later collections from
    # rescanning its hundreds of thousands of objects (they are still freed when dropped).
    gc.freeze()
    return project


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


def check_or_exit(project: Project) -> None:
    from ..build.checks import checked  # the writers' checks: not for the commands that only read

    diagnostics = checked(project)
    if diagnostics.errors:
        print_diagnostics(diagnostics)
        sys.exit(EXIT_INPUT)
