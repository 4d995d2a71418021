"""A job rendered in a process that holds no version: a cluster's worker.

Reads: the project's files (through the project cache) where the task's recipe says they are —
the workers see the project under the same path as the command —, once per worker process and
project; each version once per worker. Writes nothing: a task's bytes, or its failure as plain
data (`failures`), go back to the command, which stages and stores them as it does a local
render's.

A task of a version carries its recipe (the project's folder, the day, the language, the day
taken as today) and the key of the project's inputs the command read; a worker whose files
differ from the command's (edited during the build) fails the task instead of rendering
another text under the command's key. A task of another subject (a comparison, an act) carries
its whole job.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr
from ..model import Annotated, Project
from ..writers import Writer
from ..writers.shared.errors import MachineError
from .failures import Failure, plain
from .plan import Job, Recipe, made_version
from .project_cache import input_key, load_project_cached

# Kept per worker: the projects of a workspace's documents, and their versions being rendered.
PROJECTS_KEPT = 256
VERSIONS_KEPT = 64


@dataclass(frozen=True, slots=True)
class Task:
    """One job as a worker renders it."""

    path: Path
    writer: Writer
    template_dir: Path | None
    recipe: Recipe | None
    project_key: str  # of the recipe's project, as the command read it
    job: Job | None  # the whole job, when it has no recipe


def task_of(job: Job, project_keys: dict[tuple[Path, str | None], str]) -> Task:
    """The task that renders `job` elsewhere; `project_keys` holds each project's input key,
    computed once per command and project."""
    if job.recipe is None:
        return Task(job.path, job.writer, job.template_dir, None, "", job)
    project = (job.recipe.root, job.recipe.doc)
    if project not in project_keys:
        project_keys[project] = input_key(*project)
    return Task(job.path, job.writer, job.template_dir, job.recipe, project_keys[project], None)


Outcome = tuple[bool, bytes | Failure]


def render_task(task: Task) -> Outcome:
    """The task's bytes, or its failure as plain data."""
    try:
        return True, _render(task)
    except BaseException as exc:  # every failure goes back to the command, which reports it
        return False, plain(exc)


def _render(task: Task) -> bytes:
    if task.job is not None:
        return task.job.render()
    assert task.recipe is not None
    _loaded(task.writer)
    subject = _version(task.recipe, task.project_key)
    return task.writer.render(subject, task.template_dir)


@functools.cache
def _loaded(chosen: Writer) -> None:
    """The writer checked on this machine and its libraries imported, once per process."""
    chosen.check_machine()
    chosen.load()


@functools.lru_cache(maxsize=VERSIONS_KEPT)
def _version(recipe: Recipe, project_key: str) -> Annotated:
    return made_version(_project(recipe.root, recipe.doc, project_key), recipe)


@functools.lru_cache(maxsize=PROJECTS_KEPT)
def _project(root: Path, doc: str | None, project_key: str) -> Project:
    if input_key(root, doc) != project_key:
        raise MachineError(tr("the project's files under {root} changed during the build, or "
                              "a worker reads other files there; build again",
                              root=root))
    return load_project_cached(root, doc)
