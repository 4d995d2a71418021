"""The output store: which outputs of a folder already hold what the current input would write.

Reads: the files of an output folder, and the records under `<out>/.cache/outputs/`. Writes: an
output's file (only when its bytes changed), and one small record per rendered output's key.

Every command writes its files through one store, which answers "is this output current?" in
one of two ways. A rendered output (a PDF, say) has a key (`keys.output_key`); its record, named
by the key, holds the SHA-256 of the bytes written for it, and the output is current when the
file at its path has exactly those bytes. A record that is unreadable, truncated or for another
key is ignored and the output rendered again: the store may skip work, never serve stale bytes.
A record is read only when it is a small regular file (a FIFO would block, a deeply nested one
overflow the parser).
An output made in memory (a site page) is current when the file holds exactly its bytes. A file
whose bytes did not change is never rewritten, so its time stays and an open page that watches
its file does not reload.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..regular_files import read_regular
from .files import digest, file_digest, inside, write_atomic

CACHE_FOLDER = ".cache"
RECORDS = "outputs"
TEMPORARY = "tmp"  # temporary files of writes straight into the folder
# A record is one flat object of two short strings: anything larger or nested is no record.
RECORD_LIMIT = 1024
RECORD_DEPTH = 1


def parse_record(data: bytes) -> object:
    """A record's JSON, refused (`ValueError`) when it nests deeper than a record does, before
    the parser could recurse through it."""
    text = data.decode("utf-8")
    if _depth(text) > RECORD_DEPTH:
        raise ValueError("a record nests no values")
    return json.loads(text)


def _depth(text: str) -> int:
    """How deep the JSON text's arrays and objects nest (outside its strings)."""
    deepest = depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            in_string = escaped or char != '"'
            escaped = not escaped and char == "\\"
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


class OutputStore:
    """The outputs of one folder; `trust_records=False` (`--force`) renders every output."""

    def __init__(self, out: Path, trust_records: bool = True) -> None:
        self.out = out
        self.records = out / CACHE_FOLDER / RECORDS
        self.trust_records = trust_records
        # How many times each file (by its path under `out`) was rewritten through this store.
        self.rewrites: dict[str, int] = {}

    def _record_path(self, key: str) -> Path:
        return self.records / key[:2] / f"{key}.json"

    def recorded_digest(self, key: str) -> str | None:
        """The digest recorded for `key`; None when there is no sound record."""
        if not self.trust_records:
            return None
        try:
            record = parse_record(read_regular(self._record_path(key), RECORD_LIMIT))
        except (OSError, ValueError):  # missing, not a regular file, too large, damaged
            return None
        if not isinstance(record, dict) or record.get("key") != key:
            return None
        found = record.get("sha256")
        return found if isinstance(found, str) and len(found) == 64 else None

    def is_current(self, key: str, path: Path) -> bool:
        """The file at `path` (under the folder) holds exactly the bytes last written for
        `key`."""
        recorded = self.recorded_digest(key)
        return recorded is not None and file_digest(self.out / path) == recorded

    def holds(self, path: Path, data: bytes) -> bool:
        """The file at `path` (under the folder) holds exactly `data`."""
        target = self.out / path
        try:
            return target.stat().st_size == len(data) and read_regular(target) == data
        except OSError:
            return False

    def record(self, key: str, data_digest: str) -> None:
        text = json.dumps({"key": key, "sha256": data_digest})
        write_atomic(self._record_path(key), text.encode("utf-8"))

    def put(self, path: Path, data: bytes, into: Path | None = None) -> str:
        """Write an output at `path` under `into` (a staging folder; by default the folder
        itself); its digest."""
        if into is None:  # straight into the folder (the live preview): temporary files in ours
            write_atomic(inside(self.out, path), data, self.out / CACHE_FOLDER / TEMPORARY)
        else:
            write_atomic(inside(into, path), data)
        name = path.as_posix()
        self.rewrites[name] = self.rewrites.get(name, 0) + 1
        return digest(data)
