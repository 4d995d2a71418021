"""Raw input values with their places: what the YAML reader gives and every later check reads.

Reads and writes nothing. A `PosDict` or `PosList` is a plain mapping or list that also knows
where it and each of its items stood in the source, so that a problem found at any later stage
points the drafter at `path:line:col`.
"""

from __future__ import annotations

from typing import Any, overload

from ..model import SourcePos


class PosDict(dict[str, Any]):
    """A mapping with the position of itself and of each key."""

    pos: SourcePos
    key_pos: dict[str, SourcePos]

    def pos_of(self, key: str) -> SourcePos:
        return self.key_pos.get(key, self.pos)


class PosList(list[Any]):
    """A list with the position of itself and of each item."""

    pos: SourcePos
    item_pos: list[SourcePos]


@overload
def pos_of(container: Any, key: str | int | None, default: SourcePos) -> SourcePos: ...


@overload
def pos_of(
    container: Any, key: str | int | None = None, default: None = None
) -> SourcePos | None: ...


def pos_of(
    container: Any, key: str | int | None = None, default: SourcePos | None = None
) -> SourcePos | None:
    """Position of `container[key]` (or of the container), falling back to `default`."""
    if isinstance(container, PosDict):
        return container.pos_of(key) if isinstance(key, str) else container.pos
    if isinstance(container, PosList):
        if isinstance(key, int) and 0 <= key < len(container.item_pos):
            return container.item_pos[key]
        return container.pos
    return default
