"""What identifies legalgen itself in the caches: its version and a hash of its code.

Reads: the package's own Python files. Writes nothing. An output in one language does not
depend on another language's modules (`lang/<code>.py`, `lang/<code>_*.py`): an edited Russian
phrase leaves the Kazakh outputs standing.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..lang import codes
from ..regular_files import entry_kind, open_regular
from ..version import __version__

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def _digest(sources: Iterable[tuple[Path, bytes]]) -> str:
    """A hash of files, each by its relative path and its bytes."""
    digest = hashlib.sha256()
    for relative, data in sources:
        digest.update(relative.as_posix().encode() + b"\0")
        digest.update(data + b"\0")
    return digest.hexdigest()


def digest_files(entries: list[Path], root: Path) -> str:
    """A hash of entries under `root`: each by its relative path, its kind (a file, a folder, a
    FIFO …: a folder where a file was changes the hash) and, for a regular file, its bytes —
    anything else is never opened, which could block."""
    return _digest((path.relative_to(root), _entry_bytes(path)) for path in entries)


def _entry_bytes(path: Path) -> bytes:
    kind = entry_kind(path)
    if kind != "file":
        return kind.encode()
    try:
        with open_regular(path) as handle:
            return b"file:" + hashlib.file_digest(handle, "sha256").digest()
    except OSError as exc:  # swapped or removed meanwhile: the loader will say what it is
        return f"unreadable:{exc.errno}".encode()


def _of_language(relative: Path, code: str) -> bool:
    return relative.parent == Path("lang") and (relative.stem == code
                                                or relative.stem.startswith(f"{code}_"))


def _sources(package: Path) -> list[tuple[Path, bytes]]:
    """Every Python file of a package, by its path inside it, in a fixed order."""
    return [(path.relative_to(package), path.read_bytes())
            for path in sorted(package.rglob("*.py"))]


def _combined(sources: list[tuple[Path, bytes]], lang: str | None) -> str:
    others = [code for code in codes() if code != lang] if lang is not None else []
    return _digest((relative, data) for relative, data in sources
                   if not any(_of_language(relative, code) for code in others))


def code_fingerprint(package: Path, lang: str | None = None) -> str:
    """A hash of every Python file of a package; for `lang`, without other languages' modules."""
    return _combined(_sources(package), lang)


@functools.cache
def _own_sources() -> list[tuple[Path, bytes]]:
    # Read once per process, however many languages and caches ask.
    return _sources(PACKAGE_ROOT)


@functools.cache
def legalgen_fingerprint(lang: str | None = None) -> str:
    """legalgen's version and a hash of its code (as it bears on outputs in `lang`, if given)."""
    return f"{__version__}:{_combined(_own_sources(), lang)}"
