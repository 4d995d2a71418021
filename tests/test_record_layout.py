"""Word documents read by their structure: a table that ends a landscape section before an
appendix, a blank paragraph, a document re-saved by LibreOffice, links to units read back as
references, and a text that differs from its version shown side by side."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.load import load_project
from generator.model.bookmarks import bookmark_name
from generator.writers.docx.version import render_docx

from .fixtureutil import copy_fixture
from .recordutil import record_cli
from .wordedit import WordEdit, w

VERSION = dt.date(2014, 3, 1)
TASKS = "att_1__sec_3__subsec_2"
PLAN = "att_1__sec_4__action_plan"
ACT = ["--act-number", "450", "--act-date", "2014-05-15", "--issuer", "government"]
EXPECTED = [
    {"target": f"{TASKS}__point_1", "action": "amend",
     "edits": [{"find": {"kk": "2016"}, "replace": {"kk": "2017"}}]},
    {"target": TASKS, "action": "insert", "after": f"{TASKS}__point_3",
     "content": {"kk": {"kind": "point", "label": "4.",
                        "text": "Бағдарламаның [1-қосымшасында](ref:att_1__app_1) аталған "
                                "органдардың іс-қимылын үйлестіру."}}},
    {"target": f"{TASKS}__p_2", "action": "amend",
     "edits": [{"find": {"kk": "[4-бөлімінде](ref:att_1__sec_4) "},
                "replace": {"kk": "[4-бөлімінде](ref:att_1__sec_4) және "
                                  "[1-қосымшасында](ref:att_1__app_1) "}}]},
    {"target": f"{PLAN}__total_1", "action": "amend",
     "edits": [{"find": {"kk": "БАРЛЫҒЫ"}, "replace": {"kk": "Барлығы"}}]},
    {"target": "att_1__app_1__p_1", "action": "amend",
     "edits": [{"find": {"kk": "әкімдігі."}, "replace": {"kk": "әкімдігі (келісім бойынша)."}}]},
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture with the action plan last in its section: its notes taken out, so the
    landscape section ends right after the table and the appendix follows."""
    root = copy_fixture(tmp_path)
    for lang in ("kk", "ru"):
        path = root / "content" / lang / "04-action-plan.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text[:text.index("      - kind: notes")], encoding="utf-8")
    return root


def built(root: Path) -> bytes:
    project = load_project(root)
    return render_docx(annotate(consolidate(project, "kk", VERSION), project))


