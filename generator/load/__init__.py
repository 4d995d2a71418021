"""Load stage: the project's YAML → the typed model, every value with its source position.

`load_project` reads a whole project; `schema` holds what a drafter may write; `yaml_source`
reads YAML with the place of every value. The unit trees are built by `input.UnitBuilder`,
which the consolidate stage uses too.
"""

from .project import load_project

__all__ = ["load_project"]
