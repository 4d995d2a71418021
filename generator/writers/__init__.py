"""The registry of output formats: every writer, of a version, a diff or an act, plugs in here.

A writer is a function from the model (`Annotated` for a version, `Diff` for a comparison,
`ActText` for an amending act) to the bytes of one file, in a module of its own that imports
only the model, the language modules and `writers.shared`. Each entry names its module, which
is imported when the format is used, so that a command loads only the writers it runs;
`preflight` names a function that checks the machine (a font, say) before anything is written
and raises `MachineError` when it cannot work.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

Subject = Literal["version", "diff", "act"]


@dataclass(frozen=True, slots=True)
class Writer:
    format: str  # also the file extension
    subject: Subject
    module: str  # relative to this package
    function: str
    preflight: str | None = None

    def _attribute(self, name: str) -> Callable[..., Any]:
        module = importlib.import_module(f"{__name__}.{self.module}")
        function: Callable[..., Any] = getattr(module, name)
        return function

    def render(self, subject: Any) -> bytes:
        data: bytes = self._attribute(self.function)(subject)
        return data

    def check_machine(self) -> None:
        if self.preflight is not None:
            self._attribute(self.preflight)()


WRITERS: tuple[Writer, ...] = (
    Writer("html", "version", "html", "render_html"),
    Writer("pdf", "version", "pdf", "render_pdf", preflight="check_font"),
    Writer("docx", "version", "docx.version", "render_docx"),
    Writer("html", "diff", "diff_html", "render_diff_html"),
    Writer("docx", "diff", "docx.redline", "render_diff_docx"),
    Writer("json", "diff", "diff_json", "render_diff_json"),
    Writer("html", "act", "act_html", "render_act_html"),
    Writer("txt", "act", "act_txt", "render_act_txt"),
    Writer("pdf", "act", "act_pdf", "render_act_pdf", preflight="check_font"),
    Writer("docx", "act", "docx.act", "render_act_docx"),
)


def formats(subject: Subject) -> list[str]:
    """The formats there are for a version, a diff or an act, in the order outputs are written."""
    return [writer.format for writer in WRITERS if writer.subject == subject]


def writer(subject: Subject, fmt: str) -> Writer:
    for candidate in WRITERS:
        if candidate.subject == subject and candidate.format == fmt:
            return candidate
    raise KeyError(f"no {subject} writer for '{fmt}'")
