"""Bookmark names of units in Word documents: the unit id, or a short name derived from it.

Reads and writes nothing. Word takes bookmark names of at most 40 letters, digits and
underscores; a longer id gets a prefix and a digest. The names are reversible through the
units of the version a document shows (`names_to_ids`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

_BOOKMARK_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")


def bookmark_name(uid: str) -> str:
    """The unit id itself when Word takes it; else its first letters and a digest."""
    if _BOOKMARK_NAME.match(uid):
        return uid
    digest = hashlib.sha1(uid.encode("utf-8")).hexdigest()[:8]
    return f"{re.sub(r'[^A-Za-z0-9_]', '_', uid)[:31]}_{digest}"


def names_to_ids(uids: Iterable[str]) -> dict[str, str]:
    return {bookmark_name(uid): uid for uid in uids}
