"""`legalgen build`: write the chosen versions in every chosen language and format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..consolidate import timeline
from ..model import LANGS, Project
from ..writers import formats as writer_formats
from ..writers import writer
from . import jobs as build_jobs
from .common import (
    check_or_exit,
    err,
    load_or_exit,
    parse_date,
    root_option,
    split_option,
    stdout,
)
from .staging import final_path, staged


@click.command()
@root_option
@click.option("--lang", "langs", default=",".join(LANGS), show_default=True)
@click.option("--format", "formats", default=None,
              help="Comma-separated formats [default: every available one].")
@click.option("--as-of", "as_of", default="latest", show_default=True,
              help="YYYY-MM-DD, latest or all.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build].")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
def build(root: Path, langs: str, formats: str | None, as_of: str, out: Path | None,
          jobs: int) -> None:
    """Write every chosen version, language and format under build/."""
    lang_list = split_option(langs, LANGS, "language")
    available = writer_formats("version")
    format_list = split_option(formats, available, "format") if formats else available
    project = load_or_exit(root)
    dates = _dates(project, as_of)
    check_or_exit(project)
    jobs_list = build_jobs.plan(lang_list, dates, format_list)
    target = out or (root / "build")
    for fmt in format_list:
        # What a format needs from the machine is checked before anything is written.
        writer("version", fmt).check_machine()
    _run_build(project, jobs_list, target, jobs)


def _run_build(project: Project, jobs_list: list[build_jobs.Job], target: Path,
               jobs: int) -> None:
    written: list[Path] = []
    # Nothing reaches `target` unless every output was rendered.
    with staged(target) as stage, \
            Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                     console=err, transient=True) as progress:
        task = progress.add_task("building", total=len(jobs_list))
        for paths in build_jobs.run_jobs(project, jobs_list, stage, jobs):
            written.extend(final_path(stage, target, path) for path in paths)
            progress.advance(task)
    for path in sorted(written):
        stdout.print(str(path), markup=False)


def _dates(project: Project, as_of: str) -> list[dt.date]:
    if as_of == "all":
        return [date for date, _ in timeline(project)]
    # A date between two versions is consolidated on that date itself: the text in force then
    # and the acts signed by then and not yet in force.
    return [parse_date(project, as_of)]
