"""The loaded project, kept between commands: reading YAML and checking it against the schema
costs more than the command itself for `versions`, `outline` and an up-to-date `build`.

Reads: every file under `content/` and `amendments/` and `legalgen.yaml` (to hash them), the
file-size limit from the environment, and a pickle from the user's cache folder
(`$XDG_CACHE_HOME/legalgen/projects`, by default `~/.cache/legalgen/projects`). Writes: that
pickle, named by the hash of those inputs, of legalgen's code and of the Python version, after a
load that found no error; the oldest pickles beyond a few are removed. Unpickling runs code, so
a pickle is sealed (`sealed`): it starts with the HMAC-SHA256 of the rest under a key only this
user can read, and one whose seal does not match — partial, corrupt, or written by anyone else —
is never unpickled: the project is read from its files, as without a cache. Where the user has
no private key (a cache folder of someone else's), nothing is kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from ..i18n import chosen_language
from ..lang import codes
from ..load import load_project
from ..load.limits import SIZE_VARIABLE
from ..load.registry import CONFIG_FILE
from ..load.workspace import document_folder
from ..memory import collector_paused
from ..model import Project
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

    Raises `InputError` as `load_project` does; a project with errors is never kept. The project
    returned is always one read back from a pickle: which of its equal values are one object is
    then the same whether it came from the cache or from the files, and so are the pickles of
    the versions made from it, by which the output cache knows them.
    """
    folder = cache_folder()
    key = signing_key(folder)
    path = folder / f"{input_key(root, doc)}.pickle"
    project = _read(path, key) if key is not None else None
    if project is None:
        body = pickle.dumps(load_project(root, doc), protocol=pickle.HIGHEST_PROTOCOL)
        if key is not None:
            keep(path, seal(key, body), kept)
        project = _unpickle(body)
    project.root = root
    return project


def _read(path: Path, key: bytes) -> Project | None:
    try:
        data = read_regular(path)
    except OSError:
        return None
    body = unsealed(key, data)
    if body is None:  # not written by this user's legalgen: never unpickled
        return None
    try:
        project = _unpickle(body)
    except Exception:  # a pickle of another legalgen's classes: read the project from its files
        return None
    return project if isinstance(project, Project) else None


def _unpickle(body: bytes) -> Project:
    with collector_paused():
        project: Project = pickle.loads(body)
    return project
