"""Where outputs go and how they are written: beside the target, then renamed into place.

Reads an output's bytes to hash them; writes files. A failed or interrupted write never leaves a
truncated file and never removes the last good output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path

from ..regular_files import open_regular

# The project's own templates, which override the built-in ones of the same name.
PROJECT_TEMPLATES = "templates"


def template_dir(root: Path) -> Path:
    return root / PROJECT_TEMPLATES


# The folder and the file name's ending of a projection (the text once every pending act takes
# effect), which is no version in force on any day.
PROJECTED = "projected"


def output_path(out: Path, lang: str, date_text: str, doc_id: str, ext: str) -> Path:
    """`<lang>/<date>/<doc>.<ext>`; a projection: `<lang>/projected/<doc>-projected.<ext>`."""
    stem = f"{doc_id}-{PROJECTED}" if date_text == PROJECTED else doc_id
    return out / lang / date_text / f"{stem}.{ext}"


def diff_path(out: Path, lang: str, old: dt.date, new: dt.date, ext: str,
              projected: bool = False, doc: str | None = None) -> Path:
    """`diff/<lang>/<from>__<to>.<ext>`, `<to>` being `projected` for a projection; a document
    of a workspace (`doc`) has a folder of its own: `diff/<lang>/<doc>/…`."""
    folder = out / "diff" / lang
    if doc is not None:
        folder = folder / doc
    return folder / f"{old.isoformat()}__{PROJECTED if projected else new.isoformat()}.{ext}"


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()
TEMP_SUFFIX = ".tmp"


def owner_pid(temp: Path) -> str:
    """The process that wrote a temporary file: `.<name>.<pid>.<random>.tmp`."""
    parts = temp.name.removesuffix(TEMP_SUFFIX).split(".")
    return parts[-2] if len(parts) >= 3 else ""


def write_atomic(path: Path, data: bytes, temporary: Path | None = None) -> None:
    """Write a temporary file and rename it to `path`: a failure never leaves a truncated file.
    The temporary file stands in `temporary` (a folder of legalgen's own on the same file
    system, which a later run may clean), else beside the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = path.parent
    if temporary is not None:
        temporary.mkdir(parents=True, exist_ok=True)
        if temporary.stat().st_dev == folder.stat().st_dev:
            folder = temporary
    # The process id in the name lets a later run remove what a killed one left.
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.{os.getpid()}.",
                                suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private; a published output gets the usual permissions.
        os.chmod(temp, 0o666 & ~_UMASK)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        if exc.filename is None:  # a failed write names no file: say which one
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def act_path(out: Path, lang: str, stem: str, ext: str) -> Path:
    """build/acts/<lang>/<act-date>-<number>.<ext>."""
    return out / "acts" / lang / f"{stem}.{ext}"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes; None when there is no regular file to read."""
    try:
        with open_regular(path) as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def inside(folder: Path, relative: Path) -> Path:
    """`folder / relative`, which must stay inside `folder`: every name made from data went
    through `model.names`, so a path leaving the folder is a bug, never written."""
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"the output path {relative} would leave {folder}")
    return folder / relative
