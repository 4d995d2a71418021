"""Build: consolidate → annotate each chosen version once, then write the outputs that changed.

Reads: a `Project`, the chosen languages, dates and formats, the output cache. Writes: files under
`<stage>/<lang>/<YYYY-MM-DD>/<doc-id>.<ext>` (the build's staging folder), each atomically.

Consolidating and annotating take milliseconds; rendering (PDF above all) takes seconds. So the
versions are made once, in this process; the cache decides which outputs to render; and with
several workers each render runs in a fork of this process, which already holds the versions and
the writers' libraries: nothing is loaded twice, and a render's garbage ends with its process.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..annotate import annotate
from ..consolidate import consolidate
from ..model import Annotated, Project
from ..writers import writer
from .files import output_path, template_dir, write_atomic
from .output_cache import OutputCache, output_key, templates_fingerprint, version_fingerprint
from .workers import run_forked

# The slowest formats are rendered first, so that no worker is left with a long job at the end.
SLOWEST_FIRST = ("pdf", "docx")


@dataclass(frozen=True, slots=True)
class Output:
    annotated: Annotated
    fmt: str
    relative: Path  # the output's place under the output folder
    key: str


@dataclass(frozen=True, slots=True)
class Plan:
    up_to_date: list[Output]
    to_write: list[Output]


def plan(project: Project, langs: list[str], dates: list[dt.date], formats: list[str],
         out: Path, cache: OutputCache) -> Plan:
    """Every output of the build, split into those already current under `out` and the rest."""
    templates_hash = templates_fingerprint(template_dir(project.root))
    current: list[Output] = []
    stale: list[Output] = []
    for date in dates:
        for lang in langs:
            annotated = annotate(consolidate(project, lang, date), project)
            version_hash = version_fingerprint(annotated)
            for fmt in formats:
                relative = output_path(Path(), lang, date.isoformat(), project.doc_id, fmt)
                item = Output(annotated, fmt, relative,
                              output_key(lang, version_hash, fmt, templates_hash))
                (current if cache.is_current(item.key, out / relative) else stale).append(item)
    stale.sort(key=_slowness)
    return Plan(current, stale)


def _slowness(item: Output) -> int:
    return SLOWEST_FIRST.index(item.fmt) if item.fmt in SLOWEST_FIRST else len(SLOWEST_FIRST)


def write_output(item: Output, stage: Path, templates: Path) -> str:
    """Render one output into `stage`; the SHA-256 of its bytes."""
    data = writer("version", item.fmt).render(item.annotated, templates)
    write_atomic(stage / item.relative, data)
    return hashlib.sha256(data).hexdigest()


def write_outputs(items: list[Output], stage: Path, templates: Path,
                  workers: int) -> Iterator[tuple[Output, str]]:
    """Yield each output with its digest once written; in forked workers when `workers` > 1.
    The first failure stops the other workers and is raised here."""
    if workers <= 1 or len(items) <= 1:
        for item in items:
            yield item, write_output(item, stage, templates)
        return
    # The versions live as long as the build: keep the collector off their pages, which the
    # forked workers then share with this process instead of copying.
    gc.freeze()
    tasks = [partial(write_output, item, stage, templates) for item in items]
    for index, digest in run_forked(tasks, workers):
        yield items[index], digest
