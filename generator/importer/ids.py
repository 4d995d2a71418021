"""Ids of an imported unit tree, made as the loader makes them (`legalgen outline` shows them).

Reads a `Node` tree; writes each node's `own` and `uid`. A unit's own id is its kind's prefix and
its label's number, or, without a label, its place among its unlabelled siblings of its kind
(the input layer's `own_id`); a label printed twice among siblings of one kind (a list that
restarts, a publisher's slip) gives the later units a letter: `subpoint_1b`, `subpoint_1c`.
"""

from __future__ import annotations

from ..input import own_id
from .tree import Node

SUFFIXES = "bcdefghijklmnopqrstuvwxyz"


def assign_ids(units: list[Node], parent_uid: str = "") -> None:
    counters: dict[str, int] = {}
    seen: dict[str, int] = {}
    for node in units:
        own = own_id(node.kind, node.label, None, counters)
        repeats = seen.get(own, 0)
        seen[own] = repeats + 1
        if repeats:
            own = f"{own}{SUFFIXES[min(repeats - 1, len(SUFFIXES) - 1)]}"
        node.own = own
        node.uid = f"{parent_uid}__{own}" if parent_uid else own
        assign_ids(node.children, node.uid)


def natural_ids(units: list[Node]) -> list[str]:
    """The own ids the loader gives `units` as siblings when none is written."""
    counters: dict[str, int] = {}
    return [own_id(node.kind, node.label, None, counters) for node in units]
