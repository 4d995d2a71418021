"""Safe YAML reading that remembers where every mapping, list and value came from.

Reads: one YAML file. Writes: plain dicts and lists (subclasses carrying positions), so that later
stages can point a drafter at `path:line:col` for any field. Only YAML's safe tags are accepted.

libyaml parses each file once, and one loop turns its events into values, the limits counted
on the way (`yaml_events`). A file that loop does not vouch for — a duplicate key, an invalid
date, a key that is no plain value, a merge key, a tag beyond the plain scalars — is read again
the exact way: its events composed into nodes here, counted by `LimitCounter`, constructed by
PyYAML's `SafeConstructor`, so that its first problem in document order is the one told.
Neither lets libyaml's own composer in: it recurses in C, and a file nested deep enough
overflows the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor

from ..i18n import tr
from ..input.positions import PosDict, PosList
from ..model import Diagnostics, SourcePos
from ..regular_files import FileTooLarge, NotRegularFile, read_regular
from . import yaml_events
from .limits import SIZE_VARIABLE, LimitBroken, LimitCounter, max_file_size


def _mark_pos(path: str, mark: yaml.Mark) -> SourcePos:
    return SourcePos(path, mark.line + 1, mark.column + 1)


# libyaml's parser when installed (the pure-Python one is ten times slower); both give positions.
# Its events are composed by Python's composer (the pure-Python loader has it already).
if TYPE_CHECKING:
    _Parser = yaml.SafeLoader
    _Composing = yaml.SafeLoader
else:
    _Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    _Composing = (type("_Composing", (Composer, _Parser), {}) if _Parser is not yaml.SafeLoader
                  else yaml.SafeLoader)


class _PositionLoader(_Composing):
    """libyaml's events, composed here (not by libyaml's recursive composer, which a file
    nested deep enough overflows) so that the limits are counted on the one parse."""

    def __init__(self, text: str, source_path: str) -> None:
        _Parser.__init__(self, text)
        Composer.__init__(self)
        self.source_path = source_path
        self.limits = LimitCounter(source_path)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in the stubs
        if isinstance(event, yaml.ScalarEvent):
            self.limits.scalar(event)
        elif isinstance(event, yaml.AliasEvent):
            self.limits.alias(event)
        elif isinstance(event, yaml.CollectionStartEvent):
            self.limits.open(event)
            node = Composer.compose_node(self, parent, index)
            self.limits.close()
            return node
        return Composer.compose_node(self, parent, index)

    # The stubs promise `dict[Hashable, Any]`; a `PosDict` (string keys) is narrower, and `dict`
    # being invariant mypy cannot see it as a subtype.
    def construct_mapping(  # type: ignore[override]
        self, node: yaml.MappingNode, deep: bool = False
    ) -> PosDict:
        result = PosDict()
        result.pos = _mark_pos(self.source_path, node.start_mark)
        result.key_pos = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool):
                raise yaml.constructor.ConstructorError(
                    None, None, tr("mapping keys must be plain values"), key_node.start_mark
                )
            key = str(key)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, tr("duplicate key {key!r}", key=key), key_node.start_mark
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_pos[key] = _mark_pos(self.source_path, key_node.start_mark)
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> PosList:
        result = PosList(self.construct_object(child, deep=True) for child in node.value)
        result.pos = _mark_pos(self.source_path, node.start_mark)
        result.item_pos = [_mark_pos(self.source_path, child.start_mark) for child in node.value]
        return result


def _construct_map(loader: _PositionLoader, node: yaml.MappingNode) -> PosDict:
    return loader.construct_mapping(node)


def _construct_seq(loader: _PositionLoader, node: yaml.SequenceNode) -> PosList:
    return loader.construct_sequence(node)


_PositionLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_PositionLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


_Construct = Callable[[_PositionLoader, yaml.ScalarNode], Any]


def _construct_timestamp(loader: _PositionLoader, node: yaml.ScalarNode) -> Any:
    """A date such as 2013-13-45 is an input error at its place, not a crash."""
    if not SafeConstructor.timestamp_regexp.match(node.value):  # `!!timestamp abc`
        raise _not_of_its_tag(node)
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, tr("invalid date '{value}' ({exc})", value=node.value, exc=exc),
            node.start_mark
        ) from None


def _checked(construct: _Construct) -> _Construct:
    """A scalar tagged by hand with what it is not (`!!int abc`, `!!bool maybe`) is an input
    error at its place, not a crash: the resolver never gives such a tag on its own."""

    def checked(loader: _PositionLoader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, KeyError, IndexError):
            raise _not_of_its_tag(node) from None

    return checked


def _not_of_its_tag(node: yaml.ScalarNode) -> yaml.constructor.ConstructorError:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return yaml.constructor.ConstructorError(
        None, None, tr("'{value}' is not a valid {tag} value", value=node.value, tag=tag),
        node.start_mark)


_PositionLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
for _tag, _construct in (("bool", SafeConstructor.construct_yaml_bool),
                         ("int", SafeConstructor.construct_yaml_int),
                         ("float", SafeConstructor.construct_yaml_float)):
    _PositionLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _checked(_construct))


def read_yaml(path: Path, display_path: str, diagnostics: Diagnostics) -> Any | None:
    """Parse one file, its limits counted as its events come (once, unless the quick reading
    leaves it to the exact one); on a syntax error, a broken limit, a bad value or an empty file
    record it and return None. A FIFO, a device or a folder is an error at its path, read
    without blocking. A file the system cannot read raises `OSError`: the machine's failure,
    not the input's.
    """
    text = _read_text(path, display_path, diagnostics)
    if text is None:
        return None
    try:
        data = _values(text, display_path)
    except LimitBroken as exc:
        diagnostics.items.append(exc.diagnostic)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _mark_pos(display_path, mark) if mark else SourcePos(display_path)
        diagnostics.error(pos, tr("YAML: {problem}", problem=exc.problem or exc.context))
        return None
    except yaml.reader.ReaderError as exc:
        diagnostics.error(_offset_pos(text, exc.position, display_path),
                          tr("YAML: character U+{character:04X} is not allowed in YAML text",
                             character=exc.character))
        return None
    except yaml.YAMLError as exc:
        diagnostics.error(SourcePos(display_path), tr("YAML: {problem}", problem=exc))
        return None
    if data is None:
        diagnostics.error(SourcePos(display_path, 1, 1), tr("the file is empty"))
    return data


def _values(text: str, display_path: str) -> Any:
    """The file's values, read the quick way when it vouches for them, else the exact way."""
    if yaml_events.AVAILABLE:
        try:
            return yaml_events.read_values(text, display_path)
        except yaml_events.NotVouched:
            pass
    return exact_values(text, display_path)


