"""Which files of the project folders are read: manifest entries kept inside their language's
folder, amendment records named `*.yaml`, editor leftovers set aside; where a new record goes.

Reads: the names in `amendments/` (not the files), and the act of the record that holds a new
record's name. Writes: the records to read, the names set aside, and a warning for every other
file, which a drafter most likely meant as a record; the path of a new record.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path, PurePath

from ..i18n import tr
from ..model import ActId, Diagnostics, SourcePos, relative
from ..model.names import hashed_name
from .yaml_source import read_yaml

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


def amendment_files(home: Path, diagnostics: Diagnostics,
                    root: Path | None = None) -> tuple[list[Path], list[str]]:
    """The records of `home` (shown from `root`, by default `home`) to read, in name order, and
    the editor leftovers set aside; a warning for every other file (such as `no-1169.yml`),
    which would otherwise be silently left out."""
    root = root or home
    folder = home / "amendments"
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


def record_path(folder: Path, act: ActId) -> Path:
    """Where the record of `act` goes in `folder`: its readable name ("2023-05-10-22-n-k.yaml"),
    unless a record of another act (or a file that is no record) has it; then that name with a
    short hash of the act (`model.names`), so that two acts never share a record."""
    plain = folder / f"{act.file_stem}{RECORD_SUFFIX}"
    if not plain.exists() and not plain.is_symlink():
        return plain
    if recorded_act(plain) == act.key:
        return plain
    return folder / f"{hashed_name(act.key, act.name_text)}{RECORD_SUFFIX}"


def recorded_act(path: Path) -> str | None:
    """The key of the act a record names; None when it is no readable record."""
    try:
        raw = read_yaml(path, str(path), Diagnostics())
    except OSError:
        return None
    act = raw.get("act") if isinstance(raw, dict) else None
    if not isinstance(act, dict):
        return None
    issuer, kind, date, number = (act.get(name) for name in ("issuer", "type", "date", "number"))
    if not (isinstance(issuer, str) and isinstance(kind, str) and isinstance(date, dt.date)
            and isinstance(number, str)):
        return None
    return ActId(issuer, kind, date, number).key
