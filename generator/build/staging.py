"""All-or-nothing outputs: render into a staging folder beside `--out`, then move into place.

Reads: the staging folder's files. Writes: them under `--out`, only once every requested output
was rendered and every place is known to be free, so a failed build changes nothing there. The
staging folder is removed in any case; one left by a killed run (its process is gone) is
removed by the next run, as are the temporary files of a killed write.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .files import TEMP_SUFFIX, owner_pid, write_atomic

STAGING_MARK = ".staging-"


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh folder to render into; its files move under `out` when the block succeeds."""
    out = out.absolute()
    _check_folder(_nearest_existing(out.parent))
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    prefix = f".{out.name}{STAGING_MARK}{os.getpid()}-"
    stage = Path(tempfile.mkdtemp(dir=out.parent, prefix=prefix))
    try:
        yield stage
        publish(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def final_path(stage: Path, out: Path, path: Path) -> Path:
    """Where a file rendered into the staging folder ends up."""
    return out / path.relative_to(stage)


def publish(stage: Path, out: Path) -> None:
    """Move every staged file under `out`, after checking that every one of them can go there."""
    files = sorted(path for path in stage.rglob("*") if path.is_file())
    moves = [(path, final_path(stage, out, path)) for path in files]
    for _, target in moves:
        _check_place(target)
    for source, target in moves:
        target.parent.mkdir(parents=True, exist_ok=True)
        _move(source, target)


def _check_place(target: Path) -> None:
    """Raise the `OSError` moving a file to `target` would meet, before anything is moved."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "the output's name is taken by a folder", str(target))
    _check_folder(_nearest_existing(target.parent))


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "a file stands where a folder is needed",
                                 str(folder))
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        raise OSError(errno.EROFS, "the folder is on a read-only file system", str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, "the folder cannot be written", str(folder))


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        # Another file system (such as --out being a mount point): copy, then rename there.
        write_atomic(target, source.read_bytes())


def remove_stale(out: Path) -> None:
    """Remove the staging folders and temporary files of runs whose process is gone."""
    if out.parent.is_dir():
        for folder in out.parent.glob(f".{out.name}{STAGING_MARK}*"):
            pid = folder.name.removeprefix(f".{out.name}{STAGING_MARK}").split("-")[0]
            if folder.is_dir() and not _alive(pid):
                shutil.rmtree(folder, ignore_errors=True)
    if out.is_dir():
        for temp in out.rglob(f".*{TEMP_SUFFIX}"):
            if temp.is_file() and not _alive(owner_pid(temp)):
                temp.unlink(missing_ok=True)


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
