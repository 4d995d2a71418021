"""Build: run consolidate → annotate → write for each language, version and format.

Reads: a `Project`, the chosen languages, dates and formats. Writes: files under
`<out>/<lang>/<YYYY-MM-DD>/<doc-id>.<ext>`, each atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .annotate import Annotated, annotate
from .consolidate import consolidate
from .loader import Project, load_project
from .writers.common import output_path, write_atomic
from .writers.docx import render_docx
from .writers.html import render_html
from .writers.pdf import render_pdf


def _html(annotated: Annotated) -> bytes:
    return render_html(annotated).encode("utf-8")


# Each writer turns an annotated version into the bytes of one file.
WRITERS: dict[str, Callable[[Annotated], bytes]] = {"html": _html, "pdf": render_pdf,
                                                    "docx": render_docx}


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
        write_atomic(path, WRITERS[fmt](annotated))
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
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_run_in_worker, project.root, job, out) for job in jobs]
        for future in futures:
            yield future.result()
