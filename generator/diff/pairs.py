"""Units of two versions matched by id, siblings in the later order, moved units marked.

Reads two unit lists; writes `Pair` trees. Which changed unit each pair's differences belong to
(`raw`, `owner`) is filled in by the comparison.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Unit, UnitKind


@dataclass(slots=True)
class Pair:
    """A unit in the earlier and/or the later version, with its children paired the same way."""

    uid: str
    old: Unit | None
    new: Unit | None
    children: list[Pair]
    moved: bool = False
    raw: str | None = None  # what the texts show: added, removed, moved, excluded, reworded
    owner: str | None = None  # the changed unit this pair's differences belong to

    @property
    def unit(self) -> Unit:
        """The unit as the later version shows it, else as the earlier one does."""
        return _present(self.new or self.old, self.uid)

    @property
    def kind(self) -> UnitKind:
        return self.unit.kind


def _present(unit: Unit | None, uid: str) -> Unit:
    if unit is None:
        raise ValueError(f"pair {uid}: the unit is in neither version")
    return unit


def merge_pairs(old_units: list[Unit], new_units: list[Unit]) -> list[Pair]:
    """Pair siblings by id, in the later order; a unit whose place among its siblings changed
    appears twice, once on each side, marked moved."""
    old_ids = [unit.uid for unit in old_units]
    new_ids = [unit.uid for unit in new_units]
    common = set(old_ids) & set(new_ids)
    pairs: list[Pair] = []
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for old, new in zip(old_units[i1:i2], new_units[j1:j2], strict=True):
                pairs.append(Pair(old.uid, old, new, merge_pairs(old.children, new.children)))
            continue
        for old in old_units[i1:i2]:
            pairs.append(one_sided(old, None, old.uid in common))
        for new in new_units[j1:j2]:
            pairs.append(one_sided(None, new, new.uid in common))
    return pairs


def one_sided(old: Unit | None, new: Unit | None, moved: bool = False) -> Pair:
    unit = _present(old or new, "(one-sided)")
    children = [
        one_sided(child if old else None, child if new else None) for child in unit.children
    ]
    return Pair(unit.uid, old, new, children, moved)


def side_of(pair: Pair, side: str) -> Pair | None:
    """The pair as one version alone shows it (`old` or `new`), keeping whom each difference
    belongs to; None when that version lacks the unit."""
    unit = pair.old if side == "old" else pair.new
    if unit is None:
        return None
    children = [child for child in (side_of(c, side) for c in pair.children) if child is not None]
    old, new = (unit, None) if side == "old" else (None, unit)
    return Pair(pair.uid, old, new, children, pair.moved, pair.raw, pair.owner)


def split_pair(pair: Pair) -> tuple[Pair, Pair]:
    """A pair present in both versions as each version alone shows it: (old, new)."""
    old, new = side_of(pair, "old"), side_of(pair, "new")
    if old is None or new is None:
        raise ValueError(f"pair {pair.uid}: the unit is not in both versions")
    return old, new


def walk_pairs(pairs: list[Pair]) -> Iterator[Pair]:
    for pair in pairs:
        yield pair
        yield from walk_pairs(pair.children)
