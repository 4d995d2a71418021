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
_NO_KEY = object()  # a mapping waits for a key, not for a value


class NotVouched(Exception):
    """The quick reading does not answer for this file: the exact one reads it."""


class _Open:
    """A collection being read: its value, where it stands, its anchor, its pending key."""

    __slots__ = ("anchor", "before", "key", "key_mark", "mark", "value")

    def __init__(self, value: PosDict | PosList, mark: Any, anchor: str | None,
                 before: int) -> None:
        self.value = value
        self.mark = mark
        self.anchor = anchor
        self.before = before  # the nodes counted before it
        self.key: Any = _NO_KEY
        self.key_mark = mark


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
            self.put(top, value, mark)

    def count(self, nodes: int, event: yaml.Event) -> None:
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            raise LimitBroken(too_many(self.path, event))

    def anchor(self, event: yaml.NodeEvent) -> str | None:
        """The event's anchor, checked as the composer checks it (after the counting)."""
        name, mark = event.anchor, event.start_mark
        first = None if name is None else self.anchored.get(name)
        if first is not None:
            marks: tuple[Any, Any] = (first[1], mark)  # libyaml's own
            raise ComposerError(f"found duplicate anchor {name!r}; first occurrence", marks[0],
                                "second occurrence", marks[1])
        return name

    def scalar(self, event: ScalarEvent) -> Any:
        self.count(1, event)
        anchor = self.anchor(event)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
        value = event.value if tag == _STR else self.construct(tag, event)
        if anchor is not None:
            self.anchored[anchor] = (value, event.start_mark)
            self.anchored_nodes[anchor] = 1
        return value

    def construct(self, tag: str, event: ScalarEvent) -> Any:
        construct = _SCALARS.get(tag)
        if construct is None:
            raise NotVouched
        marks: tuple[Any, Any] = (event.start_mark, event.end_mark)  # libyaml's own
        node = ScalarNode(tag, event.value, *marks)
        try:
            return construct(self.loader, node)
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
        anchor = self.anchor(event)
        mark: Any = event.start_mark
        pos = SourcePos(self.path, mark.line + 1, mark.column + 1)
        value = self.mapping(event, pos) if type(event) is MappingStartEvent \
            else self.sequence(event, pos)
        if anchor is not None:
            self.anchored[anchor] = (value, mark)
        return _Open(value, mark, anchor, self.nodes - 1)

    @staticmethod
    def mapping(event: yaml.CollectionStartEvent, pos: SourcePos) -> PosDict:
        if event.tag not in (None, "!", _MAP):
            raise NotVouched
        value = PosDict()
        value.pos, value.key_pos = pos, {}
        return value

    @staticmethod
    def sequence(event: yaml.CollectionStartEvent, pos: SourcePos) -> PosList:
        if event.tag not in (None, "!", _SEQ):
            raise NotVouched
        value = PosList()
        value.pos, value.item_pos = pos, []
        return value

    def close(self, top: _Open) -> tuple[Any, Any]:
        if top.anchor is not None:
            self.anchored_nodes[top.anchor] = self.nodes - top.before
        return top.value, top.mark

    def put(self, top: _Open, value: Any, mark: Any) -> None:
        into = top.value
        if isinstance(into, PosList):
            into.append(value)
            into.item_pos.append(SourcePos(self.path, mark.line + 1, mark.column + 1))
        elif top.key is _NO_KEY:
            top.key, top.key_mark = self.key(into, value), mark
        else:
            into[top.key] = value
            mark = top.key_mark
            into.key_pos[top.key] = SourcePos(self.path, mark.line + 1, mark.column + 1)
            top.key = _NO_KEY

    @staticmethod
    def key(into: PosDict, value: Any) -> str:
        """A mapping's key as a string, if a plain value not in the mapping yet."""
        if not isinstance(value, str | int | float | bool):
            raise NotVouched
        key = str(value)
        if key in into:
            raise NotVouched
        return key
