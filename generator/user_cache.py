"""legalgen's folder in the user's cache: what one command keeps for the next.

Reads nothing; writes a file of the cache, replacing the old one at once, and removes the oldest
files of a folder beyond a number. The folder is `$XDG_CACHE_HOME/legalgen/<name>`, by default
under `~/.cache`. A cache only saves work: a disk that refuses a write costs the next command the
work again, never an error.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache(name: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "legalgen" / name


def keep(path: Path, data: bytes, kept: int) -> None:
    """Write `path` whole (a temporary file renamed over it), then remove the oldest files of its
    folder with the same suffix beyond the `kept` newest; a disk error leaves the cache as it
    was."""
    import tempfile  # for a write only: a command that finds its cache reads it alone

    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
        _prune(path.parent, path.suffix, kept)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _prune(folder: Path, suffix: str, kept: int) -> None:
    entries = sorted(folder.glob(f"*{suffix}"), key=_age, reverse=True)
    for old in entries[kept:]:
        old.unlink(missing_ok=True)


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed by another command meanwhile
        return 0.0
