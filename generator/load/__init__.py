"""Load stage: the project's YAML → the typed model, every value with its source position.

`load_project` reads a whole project; `schema` holds what a drafter may write; `yaml_source`
reads YAML with the place of every value (through `yaml_events`, its quick reading). The unit
trees are built by `input.UnitBuilder`, which the consolidate stage uses too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import load_project

__all__ = ["load_project"]


def __getattr__(name: str) -> object:
    """`load_project`, imported when first asked for: a command that finds the project in the
    cache imports neither the YAML reader nor the input schema."""
    if name == "load_project":
        from .project import load_project

        return load_project
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
