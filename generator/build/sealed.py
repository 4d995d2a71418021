"""Sealed cache files: bytes that only this user's legalgen wrote are read back.

Reads and writes: the user's key, `signing.key` in the cache folder (32 random bytes, mode 0600,
made on first use). A sealed file is the HMAC-SHA256 of its body under that key, then the body.
A cache holding pickles must not read one that anybody else could have written — unpickling runs
code —: a file whose seal does not match (written by another user or program, damaged, partial)
is not read. A key that is not this user's own private regular file is no key: the cache is then
not used at all, never trusted.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from pathlib import Path

KEY_FILE = "signing.key"
KEY_SIZE = 32
SEAL_SIZE = hashlib.sha256().digest_size


def private_folder(folder: Path) -> None:
    """Make `folder` (and its parents), only the user's when legalgen makes it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def signing_key(folder: Path) -> bytes | None:
    """The user's key in `folder`, made when there is none; None when the file there is not
    the user's own private file of a key's size (or the folder cannot be written)."""
    path = folder / KEY_FILE
    try:
        private_folder(folder)
        _create(path)
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid()
                or info.st_mode & 0o077 or info.st_size != KEY_SIZE):
            return None
        key = handle.read(KEY_SIZE + 1)
    return key if len(key) == KEY_SIZE else None


def _create(path: Path) -> None:
    """A new random key at `path`, unless a file is there already."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                     0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as handle:
        # The system's source of secure randomness (what `secrets` reads), without importing
        # `secrets` and `random` into every command.
        handle.write(os.urandom(KEY_SIZE))


def seal(key: bytes, body: bytes) -> bytes:
    return hmac.digest(key, body, "sha256") + body


def unsealed(key: bytes, data: bytes) -> bytes | None:
    """The body of a sealed file, or None when its seal is not this key's."""
    seal_given, body = data[:SEAL_SIZE], data[SEAL_SIZE:]
    if len(seal_given) != SEAL_SIZE:
        return None
    return body if hmac.compare_digest(seal_given, hmac.digest(key, body, "sha256")) else None

