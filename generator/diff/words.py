"""Word-level differences between two texts, with a clean-up that reads as a person edits.

Reads two strings; writes `Op`s (equal, delete, insert) whose equal and deleted texts give the
earlier string and whose equal and inserted texts give the later one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model.diff import Op


@dataclass(slots=True)
class _Edit:
    deleted: str
    inserted: str


# A word with the whitespace after it; leading whitespace is a token of its own.
_TOKEN = re.compile(r"\s+|\S+\s*")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Op]:
    """Word operations turning `old` into `new`; the equal and deleted texts joined give `old`,
    the equal and inserted texts give `new`. A replaced phrase reads as one deletion and one
    insertion: short equal islands between two edits are folded into them."""
    if old == new:
        return [Op("equal", old)] if old else []
    before, after = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    regions: list[str | _Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            regions.append("".join(before[i1:i2]))
        else:
            _push_edit(regions, _Edit("".join(before[i1:i2]), "".join(after[j1:j2])))
    ops: list[Op] = []
    for region in regions:
        if isinstance(region, str):
            ops.append(Op("equal", region))
            continue
        if region.deleted:
            ops.append(Op("delete", region.deleted))
        if region.inserted:
            ops.append(Op("insert", region.inserted))
    return ops


def _push_edit(regions: list[str | _Edit], edit: _Edit) -> None:
    """Append an edit, merging it with the previous one across a small equal island.

    An island is small when it is no longer than the larger side of the edit on its left and of
    the edit on its right (the semantic clean-up of diff-match-patch); merging can make the
    island before it small in turn, hence the loop."""
    # `edit` stays out of the list until it has absorbed every neighbour it should.
    while regions and isinstance(left := regions[-1], _Edit):
        regions.pop()
        edit = _Edit(left.deleted + edit.deleted, left.inserted + edit.inserted)
    while (
        len(regions) >= 2
        and isinstance(island := regions[-1], str)
        and isinstance(left := regions[-2], _Edit)
    ):
        if len(island) > _weight(left) or len(island) > _weight(edit):
            break
        del regions[-2:]
        edit = _Edit(left.deleted + island + edit.deleted, left.inserted + island + edit.inserted)
    regions.append(edit)


def _weight(edit: _Edit) -> int:
    return max(len(edit.deleted), len(edit.inserted))
