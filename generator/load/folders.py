"""Which files of the project folders are read: manifest entries kept inside their language's
folder, amendment records named `*.yaml`, editor leftovers set aside.

Reads: the names in `amendments/` (not the files). Writes: the records to read, the names set
aside, and a warning for every other file, which a drafter most likely meant as a record.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePath

from ..i18n import tr
from ..model import Diagnostics, SourcePos, relative

RECORD_SUFFIX = ".yaml"
# Backups and lock files editors leave beside the file being edited.
EDITOR_LEFTOVERS = ("*~", ".*", "#*#", "*.swp", "*.swo", "*.bak", "*.orig", "*.tmp")


def inside_folder(folder: Path, name: str) -> bool:
    """A manifest entry names a file under `folder`: relative, no '..', no link leading out."""
    entry = PurePath(name)
    if entry.is_absolute() or ".." in entry.parts or not name.strip():
        return False
    try:
        return (folder / entry).resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return True  # a link loop: reading the file reports it


def amendment_files(root: Path, diagnostics: Diagnostics) -> tuple[list[Path], list[str]]:
    """The records to read, in name order, and the editor leftovers set aside; a warning for
    every other file (such as `no-1169.yml`), which would otherwise be silently left out."""
    folder = root / "amendments"
    if not folder.is_dir():
        return [], []
    records: list[Path] = []
    ignored: list[str] = []
    for path in sorted(folder.iterdir()):
        shown = relative(path, root)
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in EDITOR_LEFTOVERS):
            ignored.append(shown)
        elif path.suffix == RECORD_SUFFIX:
            records.append(path)
        else:
            hint = (tr(" (rename it to {name})", name=f"{path.stem}{RECORD_SUFFIX}")
                    if path.suffix == ".yml" else "")
            diagnostics.warning(SourcePos(shown),
                                tr("not read: amendment records are *{suffix} files{hint}",
                                   suffix=RECORD_SUFFIX, hint=hint))
    return records, ignored
