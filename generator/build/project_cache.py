"""The loaded project, kept between commands: reading YAML and checking it against the schema
costs more than the command itself for `versions`, `outline` and an up-to-date `build`.

Reads: every file under `content/` and `amendments/` and `legalgen.yaml` (to hash them), the
file-size limit from the environment, and a pickle from the user's cache folder
(`$XDG_CACHE_HOME/legalgen/projects`, by default `~/.cache/legalgen/projects`). Writes: that
pickle, named by the hash of those inputs, of legalgen's code and of the Python version, after a
load that found no error; the oldest pickles beyond a few are removed. A pickle starts with the
SHA-256 of the rest: one that is partial, corrupt or cannot be read is ignored, and the project
is read from its files, as without a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from ..lang import codes
from ..load import load_project
from ..load.limits import SIZE_VARIABLE
from ..load.registry import CONFIG_FILE
from ..memory import collector_paused
from ..model import Project
from .fingerprint import digest_files, legalgen_fingerprint

INPUT_FOLDERS = ("content", "amendments")
KEPT = 8
DIGEST_SIZE = 32


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "legalgen" / "projects"


def input_key(root: Path) -> str:
    """A hash of every input file's place and bytes, of the size limit, of legalgen, of the
    registered languages and of this Python."""
    files = [path for folder in INPUT_FOLDERS for path in sorted((root / folder).rglob("*"))
             if path.is_file()]
    config = root / CONFIG_FILE
    if config.is_file():
        files.append(config)
    parts = (legalgen_fingerprint(), sys.version, os.environ.get(SIZE_VARIABLE, ""),
             ",".join(codes()), digest_files(files, root))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def load_project_cached(root: Path) -> Project:
    """The project under `root`, from the cache when its inputs are unchanged.

    Raises `InputError` as `load_project` does; a project with errors is never kept. The project
    returned is always one read back from a pickle: which of its equal values are one object is
    then the same whether it came from the cache or from the files, and so are the pickles of
    the versions made from it, by which the output cache knows them.
    """
    key = input_key(root)
    path = cache_folder() / f"{key}.pickle"
    project = _read(path)
    if project is None:
        body = pickle.dumps(load_project(root), protocol=pickle.HIGHEST_PROTOCOL)
        _write(path, body)
        project = _unpickle(body)
    project.root = root
    return project


def _read(path: Path) -> Project | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, body = data[:DIGEST_SIZE], data[DIGEST_SIZE:]
    if hashlib.sha256(body).digest() != digest:
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


def _write(path: Path, body: bytes) -> None:
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(body).digest() + body)
        os.replace(temp, path)
        _prune(path.parent)
    except OSError:  # a read-only or full disk only costs the next command a load
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    pickles = sorted(folder.glob("*.pickle"), key=lambda item: item.stat().st_mtime, reverse=True)
    for old in pickles[KEPT:]:
        old.unlink(missing_ok=True)
