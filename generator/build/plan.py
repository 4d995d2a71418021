"""Planning: every output a command asks for, as a job with its place and its key.

Reads: a `Project` (consolidated and annotated here, once per version and language), the diffs
and drafted acts a command made. Writes nothing: it gives `Job`s — one
output each: a writer applied to its subject (a version, a comparison or an act) in one
language and format, the file's place under the output folder, and its key — and splits them
into those the output store already holds and those to render, the slowest formats first.

Consolidating and annotating take milliseconds; rendering (PDF above all) takes seconds. So the
versions are made once, in the command's process, and only what the store lacks is rendered. A
version's key comes from the hash of it kept in the project cache (`VersionHashes`) when there
is one: a version is made only when one of its outputs is rendered, or its hash is not kept yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..annotate import annotate
from ..consolidate import consolidate, pending_day, projection, projection_day
from ..model import Annotated, Project
from ..model.act_text import ActText
from ..model.diff import Diff
from ..writers import Writer, writer
from .files import PROJECTED, act_path, diff_path, output_path
from .keys import UNREAD_BY_VERSION_WRITERS, output_key, subject_fingerprint, templates_fingerprint
from .project_cache import VersionHashes
from .store import OutputStore

# The slowest formats are rendered first, so that no worker is left with a long job at the end.
SLOWEST_FIRST = ("pdf", "docx")


@dataclass(frozen=True, slots=True)
class Recipe:
    """How a version job's subject is made from the project's files, for a worker that holds
    no version: the project's folder (absolute), the workspace document (None: the folder's
    one document), the day (None: the projection), the language and the day taken as today."""

    root: Path
    doc: str | None
    date: dt.date | None
    lang: str
    today: dt.date


class LazyVersion:
    """A version made from the project when first asked for, once for all its outputs."""

    def __init__(self, project: Project, recipe: Recipe) -> None:
        self.project = project
        self.recipe = recipe
        self._made: Annotated | None = None

    def made(self) -> Annotated:
        if self._made is None:
            self._made = made_version(self.project, self.recipe)
        return self._made


@dataclass(frozen=True, slots=True)
class Job:
    """One output: (document, version | comparison | act, language, format) → bytes."""

    path: Path  # the output's place under the output folder
    key: str  # everything its bytes depend on (`keys.output_key`)
    writer: Writer
    subject: LazyVersion | Annotated | Diff | ActText
    template_dir: Path | None  # the project's templates, for a templated writer

    @property
    def recipe(self) -> Recipe | None:
        """A version's recipe, to make its subject again elsewhere; None for another subject."""
        return self.subject.recipe if isinstance(self.subject, LazyVersion) else None

    def made_subject(self) -> Annotated | Diff | ActText:
        """The subject, a version made now if it was not yet."""
        return self.subject.made() if isinstance(self.subject, LazyVersion) else self.subject

    def render(self) -> bytes:
        return self.writer.render(self.made_subject(), self.template_dir)


@dataclass(frozen=True, slots=True)
class Plan:
    up_to_date: list[Job]
    to_write: list[Job]


class Keys:
    """The keys of one command's jobs: the templates hashed once, each subject once."""

    def __init__(self, template_dir: Path | None) -> None:
        self.template_dir = template_dir
        self.templates = templates_fingerprint(template_dir)
        self.subjects: dict[int, str] = {}

    def job(self, chosen: Writer, lang: str, subject: Annotated | Diff | ActText,
            path: Path) -> Job:
        if id(subject) not in self.subjects:
            self.subjects[id(subject)] = subject_hash(subject)
        key = output_key(chosen, lang, self.subjects[id(subject)], self.templates)
        return Job(path, key, chosen, subject, self.template_dir)

    def version_job(self, chosen: Writer, version: LazyVersion, version_hash: str,
                    path: Path) -> Job:
        key = output_key(chosen, version.recipe.lang, version_hash, self.templates)
        return Job(path, key, chosen, version, self.template_dir)


