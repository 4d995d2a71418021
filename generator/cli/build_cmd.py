"""`legalgen build`: write the chosen versions in every chosen language and format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..build.engine import produce
from ..build.executors import Executor, cpu_count, local_executor
from ..build.files import template_dir
from ..build.plan import version_jobs
from ..build.store import OutputStore
from ..consolidate import PROJECTED, timeline
from ..i18n import tr
from ..model import Project
from ..writers import formats as writer_formats
from .common import (
    check_or_exit,
    chosen_langs,
    doc_option,
    documents_or_exit,
    err,
    lang_option,
    parse_date,
    root_option,
    split_option,
    stdout,
)
from .progress import progress_bar


@click.command()
@root_option
@doc_option
@lang_option
@click.option("--format", "formats", default=None,
              help="Comma-separated formats [default: every available one].")
@click.option("--as-of", "as_of", default="latest", show_default=True,
              help="YYYY-MM-DD, latest, today, all, or projected (the text once every pending "
                   "act takes effect, marked as a projection).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build].")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Outputs rendered at once [default: the number of CPUs].")
@click.option("--force", is_flag=True, help="Render every output, whatever the cache says.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="Where outputs render: forks of this process, or a Dask cluster (a local "
                   "one of --jobs workers unless --scheduler names one).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="A running Dask scheduler to render on (implies --executor dask).")
def build(root: Path, doc: str | None, langs: str | None, formats: str | None, as_of: str,
          out: Path | None,
          jobs: int | None, force: bool, executor: str, scheduler: str | None) -> None:
    """Write every chosen version, language and format under build/; outputs whose input did
    not change since they were written are kept."""
    available = writer_formats("version")
    format_list = split_option(formats, available, "format") if formats else available
    projects, workspace = documents_or_exit(root, doc)
    today = dt.date.today()
    jobs_of_build = []
    for project in projects:
        lang_list = chosen_langs(langs, project)
        dates = _dates(project, as_of)
        check_or_exit(project, workspace)
        jobs_of_build += version_jobs(project, lang_list, dates, format_list, template_dir(root),
                                      today)
    target = out or (root / "build")
    with progress_bar(tr("building")) as progress:
        report = produce(jobs_of_build, OutputStore(target, trust_records=not force),
                         chosen_executor(executor, scheduler, jobs), progress)
    for path in report.written_under(target):
        stdout.print(str(path), markup=False)
    err.print(report.summary(), markup=False)


def chosen_executor(name: str, scheduler: str | None, jobs: int | None) -> Executor:
    """The executor `--executor` and `--scheduler` name; a local Dask cluster has `--jobs`
    workers (default: every CPU)."""
    if name == "dask" or scheduler is not None:
        from ..build.dask_executor import DaskExecutor

        return DaskExecutor(scheduler, jobs or cpu_count())
    return local_executor(jobs)


def _dates(project: Project, as_of: str) -> list[dt.date | None]:
    """The days to build; None stands for the projection."""
    if as_of == "all":
        return [date for date, _ in timeline(project)]
    if as_of == PROJECTED:
        return [None]
    # A date between two versions is consolidated on that date itself: the text in force then
    # and the acts signed by then and not yet in force.
    return [parse_date(project, as_of)]
