"""Acceptance 2: a consolidated DOCX edited as Word edits it gives the expected record, before
and after a LibreOffice round trip; one language given leaves the other as a to-do."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.load import load_project
from generator.model.bookmarks import bookmark_name
from generator.writers.docx.version import render_docx

from .fixtureutil import copy_fixture
from .recordutil import command, record_cli
from .wordedit import WordEdit, w

VERSION = dt.date(2014, 3, 1)
POINT = "att_1__sec_3__subsec_2__point_1"
PARENT = "att_1__sec_3__subsec_2__point_2"
ROW = "att_1__sec_4__action_plan__row_4"
ACT = ["--act-number", "450", "--act-date", "2014-05-15", "--issuer", "government"]
EXPECTED = [
    {"target": POINT, "action": "amend",
     "edits": [{"find": {"kk": "2016"}, "replace": {"kk": "2017"}}]},
    {"target": PARENT, "action": "insert", "after": f"{PARENT}__subpoint_2",
     "content": {"kk": {"kind": "subpoint", "label": "2-1)", "text": "жылу желілерін жаңғырту;"}}},
    {"target": ROW, "action": "delete"},
]


def edited_docx(root: Path, folder: Path) -> Path:
    project = load_project(root)
    data = render_docx(annotate(consolidate(project, "kk", VERSION), project))
    edit = WordEdit(data)
    edit.replace_in_run(edit.bookmarked(bookmark_name(POINT)), "2016", "2017")
    edit.insert_paragraph_after(edit.bookmarked(bookmark_name(f"{PARENT}__subpoint_2")),
                                "2-1) жылу желілерін жаңғырту;")
    cell_paragraph = edit.bookmarked(bookmark_name(ROW))
    edit.delete_row(next(cell_paragraph.iterancestors(w("tr"))))
    path = folder / "edited-kk.docx"
    path.write_bytes(edit.bytes())
    return path


def recorded(root: Path, docx: Path, out: Path) -> dict:
    result = record_cli(root, "--from-docx", str(docx), *ACT, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return yaml.safe_load((out / "2014-05-15-450.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path):
    return copy_fixture(tmp_path)


def test_word_edits_give_one_change_per_unit_with_the_right_action(project, tmp_path):
    record = recorded(project, edited_docx(project, tmp_path), tmp_path / "out")
    assert record["changes"] == EXPECTED
    assert record["act"]["number"] == "450"
    # Two changes and one addition: the title says so ("толықтыру", not "толықтырулар").
    assert record["act"]["title"]["kk"].endswith("өзгерістер мен толықтыру енгізу туралы")
    assert record["todo"] == [f"change {n} ({c['action']} {c['target']}): write its ru wording"
                              for n, c in enumerate(EXPECTED[:2], 1)]


def test_the_same_edits_after_a_libreoffice_round_trip_give_the_same_record(project, tmp_path,
                                                                           soffice):
    docx = edited_docx(project, tmp_path)
    converted = tmp_path / "converted"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "docx", "--outdir", str(converted), str(docx)],
                   check=True, capture_output=True, timeout=240)
    again = recorded(project, converted / docx.name, tmp_path / "out2")
    assert again["changes"] == EXPECTED


def test_a_record_with_one_language_does_not_validate_and_says_what_lacks_it(project, tmp_path):
    recorded(project, edited_docx(project, tmp_path), project / "amendments")
    result = command(project, "validate")
    assert result.returncode == 2
    assert "amendments/2014-05-15-450.yaml" in result.stderr
    assert "no ru wording in 'edits.0.find.ru' yet" in result.stderr
    assert "no ru wording in 'content.ru' yet" in result.stderr
    assert "to do: change 1 (amend" in result.stderr


def test_edits_outside_units_are_reported_and_ignored(project, tmp_path):
    docx = edited_docx(project, tmp_path)
    edit = WordEdit(docx.read_bytes())
    title = edit.root.find(f".//{w('p')}")
    edit.replace_in_run(title, title.find(f".//{w('t')}").text.split()[0], "Өзгерген")
    docx.write_bytes(edit.bytes())
    result = record_cli(project, "--from-docx", str(docx), *ACT, "--out", str(tmp_path / "o"))
    assert result.returncode == 0
    assert f"{docx}:1: warning: paragraph 1: an edit in the head of the document: ignored" \
        in result.stderr
