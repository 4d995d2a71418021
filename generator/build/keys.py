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
import pickle
from importlib import metadata
from pathlib import Path
from typing import Any

from ..model import Change, Document, Language, SourcePos, Version
from ..writers import Writer
from ..writers.shared.template_folders import TEMPLATES, template_folders
from .fingerprint import digest_files, legalgen_fingerprint

KEY_FORMAT = "legalgen-output/2"
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


_SET_FIELDS: dict[type, frozenset[str]] = {}


def _set_fields(kind: type) -> frozenset[str]:
    """The fields of a dataclass that hold sets, whose order changes from run to run."""
    if kind not in _SET_FIELDS:
        _SET_FIELDS[kind] = frozenset(
            field.name for field in dataclasses.fields(kind)
            if str(field.type).startswith(("set[", "frozenset["))
        ) if dataclasses.is_dataclass(kind) else frozenset()
    return _SET_FIELDS[kind]


class _SubjectPickler(pickle.Pickler):
    """Pickles a subject as its writer sees it: without source positions or unread fields, and
    with its language as its code (its phrases and grammar are code, in legalgen's
    fingerprint). Pickling runs in C but for this hook: a tenth of the time of a walk in Python.
    The pickles are the same for the same content in every run: the sets of a dataclass are
    pickled sorted (the pickler gives no hook for a set itself)."""

    def __init__(self, file: io.BytesIO, unread: dict[type, frozenset[str]]) -> None:
        super().__init__(file, protocol=5)
        self.unread = unread

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is SourcePos:
            return (type(None), ())
        if isinstance(obj, Language):
            return (str, (obj.code,))
        unread, sets = self.unread.get(kind, frozenset()), _set_fields(kind)
        if unread or sets:
            values = []
            for field in dataclasses.fields(obj):
                if field.name not in unread:
                    value = getattr(obj, field.name)
                    values.append(sorted(value, key=repr) if field.name in sets else value)
            return (tuple, (tuple(values),))
        return NotImplemented


def subject_fingerprint(subject: object, unread: dict[type, frozenset[str]]) -> str:
    """A hash of a version, a comparison or an act as its writers see it, in its language."""
    buffer = io.BytesIO()
    # The pickle also says which values are one object; the project cache makes that the same
    # in every run (see `project_cache.load_project_cached`).
    _SubjectPickler(buffer, unread).dump(subject)
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def output_key(writer: Writer, lang: str, subject_hash: str, templates_hash: str) -> str:
    parts = (KEY_FORMAT, legalgen_fingerprint(lang), libraries_fingerprint(writer.libraries),
             templates_hash if writer.templated else "", writer.subject, writer.format,
             subject_hash)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
