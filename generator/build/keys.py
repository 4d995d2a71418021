"""An output's key: a hash of everything the bytes of one output depend on.

Reads: the subject of an output (a version, a comparison or an act, as its writer sees it), the
built-in and the project's templates, legalgen's own code and version, the versions of the
writer's libraries. Writes nothing.

The key of an output is a hash of: its subject, pickled without source positions (so that a
line added above a unit changes nothing); its writer (subject kind and format); the templates
and stylesheets, for a writer that reads them; the writer's libraries (`Writer.libraries`); and
legalgen — its version and the source of its code but other languages' modules, so that an
edited writer or phrase never leaves an old output standing and an edited Russian phrase leaves
the Kazakh outputs alone.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import operator
import pickle
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from ..model import Change, Document, Language, SourcePos, Version
from ..writers import Writer
from ..writers.shared.template_folders import TEMPLATES, template_folders
from .fingerprint import digest_files, legalgen_fingerprint

KEY_FORMAT = "legalgen-output/3"
# Fields no version writer reads, by the type that holds them: the document as adopted (the
# writers read the version's own units, so an edit to a paragraph later replaced leaves later
# versions alone), the index of those units by id, and a change's own wording (what it put in
# force is in the version's units; its record's other language is not this output's business).
# A comparison's or an act's writer may read any of them: their subjects are pickled whole.
UNREAD_BY_VERSION_WRITERS: dict[type, frozenset[str]] = {
    Document: frozenset({"units"}),
    Version: frozenset({"index"}),
    Change: frozenset({"content", "edits"}),
}


def templates_fingerprint(project_templates: Path | None) -> str:
    """A hash of every entry of the built-in templates and of the project's templates folder
    (one leading out of the project is an `InputError`, never read)."""
    folders = template_folders(project_templates)
    own = folders[0] if len(folders) > 1 else None
    parts = []
    for folder in (TEMPLATES, own):
        parts.append(digest_files(sorted(folder.rglob("*")), folder) if folder else "")
    return ":".join(parts)


@functools.cache
def libraries_fingerprint(names: tuple[str, ...]) -> str:
    """Each library with its installed version ("none" when it is missing)."""
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return ",".join(versions)


class _Seen:
    """A dataclass instance met earlier in the same subject: which one, by the order
    of first meeting."""


_Plan = Callable[["_SubjectPickler", Any], Any]


def _as_none(pickler: _SubjectPickler, obj: Any) -> Any:
    return (type(None), ())


def _as_code(pickler: _SubjectPickler, obj: Any) -> Any:
    return (str, (obj.code,))


def _by_default(pickler: _SubjectPickler, obj: Any) -> Any:
    return NotImplemented


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of the attributes `names` of an object, as a tuple."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


def _fields_plan(kind: type, unread: frozenset[str]) -> _Plan:
    """A dataclass as its name and the values of its read fields, in order; a set's sorted
    (its order changes from run to run)."""
    read = [field for field in dataclasses.fields(kind) if field.name not in unread]
    names = tuple(field.name for field in read)
    sets = frozenset(field.name for field in read
                     if str(field.type).startswith(("set[", "frozenset[")))
    values = _getter(names)
    qualname = kind.__qualname__

    def plan(pickler: _SubjectPickler, obj: Any) -> Any:
        seen = pickler.first_met(obj)
        if seen is not None:
            return seen
        got = values(obj)
        if sets:
            got = tuple(sorted(value, key=repr) if name in sets else value
                        for name, value in zip(names, got, strict=True))
        return (tuple, ((qualname, got),))
    return plan


def _plan(kind: type, unread: dict[type, frozenset[str]]) -> _Plan:
    if kind is SourcePos:
        return _as_none
    if issubclass(kind, Language):
        return _as_code
    if dataclasses.is_dataclass(kind):
        return _fields_plan(kind, unread.get(kind, frozenset()))
    return _by_default


class _SubjectPickler(pickle.Pickler):
    """Pickles a subject as its writer sees it: without source positions or unread fields, and
    with its language as its code (its phrases and grammar are code, in legalgen's
    fingerprint). Pickling runs in C but for this hook, planned once per type.

    The pickle is the same in every run, and for a project read from its files as for one
    read back from the cache, whose equal strings, lists or dates are one object in other
    places (a field name shared with the code, say): the pickler keeps no memo (`fast`), so
    such a value is written wherever it stands. Only a dataclass instance met again is
    written as a reference to its first meeting (a change's act, a note's change), which keeps
    the pickle small and ends a cycle: those the loader and the later stages make, one per
    thing, and a pickle keeps which are one. The sets of a dataclass are pickled sorted (the
    pickler gives no hook for a set itself)."""

    def __init__(self, file: io.BytesIO, unread: dict[type, frozenset[str]]) -> None:
        super().__init__(file, protocol=5)
        self.fast = True
        self.unread = unread
        self.plans: dict[type, _Plan] = {}
        self.met: dict[int, int] = {}

    def first_met(self, obj: object) -> Any:
        """None the first time `obj` is met (it is noted); then the reference to write."""
        order = self.met.get(id(obj))
        if order is not None:
            return (_Seen, (order,))
        self.met[id(obj)] = len(self.met)
        return None

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        plan = self.plans.get(kind)
        if plan is None:
            plan = self.plans[kind] = _plan(kind, self.unread)
        return plan(self, obj)


def subject_fingerprint(subject: object, unread: dict[type, frozenset[str]]) -> str:
    """A hash of a version, a comparison or an act as its writers see it, in its language."""
    buffer = io.BytesIO()
    _SubjectPickler(buffer, unread).dump(subject)
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def output_key(writer: Writer, lang: str, subject_hash: str, templates_hash: str) -> str:
    parts = (KEY_FORMAT, legalgen_fingerprint(lang), libraries_fingerprint(writer.libraries),
             templates_hash if writer.templated else "", writer.subject, writer.format,
             subject_hash)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