def exact_values(text: str, display_path: str) -> Any:
    """The file's values as PyYAML constructs them from the nodes composed here; the first
    problem in document order raised as libyaml, the composer, the limits or the constructor
    finds it."""
    loader = _PositionLoader(text, display_path)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _read_text(path: Path, display_path: str, diagnostics: Diagnostics) -> str | None:
    try:
        data = read_regular(path, max_file_size())
    except NotRegularFile as exc:  # a FIFO would block the reader forever
        diagnostics.error(SourcePos(display_path), tr("is {what}, not a YAML file",
                                                      what=tr(exc.kind)))
        return None
    except FileTooLarge as exc:
        diagnostics.error(SourcePos(display_path), tr("the file has {size} bytes, more than the "
                                                      "limit of {limit} (set {variable} to "
                                                      "raise it)",
                                                      size=exc.size, limit=exc.limit,
                                                      variable=SIZE_VARIABLE))
        return None
    except FileNotFoundError:
        diagnostics.error(SourcePos(display_path), tr("file not found"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        pos = SourcePos(display_path, data.count(b"\n", 0, exc.start) + 1, column)
        diagnostics.error(pos, tr("not UTF-8 text: byte 0x{byte:02X} ({reason}); save the file "
                                  "as UTF-8",
                                  byte=data[exc.start], reason=exc.reason))
        return None


def _offset_pos(text: str, offset: int, display_path: str) -> SourcePos:
    """The place of a byte offset in the UTF-8 text libyaml read."""
    data = text.encode("utf-8")
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return SourcePos(display_path, data.count(b"\n", 0, offset) + 1, column)
