"""Diagnostics: every input problem as `path:line:col: error: message`.

Stages collect problems into a `Diagnostics` list instead of raising at the first one, so that a
drafter sees every mistake in one run. `InputError` carries a finished list out of a stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SourcePos:
    """A place in a source file; line and column count from 1."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


@dataclass(frozen=True, slots=True)
class Diagnostic:
    pos: SourcePos
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        if self.severity == "warning":
            # Warnings name the line only, as SPEC's "Errors" section shows them.
            where = f"{self.pos.path}:{self.pos.line}" if self.pos.line else self.pos.path
            return f"{where}: warning: {self.message}"
        return f"{self.pos}: {self.severity}: {self.message}"


@dataclass
class Diagnostics:
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, pos: SourcePos, message: str) -> None:
        self.items.append(Diagnostic(pos, message))

    def warning(self, pos: SourcePos, message: str) -> None:
        self.items.append(Diagnostic(pos, message, "warning"))

    def info(self, pos: SourcePos, message: str) -> None:
        """Information: neither an error nor a warning, never fails a command."""
        self.items.append(Diagnostic(pos, message, "info"))

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InputError(self)


class InputError(Exception):
    """Invalid input; carries every diagnostic found."""

    def __init__(self, diagnostics: Diagnostics):
        super().__init__("\n".join(str(d) for d in diagnostics.errors))
        self.diagnostics = diagnostics

    def __reduce__(self) -> tuple[type[InputError], tuple[Diagnostics]]:
        # Raised in a build worker, it crosses to the command's process whole.
        return (InputError, (self.diagnostics,))


def relative(path: Path, root: Path) -> str:
    """A path as the drafter sees it: relative to the project root when inside it."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
