"""The loaded project, kept between commands: reading YAML and checking it against the schema
costs more than the command itself for `versions`, `outline` and an up-to-date `build`.

Reads: every file under `content/` and `amendments/` and `legalgen.yaml` (to hash them), the
file-size limit from the environment, and a pickle from the user's cache folder
(`$XDG_CACHE_HOME/legalgen/projects`, by default `~/.cache/legalgen/projects`). Writes: that
pickle, named by the hash of those inputs, of legalgen's code and of the Python version, after a
load that found no error, and beside it the project's validation under the same name (with the
day it was made on) and the hashes of its versions as their writers see them (`VersionHashes`);
the oldest pickles, validations and hashes beyond a few are removed.
Unpickling runs code, so a pickle is sealed (`sealed`): it starts with the HMAC-SHA256 of the
rest under a key only this user can read, and one whose seal does not match — partial, corrupt,
or written by anyone else — is never unpickled: the project is read from its files (and
validated), as without a cache. Where the user has no private key (a cache folder of someone
else's), nothing is kept.
"""

from __future__ import annotations

import copyreg
import dataclasses
import datetime as dt
import hashlib
import io
import operator
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..i18n import chosen_language
from ..lang import codes
from ..load.names import CONFIG_FILE, SIZE_VARIABLE, document_folder
from ..memory import collector_paused
from ..model import (
    Act,
    Blank,
    Change,
    Diagnostic,
    Diagnostics,
    IssuerName,
    Project,
    SourcePos,
    Unit,
)
from ..regular_files import read_regular
from ..user_cache import keep, user_cache
from .fingerprint import digest_files, legalgen_fingerprint
from .sealed import seal, signing_key, unsealed

INPUT_FOLDERS = ("content", "amendments")
KEPT = 8


def cache_folder() -> Path:
    return user_cache("projects")


def input_key(root: Path, doc: str | None = None) -> str:
    """A hash of every input entry's place, kind and bytes (a folder or a FIFO where a record
    was is a change), of the size limit, of legalgen, of the registered languages, of the
    language of the messages (a cached project keeps the warnings it was read with) and of this
    Python. A workspace document's inputs are its own folder's and the workspace's records."""
    homes = [root] if doc is None else [document_folder(root, doc), root]
    entries = [path for home in homes for folder in INPUT_FOLDERS
               for path in sorted((home / folder).rglob("*"))]
    entries.append(root / CONFIG_FILE)
    parts = (legalgen_fingerprint(), sys.version, os.environ.get(SIZE_VARIABLE, ""),
             ",".join(codes()), chosen_language() or "", doc or "", digest_files(entries, root))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def load_project_cached(root: Path, doc: str | None = None, kept: int = KEPT) -> Project:
    """The project under `root` (its workspace document `doc`, when given), from the cache when
    its inputs are unchanged; the newest `kept` projects are kept (a workspace keeps one per
    document).

    Raises `InputError` as `load_project` does; a project with errors is never kept. A project
    read from its files is returned as read: the output cache knows a version by a pickle that
    does not depend on which of its equal values are one object (`keys.subject_fingerprint`),
    so it is the same whether the project came from the cache or from the files.
    """
    folder = cache_folder()
    key = signing_key(folder)
    path = folder / f"{input_key(root, doc)}.pickle"
    project = _read(path, key) if key is not None else None
    if not isinstance(project, Project):
        from ..load import load_project  # the YAML reader and the schema, for a miss only

        project = load_project(root, doc)
        if key is not None:
            keep(path, seal(key, _pickled(project)), kept)
    project.root = root
    project.cache_key = path.stem if key is not None else None
    project.cache_kept = kept
    return project


def validated_cached(project: Project, validate: Callable[[], Diagnostics],
                     others: Sequence[Project] = ()) -> Diagnostics:
    """The diagnostics of `validate` for `project`, kept beside the project in the cache under
    its key, with the day they were found on (the projection is the text on that day): an
    unchanged project is validated again only on another day. A document of a workspace is
    validated with the `others`, whose references it checks: its validation is kept under the
    keys of all of them."""
    folder = cache_folder()
    keys = [document.cache_key for document in (project, *others)]
    key = signing_key(folder) if None not in keys else None
    if key is None:
        return validate()
    name = keys[0] if not others else hashlib.sha256("\n".join(map(str, keys)).encode()).hexdigest()
    path = folder / f"{name}.validation"
    today = dt.date.today().isoformat()
    kept = _read(path, key)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == today \
            and isinstance(kept[1], Diagnostics):
        return kept[1]
    diagnostics = validate()
    _keep_sealed(path, key, (today, diagnostics), project.cache_kept)
    return diagnostics


class VersionHashes:
    """The hash of each version of a project as its writers see it (`keys.subject_fingerprint`),
    kept beside the project in the cache under its key: an up-to-date build finds its outputs'
    keys without consolidating or annotating a version. The key covers every input and
    legalgen's code; a version is named by what else it is made from (the document, the
    language, the day and the day whose pending acts it lists). Without a cache key nothing is
    kept and every hash is computed."""

    def __init__(self, project: Project) -> None:
        folder = cache_folder()
        self._key = signing_key(folder) if project.cache_key is not None else None
        self._path = folder / f"{project.cache_key}.versions"
        kept = _read(self._path, self._key) if self._key is not None else None
        self._hashes: dict[str, str] = kept if isinstance(kept, dict) else {}
        self._added = False
        self._kept = project.cache_kept

    def get(self, name: str, compute: Callable[[], str]) -> str:
        """The hash of the version `name`, computed (and kept) when not known yet."""
        if name not in self._hashes:
            self._hashes[name] = compute()
            self._added = True
        return self._hashes[name]

    def save(self) -> None:
        if self._added and self._key is not None:
            _keep_sealed(self._path, self._key, self._hashes, self._kept)
            self._added = False


def _by_fields(kind: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    """A dataclass's reduction to its class and its fields' values, which its constructor
    takes back."""
    names = [field.name for field in dataclasses.fields(kind) if field.init]
    assert len(names) == len(dataclasses.fields(kind)) > 1, kind
    values = operator.attrgetter(*names)
    return lambda obj: (kind, values(obj))


# The project's most numerous objects, pickled by their fields: the pickler's own way for a
# dataclass with slots runs Python code twice for each.
_REDUCTIONS: dict[type, Callable[[Any], Any]] = {
    **copyreg.dispatch_table,
    **{kind: _by_fields(kind)
       for kind in (SourcePos, Unit, Change, Act, IssuerName, Blank, Diagnostic)}}


def _pickled(project: Project) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCTIONS
    with collector_paused():  # the pickler's passing objects would set off full collections
        pickler.dump(project)
    return buffer.getvalue()


def _keep_sealed(path: Path, key: bytes, value: object, kept: int) -> None:
    """Keep `value` at `path`, pickled and sealed, as `_read` reads it back."""
    keep(path, seal(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)), kept)


def _read(path: Path, key: bytes) -> object:
    """What the sealed pickle at `path` holds, or None."""
    try:
        data = read_regular(path)
    except OSError:
        return None
    body = unsealed(key, data)
    if body is None:  # not written by this user's legalgen: never unpickled
        return None
    try:
        return _unpickle(body)
    except Exception:  # a pickle of another legalgen's classes: read the project from its files
        return None


def _unpickle(body: bytes) -> object:
    with collector_paused():
        return pickle.loads(body)
