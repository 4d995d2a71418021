"""What changed from one version to the next: the checks that go forward through the versions
(`consolidate.each_step`) look again only at the units a version's own changes touched.

Reads: a `Version` and the ids its changes touched (None for the first version). Writes nothing.
A unit's id is its parent's id, `__`, and its own: the ancestors of a unit are the prefixes of
its id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ..input import UnitBuilder
from ..model import Change, Diagnostics, Unit, Version, family_of


@dataclass(slots=True)
class Step:
    """A version and the ids its own changes touched (None for the first version), with what
    every check looks at in it, found once for all of them."""

    version: Version
    touched: set[str] | None
    found_units: list[Unit] | None = None
    found_tables: list[Unit] | None = None

    @property
    def units(self) -> list[Unit]:
        """`touched_units` of the step."""
        if self.found_units is None:
            self.found_units = touched_units(self.version, self.touched)
        return self.found_units

    @property
    def tables(self) -> list[Unit]:
        """`changed_tables` of the step."""
        if self.found_tables is None:
            self.found_tables = changed_tables(self.version, self.touched, self.units)
        return self.found_tables


class VersionCheck(Protocol):
    """A check that goes forward through each language's versions with `consolidate.each_step`."""

    def start(self, lang: str) -> None: ...

    def step(self, step: Step) -> None: ...

    def finish(self, lang: str) -> None: ...


def every_unit(units: list[Unit]) -> list[Unit]:
    """Every unit of the trees `units`, each before its children, in reading order (as
    `Unit.walk`, without a generator for every unit)."""
    found: list[Unit] = []
    waiting = units[::-1]
    while waiting:
        unit = waiting.pop()
        found.append(unit)
        waiting += unit.children[::-1]
    return found


class ChangeContents:
    """The units of each change's content in each language, built once for every check that
    reads them (a wording is built under its target, as its own check reports it)."""

    def __init__(self) -> None:
        self.built: dict[tuple[int, str], list[Unit]] = {}

    def units(self, change: Change, lang: str) -> list[Unit]:
        key = (id(change), lang)
        if key not in self.built:
            raw = change.content[lang]
            raws = raw if isinstance(raw, list) else [raw]
            self.built[key] = UnitBuilder(Diagnostics()).build_children(raws, change.target,
                                                                        change.pos)
        return self.built[key]


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
        return every_unit(version.units)
    found: dict[str, Unit] = {}
    for uid in sorted(touched):
        unit = version.index.get(uid)
        if unit is not None and uid not in found:
            found.update((node.uid, node) for node in every_unit([unit]))
    return list(found.values())


def changed_tables(version: Version, touched: set[str] | None, units: list[Unit]) -> list[Unit]:
    """The tables of the version that may differ from the version before: every table of the
    first version; then those touched, inside what was touched, or around a touched row
    (`units`: the version's `touched_units`)."""
    tables = {unit.uid: unit for unit in units if family_of(unit) == "tabular"}
    for uid in touched or ():
        for outer in enclosing(uid):
            unit = version.index.get(outer)
            if unit is not None and family_of(unit) == "tabular":
                tables.setdefault(outer, unit)
    return list(tables.values())
