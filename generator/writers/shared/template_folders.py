"""Where templates are found, without loading the template engine: the build's keys hash these
folders on every run, an up-to-date build included, and render nothing."""

from __future__ import annotations

from pathlib import Path

from ...i18n import tr
from ...model import Diagnostics, InputError, SourcePos

# The built-in templates ship inside the package.
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def template_folders(project: Path | None) -> list[Path]:
    """The project's templates folder first (when it exists), then the built-in one; a
    project folder that is a link leading out of the project is an `InputError`."""
    if project is None or not project.is_dir():
        return [TEMPLATES]
    own = project.resolve()
    if not own.is_relative_to(project.parent.resolve()):
        raise template_problem(project.name, 1, tr("the templates folder is a link leading out "
                                                   "of the project: not read"))
    return [own, TEMPLATES]


def template_problem(shown: str, line: int, message: str) -> InputError:
    diagnostics = Diagnostics()
    diagnostics.error(SourcePos(shown, line, 1), message)
    return InputError(diagnostics)
