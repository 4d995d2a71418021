"""The build cache: which outputs on disk are already what the current input would write.

Reads: the annotated versions of a build, the built-in and the project's templates, legalgen's
own code and version, the versions of the rendering libraries; the records under
`<out>/.cache/outputs/`. Writes: one small record per output key.

An output's key is a hash of everything its bytes depend on: the version as the writers see it
(its units, notes, exclusions, events, pending list; never where in the source a value came
from), its language, the templates and stylesheets, the format, and legalgen (its version and
the source of its code but other languages' modules, so that an edited writer or phrase never
leaves an old output standing).
A record is named by its key and holds the SHA-256 of the bytes written for it; an output is up
to date when the file at its path has exactly those bytes. A record that is unreadable,
truncated or for another key is ignored and the output rendered again: the cache may skip
work, never serve stale bytes.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
import pickle
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..model import Annotated, Change, Document, Language, SourcePos, Version
from ..writers.shared.templates import TEMPLATES
from .files import write_atomic
from .fingerprint import digest_files, legalgen_fingerprint

CACHE_FOLDER = ".cache"
RECORDS = "outputs"
# Libraries whose version changes the bytes of an output.
RENDERING_LIBRARIES = ("weasyprint", "pydyf", "python-docx", "lxml", "jinja2", "babel")
# Fields no version writer reads, by the type that holds them: the document as adopted (the
# writers read the version's own units, so an edit to a paragraph later replaced leaves later
# versions alone), the index of those units by id, and a change's own wording (what it put in
# force is in the version's units; its record's other language is not this output's business).
UNREAD_FIELDS: dict[type, frozenset[str]] = {
    Document: frozenset({"units"}),
    Version: frozenset({"index"}),
    Change: frozenset({"content", "edits"}),
}


READ_FIELDS: dict[type, tuple[str, ...]] = {
    kind: tuple(field.name for field in dataclasses.fields(kind) if field.name not in unread)
    for kind, unread in UNREAD_FIELDS.items()
}


def templates_fingerprint(project_templates: Path) -> str:
    """A hash of every file of the built-in templates and of the project's templates folder."""
    parts = []
    for folder in (TEMPLATES, project_templates):
        files = sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() \
            else []
        parts.append(digest_files(files, folder))
    return ":".join(parts)


@functools.cache
def libraries_fingerprint() -> str:
    versions = []
    for name in RENDERING_LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return ",".join(versions)


class _VersionPickler(pickle.Pickler):
    """Pickles a version as the writers see it: without source positions or unread fields, and
    with its language as its code (its phrases and grammar are code, in legalgen's
    fingerprint). Pickling runs in C but for this hook: a tenth of the time of a walk in Python.
    The pickles are the same for the same content in every run: the model holds no set."""

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is SourcePos:
            return (type(None), ())
        if isinstance(obj, Language):
            return (str, (obj.code,))
        if kind in UNREAD_FIELDS:
            return (tuple, (tuple(getattr(obj, name) for name in READ_FIELDS[kind]),))
        if isinstance(obj, BaseModel):  # its own pickle holds a set, in no fixed order
            return (tuple, ((kind.__qualname__, tuple(obj.__dict__.items())),))
        return NotImplemented


def version_fingerprint(annotated: Annotated) -> str:
    """A hash of the version as the writers see it, in its language."""
    buffer = io.BytesIO()
    # The pickle also says which values are one object; the project cache makes that the same
    # in every run (see `project_cache.load_project_cached`).
    _VersionPickler(buffer, protocol=5).dump(annotated)
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def output_key(lang: str, version_hash: str, fmt: str, templates_hash: str) -> str:
    parts = ("legalgen-output/1", legalgen_fingerprint(lang), libraries_fingerprint(),
             templates_hash, fmt, version_hash)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class OutputCache:
    """The records of one output folder; `enabled=False` (`--force`) reads none of them."""

    def __init__(self, out: Path, enabled: bool = True) -> None:
        self.folder = out / CACHE_FOLDER / RECORDS
        self.enabled = enabled

    def _record_path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def recorded_digest(self, key: str) -> str | None:
        """The digest recorded for `key`; None when there is no sound record."""
        if not self.enabled:
            return None
        try:
            record = json.loads(self._record_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("key") != key:
            return None
        digest = record.get("sha256")
        return digest if isinstance(digest, str) and len(digest) == 64 else None

    def is_current(self, key: str, path: Path) -> bool:
        """The file at `path` holds exactly the bytes last written for `key`."""
        recorded = self.recorded_digest(key)
        return recorded is not None and file_digest(path) == recorded

    def record(self, key: str, digest: str) -> None:
        text = json.dumps({"key": key, "sha256": digest})
        write_atomic(self._record_path(key), text.encode("utf-8"))
