"""The quick reading of a YAML file: libyaml's events turned into values in one loop.

Reads: one file's text. Writes: its values (`PosDict`, `PosList` and scalars, with positions).
No node graph is made and nothing recurses (libyaml's own composer recurses in C, and a file
nested deep enough overflows its stack): a file nested 100,000 levels deep is read up to the
level that breaks the limit, and no further. The limits are counted on the events, in the order
and at the places the exact reading (`yaml_source`) counts them, and its composer's errors are
raised alike: a file that breaks them gets the same answer from either. What would only show
when the values are constructed — a duplicate key, a key that is no plain value, an invalid
date, a tag beyond the plain scalars, a merge key — raises `NotVouched`: the exact reading
then reads the file again, so that its first problem in document order is the one told.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import ScalarNode

from ..input.positions import PosDict, PosList
from ..model import SourcePos
from .limits import MAX_DEPTH, MAX_NODES, LimitBroken, repeats_itself, too_deep, too_many

AVAILABLE = hasattr(yaml, "CSafeLoader")

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
# The plain scalars' constructors, as SafeConstructor makes them; any other tag (merge keys
# among them) is the exact reading's.
_SCALARS: dict[str, Callable[[Any, ScalarNode], Any]] = {
    _TAG + "null": SafeConstructor.construct_yaml_null,
    _TAG + "bool": SafeConstructor.construct_yaml_bool,
    _TAG + "int": SafeConstructor.construct_yaml_int,
    _TAG + "float": SafeConstructor.construct_yaml_float,
    _TAG + "timestamp": SafeConstructor.construct_yaml_timestamp,
}


class NotVouched(Exception):
    """The quick reading does not answer for this file: the exact one reads it."""


class _Open:
    """A collection being read: its value, its mark and anchor, the nodes counted before it."""

    __slots__ = ("anchor", "before", "mark", "path")

    def __init__(self, path: str, mark: Any, anchor: str | None, before: int) -> None:
        self.path = path
        self.mark = mark
        self.anchor = anchor
        self.before = before

    @property
    def value(self) -> PosDict | PosList:
        raise NotImplementedError

    def put(self, value: Any, mark: Any) -> None:
        """Take the next value in the collection, found at `mark`."""
        raise NotImplementedError


class _OpenSequence(_Open):
    __slots__ = ("items",)

    def __init__(self, path: str, mark: Any, anchor: str | None, before: int) -> None:
        super().__init__(path, mark, anchor, before)
        self.items = PosList()
        self.items.pos = SourcePos(path, mark.line + 1, mark.column + 1)
        self.items.item_pos = []

    @property
    def value(self) -> PosList:
        return self.items

    def put(self, value: Any, mark: Any) -> None:
        self.items.append(value)
        self.items.item_pos.append(SourcePos(self.path, mark.line + 1, mark.column + 1))


class _OpenMapping(_Open):
    __slots__ = ("key", "key_mark", "mapping")

    def __init__(self, path: str, mark: Any, anchor: str | None, before: int) -> None:
        super().__init__(path, mark, anchor, before)
        self.mapping = PosDict()
        self.mapping.pos = SourcePos(path, mark.line + 1, mark.column + 1)
        self.mapping.key_pos = {}
        self.key: str | None = None  # None until a key waits for its value
        self.key_mark = mark

    @property
    def value(self) -> PosDict:
        return self.mapping

    def put(self, value: Any, mark: Any) -> None:
        if self.key is None:
            self.key, self.key_mark = self.new_key(value), mark
            return
        self.mapping[self.key] = value
        mark = self.key_mark
        self.mapping.key_pos[self.key] = SourcePos(self.path, mark.line + 1, mark.column + 1)
        self.key = None

    def new_key(self, value: Any) -> str:
        """A key as a string, if a plain value not in the mapping yet."""
        key = value if type(value) is str else self.plain(value)
        if key in self.mapping:
            raise NotVouched
        return key

    @staticmethod
    def plain(value: Any) -> str:
        if not isinstance(value, str | int | float | bool):
            raise NotVouched
        return str(value)


def read_values(text: str, path: str) -> Any:
    """The values of one YAML document, None for an empty one; `NotVouched` if not sure."""
    loader = yaml.CSafeLoader(text)
    try:
        return _Reader(loader, path).single_document()
    finally:
        loader.dispose()


class _Reader:
    """One document's events into values. Marks (`Any`) are libyaml's, line and column from 0."""

    def __init__(self, loader: Any, path: str) -> None:
        self.loader = loader
        self.path = path
        self.nodes = 0
        self.anchored: dict[str, tuple[Any, Any]] = {}  # value and mark, as soon as it starts
        self.anchored_nodes: dict[str, int] = {}  # once its value is whole
        self.implicit: dict[str | None, list[tuple[str, re.Pattern[str]]]] = \
            loader.yaml_implicit_resolvers
        if loader.yaml_path_resolvers or None in self.implicit:  # not what `plain_tag` knows
            raise NotVouched

    def single_document(self) -> Any:
        get = self.loader.get_event
        get()  # the stream's start
        if type(get()) is yaml.StreamEndEvent:
            return None
        value, mark = self.root()
        get()  # the document's end
        event = get()
        if type(event) is not yaml.StreamEndEvent:
            raise ComposerError("expected a single document in the stream", mark,
                                "but found another document", event.start_mark)
        return value

    def root(self) -> tuple[Any, Any]:
        """The document's value and mark, read event by event (no recursion)."""
        get = self.loader.get_event
        stack: list[_Open] = []
        top: _Open | None = None
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                value, mark = self.scalar(event), event.start_mark
            elif kind is AliasEvent:
                value, mark = self.alias(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if top is not None:
                    stack.append(top)
                top = self.open(event, len(stack) + 1)
                continue
            else:  # the end of the collection on top
                assert top is not None
                value, mark = self.close(top)
                top = stack.pop() if stack else None
            if top is None:
                return value, mark
            top.put(value, mark)

    def count(self, nodes: int, event: yaml.Event) -> None:
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            raise LimitBroken(too_many(self.path, event))

    def check_anchor(self, event: yaml.NodeEvent) -> None:
        """The composer's check of an anchor's name (made after the counting)."""
        first = self.anchored.get(event.anchor or "")
        if first is not None:
            marks: tuple[Any, Any] = (first[1], event.start_mark)  # libyaml's own
            raise ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence",
                                marks[0], "second occurrence", marks[1])

    def scalar(self, event: ScalarEvent) -> Any:
        self.count(1, event)
        anchor = event.anchor
        if anchor is not None:
            self.check_anchor(event)
        tag, value = event.tag, event.value
        if tag is None or tag == "!":
            tag = self.plain_tag(value) if event.implicit[0] else _STR
        if tag != _STR:
            value = self.construct(tag, event)
        if anchor is not None:
            self.anchored[anchor] = (value, event.start_mark)
            self.anchored_nodes[anchor] = 1
        return value

    def plain_tag(self, value: str) -> str:
        """The tag of a plain scalar, as the resolver tells it (without path resolvers)."""
        for tag, pattern in self.implicit.get(value[0] if value else "", ()):
            if pattern.match(value):
                return tag
        return _STR

    def construct(self, tag: str, event: ScalarEvent) -> Any:
        construct = _SCALARS.get(tag)
        if construct is None:
            raise NotVouched
        marks: tuple[Any, Any] = (event.start_mark, event.end_mark)  # libyaml's own
        try:
            return construct(self.loader, ScalarNode(tag, event.value, *marks))
        except Exception:  # a date such as 2013-13-45: the exact reading places the error
            raise NotVouched from None

    def alias(self, event: AliasEvent) -> tuple[Any, Any]:
        name = event.anchor or ""
        known = self.anchored.get(name)
        nodes = self.anchored_nodes.get(name)
        if known is not None and nodes is None:  # its collection is still being read
            raise LimitBroken(repeats_itself(self.path, event))
        self.count(nodes or 1, event)
        if known is None:
            mark: Any = event.start_mark  # libyaml's own
            raise ComposerError(None, None, f"found undefined alias {name!r}", mark)
        return known

    def open(self, event: yaml.CollectionStartEvent, depth: int) -> _Open:
        if depth > MAX_DEPTH:
            raise LimitBroken(too_deep(self.path, event))
        self.count(1, event)
        anchor = event.anchor
        if anchor is not None:
            self.check_anchor(event)
        mapping = type(event) is MappingStartEvent
        if event.tag not in (None, "!", _MAP if mapping else _SEQ):
            raise NotVouched
        kind = _OpenMapping if mapping else _OpenSequence
        top = kind(self.path, event.start_mark, anchor, self.nodes - 1)
        if anchor is not None:
            self.anchored[anchor] = (top.value, top.mark)
        return top

    def close(self, top: _Open) -> tuple[Any, Any]:
        if top.anchor is not None:
            self.anchored_nodes[top.anchor] = self.nodes - top.before
        return top.value, top.mark
