"""`legalgen site`: the static publication site of the project's every version and act."""

from __future__ import annotations

from pathlib import Path

import click

from ..build.executors import local_executor
from ..build.site import default_out, make_site, publish_site, publish_workspace_site
from ..build.store import OutputStore
from ..i18n import tr
from .common import (
    check_or_exit,
    chosen_langs,
    doc_option,
    documents_or_exit,
    err,
    lang_option,
    root_option,
    stdout,
)
from .progress import progress_bar


@click.command()
@root_option
@doc_option
@lang_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build/site].")
@click.option("--downloads/--no-downloads", default=True, show_default=True,
              help="Offer each version's PDF and DOCX (rendering them takes the longest).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Downloads rendered at once [default: the number of CPUs].")
def site(root: Path, doc: str | None, langs: str | None, out: Path | None, downloads: bool,
         jobs: int | None) -> None:
    """Write the static site: home, every version and redline, every act, search; a file
    whose bytes did not change is kept, a download whose version did not change is not
    rendered again."""
    projects, workspace = documents_or_exit(root, doc)
    lang_list = chosen_langs(langs, projects[0])
    for project in projects:
        check_or_exit(project, workspace)
    sites = [make_site(root, project, lang_list, downloads) for project in projects]
    target = out or default_out(root)
    with progress_bar(tr("rendering downloads")) as progress:
        if projects[0].workspace_doc is None:
            report = publish_site(sites[0], lang_list, OutputStore(target), local_executor(jobs),
                                  progress)
        else:
            report = publish_workspace_site(sites, lang_list, OutputStore(target),
                                            local_executor(jobs), progress)
    stdout.print(str(target / "index.html"), markup=False)
    err.print(tr("{summary} ({rendered} downloads rendered)",
                 summary=report.summary(), rendered=report.rendered), markup=False)
