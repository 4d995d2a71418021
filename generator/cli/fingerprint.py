"""What identifies legalgen itself in the caches: its version and a hash of its code.

Reads: the package's own Python files. Writes nothing. An output in one language does not
depend on another language's modules (`lang/<code>.py`, `lang/<code>_*.py`): an edited Russian
phrase leaves the Kazakh outputs standing.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from ..model import LANGS
from ..version import __version__

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def digest_files(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _of_language(path: Path, package: Path, code: str) -> bool:
    relative = path.relative_to(package)
    return relative.parent == Path("lang") and (relative.stem == code
                                                or relative.stem.startswith(f"{code}_"))


def code_fingerprint(package: Path, lang: str | None = None) -> str:
    """A hash of every Python file of a package; for `lang`, without other languages' modules."""
    others = [code for code in LANGS if code != lang] if lang is not None else []
    files = [path for path in sorted(package.rglob("*.py"))
             if not any(_of_language(path, package, code) for code in others)]
    return digest_files(files, package)


@functools.cache
def legalgen_fingerprint(lang: str | None = None) -> str:
    """legalgen's version and a hash of its code (as it bears on outputs in `lang`, if given)."""
    return f"{__version__}:{code_fingerprint(PACKAGE_ROOT, lang)}"
