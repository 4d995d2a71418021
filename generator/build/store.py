"""The output store: which outputs of a folder already hold what the current input would write.

Reads: the files of an output folder, and the records under `<out>/.cache/outputs/`. Writes: an
output's file (only when its bytes changed), and one small record per rendered output's key.

Every command writes its files through one store, which answers "is this output current?" in
one of two ways. A rendered output (a PDF, say) has a key (`keys.output_key`); its record, named
by the key, holds the SHA-256 of the bytes written for it, and the output is current when the
file at its path has exactly those bytes. A record that is unreadable, truncated or for another
key is ignored and the output rendered again: the store may skip work, never serve stale bytes.
An output made in memory (a site page) is current when the file holds exactly its bytes. A file
whose bytes did not change is never rewritten, so its time stays and an open page that watches
its file does not reload.
"""

from __future__ import annotations

import json
from pathlib import Path

from .files import digest, file_digest, write_atomic

CACHE_FOLDER = ".cache"
RECORDS = "outputs"


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
            record = json.loads(self._record_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
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
            return target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            return False

    def record(self, key: str, data_digest: str) -> None:
        text = json.dumps({"key": key, "sha256": data_digest})
        write_atomic(self._record_path(key), text.encode("utf-8"))

    def put(self, path: Path, data: bytes, into: Path | None = None) -> str:
        """Write an output at `path` under `into` (a staging folder; by default the folder
        itself); its digest."""
        write_atomic((into or self.out) / path, data)
        name = path.as_posix()
        self.rewrites[name] = self.rewrites.get(name, 0) + 1
        return digest(data)
