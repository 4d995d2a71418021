"""The registry of output formats: every writer, of a version, a diff or an act, plugs in here.

A writer is a function from the model (`Annotated` for a version, `Diff` for a comparison,
`ActText` for an amending act) to the bytes of one file, in a module of its own that imports
only the model, the language modules and `writers.shared`. Each entry names its module, which
is imported when the format is used, so that a command loads only the writers it runs;
`preflight` names a function that checks the machine (a font, say) before anything is written
and raises `MachineError` when it cannot work. A `templated` writer reads templates and takes the
project's templates folder as `template_dir`. Each entry also says what the build engine needs to
know of its files: their extension, and the libraries whose versions change their bytes (so that
an upgraded library renders them again).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..model.charset import Charset

Subject = Literal["version", "diff", "act"]
# Every output's numbers and dates are formatted by Babel, in the language modules.
LANGUAGE_LIBRARIES = ("babel",)


@dataclass(frozen=True, slots=True)
class Writer:
    format: str  # the name `--format` takes
    subject: Subject
    module: str  # relative to this package
    function: str
    extension: str  # of the files it writes
    # The distributions whose versions change the bytes it writes (`pip` names).
    libraries: tuple[str, ...] = LANGUAGE_LIBRARIES
    preflight: str | None = None
    templated: bool = False
    # `module.function` under this package giving the characters the format can set, for
    # `validate` to check the text against without loading the writer itself.
    charset: str | None = None

    def load(self) -> None:
        """Import the writer and its libraries now (before forking workers that all need them)."""
        importlib.import_module(f"{__name__}.{self.module}")

    def _attribute(self, name: str) -> Callable[..., Any]:
        module = importlib.import_module(f"{__name__}.{self.module}")
        function: Callable[..., Any] = getattr(module, name)
        return function

    def render(self, subject: Any, template_dir: Path | None = None) -> bytes:
        """The file's bytes; `template_dir` is the project's own templates folder, if any."""
        function = self._attribute(self.function)
        data: bytes = (function(subject, template_dir=template_dir) if self.templated
                       else function(subject))
        return data

    def characters(self) -> Charset | None:
        if self.charset is None:
            return None
        module, function = self.charset.rsplit(".", 1)
        result: Charset = getattr(importlib.import_module(f"{__name__}.{module}"), function)()
        return result

    def check_machine(self) -> None:
        if self.preflight is not None:
            self._attribute(self.preflight)()


_HTML = (*LANGUAGE_LIBRARIES, "jinja2")
_PDF = (*_HTML, "weasyprint", "pydyf")
_DOCX = (*LANGUAGE_LIBRARIES, "python-docx", "lxml")

WRITERS: tuple[Writer, ...] = (
    Writer("html", "version", "html", "render_html", "html", _HTML, templated=True),
    Writer("pdf", "version", "pdf", "render_pdf", "pdf", _PDF, preflight="check_font",
           templated=True, charset="shared.fonts.font_coverage"),
    # The version's DOCX prints the PDF's page numbers in its contents: it paginates as the PDF.
    Writer("docx", "version", "docx.version", "render_docx", "docx", (*_PDF, *_DOCX[1:]),
           preflight="check_font", templated=True),
    Writer("html", "diff", "diff_html", "render_diff_html", "html", _HTML, templated=True),
    Writer("docx", "diff", "docx.redline", "render_diff_docx", "docx", _DOCX),
    Writer("json", "diff", "diff_json", "render_diff_json", "json"),
    Writer("html", "act", "act_html", "render_act_html", "html", _HTML, templated=True),
    Writer("txt", "act", "act_txt", "render_act_txt", "txt"),
    Writer("pdf", "act", "act_pdf", "render_act_pdf", "pdf", _PDF, preflight="check_font",
           templated=True, charset="shared.fonts.font_coverage"),
    Writer("docx", "act", "docx.act", "render_act_docx", "docx", _DOCX),
)


def formats(subject: Subject) -> list[str]:
    """The formats there are for a version, a diff or an act, in the order outputs are written."""
    return [writer.format for writer in WRITERS if writer.subject == subject]


def charsets() -> list[Charset]:
    """What every writer's font can set: text outside one of them cannot be built."""
    found = (candidate.characters() for candidate in WRITERS)
    return list(dict.fromkeys(charset for charset in found if charset is not None))


def writer(subject: Subject, fmt: str) -> Writer:
    for candidate in WRITERS:
        if candidate.subject == subject and candidate.format == fmt:
            return candidate
    raise KeyError(f"no {subject} writer for '{fmt}'")
