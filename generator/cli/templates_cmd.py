"""`legalgen templates`: which file each page template comes from; copying one to override it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from ..build.files import template_dir
from ..i18n import tr
from .common import err, root_option, stdout


@click.command()
@root_option
@click.option("--list", "show_list", is_flag=True, help="List every template and its file.")
@click.option("--copy", "copy_name", default=None, metavar="NAME",
              help="Copy a built-in template into ROOT/templates/ to override it.")
def templates(root: Path, show_list: bool, copy_name: str | None) -> None:
    """The page templates: a file of the same name in ROOT/templates/ replaces the built-in one."""
    # Imported here: the other commands start without the template engine.
    from ..writers.shared.templates import TEMPLATES, Templates

    found = Templates(template_dir(root))
    if copy_name is not None:
        _copy(Templates().find(copy_name), template_dir(root) / copy_name)
    if show_list or copy_name is None:
        for name in found.names():
            path = found.find(name)
            origin = "built-in" if path is not None and path.is_relative_to(TEMPLATES) \
                else "project"
            # Tab-separated, for scripts; the console would turn the tabs into spaces.
            click.echo(f"{name}\t{origin}\t{path}")


def _copy(source: Path | None, target: Path) -> None:
    if source is None:
        err.print("error: " + tr("there is no built-in template '{name}'", name=target.name),
                  markup=False)
        sys.exit(2)
    if target.exists():
        err.print("error: " + tr("{target} exists already", target=target), markup=False)
        sys.exit(2)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    stdout.print(str(target), markup=False)
