"""A tracked deletion of a paragraph mark joins two units: `record` reads it as the first unit
amended with the second one's words and the second one deleted — not as two replacements, and
no label is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.load import load_project
from generator.model.bookmarks import bookmark_name
from generator.writers.docx.version import render_docx

from .fixtureutil import copy_fixture
from .recordutil import record_cli
from .wordedit import WordEdit, join_with_next

ACT_DATE = dt.date(2014, 3, 1)


def joined_docx(root: Path, lang: str, folder: Path) -> Path:
    project = load_project(root)
    edit = WordEdit(render_docx(annotate(consolidate(project, lang, project.adoption_date),
                                         project)))
    first, second = (edit.bookmarked(bookmark_name(uid)) for uid in ("para_4", "para_5"))
    assert first.getnext() is second
    join_with_next(edit, first, second, "5. ")
    path = folder / f"joined-{lang}.docx"
    path.write_bytes(edit.bytes())
    return path


def test_a_deleted_paragraph_mark_joins_two_units(tmp_path):
    root = copy_fixture(tmp_path)
    before = {unit.uid: unit for unit in consolidate(load_project(root), "kk",
                                                     load_project(root).adoption_date).units}
    files = [arg for lang in ("kk", "ru")
             for arg in ("--from-docx", str(joined_docx(root, lang, tmp_path)))]
    result = record_cli(root, *files, "--act-number", "77", "--act-date", ACT_DATE.isoformat(),
                        "--issuer", "government", "--out", str(root / "amendments"))
    assert result.returncode == 0, result.stderr
    record = yaml.safe_load((root / "amendments" / "2014-03-01-77.yaml").read_text("utf-8"))
    actions = {change["target"]: change["action"] for change in record["changes"]}
    assert actions == {"para_4": "amend", "para_5": "delete"}, record["changes"]
    version = consolidate(load_project(root), "kk", ACT_DATE)
    after = {unit.uid: unit for unit in version.units}
    assert after["para_4"].label == "4."
    assert after["para_4"].text == f"{before['para_4'].text} {before['para_5'].text}"
    assert "para_5" in version.excluded
