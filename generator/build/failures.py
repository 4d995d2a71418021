"""A render's failure as plain data, to cross from a worker's process to the command's.

An exception pickled whole may drag along what it holds (a template's compiled code, a deep
traceback's frames), and unpickling it needs the classes of the worker's side. A failure here is
only strings and numbers: what the command reports — the diagnostics of invalid input, a
machine's failure, an operating system's error with its paths, a lack of memory, or a bug's kind
and message — rebuilt on the command's side as the exception it was, so that it ends the command
with the same exit code as a render in the command's own process.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Diagnostic, Diagnostics, InputError, SourcePos
from ..writers.shared.errors import MachineError

# (path, line, column, severity, message) of each diagnostic.
PlainDiagnostic = tuple[str, int, int, str, str]


@dataclass(frozen=True, slots=True)
class Failure:
    """What went wrong in a worker: its kind and the plain values that say what."""

    kind: str  # "input", "machine", "os", "memory" or "internal"
    message: str = ""
    diagnostics: tuple[PlainDiagnostic, ...] = ()
    errno: int | None = None
    paths: tuple[str | None, str | None] = (None, None)

    def exception(self) -> BaseException:
        """The exception the command reports, as raised where the render failed."""
        if self.kind == "input":
            diagnostics = Diagnostics()
            for path, line, col, severity, message in self.diagnostics:
                diagnostics.items.append(Diagnostic(SourcePos(path, line, col), message, severity))
            return InputError(diagnostics)
        if self.kind == "machine":
            return MachineError(self.message)
        if self.kind == "os":
            return OSError(self.errno, self.message, *self.paths)
        if self.kind == "memory":
            return MemoryError(self.message)
        return RuntimeError(self.message)


def plain(exc: BaseException) -> Failure:
    """`exc` as a `Failure`."""
    if isinstance(exc, InputError):
        return Failure("input", diagnostics=tuple(
            (item.pos.path, item.pos.line, item.pos.col, item.severity, item.message)
            for item in exc.diagnostics.items))
    if isinstance(exc, MachineError):
        return Failure("machine", str(exc))
    if isinstance(exc, OSError):
        return Failure("os", exc.strerror or str(exc), errno=exc.errno,
                       paths=(_text(exc.filename), _text(exc.filename2)))
    if isinstance(exc, MemoryError):
        return Failure("memory", str(exc))
    return Failure("internal", f"{type(exc).__name__}: {exc}")


def _text(name: object) -> str | None:
    return None if name is None else str(name)

