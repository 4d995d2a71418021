"""Limits on one YAML file, checked before it is turned into values: size, nesting, nodes.

Reads: the text of one file (and `LEGALGEN_MAX_FILE_SIZE` from the environment). Writes: the
first limit the file breaks, as a diagnostic, or nothing. The nodes are counted on the parser's
events, so an alias counts every node it repeats without anything being repeated, and a file
nested too deep is refused before the parser's recursive composer could overflow the C stack.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..i18n import tr
from ..model import Diagnostic, Diagnostics, InputError, SourcePos

SIZE_VARIABLE = "LEGALGEN_MAX_FILE_SIZE"
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
class _Counter:
    path: str
    stack: list[_Frame] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)
    total: int = 0

    def add(self, nodes: int) -> None:
        if self.stack:
            self.stack[-1].nodes += nodes
        self.total += nodes

    def open(self, event: yaml.CollectionStartEvent) -> Diagnostic | None:
        self.total += 1
        self.stack.append(_Frame(event.anchor))
        if len(self.stack) > MAX_DEPTH:
            return self.problem_at(event, tr("nested more than {depth} levels deep",
                                             depth=MAX_DEPTH))
        return None

    def close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = frame.nodes
        if self.stack:
            self.stack[-1].nodes += frame.nodes

    def alias(self, event: yaml.AliasEvent) -> Diagnostic | None:
        if any(frame.anchor == event.anchor for frame in self.stack):
            return self.problem_at(event, tr("the alias *{anchor} repeats its own anchor",
                                               anchor=event.anchor))
        # An unknown anchor is the parser's error to report, with its position.
        self.add(self.anchors.get(event.anchor or "", 1))
        return None

    def problem_at(self, event: yaml.Event, message: str) -> Diagnostic:
        mark = event.start_mark
        if mark is None:
            return Diagnostic(SourcePos(self.path), message)
        return Diagnostic(SourcePos(self.path, mark.line + 1, mark.column + 1), message)


def check_limits(text: str, loader_class: type[Any], path: str) -> Diagnostic | None:
    """The first limit the YAML text breaks, or None (syntax errors are left to the parser)."""
    counter = _Counter(path)
    loader = loader_class(text)
    try:
        while loader.check_event():
            event: yaml.Event = loader.get_event()
            problem = None
            if isinstance(event, yaml.CollectionStartEvent):
                problem = counter.open(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                counter.close()
            elif isinstance(event, yaml.AliasEvent):
                problem = counter.alias(event)
            elif isinstance(event, yaml.ScalarEvent):
                counter.add(1)
                if event.anchor is not None:
                    counter.anchors[event.anchor] = 1
            if problem is None and counter.total > MAX_NODES:
                problem = counter.problem_at(
                    event, tr("more than {nodes} values (aliases counted as what they repeat)",
                               nodes=MAX_NODES))
            if problem is not None:
                return problem
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None
