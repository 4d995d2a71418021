"""The whole check of a project before anything is built from it.

Reads: a `Project`, and what every writer's font can set. Writes nothing: the diagnostics of
`validate`, with every character the outputs could not hold.
"""

from __future__ import annotations

from ..model import Diagnostics, Project
from ..validate import validate
from ..writers import charsets


def checked(project: Project) -> Diagnostics:
    """Every problem of the project, the characters the outputs cannot set included."""
    return validate(project, charsets())
