"""Helpers the core tests share: where the fixture project is, and how to copy and break it."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build.store import CACHE_FOLDER

FIXTURE = Path(__file__).resolve().parent / "fixture"
DOC_ID = "district-2014-2018"


def copy_fixture(folder: Path) -> Path:
    """A private copy of the fixture project that a test may break."""
    root = folder / "project"
    shutil.copytree(FIXTURE, root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def line_of(path: Path, marker: str) -> int:
    """The 1-based number of the only line of a file that contains `marker`."""
    lines = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if marker in line
    ]
    assert len(lines) == 1, f"{marker!r} is on lines {lines} of {path}"
    return lines[0]


def files_under(folder: Path) -> dict[str, bytes]:
    """Every output under `folder` with its bytes; the output store's records left out."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and CACHE_FOLDER not in path.relative_to(folder).parts}
