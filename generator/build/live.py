"""The live preview behind `legalgen serve --watch`: rebuild what an edit touched, tell the pages.

Reads: the project's files (content/, amendments/, templates/, legalgen.yaml), polled for
changes; a scan that meets folders changing under it (an editor's atomic save, `git checkout`)
starts again, and a rebuild that does is tried again, so the preview never keeps a stale error.
Writes: the site's files that changed, through the site's output store (a download only when
its version changed), and a state for each page — a stamp that moves when its file is rewritten
or the project's errors change — which the open page polls to reload itself as soon as its own
file is new. While the project has errors the pages show them (`path:line:col: error: ...`)
with a link to the last good text, which stays on disk.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..load import load_project
from ..model import InputError
from .checks import checked
from .engine import record
from .executors import InProcess
from .site import make_site, write_site
from .staging import settle
from .store import OutputStore

# What a project's pages are made of, relative to its root.
WATCHED = ("content", "amendments", "templates", "legalgen.yaml")
# Each watched file with its inode, change and modification times and size: a file removed and
# made again (an editor's atomic save, `git checkout`) is a change even with the same times.
Fingerprint = dict[Path, tuple[int, int, int, int]]
# A page polled within this many seconds is open in a browser (live.js polls several times a
# second).
OPEN_PAGE_SECONDS = 2.0
# How often a scan that met a folder changing under it starts again before the next tick.
SCAN_ATTEMPTS = 3
# A rebuild that met the project's files changing under it is tried again this much later.
RETRY_SECONDS = 0.5


class ScanRace(Exception):
    """The watched files changed while they were being listed."""


def fingerprint(root: Path) -> Fingerprint | None:
    """Each watched file with its identity, times and size; None when the files kept changing
    under every scan (the next tick looks again)."""
    for _ in range(SCAN_ATTEMPTS):
        try:
            return _scan(root)
        except ScanRace:
            continue
    return None


def _scan(root: Path) -> Fingerprint:
    found: Fingerprint = {}
    for name in WATCHED:
        path = root / name
        if path.is_dir():
            for folder, _, files in os.walk(path, onerror=_race):
                for file in files:
                    _add(found, Path(folder) / file)
        else:
            _add(found, path, missing_ok=True)
    return found


def _race(error: OSError) -> None:
    raise ScanRace(error)


def _add(found: Fingerprint, path: Path, missing_ok: bool = False) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        if missing_ok:
            return
        raise ScanRace(path) from None
    except OSError:  # a link loop, a file that cannot be read: the rebuild says what it is
        return
    if stat.S_ISREG(info.st_mode):
        found[path] = (info.st_ino, info.st_ctime_ns, info.st_mtime_ns, info.st_size)


def changed_paths(old: Fingerprint, new: Fingerprint) -> set[Path]:
    return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


def affected_langs(root: Path, changed: Iterable[Path], langs: list[str]) -> list[str]:
    """The languages whose pages an edit may change: one language's content touches its own
    pages only; anything else (records, templates, settings) touches every language."""
    touched: set[str] = set()
    for path in changed:
        parts = path.relative_to(root).parts
        if len(parts) > 2 and parts[0] == "content" and parts[1] in langs:
            touched.add(parts[1])
        else:
            return list(langs)
    return [lang for lang in langs if lang in touched]


@dataclass
class Preview:
    root: Path
    out: Path
    langs: list[str]
    downloads: bool
    errors: list[str] = field(default_factory=list)
    error_round: int = 0  # moves whenever the project's errors change
    # The files the last edit changed, relative to the root: the error page names them, since
    # a problem of parity is told at the other language's unit.
    edited: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        settle(self.out)
        self.store = OutputStore(self.out)
        self.seen: Fingerprint = {}
        self.retry_at: float | None = None
        self.polled: dict[str, float] = {}  # each page a browser has open: when it last asked

    def open_pages(self) -> set[str]:
        """The pages polled lately, which a rebuild makes first."""
        recent = time.monotonic() - OPEN_PAGE_SECONDS
        with self.lock:
            return {page for page, when in self.polled.items() if when >= recent}

    def state(self, page: str) -> dict[str, object]:
        """What the open `page` (a site path) polls: its stamp, and the project's errors."""
        with self.lock:
            errors, round_ = list(self.errors), self.error_round
            self.polled[page] = time.monotonic()
        return {"stamp": f"{self.store.rewrites.get(page, 0)}.{round_}", "errors": errors,
                "edited": list(self.edited)}

    def _publish(self, errors: list[str]) -> None:
        # The problems that name an edited file first: those are the drafter's to look at.
        errors = sorted(errors, key=lambda line: not any(path in line for path in self.edited))
        with self.lock:
            if errors != self.errors:
                self.errors = errors
                self.error_round += 1

    def refresh(self) -> bool:
        """Rebuild if a watched file changed since the last look (or the last rebuild met the
        files changing under it); whether it did."""
        now = fingerprint(self.root)
        if now is None:
            return False
        changed = changed_paths(self.seen, now)
        retry = self.retry_at is not None and time.monotonic() >= self.retry_at
        if not changed and not retry:
            return False
        first = not self.seen
        self.seen = now
        if not first:
            self.edited = sorted(str(path.relative_to(self.root)) for path in changed)
        langs = self.langs if first or retry or self.errors else affected_langs(
            self.root, changed, self.langs)
        self._publish(self.rebuild(langs))
        return True

    def rebuild(self, langs: list[str]) -> list[str]:
        """Remake the pages of `langs`; the project's problems instead, if it has any."""
        self.retry_at = None
        try:
            project = load_project(self.root)
            diagnostics = checked(project)
            if diagnostics.errors:
                return [str(item) for item in diagnostics.errors]
            site = make_site(self.root, project, self.langs, self.downloads)
            first = self.open_pages()
            ordered = sorted(langs, key=lambda code: not any(p.startswith(f"{code}/")
                                                             for p in first))
            # Rendered here, not forked: the preview rebuilds in a thread of the server.
            record(self.store, write_site(site, ordered, self.store, InProcess(), first=first))
        except InputError as exc:
            return [str(item) for item in exc.diagnostics.errors]
        except OSError as exc:  # most often a file removed while it was read: look again soon
            self.retry_at = time.monotonic() + RETRY_SECONDS
            return [f"error: {exc}"]
        except Exception as exc:  # the preview goes on; the page tells what failed
            return [f"error: {type(exc).__name__}: {exc}"]
        return []

    def watch(self, stop: threading.Event, interval: float = 0.1) -> None:
        """Refresh every `interval` until `stop`: whatever one look meets, the next one comes."""
        while not stop.wait(interval):
            try:
                self.refresh()
            except Exception as exc:
                self._publish([f"error: {type(exc).__name__}: {exc}"])
                self.seen = {}  # look at everything again
