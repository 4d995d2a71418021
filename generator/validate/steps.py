"""What changed from one version to the next: the checks that go forward through the versions
(`consolidate.each_step`) look again only at the units a version's own changes touched.

Reads: a `Version` and the ids its changes touched (None for the first version). Writes nothing.
A unit's id is its parent's id, `__`, and its own: the ancestors of a unit are the prefixes of
its id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..model import Unit, Version, family_of


class VersionCheck(Protocol):
    """A check that goes forward through each language's versions with `consolidate.each_step`."""

    def start(self, lang: str) -> None: ...

    def step(self, version: Version, touched: set[str] | None) -> None: ...

    def finish(self, lang: str) -> None: ...


def enclosing(uid: str) -> Iterable[str]:
    """The ids of the units around `uid`, the nearest first."""
    while "__" in uid:
        uid = uid.rsplit("__", 1)[0]
        yield uid


def is_under(uid: str, roots: set[str]) -> bool:
    """Whether `uid` is one of `roots` or inside one of them."""
    return uid in roots or any(outer in roots for outer in enclosing(uid))


def touched_units(version: Version, touched: set[str] | None) -> list[Unit]:
    """Every unit of the version (touched is None), or those in the subtrees touched, each once."""
    if touched is None:
        return list(version.walk())
    found: dict[str, Unit] = {}
    for uid in sorted(touched):
        unit = version.index.get(uid)
        if unit is not None and uid not in found:
            found.update((node.uid, node) for node in unit.walk())
    return list(found.values())


def changed_tables(version: Version, touched: set[str] | None) -> list[Unit]:
    """The tables of the version that may differ from the version before: every table of the
    first version; then those touched, inside what was touched, or around a touched row."""
    tables = {unit.uid: unit for unit in touched_units(version, touched)
              if family_of(unit) == "tabular"}
    for uid in touched or ():
        for outer in enclosing(uid):
            unit = version.index.get(outer)
            if unit is not None and family_of(unit) == "tabular":
                tables.setdefault(outer, unit)
    return list(tables.values())