def version_jobs(project: Project, langs: list[str], dates: list[dt.date | None],
                 formats: list[str], template_dir: Path,
                 today: dt.date | None = None) -> list[Job]:
    """Every chosen version (None: the projection) in every chosen language and format; the
    latest version lists the acts pending on `today` (default: the day it runs) too."""
    today = today or dt.date.today()
    keys = Keys(template_dir)
    hashes = VersionHashes(project)
    jobs = []
    for date in dates:
        for lang in langs:
            version = LazyVersion(project, Recipe(project.root.resolve(), project.workspace_doc,
                                                  date, lang, today))
            version_hash = hashes.get(version_name(project, version.recipe),
                                      partial(_made_hash, version))
            for fmt in formats:
                chosen = writer("version", fmt)
                path = output_path(Path(), lang, PROJECTED if date is None else date.isoformat(),
                                   project.doc_id, chosen.extension)
                jobs.append(keys.version_job(chosen, version, version_hash, path))
    hashes.save()
    return jobs


def subject_hash(subject: Annotated | Diff | ActText) -> str:
    """The hash of a subject as its writers see it (a version without what they never read)."""
    return subject_fingerprint(subject, UNREAD_BY_VERSION_WRITERS
                               if isinstance(subject, Annotated) else {})


def _made_hash(version: LazyVersion) -> str:
    return subject_hash(version.made())


def version_name(project: Project, recipe: Recipe) -> str:
    """What a version of the project is made from besides the project: the day whose pending
    acts it lists (the latest version's depends on the day it is made), or the projection's."""
    if recipe.date is None:
        listed = f"projected {projection_day(project, recipe.today).isoformat()}"
    else:
        listed = f"{recipe.date.isoformat()} {pending_day(project, recipe.date, recipe.today)}"
    return f"{project.workspace_doc or ''} {recipe.lang} {listed}"


def made_version(project: Project, recipe: Recipe) -> Annotated:
    """The annotated version `recipe` names, consolidated from `project`."""
    date, lang, today = recipe.date, recipe.lang, recipe.today
    version = projection(project, lang, today) if date is None else \
        consolidate(project, lang, date, pending_day(project, date, today))
    return annotate(version, project)


def diff_jobs(diffs: Iterable[Diff], formats: list[str], template_dir: Path,
              doc: str | None = None) -> list[Job]:
    """Each comparison in every chosen format; those of workspace document `doc` in its own
    folder."""
    keys = Keys(template_dir)
    jobs = []
    for result in diffs:
        for fmt in formats:
            chosen = writer("diff", fmt)
            path = diff_path(Path(), result.lang.code, result.from_date, result.to_date,
                             chosen.extension, result.new.version.projected, doc)
            jobs.append(keys.job(chosen, result.lang.code, result, path))
    return jobs


def act_jobs(texts: Iterable[ActText], formats: list[str]) -> list[Job]:
    """Each drafted act in every chosen format; an act is drafted with the built-in templates."""
    keys = Keys(None)
    jobs = []
    for text in texts:
        for fmt in formats:
            chosen = writer("act", fmt)
            path = act_path(Path(), text.lang.code, text.file_stem, chosen.extension)
            jobs.append(keys.job(chosen, text.lang.code, text, path))
    return jobs


def split(jobs: list[Job], store: OutputStore) -> Plan:
    """The jobs whose output the store already holds, and the rest, slowest first."""
    current: list[Job] = []
    stale: list[Job] = []
    for job in jobs:
        (current if store.is_current(job.key, job.path) else stale).append(job)
    stale.sort(key=_slowness)
    return Plan(current, stale)


def _slowness(job: Job) -> int:
    fmt = job.writer.format
    return SLOWEST_FIRST.index(fmt) if fmt in SLOWEST_FIRST else len(SLOWEST_FIRST)


def writers_of(jobs: Iterable[Job]) -> list[Writer]:
    return list(dict.fromkeys(job.writer for job in jobs))

