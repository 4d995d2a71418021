"""Reading files that someone else made: only regular files, up to a size.

Reads: one file's bytes, or what kind of entry a path is. Writes nothing. Reading a FIFO blocks
until someone writes into it, and a device may never end (`/dev/zero`): every file legalgen reads
from a project, an output folder, a cache or the command line is opened without blocking and
read only when it is a regular file; anything else is `NotRegularFile`, naming the path and what
stands there. A size limit is checked before the bytes are read.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .i18n import N_, tr

# Marked for the catalogs (`N_`): a message shows a kind in the user's language (`tr(kind)`),
# while the caches' keys keep these words.
_KINDS = {
    stat.S_IFDIR: N_("a folder"),
    stat.S_IFIFO: N_("a FIFO (named pipe)"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFLNK: N_("a symbolic link"),
    stat.S_IFREG: N_("a regular file"),
}
_OPEN_FLAGS = (os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0))


def kind_of(mode: int) -> str:
    """What a file of this `st_mode` is, in words: 'a FIFO (named pipe)', 'a folder', …"""
    return _KINDS.get(stat.S_IFMT(mode), N_("no regular file"))


def entry_kind(path: Path) -> str:
    """What stands at `path` (links followed): 'file', 'folder', 'missing', or another kind;
    caches put it in their keys, so that a folder where a file was is a change."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:  # a link loop, a folder that cannot be searched
        return f"unreadable:{exc.errno}"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return kind_of(mode)


class NotRegularFile(OSError):
    """A path that is no regular file: a folder, a FIFO, a device or a socket."""

    def __init__(self, path: Path | str, mode: int) -> None:
        self.kind = kind_of(mode)
        self.is_folder = stat.S_ISDIR(mode)
        super().__init__(errno.EINVAL, tr("is {kind}, not a regular file", kind=tr(self.kind)),
                         str(path))


class FileTooLarge(OSError):
    """A regular file larger than the reader's limit."""

    def __init__(self, path: Path | str, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(errno.EFBIG, tr("has {size} bytes, more than the limit of {limit}",
                                         size=size, limit=limit), str(path))


@contextmanager
def open_regular(path: Path) -> Iterator[io.BufferedReader]:
    """The regular file at `path` (links followed), opened for reading without blocking.

    Raises `NotRegularFile` for anything else — before opening it where the path shows it, and
    again on the opened file, in case it was swapped meanwhile —, and the system's `OSError`
    (such as `FileNotFoundError`) when it cannot be opened."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(path, mode)
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, info.st_mode)
        yield handle


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (`open_regular`), at most `limit` of them:
    `FileTooLarge` past it, checked before reading."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if limit is not None and size > limit:
            raise FileTooLarge(path, size, limit)
        data = handle.read() if limit is None else handle.read(limit + 1)
    if limit is not None and len(data) > limit:  # it grew while we read
        raise FileTooLarge(path, len(data), limit)
    return data


def is_regular(path: Path) -> bool:
    """A regular file stands at `path` (links followed)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
