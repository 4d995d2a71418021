"""The build engine: planned jobs → the output store → an executor → staging → the output folder.

Reads: the jobs a command planned, and the output folder through its store. Writes: the outputs
the store lacks, rendered by the executor into a staging folder beside the output folder and
moved into place only when every one of them was rendered (`staging`); then the store's records
of what was written. A failed render changes nothing under the output folder.

Before anything is rendered, each writer needed checks the machine (a missing font stops the
command before any output is written) and is loaded once, here, for every worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..i18n import tr
from .executors import Executor
from .plan import Job, split, writers_of
from .staging import settle, staged
from .store import OutputStore


@dataclass
class Report:
    """What a command's outputs came to: paths under the output folder."""

    up_to_date: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    rendered: int = 0  # of the written files, those a writer rendered
    # The digest written for each rendered key, recorded once the files are in place.
    digests: dict[str, str] = field(default_factory=dict)

    def written_under(self, out: Path) -> list[Path]:
        return sorted(out / path for path in self.written)

    def summary(self) -> str:
        return tr("{kept} up to date, {written} written",
                  kept=len(self.up_to_date), written=len(self.written))


class Progress(Protocol):
    """What the command shows while outputs render (the engine prints nothing itself)."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


class Silent:
    """No progress shown: the live preview's rebuilds, a library's caller."""

    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        pass


def prepare(jobs: Sequence[Job]) -> None:
    """Check the machine for every writer the jobs need, and load each before any fork."""
    for chosen in writers_of(jobs):
        chosen.check_machine()
        chosen.load()


def render(jobs: Sequence[Job], store: OutputStore, executor: Executor, report: Report,
           into: Path | None = None, progress: Progress | None = None) -> None:
    """Render `jobs` (prepared) with `executor`, each written under `into` (a staging folder;
    by default the output folder) as soon as it is done."""
    shown = progress or Silent()
    shown.start(len(jobs))
    for job, data in executor.run(jobs):
        report.digests[job.key] = store.put(job.path, data, into)
        report.written.append(job.path)
        report.rendered += 1
        shown.advance()


def record(store: OutputStore, report: Report) -> None:
    """Keep the records of what was written; a full or read-only disk only costs the next run
    a render, once the outputs themselves are in place."""
    with suppress(OSError):
        for key, written in report.digests.items():
            store.record(key, written)


def produce(jobs: list[Job], store: OutputStore, executor: Executor,
            progress: Progress | None = None) -> Report:
    """Write every output of `jobs` that the store does not hold; nothing reaches the output
    folder unless every one of them was rendered. What killed runs left is settled first."""
    settle(store.out)
    plan = split(jobs, store)
    report = Report(up_to_date=[job.path for job in plan.up_to_date])
    if plan.to_write:
        prepare(plan.to_write)
        with staged(store.out) as stage:
            render(plan.to_write, store, executor, report, stage, progress)
        record(store, report)
    return report
