"""`legalgen record --from-act`: the drafted act read back gives an equivalent record (the sample's
acts and generated records on the fixture), in the official style of published acts too."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.consolidate import consolidate
from generator.draft import draft_act
from generator.lang import codes
from generator.load import load_project
from generator.load.folders import record_path
from generator.model import Project
from generator.record import ActOptions
from generator.record.from_act import record_from_act
from generator.record.writer import record_yaml
from generator.writers.act_txt import render_act_txt

from .conftest import ROOT
from .fixtureutil import FIXTURE
from .recordutil import command, record_cli, same_versions, without_record

QUICK = os.environ.get("LEGALGEN_FUZZ") == "quick"

LANGS = codes()

SAMPLE = load_project(ROOT)


def act_files(project: Project, number: str, folder: Path) -> list[Path]:
    act = next(item for item in project.acts if item.number == number)
    paths = []
    for lang in LANGS:
        path = folder / f"act-{lang}.txt"
        path.write_bytes(render_act_txt(draft_act(project, act, lang)))
        paths.append(path)
    return paths


# The fast tier reads back the smallest act; `make test` every act.
@pytest.mark.parametrize("number", [
    pytest.param(number, marks=() if number == "279" else pytest.mark.full)
    for number in ("1169", "279", "728", "1154")])
def test_each_sample_act_read_back_gives_the_same_versions(number, tmp_path):
    act = next(item for item in SAMPLE.acts if item.number == number)
    files = act_files(SAMPLE, number, tmp_path)
    root = without_record(ROOT, act, tmp_path)
    args = ["--act-number", act.number, "--act-date", act.date.isoformat()]
    if act.published:
        args += ["--published", act.published.isoformat()]
    result = record_cli(root, *[a for path in files for a in ("--from-act", str(path))], *args)
    assert result.returncode == 0, result.stderr
    record = yaml.safe_load((root / "amendments" / Path(act.path).name).read_text("utf-8"))
    assert record["act"]["in_force"] == yaml.safe_load(
        (ROOT / act.path).read_text("utf-8"))["act"]["in_force"]
    assert same_versions(SAMPLE, load_project(root)) == []


def test_the_act_txt_format_is_what_record_reads(tmp_path):
    result = command(ROOT, "act", "amendments/2014-10-30-1154.yaml", "--format", "txt",
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "acts" / "ru" / "2014-10-30-1154.txt").read_text("utf-8")
    assert "2) строку, порядковый номер 10, исключить." in text.splitlines()


def test_a_heading_line_gives_the_number_and_date_and_published_variants_are_read(tmp_path):
    """The act's own heading line, and a row named without the comma before 'исключить', as
    published acts write them."""
    act = next(item for item in SAMPLE.acts if item.number == "1154")
    kk, ru = act_files(SAMPLE, "1154", tmp_path)
    ru.write_text("Постановление Правительства Республики Казахстан от 30 октября 2014 года "
                  "№ 1154\n" + ru.read_text("utf-8").replace(
                      "строку, порядковый номер 10, исключить", "строку, порядковый номер 10 "
                      "исключить"), encoding="utf-8")
    root = without_record(ROOT, act, tmp_path)
    result = record_cli(root, "--from-act", str(ru), "--published", "2014-11-05")
    assert result.returncode == 0, result.stderr
    record = yaml.safe_load((root / "amendments" / "2014-10-30-1154.yaml").read_text("utf-8"))
    assert record["act"]["number"] == "1154" and record["act"]["date"] == dt.date(2014, 10, 30)
    assert [c["action"] for c in record["changes"]] == ["amend", "delete"]
    assert record["todo"] == ["change 1 (amend att_1__sec_4__subsec_3__p_3): write its kk wording"]


# Generated records on the fixture: leaves of the adopted text amended, replaced or deleted,
# and a sub-point inserted.

FIXTURE_PROJECT = load_project(FIXTURE)
ADOPTED = {lang: consolidate(FIXTURE_PROJECT, lang, FIXTURE_PROJECT.adoption_date)
           for lang in LANGS}
TEXT_KINDS = {"paragraph", "point", "subpoint", "text"}
# Units the fixture's own acts change later stay as they are, so that those acts still apply.
LATER = {change.target for change in FIXTURE_PROJECT.changes} | {
    f"{change.target}__{change.after}" for change in FIXTURE_PROJECT.changes if change.after} | {
    "att_1__sec_3__subsec_2__point_2__subpoint_3"}  # the generated insert's anchor
LEAVES = [unit.uid for unit in ADOPTED["kk"].walk()
          if not unit.children and (unit.kind in TEXT_KINDS or unit.kind == "row")
          and unit.uid not in LATER]
UNITS = {lang: {unit.uid: unit for unit in version.walk()} for lang, version in ADOPTED.items()}
NEW_WORD = {"kk": "өзгертілген", "ru": "измененный"}


def _unique_word(text: str) -> str | None:
    words = [word for word in text.split() if len(word) > 3 and text.count(word) == 1
             and "[" not in word and "«" not in word and "»" not in word]
    return words[0] if words else None


def _change(uid: str, action: str) -> dict | None:
    units = {lang: UNITS[lang][uid] for lang in LANGS}
    if units["kk"].kind == "row":
        return {"target": uid, "action": "delete"} if action == "delete" else None
    if action == "delete":
        return {"target": uid, "action": "delete"}
    if action == "replace":
        return {"target": uid, "action": "replace", "content": {
            lang: {k: v for k, v in {"kind": unit.kind, "label": unit.label,
                                      "text": f"{NEW_WORD[lang]} {unit.text}"}.items() if v}
            for lang, unit in units.items()}}
    words = {lang: _unique_word(unit.text or "") for lang, unit in units.items()}
    if not all(words.values()):
        return None
    return {"target": uid, "action": "amend", "edits": [{
        "find": words, "replace": {lang: f"{NEW_WORD[lang]} {word}"
                                   for lang, word in words.items()}}]}


INSERT = {"target": "att_1__sec_3__subsec_2__point_2", "action": "insert",
          "after": "subpoint_3", "content": {
              "kk": {"kind": "subpoint", "label": "3-1)", "text": "жаңа тармақша;"},
              "ru": {"kind": "subpoint", "label": "3-1)", "text": "новый подпункт;"}}}


@st.composite
def records(draw):
    uids = draw(st.lists(st.sampled_from(LEAVES), min_size=1, max_size=4, unique=True))
    changes = [change for uid in uids if (change := _change(
        uid, draw(st.sampled_from(["amend", "replace", "delete"])))) is not None]
    if draw(st.booleans()):
        changes.append(INSERT)
    return changes or [INSERT]


# 25 records in `make test`, 8 in `make check` (LEGALGEN_FUZZ=quick, its fast profile).
@settings(max_examples=8 if QUICK else 25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=records())
def test_generated_records_on_the_fixture_come_back_from_their_act(changes, tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    root = folder / "project"
    shutil.copytree(FIXTURE, root)
    record = {"act": {"type": "resolution", "issuer": "government", "number": "77",
                      "date": dt.date(2014, 3, 3), "in_force": "on_signing",
                      "title": {"kk": "Өзгерістер", "ru": "Изменения"}}, "changes": changes}
    (root / "amendments" / "generated.yaml").write_text(
        yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    original = load_project(root)
    files = act_files(original, "77", folder)
    (root / "amendments" / "generated.yaml").unlink()
    options = ActOptions(number="77", date=dt.date(2014, 3, 3))
    result, diagnostics = record_from_act(load_project(root), files, options)
    assert result is not None, [str(item) for item in diagnostics.items]
    assert result.todo == []
    record_path(root / "amendments", result.act.id).write_text(record_yaml(result),
                                                               encoding="utf-8")
    assert same_versions(original, load_project(root)) == []
