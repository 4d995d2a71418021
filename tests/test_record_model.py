"""Records are the input schema's own models: one act identity (keys and file names), and what
`legalgen record` writes loads with the loader, field for field; the act reader reads by its
language's own words."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.consolidate import consolidate
from generator.draft import draft_act
from generator.input import given
from generator.lang import DRAFTING, codes
from generator.load import load_project
from generator.load.folders import record_path
from generator.load.schema import ChangeIn
from generator.model import (
    ActId,
    AmountsCell,
    Diagnostics,
    LangText,
    LangUnits,
    SourcePos,
)
from generator.record import probe_act
from generator.record.common import act_in
from generator.record.structure import as_input
from generator.record.writer import new_record, record_yaml, written
from generator.writers.act_txt import render_act_txt

from .conftest import ROOT
from .fixtureutil import FIXTURE, copy_fixture
from .test_record_word import edited_docx

D = dt.date


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# --- One act identity ----------------------------------------------------------------------------


def test_an_act_id_gives_the_key_and_the_file_name():
    act_id = ActId("government", "resolution", D(2013, 11, 7), "1169")
    assert act_id.key == "government/resolution/2013-11-07/1169"
    assert act_id.file_stem == "2013-11-07-1169"
    # A number with characters a file name cannot hold keeps its letters and digits.
    assert ActId("ministry_energy", "order", D(2023, 5, 10), "22-н/қ").file_stem == \
        "2023-05-10-22-н-қ"
    assert ActId("government", "resolution", D(2023, 5, 10), "/").file_stem == "2023-05-10"


def test_every_loaded_act_is_known_by_its_id():
    project = load_project(ROOT)
    assert [act.key for act in project.acts] == [act.id.key for act in project.acts]
    assert sorted(Path(act.path).stem for act in project.acts) == sorted(
        act.id.file_stem for act in project.acts)


def test_an_act_numbered_with_a_slash_is_recorded_and_drafted_under_one_file_name(tmp_path):
    """`record` names the record, and `act` the drafted files, by the act's id: the number's
    "/" never makes a folder."""
    root = copy_fixture(tmp_path)
    project = load_project(root)
    act = next(item for item in project.acts if item.number == "512")
    texts = []
    for lang in ("kk", "ru"):
        texts += ["--from-act", str(tmp_path / f"act-{lang}.txt")]
        (tmp_path / f"act-{lang}.txt").write_bytes(render_act_txt(draft_act(project, act, lang)))
    (root / act.path).unlink()
    result = run("record", "--root", str(root), *texts,
                 "--act-number", "512/1", "--act-date", "2014-05-20")
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (root / "amendments").iterdir() if "512" in path.name) \
        == ["2014-05-20-512-1.yaml"]
    record = root / "amendments" / "2014-05-20-512-1.yaml"
    assert yaml.safe_load(record.read_text(encoding="utf-8"))["act"]["number"] == "512/1"
    out = tmp_path / "out"
    result = run("act", "--root", str(root), str(record), "--lang", "kk", "--format", "txt",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [path.name for path in (out / "acts" / "kk").iterdir()] == ["2014-05-20-512-1.txt"]


# --- What `record` writes is what the loader reads --------------------------------------------


def _total_with_a_blank_amount(lang: str):
    project = load_project(ROOT)
    version = consolidate(project, lang, project.adoption_date)
    return next(unit for unit in version.walk() if any(
        isinstance(cell, AmountsCell) and any(entry.amount is None for entry in cell.amounts)
        for cell in unit.cells or []))


def test_a_replaced_row_keeps_an_amount_without_a_figure(tmp_path):
    """An amount written `null` ("–") stays `null`: dropping it would leave the record without
    its required `amount`."""
    units = {lang: _total_with_a_blank_amount(lang) for lang in ("kk", "ru")}
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content", root / "content")
    (root / "amendments").mkdir()
    act = probe_act("resolution", "government", "5", D(2013, 1, 10))
    content = given(LangUnits, {lang: as_input(unit) for lang, unit in units.items()}, codes())
    change = written(ChangeIn, target=units["kk"].uid, action="replace", content=content)
    recorded = act_in(act, {"kk": "Өзгерістер", "ru": "Изменения"}, Diagnostics(),
                      SourcePos("act.txt", 1, 1))
    record = new_record(recorded, [change], [])
    text = record_yaml(record)
    assert "amount: null" in text
    record_path(root / "amendments", record.act.id).write_text(text, encoding="utf-8")
    after = consolidate(load_project(root), "kk", D(2013, 1, 10))
    replaced = next(unit for unit in after.walk() if unit.uid == units["kk"].uid)
    assert replaced.cells == units["kk"].cells


def test_values_of_every_language_are_checked_and_of_fewer_left_to_do():
    with pytest.raises(ValueError, match="at least 1 character"):
        given(LangText, {"kk": "", "ru": "б"}, codes())
    assert given(LangText, {"ru": "б"}, codes()) == {"ru": "б"}


def test_an_act_text_without_an_instruction_is_an_error(tmp_path):
    project = load_project(FIXTURE)
    act = next(item for item in project.acts if item.number == "512")
    lines = render_act_txt(draft_act(project, act, "kk")).decode("utf-8").splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("1. "))
    point_2 = next(n for n, line in enumerate(lines) if line.startswith("2. "))
    # Point 2 as the act's own rule words it, without the sentences of the instructions.
    point_2_alone = f"2. {DRAFTING['kk'].in_force_point(act, act.in_force)}"
    text = tmp_path / "act-kk.txt"
    text.write_text("\n".join([*lines[:first + 1], point_2_alone, *lines[point_2 + 1:]]) + "\n",
                    encoding="utf-8")
    result = run("record", "--root", str(FIXTURE), "--from-act", str(text),
                 "--act-number", "512", "--act-date", "2014-05-20",
                 "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{text}:1:1: error: the act makes no change" in result.output
    assert not (tmp_path / "out").exists()


def test_an_act_type_of_no_kind_is_refused(tmp_path):
    result = run("record", "--root", str(FIXTURE), "--from-act", str(tmp_path / "a.txt"),
                 "--type", "memo")
    assert result.exit_code == 2 and "'memo' is not one of" in result.output


# --- The act's dates and number as its language writes them ----------------------------------


@pytest.mark.parametrize(("code", "line"), [
    ("kk", "Қазақстан Республикасы Үкіметінің 2014 жылғы 30 қазандағы № 1154 қаулысы"),
    ("ru", "Постановление Правительства Республики Казахстан от 30 октября 2014 года № 1154"),
])
def test_a_heading_line_gives_its_number_and_its_date_in_the_languages_own_words(code, line):
    grammar = DRAFTING[code]
    assert grammar.act_number(line) == "1154"
    assert [date for date in grammar.dates_in(line + " ") if grammar.date(date) in line] == [
        D(2014, 10, 30)]
    assert grammar.act_number("no number here") is None


def test_a_latin_i_is_read_as_the_kazakh_letter_in_kazakh_only():
    assert DRAFTING["kk"].own_letters("бiрiншi") == "бірінші"
    assert DRAFTING["ru"].own_letters("бiрiншi") == "бiрiншi"


def test_an_act_the_record_cannot_hold_is_an_error_naming_the_field(tmp_path):
    root = copy_fixture(tmp_path)
    docx = edited_docx(root, tmp_path)
    result = run("record", "--root", str(root), "--from-docx", str(docx), "--act-number", "",
                 "--act-date", "2014-05-15", "--issuer", "government", "--out",
                 str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{docx}:1:1: error: act: 'number': String should have at least 1 character" \
        in result.output
    assert not (tmp_path / "out").exists()
