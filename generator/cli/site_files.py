"""The site's files on disk: each output written atomically, and only when it changed.

Reads: the `Output`s of the site stage. Writes: files under the site's folder. It remembers the
key of every output it wrote, so that the live preview remakes only what an edit touched (a PDF
is remade only when its version's page changed) and rewrites no file whose bytes are the same;
and how many times each file was rewritten, which tells an open page to reload.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..site.pages import Output
from .files import write_atomic


class SiteFiles:
    def __init__(self, out: Path):
        self.out = out
        self.keys: dict[str, str] = {}
        self.rewrites: dict[str, int] = {}

    def write(self, outputs: Iterable[Output]) -> list[Path]:
        """Write each output whose key changed; the paths rewritten."""
        written = []
        for output in outputs:
            path = self.out / output.path
            if self.keys.get(output.path) == output.key and path.is_file():
                continue
            data = output.make()
            if not path.is_file() or path.read_bytes() != data:
                write_atomic(path, data)
                written.append(path)
                self.rewrites[output.path] = self.rewrites.get(output.path, 0) + 1
            self.keys[output.path] = output.key
        return written
