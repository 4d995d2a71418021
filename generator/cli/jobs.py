"""Build: run consolidate → annotate → write for each language, version and format.

Reads: a `Project`, the chosen languages, dates and formats. Writes: files under
`<out>/<lang>/<YYYY-MM-DD>/<doc-id>.<ext>`, each atomically.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..annotate import annotate
from ..consolidate import consolidate
from ..load import load_project
from ..model import Project
from ..writers import writer
from .files import output_path, template_dir, write_atomic
from .workers import die_with_parent, stop_workers


@dataclass(frozen=True, slots=True)
class Job:
    lang: str
    date: dt.date
    formats: tuple[str, ...]


def plan(langs: list[str], dates: list[dt.date], formats: list[str]) -> list[Job]:
    return [Job(lang, date, tuple(formats)) for date in dates for lang in langs]


def run_job(project: Project, job: Job, out: Path) -> list[Path]:
    annotated = annotate(consolidate(project, job.lang, job.date), project)
    written = []
    for fmt in job.formats:
        path = output_path(out, job.lang, job.date.isoformat(), project.doc_id, fmt)
        write_atomic(path, writer("version", fmt).render(annotated, template_dir(project.root)))
        written.append(path)
    return written


def _run_in_worker(root: Path, job: Job, out: Path) -> list[Path]:
    return run_job(load_project(root), job, out)


def run_jobs(project: Project, jobs: list[Job], out: Path, workers: int) -> Iterator[list[Path]]:
    """Yield each job's files as it finishes; several processes when `workers` > 1."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(project, job, out)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(_run_in_worker, project.root, job, out) for job in jobs]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            stop_workers(pool)
            raise
