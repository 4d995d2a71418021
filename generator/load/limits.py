"""Limits on one YAML file, checked before it is turned into values: size, nesting, nodes.

Reads: the events of one file as its parse gives them (and `LEGALGEN_MAX_FILE_SIZE` from the
environment). Writes: the first limit the file breaks, as a diagnostic. The nodes are counted on
the parser's events before each node or value is made, so an alias counts every node it repeats
without anything being repeated, and a file nested too deep is refused before the reading could
go deeper. `LimitCounter` counts for the exact reading (`yaml_source`); the quick one
(`yaml_events`) counts alike in its own loop and tells a broken limit with the same words.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from ..i18n import tr
from ..model import Diagnostic, Diagnostics, InputError, SourcePos
from .names import SIZE_VARIABLE as SIZE_VARIABLE

DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def max_file_size() -> int:
    """The largest file read, in bytes: `LEGALGEN_MAX_FILE_SIZE` (such as 500K or 8M) or 2M."""
    value = os.environ.get(SIZE_VARIABLE, "").strip().upper().removesuffix("B")
    if not value:
        return DEFAULT_MAX_FILE_SIZE
    unit = value[-1] if value[-1] in _UNITS else ""
    number = value[: len(value) - len(unit)]
    if not number.isdigit():
        diagnostics = Diagnostics()
        diagnostics.error(SourcePos(SIZE_VARIABLE),
                          tr("'{value}' is not a size such as 500K or 8M",
                             value=os.environ[SIZE_VARIABLE]))
        raise InputError(diagnostics)
    return int(number) * _UNITS[unit]


@dataclass
class _Frame:
    anchor: str | None
    nodes: int = 1


@dataclass
class LimitCounter:
    """The nodes, the nesting and the aliases of one file, counted as its nodes are composed:
    each event is told before its node is made (a collection's end after its children), and
    the first limit broken is raised as `LimitBroken`."""

    path: str
    stack: list[_Frame] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)
    total: int = 0

    def scalar(self, event: yaml.ScalarEvent) -> None:
        self._add(1, event)
        if event.anchor is not None:
            self.anchors[event.anchor] = 1

    def open(self, event: yaml.CollectionStartEvent) -> None:
        self.stack.append(_Frame(event.anchor))
        if len(self.stack) > MAX_DEPTH:
            raise LimitBroken(too_deep(self.path, event))
        self._add(1, event, into_frame=False)

    def close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = frame.nodes
        if self.stack:
            self.stack[-1].nodes += frame.nodes

    def alias(self, event: yaml.AliasEvent) -> None:
        if any(frame.anchor == event.anchor for frame in self.stack):
            raise LimitBroken(repeats_itself(self.path, event))
        # An unknown anchor is the composer's error to report, with its position.
        self._add(self.anchors.get(event.anchor or "", 1), event)

    def _add(self, nodes: int, event: yaml.Event, into_frame: bool = True) -> None:
        if into_frame and self.stack:
            self.stack[-1].nodes += nodes
        self.total += nodes
        if self.total > MAX_NODES:
            raise LimitBroken(too_many(self.path, event))


def too_deep(path: str, event: yaml.Event) -> Diagnostic:
    return _at(path, event, tr("nested more than {depth} levels deep", depth=MAX_DEPTH))


def too_many(path: str, event: yaml.Event) -> Diagnostic:
    return _at(path, event, tr("more than {nodes} values (aliases counted as what they repeat)",
                               nodes=MAX_NODES))


def repeats_itself(path: str, event: yaml.AliasEvent) -> Diagnostic:
    return _at(path, event, tr("the alias *{anchor} repeats its own anchor", anchor=event.anchor))


def _at(path: str, event: yaml.Event, message: str) -> Diagnostic:
    mark = event.start_mark
    if mark is None:
        return Diagnostic(SourcePos(path), message)
    return Diagnostic(SourcePos(path, mark.line + 1, mark.column + 1), message)


class LimitBroken(Exception):
    """A file breaks a limit; carries the diagnostic, at the node that broke it."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
