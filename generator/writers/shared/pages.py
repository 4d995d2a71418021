"""The page each element of a laid-out document starts on, kept between commands.

The DOCX of a version prints these numbers in its contents, and laying the document out is most
of what the DOCX costs: the PDF writer keeps the pages of its own layout, so a version's DOCX
built with or after its PDF, or built again elsewhere, is not laid out a second time.

Reads and writes `pages/<key>.json` in legalgen's user cache (`user_cache`). The key is a hash of
the HTML, the language's print rules, this module's and the PDF module's code, WeasyPrint's
version and the font files (path, size, time of change). An entry also names every file the
layout read (`print.css`, a project's own stylesheet) with a hash of its bytes, and serves only
while each of them, fetched again the same way, has those bytes. An entry that cannot be read or
is not of that shape is ignored, and the document laid out again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import weasyprint

from ...regular_files import read_regular
from ...user_cache import keep, user_cache
from .fonts import font_files

FOLDER = "pages"
KEPT = 512  # entries: one per version and language of the projects built lately
ENTRY_LIMIT = 1 << 20

# The bytes a file the layout read has now (None: it can no longer be read the same way).
Refetch = Callable[[str], bytes | None]


@functools.cache
def _layout_code() -> str:
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for module in (Path(__file__), Path(__file__).with_name("pdf.py")):
        digest.update(module.read_bytes())
    for path in font_files():
        status = os.stat(path)
        digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def pages_key(html_text: str, print_rules: str) -> str:
    """The key of a document's layout: its HTML and its language's print rules, laid out by
    this code with these fonts."""
    digest = hashlib.sha256(_layout_code().encode())
    for part in (print_rules, html_text):
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def _entry(key: str) -> Path:
    return user_cache(FOLDER) / f"{key}.json"


def kept_pages(key: str, refetch: Refetch) -> dict[str, int] | None:
    """The pages kept under `key`, if every file the layout read still has the same bytes."""
    try:
        entry = json.loads(read_regular(_entry(key), ENTRY_LIMIT))
    except (OSError, ValueError, RecursionError):
        return None
    if not _sound(entry):
        return None
    for url, digest in entry["read"].items():
        data = refetch(url)
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            return None
    pages: dict[str, int] = entry["pages"]
    return pages


def _sound(entry: object) -> bool:
    if not isinstance(entry, dict) or set(entry) != {"read", "pages"}:
        return False
    read, pages = entry["read"], entry["pages"]
    return (isinstance(read, dict) and isinstance(pages, dict)
            and all(isinstance(value, str) for value in read.values())
            and all(type(value) is int for value in pages.values()))


def keep_pages(key: str, read: Mapping[str, bytes], pages: Mapping[str, int]) -> None:
    """Keep the pages of a layout that read the files `read` (by URL)."""
    digests = {url: hashlib.sha256(data).hexdigest() for url, data in sorted(read.items())}
    entry = json.dumps({"read": digests, "pages": dict(pages)}, ensure_ascii=False)
    keep(_entry(key), entry.encode(), KEPT)
