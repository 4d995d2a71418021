"""Helpers of the record tests: a project with one act's record taken out or put back, the
redline around an act, and the comparison of two projects' consolidated versions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.diff import compare
from generator.draft import act_changes
from generator.lang import codes
from generator.model import Act, Project
from generator.model.inline import plain
from generator.writers.docx.redline import render_diff_docx

LANGS = codes()


def without_record(source: Path, act: Act, folder: Path) -> Path:
    """A copy of the project `source` without the record of `act`."""
    root = folder / "project"
    shutil.copytree(source / "content", root / "content")
    shutil.copytree(source / "amendments", root / "amendments")
    (root / act.path).unlink()
    return root


def redlines(project: Project, act: Act, folder: Path) -> list[Path]:
    """The redline DOCX of each language from the version the act amends to the one after it."""
    changes = act_changes(project, act)
    first = min(change.sort_key for change in changes)
    earlier = [c for c in project.changes if c.effective and c.sort_key < first]
    before = dataclasses.replace(project, changes=earlier)
    after = dataclasses.replace(project, changes=earlier + changes)
    old_date = max([project.adoption_date, *(c.effective for c in earlier if c.effective)])
    new_date = max(c.effective for c in changes if c.effective)
    paths = []
    for lang in LANGS:
        old = annotate(consolidate(before, lang, old_date), before)
        new = annotate(consolidate(after, lang, new_date), after)
        path = folder / f"redline-{lang}.docx"
        path.write_bytes(render_diff_docx(compare(old, new)))
        paths.append(path)
    return paths


def dates(project: Project) -> list[dt.date]:
    return sorted({project.adoption_date, *(c.effective for c in project.changes if c.effective)})


def unit_texts(project: Project, lang: str, date: dt.date) -> list[tuple[object, ...]]:
    """What a version says, unit by unit in reading order: kind, label, texts, cells,
    exclusion, repeal (ids left out: a replaced unit's new children may be numbered anew)."""
    version = consolidate(project, lang, date)
    return [(unit.kind, unit.label, plain(unit.heading), plain(unit.text),
             [str(cell) for cell in unit.cells or []], unit.uid in version.excluded)
            for unit in version.walk()] + [("repealed", version.repeal is not None)]


def notes_by_unit(project: Project, lang: str, date: dt.date) -> dict[str, list[str]]:
    annotated = annotate(consolidate(project, lang, date), project)
    return {uid: [note.text for note in notes] for uid, notes in annotated.notes.items() if notes}


def same_versions(original: Project, imported: Project) -> list[str]:
    """The differences of unit texts between two projects at every version date of either."""
    problems = []
    for date in sorted(set(dates(original)) | set(dates(imported))):
        for lang in LANGS:
            if unit_texts(original, lang, date) != unit_texts(imported, lang, date):
                problems.append(f"{lang} {date}")
    return problems


def command(root: Path, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`legalgen NAME --root ROOT ARGS` in a process of its own."""
    return subprocess.run([sys.executable, "-m", "generator", name, "--root", str(root), *args],
                          capture_output=True, text=True, check=False)


def record_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return command(root, "record", *args)
