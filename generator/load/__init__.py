"""Load stage: the project's YAML → the typed model, every value with its source position.

`load_project` reads a whole project; `UnitBuilder` turns raw unit mappings into unit trees (the
consolidate stage uses it for the units of a change); `schema` holds what a drafter may write.
"""

from .project import load_project
from .units import UnitBuilder

__all__ = ["UnitBuilder", "load_project"]
