"""All-or-nothing outputs: render into a staging folder on `--out`'s own file system, then move
every file into place by renaming it.

Reads: the staging folder's files, and the staging folders runs before this one left. Writes:
the files under `--out`, only once every requested output was rendered and every place is known
to be free, so a failed command changes nothing there.

Where: an `--out` that exists stages in `<out>/.cache/staging/<pid>-<random>/`, a new one in a
hidden folder beside it, `.<out>.staging-<pid>-<random>/` (on the file system where `--out` will
be made); either way a move is a rename, never a copy. Each staging folder holds the marker
`.legalgen-staging` with its process's id: legalgen removes only folders that hold it (never a
file of the user's), those whose process is gone, at the start of every run that writes
(`settle`, also one with nothing to write), and its own at the end or when the command is
stopped (SIGTERM, Ctrl-C).

Moving: once every output is rendered, every target is checked (no folder where a file goes, no
file where a folder goes, a writable folder, the staging folder's file system, room for the
folders to make and the journal), the folders are made, and a journal listing the moves is
written and synced; then each file is renamed into place, with SIGTERM and Ctrl-C held back, and
the journal removed. A run killed between two renames (`kill -9`, a power cut) leaves its
journal: the next run completes the moves before anything else, so the folder holds one complete
set of outputs, never a mix of two.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

from ..i18n import tr
from .files import TEMP_SUFFIX, owner_pid
from .store import CACHE_FOLDER

STAGING = "staging"  # under `<out>/.cache/`
BESIDE_MARK = ".staging-"  # `.<out>.staging-<pid>-<random>` beside a new `--out`
MARKER = ".legalgen-staging"
FILES = "files"
JOURNAL = "journal.json"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# Renaming into place is a rename through `_rename` (tests interpose on it).
_rename = os.replace


class Stopped(SystemExit):
    """The command was asked to stop (SIGTERM): its staging folder is removed on the way out."""


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh folder to render into; its files move under `out` when the block succeeds."""
    out = out.absolute()
    _check_folder(_nearest_existing(out.parent))
    settle(out)
    stage = _new_stage(out)
    try:
        with _stoppable():
            yield stage / FILES
            publish(stage, out)
    finally:
        if not (stage / JOURNAL).exists():  # a move under way is finished by the next run
            shutil.rmtree(stage, ignore_errors=True)