def body_of(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(w("body"))


def edited(data: bytes) -> bytes:
    edit = WordEdit(data)
    edit.replace_in_run(edit.bookmarked(bookmark_name(f"{TASKS}__point_1")), "2016", "2017")
    edit.insert_paragraph_after(edit.bookmarked(bookmark_name(f"{TASKS}__point_3")), [
        "4. Бағдарламаның ", ("1-қосымшасында", bookmark_name("att_1__app_1")),
        " аталған органдардың іс-қимылын үйлестіру."])
    tasks_text = edit.bookmarked(bookmark_name(f"{TASKS}__p_2"))
    link = tasks_text.find(w("hyperlink"))
    extra = WordEdit(data)  # a second link, inserted after the first as Word inserts it
    extra.root = tasks_text
    extra.ids = edit.ids + 100
    inserted = extra._mark("ins")
    run = etree.SubElement(inserted, w("r"))
    etree.SubElement(run, w("t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
                     ).text = " және "
    second = etree.Element(w("hyperlink"), {w("anchor"): bookmark_name("att_1__app_1")})
    second_ins = extra._mark("ins")
    etree.SubElement(etree.SubElement(second_ins, w("r")), w("t")).text = "1-қосымшасында"
    second.append(second_ins)
    link.addnext(inserted)
    inserted.addnext(second)
    total = edit.bookmarked(bookmark_name(f"{PLAN}__total_1"))
    row = next(total.iterancestors(w("tr")))
    cell = next(p for p in row.iter(w("p")) if "БАРЛЫҒЫ" in "".join(p.itertext()))
    edit.replace_in_run(cell, "БАРЛЫҒЫ", "Барлығы")
    edit.replace_in_run(edit.bookmarked(bookmark_name("att_1__app_1__p_1")), "әкімдігі.",
                        "әкімдігі (келісім бойынша).")
    return edit.bytes()


def recorded(root: Path, docx: Path, out: Path) -> dict:
    result = record_cli(root, "--from-docx", str(docx), *ACT, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return yaml.safe_load((out / "2014-05-15-450.yaml").read_text(encoding="utf-8"))


def test_the_plan_ends_a_landscape_section_before_the_appendix(project):
    body = body_of(built(project))
    table = body.find(w("tbl"))
    while table is not None and bookmark_name(PLAN) not in etree.tostring(table).decode():
        table = table.getnext()
        while table is not None and table.tag != w("tbl"):
            table = table.getnext()
    assert table is not None
    section_end = table.getnext()
    assert section_end.tag == w("p") and "".join(section_end.itertext()) == ""
    assert section_end.find(f"{w('pPr')}/{w('sectPr')}/{w('pgSz')}").get(w("orient")) == \
        "landscape"
    assert bookmark_name("att_1__app_1") in etree.tostring(section_end.getnext()).decode()


def test_an_unedited_build_has_no_change_and_no_difference(project, tmp_path):
    path = tmp_path / "kk.docx"
    path.write_bytes(built(project))
    result = record_cli(project, "--from-docx", str(path), *ACT, "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no tracked change in any unit" in result.stderr
    assert "differs" not in result.stderr


def test_tracked_edits_around_the_section_break_and_links_give_the_record(project, tmp_path):
    path = tmp_path / "edited-kk.docx"
    path.write_bytes(edited(built(project)))
    record = recorded(project, path, tmp_path / "out")
    assert record["changes"] == EXPECTED


def test_a_blank_paragraph_and_a_content_control_change_nothing(project, tmp_path):
    """What a re-save adds: an empty paragraph between units, the contents in a w:sdt."""
    edit = WordEdit(edited(built(project)))
    point = edit.bookmarked(bookmark_name(f"{TASKS}__point_2"))
    point.addprevious(etree.Element(w("p")))
    first = edit.root.find(w("body"))[0]
    control = etree.Element(w("sdt"))
    etree.SubElement(control, w("sdtPr"))
    content = etree.SubElement(control, w("sdtContent"))
    first.addprevious(control)
    content.append(first)
    path = tmp_path / "resaved-kk.docx"
    path.write_bytes(edit.bytes())
    assert recorded(project, path, tmp_path / "out")["changes"] == EXPECTED


def test_the_same_edits_after_a_libreoffice_round_trip(project, tmp_path, soffice):
    path = tmp_path / "edited-kk.docx"
    path.write_bytes(edited(built(project)))
    converted = tmp_path / "converted"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "docx", "--outdir", str(converted), str(path)],
                   check=True, capture_output=True, timeout=240)
    assert recorded(project, converted / path.name, tmp_path / "out")["changes"] == EXPECTED


def test_a_text_changed_without_tracking_is_shown_beside_the_version(project, tmp_path):
    edit = WordEdit(built(project))
    paragraph = edit.bookmarked(bookmark_name(f"{TASKS}__point_3"))
    for t in paragraph.iter(w("t")):
        if "абаттандыру" in (t.text or ""):
            t.text = t.text.replace("абаттандыру", "көгалдандыру")
    edit.replace_in_run(edit.bookmarked(bookmark_name(f"{TASKS}__point_1")), "2016", "2017")
    path = tmp_path / "untracked-kk.docx"
    path.write_bytes(edit.bytes())
    result = record_cli(project, "--from-docx", str(path), *ACT, "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    [line] = [line for line in result.stderr.splitlines() if "error:" in line]
    message = line.split("error: ", 1)[1]
    assert message.startswith(f"paragraph {line.split(':')[1]}: {TASKS}__point_3 differs")
    expected = message.index("expected «")
    found = message.index("found «")
    assert "абаттандыру" in message[expected:found]
    assert "көгалдандыру" in message[found:]
    assert message.index("Track Changes") > found
