"""The input layer, under the stages: what a drafter writes, before it is the model.

Reads nothing from disk: the load stage reads the files. `positions` (raw YAML values that know
their place), `validation` (raw values checked against pydantic models, each problem at its
field), `units` (`UnitIn`, what a unit may hold; `UnitBuilder`: raw unit mappings → `Unit`
trees with full ids; `own_id`, the rule that gives a unit its own id). The load stage builds
the documents with it; the consolidate stage builds the units a change inserts or replaces,
since their ids depend on where they go; the validate and draft stages read the units of a
record's change; the import stage writes ids as the loader would give them.

The names of `units` and `validation` are imported when first asked for: a cached project holds
raw values of `positions`, and reading it back loads neither pydantic nor the input models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .positions import PosDict, PosList, pos_of

if TYPE_CHECKING:
    from .units import UnitBuilder, UnitIn, own_id
    from .validation import Strict, given, validate_model

__all__ = ["PosDict", "PosList", "UnitBuilder", "UnitIn", "own_id", "pos_of", "validate_model",
           "Strict", "given"]

# The module of each name imported when first asked for.
_LAZY = {"UnitBuilder": "units", "UnitIn": "units", "own_id": "units",
         "Strict": "validation", "given": "validation", "validate_model": "validation"}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