def _new_stage(out: Path) -> Path:
    if out.is_dir():
        parent = out / CACHE_FOLDER / STAGING
        parent.mkdir(parents=True, exist_ok=True)
        prefix = f"{os.getpid()}-"
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        parent, prefix = out.parent, f".{out.name}{BESIDE_MARK}{os.getpid()}-"
    stage = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
    (stage / MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
    (stage / FILES).mkdir()
    return stage


def publish(stage: Path, out: Path) -> None:
    """Move every staged file under `out`, after checking that every one of them can go there;
    a journal lets the next run finish the moves if this one is killed among them."""
    files = stage / FILES
    moves = sorted(path.relative_to(files).as_posix() for path in files.rglob("*")
                   if path.is_file())
    if not moves:
        return
    for relative in moves:
        _check_place(out / relative, stage)
    folders = _missing_folders(out, moves)
    journal = json.dumps({"moves": moves}).encode("utf-8")
    _check_room(stage, len(folders), len(journal))
    made: list[Path] = []
    try:
        for folder in folders:
            folder.mkdir()
            made.append(folder)
        _write_synced(stage / JOURNAL, journal)
    except OSError:  # nothing moved: leave the folder as it was
        for folder in reversed(made):
            with suppress(OSError):
                folder.rmdir()
        raise
    with _held(STOP_SIGNALS):
        _complete(stage, out, moves)


def _complete(stage: Path, out: Path, moves: list[str]) -> None:
    """Rename each staged file of the journal that is still staged into place, then end the
    journal: a second run over the same journal does what the first left."""
    for relative in moves:
        source = stage / FILES / relative
        if source.exists():
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _rename(source, target)
    (stage / JOURNAL).unlink()


# --- Checks before anything moves -------------------------------------------------------------

def _check_place(target: Path, stage: Path) -> None:
    """Raise the `OSError` moving a file to `target` would meet, before anything is moved."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, tr("the output's name is taken by a folder"),
                                str(target))
    folder = _nearest_existing(target.parent)
    _check_folder(folder)
    if folder.stat().st_dev != stage.stat().st_dev:
        raise OSError(errno.EXDEV, tr("the folder is on another file system than the staging "
                                      "folder {stage} (outputs move by renaming)",
                                      stage=stage), str(folder))


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, tr("a file stands where a folder is needed"),
                                 str(folder))
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        raise OSError(errno.EROFS, tr("the folder is on a read-only file system"), str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, tr("the folder cannot be written"), str(folder))


def _missing_folders(out: Path, moves: list[str]) -> list[Path]:
    """The folders the moves need that do not exist yet, parents first."""
    missing: set[Path] = set()
    for relative in moves:
        folder = (out / relative).parent
        while not folder.exists() and folder not in missing:
            missing.add(folder)
            folder = folder.parent
    return sorted(missing, key=lambda path: len(path.parts))


def _check_room(stage: Path, folders: int, journal: int) -> None:
    """Renames take no room, but the new folders and the journal do: check for them first."""
    info = os.statvfs(stage)
    blocks = folders + 1 + -(-journal // max(info.f_bsize, 1))
    if info.f_bavail * info.f_frsize < blocks * info.f_bsize or (
            info.f_files and info.f_favail < folders + 1):
        raise OSError(errno.ENOSPC, tr("No space left on device (for the folders and the "
                                       "journal of the move)"), str(stage))


def _write_synced(path: Path, data: bytes) -> None:
    """Write `path` whole and on disk before anything depends on it."""
    temp = path.with_name(f".{path.name}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


# --- Runs before this one ---------------------------------------------------------------------

def settle(out: Path) -> None:
    """Finish or remove what runs whose process is gone left for `out`: a move under way is
    completed from its journal, a staging folder removed, a temporary file in legalgen's own
    `<out>/.cache/` removed. Of the user's folders, only those with legalgen's marker are
    touched."""
    out = out.absolute()
    for stage in _stages(out):
        if _alive(_marked_pid(stage)):
            continue
        journal = stage / JOURNAL
        if journal.exists():
            _complete(stage, out, _journal_moves(journal))
        shutil.rmtree(stage, ignore_errors=True)
    temporary = out / CACHE_FOLDER
    if temporary.is_dir():
        for temp in temporary.rglob(f"*{TEMP_SUFFIX}"):
            if temp.is_file() and not _alive(owner_pid(temp)):
                temp.unlink(missing_ok=True)


def _stages(out: Path) -> list[Path]:
    found = []
    inside = out / CACHE_FOLDER / STAGING
    if inside.is_dir():
        found += list(inside.iterdir())
    if out.parent.is_dir():
        found += list(out.parent.glob(f".{out.name}{BESIDE_MARK}*"))
    return [path for path in found if path.is_dir() and not path.is_symlink()
            and (path / MARKER).is_file()]


def _marked_pid(stage: Path) -> str:
    try:
        return (stage / MARKER).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def _journal_moves(journal: Path) -> list[str]:
    """The moves a journal lists; those that would leave the folder are none of ours."""
    try:
        moves = json.loads(journal.read_text(encoding="utf-8"))["moves"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [move for move in moves if isinstance(move, str) and not move.startswith("/")
            and ".." not in Path(move).parts] if isinstance(moves, list) else []


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


# --- Signals ----------------------------------------------------------------------------------

@contextmanager
def _stoppable() -> Iterator[None]:
    """SIGTERM ends the command like Ctrl-C does, through every `finally` (the staging folder's
    removal); in a forked worker it ends the worker as it would have."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Stopped(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _held(signals: tuple[signal.Signals, ...]) -> Iterator[None]:
    """Hold `signals` back while the block runs (in the main thread, where handlers run)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
