"""File names for values that come from data: act numbers, record names, ids and dates.

Reads and writes nothing. Every name legalgen derives from what a drafter wrote goes through
here: the records `record` and `new-act` write, the drafted acts of `act`, the site's act pages
and the identifiers the writers put inside their files.

`readable_name` keeps what a file name can hold of a text ("22-n/k" → "22-n-k"): letters, digits
and "_", with a lone "-" or "." between them; every other run of characters (a "/", "/../", a
NUL, a right-to-left mark) is one "-". So a name is never a path of several parts, never hidden
and never "." or "..", and stays short enough for every file system (`MAX_NAME_BYTES`). Two
texts may have one readable form ("900+" and "900-"); `unique_names` then tells them apart: of
the values sharing a readable form (compared case-insensitively, as some file systems compare
names) each gets a short hash of its identity after a "~" — a character no readable form
holds —, except the one whose text already was that readable form. Distinct values therefore
always get distinct names.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping

# A name's longest form in UTF-8, hash included: with an extension and the temporary prefix and
# suffix of an atomic write it stays under the 255 bytes of a file name on every file system.
MAX_NAME_BYTES = 160
HASH_MARK = "~"
HASH_LENGTHS = (8, 16, 64)
# What a name keeps: word characters (letters and digits of every script, "_"), and between
# them a lone "-" or "."; every other run of characters becomes one "-".
_BETWEEN_WORDS = re.compile(r"[^\w]+")
_KEPT_ALONE = ("-", ".")
_EDGES = "-."


def readable_name(text: str, fallback: str = "unnamed", limit: int = MAX_NAME_BYTES) -> str:
    """What a file name can hold of `text`, in at most `limit` bytes of UTF-8; `fallback` when
    nothing is left."""
    name = _BETWEEN_WORDS.sub(_separator, unicodedata.normalize("NFC", text)).strip(_EDGES)
    return _truncated(name, limit) or fallback


def _separator(run: re.Match[str]) -> str:
    """A run of characters between words: a lone "-" or "." stays ("22-4", "1.2"), any other
    run is one "-" ("/../" too)."""
    return run.group() if run.group() in _KEPT_ALONE else "-"


def _truncated(name: str, limit: int) -> str:
    data = name.encode("utf-8")
    if len(data) <= limit:
        return name
    return data[:limit].decode("utf-8", errors="ignore").rstrip(_EDGES)


def unique_names(texts: Mapping[str, str], fallback: str = "unnamed") -> dict[str, str]:
    """A file name for each key of `texts` (a value's identity) from its text: its readable
    form, with a short hash of the key where readable forms collide. Distinct keys always get
    distinct names, and the same keys with the same texts the same names."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key, text in texts.items():
        groups[readable_name(text, fallback).casefold()].append(key)
    names: dict[str, str] = {}
    for members in groups.values():
        if len(members) == 1:
            names[members[0]] = readable_name(texts[members[0]], fallback)
            continue
        exact = [key for key in members if readable_name(texts[key], fallback) == texts[key]]
        kept = exact[0] if len(exact) == 1 else None
        names.update(_hashed({key: texts[key] for key in members if key != kept}, fallback))
        if kept is not None:
            names[kept] = texts[kept]
    return names


def hashed_name(key: str, text: str, fallback: str = "unnamed",
                length: int = HASH_LENGTHS[0]) -> str:
    """The readable form of `text` with a hash of `key`: the name of a value whose readable form
    another value already has."""
    suffix = HASH_MARK + _digest(key)[:length]
    return readable_name(text, fallback, MAX_NAME_BYTES - len(suffix)) + suffix


def _hashed(texts: Mapping[str, str], fallback: str) -> dict[str, str]:
    """Each key's readable form with a hash of the key long enough to tell them all apart."""
    for length in HASH_LENGTHS:
        if len({_digest(key)[:length] for key in texts}) == len(texts):
            break
    return {key: hashed_name(key, text, fallback, length) for key, text in texts.items()}


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", errors="surrogatepass")).hexdigest()
