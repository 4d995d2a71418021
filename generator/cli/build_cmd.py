"""`legalgen build`: write the chosen versions in every chosen language and format."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..consolidate import timeline
from ..model import Project
from ..writers import formats as writer_formats
from ..writers import writer
from . import jobs as build_jobs
from .common import (
    check_or_exit,
    chosen_langs,
    err,
    lang_option,
    load_or_exit,
    parse_date,
    root_option,
    split_option,
    stdout,
)
from .files import template_dir
from .output_cache import OutputCache
from .staging import staged


@click.command()
@root_option
@lang_option
@click.option("--format", "formats", default=None,
              help="Comma-separated formats [default: every available one].")
@click.option("--as-of", "as_of", default="latest", show_default=True,
              help="YYYY-MM-DD, latest or all.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build].")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Outputs rendered at once [default: the number of CPUs].")
@click.option("--force", is_flag=True, help="Render every output, whatever the cache says.")
def build(root: Path, langs: str | None, formats: str | None, as_of: str, out: Path | None,
          jobs: int | None, force: bool) -> None:
    """Write every chosen version, language and format under build/; outputs whose input did
    not change since they were written are kept."""
    lang_list = chosen_langs(langs)
    available = writer_formats("version")
    format_list = split_option(formats, available, "format") if formats else available
    project = load_or_exit(root)
    dates = _dates(project, as_of)
    check_or_exit(project)
    target = out or (root / "build")
    cache = OutputCache(target, enabled=not force)
    outputs = build_jobs.plan(project, lang_list, dates, format_list, target, cache)
    for fmt in dict.fromkeys(item.fmt for item in outputs.to_write):
        # What a format needs from the machine is checked before anything is written; its
        # writer is loaded once, here, for every worker.
        chosen = writer("version", fmt)
        chosen.check_machine()
        chosen.load()
    written = _write(outputs.to_write, target, template_dir(root), jobs or cpu_count())
    for item, digest in written:
        cache.record(item.key, digest)
    for path in sorted(target / item.relative for item, _ in written):
        stdout.print(str(path), markup=False)
    err.print(f"{len(outputs.up_to_date)} up to date, {len(written)} written", markup=False)


def _write(items: list[build_jobs.Output], target: Path, templates: Path,
           jobs: int) -> list[tuple[build_jobs.Output, str]]:
    """Render `items`; nothing reaches `target` unless every one of them was rendered."""
    if not items:
        return []
    written = []
    with staged(target) as stage, \
            Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                     console=err, transient=True) as progress:
        task = progress.add_task("building", total=len(items))
        for item, digest in build_jobs.write_outputs(items, stage, templates, jobs):
            written.append((item, digest))
            progress.advance(task)
    return written


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _dates(project: Project, as_of: str) -> list[dt.date]:
    if as_of == "all":
        return [date for date, _ in timeline(project)]
    # A date between two versions is consolidated on that date itself: the text in force then
    # and the acts signed by then and not yet in force.
    return [parse_date(project, as_of)]
