"""The build engine's progress as a bar on stderr (a terminal's), for the commands that render
outputs.

Reads and writes nothing but the terminal; the bar goes once the outputs are rendered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .common import err

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class _Bar:
    """The engine's progress as a bar on stderr, shown from the first output to render."""

    def __init__(self, description: str) -> None:
        self.description = description
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        # Off a terminal (a CI log, a pipe) a bar draws nothing but leaves an empty line
        # before the messages that follow it.
        if total and err.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                MofNCompleteColumn(), console=err.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=total)

    def advance(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def progress_bar(description: str) -> Iterator[_Bar]:
    bar = _Bar(description)
    try:
        yield bar
    finally:
        bar.stop()
