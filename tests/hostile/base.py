"""What a case of the hostile corpus is, and the small steps that break a copy of the fixture."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.fixtureutil import append, edit


@dataclass
class Case:
    name: str
    kind: str  # the class of the issue the case belongs to
    mutate: Callable[[Path], None]
    path: str | None = None  # the file the message names (None: the message names no file)
    marker: str | None = None  # text on the line the message points at (None: no line)
    needle: str = ""  # words the message holds: the offending value or the reason
    code: int = 2
    offset: int = 0  # lines from the marker's to the one the message points at
    args: list[str] = field(default_factory=list)  # extra options of `build`
    # For a command that succeeds: the files it may (and must) write, as patterns of paths
    # under the test's folder (`out/...`, `project/...`); nothing else may change.
    wrote: tuple[str, ...] = ()
    warm: bool = False  # the project cache holds the project as it was before the case
    # Sets the machine up after the project is broken: (the test's folder, the output folder).
    prepare: Callable[[Path, Path], None] | None = None
    check: Callable[[Path], None] | None = None  # more to check, in the test's folder


def sub(path: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root / path, old, new)


def add(path: str, text: str) -> Callable[[Path], None]:
    return lambda root: append(root / path, text)


def put(path: str, data: str | bytes) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")

    return write


def nothing(root: Path) -> None:
    """The project stays valid: the case breaks the command line or the machine."""
