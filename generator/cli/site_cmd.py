"""`legalgen site`: the static publication site of the project's every version and act."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..model import Project
from ..site.pages import Site, SiteOptions
from ..writers import formats as writer_formats
from ..writers import writer
from .common import (
    check_or_exit,
    chosen_langs,
    lang_option,
    load_or_exit,
    root_option,
    stdout,
)
from .files import template_dir
from .site_files import SiteFiles
from .staging import staged


def download_formats() -> list[str]:
    """The version formats a reader downloads beside the page: every writer but HTML's."""
    return [fmt for fmt in writer_formats("version") if fmt != "html"]


def make_site(root: Path, project: Project, langs: list[str], downloads: bool) -> Site:
    formats = download_formats() if downloads else []
    for fmt in formats:
        writer("version", fmt).check_machine()
    options = SiteOptions(langs=langs, downloads=formats, today=dt.date.today())
    return Site(project, template_dir(root), options)


def default_out(root: Path) -> Path:
    return root / "build" / "site"


@click.command()
@root_option
@lang_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build/site].")
@click.option("--downloads/--no-downloads", default=True, show_default=True,
              help="Offer each version's PDF and DOCX (rendering them takes the longest).")
def site(root: Path, langs: str | None, out: Path | None, downloads: bool) -> None:
    """Write the static site: home, every version and redline, every act, search."""
    lang_list = chosen_langs(langs)
    project = load_or_exit(root)
    check_or_exit(project)
    pages = make_site(root, project, lang_list, downloads)
    target = out or default_out(root)
    # Nothing reaches `target` unless every page was made.
    with staged(target) as stage:
        files = SiteFiles(stage)
        count = len(files.write(pages.shared()))
        for lang in lang_list:
            count += len(files.write(pages.outputs(lang)))
    stdout.print(f"{target / 'index.html'} ({count} files)", markup=False)
