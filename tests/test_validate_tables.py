"""`validate` on the shape of tables — each row's cells against the header, a row inserted after
a total only when the record says so — and parity messages that name what differs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .fixtureutil import copy_fixture, edit, line_of

PLAN = "att_1__sec_4__action_plan"


def validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root)],
                          capture_output=True, text=True, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path)


def test_a_row_with_a_cell_too_few_is_an_error_at_the_row(project):
    for lang in ("kk", "ru"):
        path = project / "content" / lang / "04-action-plan.yaml"
        text = path.read_text("utf-8")
        cut = text.index('label: "2."')
        cell = text.index("              - ", text.index("cells:", cut))
        path.write_text(text[:cell] + text[text.index("\n", cell) + 1:], "utf-8")
    result = validate(project)
    assert result.returncode == 2
    row = line_of(project / "content" / "kk" / "04-action-plan.yaml", 'label: "2."') - 1
    assert (f"content/kk/04-action-plan.yaml:{row}:13: error: unit {PLAN}__row_2: 6 cells (the "
            f"label column counted) where the header of {PLAN} has 7 columns") in result.stderr


def insert_record(project: Path, after: str, more: str = ', "Жергілікті бюджет"') -> Path:
    path = project / "amendments" / "no-900.yaml"
    row = {lang: f'      - {{kind: row, label: "5.", cells: ["Жаңа іс-шара {lang}", "Акт", '
                 f'"Әкімдік", "2016 - 2017", "2016 – 5,0"'
                 f'{more if lang == "kk" else more.replace("Жергілікті", "Местный")}]}}\n'
           for lang in ("kk", "ru")}
    path.write_text(
        "act:\n  type: resolution\n  issuer: government\n  number: \"900\"\n"
        "  date: 2015-06-01\n  title: {kk: \"Өзгерістер\", ru: \"Изменения\"}\n"
        f"changes:\n  - target: {PLAN}\n    action: insert\n{after}"
        "    content:\n      kk:\n" + row["kk"].replace("      - ", "        ", 1)
        + "      ru:\n" + row["ru"].replace("      - ", "        ", 1), "utf-8")
    return path


def test_a_row_inserted_without_after_lands_after_the_total_and_is_an_error(project):
    path = insert_record(project, "")
    result = validate(project)
    assert result.returncode == 2
    line = line_of(path, "action: insert") - 1
    assert f"amendments/no-900.yaml:{line}:" in result.stderr
    assert f"inserts after the total row {PLAN}__total_1 of {PLAN}" in result.stderr
    assert "'after: <row id>'" in result.stderr


def test_a_row_inserted_after_a_row_of_the_table_is_valid(project):
    insert_record(project, f"    after: {PLAN}__row_4\n")
    result = validate(project)
    assert result.returncode == 0, result.stderr


def test_an_inserted_row_is_held_to_the_header_too(project):
    insert_record(project, f"    after: {PLAN}__row_4\n", more="")
    result = validate(project)
    assert result.returncode == 2
    assert f"unit {PLAN}__row_5: 6 cells (the label column counted) where the header of {PLAN} " \
        "has 7 columns" in result.stderr


def test_a_unit_that_differs_between_the_languages_names_the_field_and_both_values(project):
    edit(project / "content" / "ru" / "03-section-3.yaml",
         'label: "1."\n            text: "Диверсификация',
         'label: "1)"\n            text: "Диверсификация')
    result = validate(project)
    assert result.returncode == 2
    ru = project / "content" / "ru" / "03-section-3.yaml"
    row = line_of(ru, "Диверсификация") - 2
    where = f"content/ru/03-section-3.yaml:{row}:13"
    [line] = [line for line in result.stderr.splitlines()
              if "att_1__sec_3__subsec_2__point_1: differs" in line]
    assert line.endswith(f"counterpart at {where}: label '1.' here, '1)' there"), line
