"""The validation kept beside the loaded project in the user's cache: an unchanged project is
not validated again, and an edit after a clean, cached run is still reported — a total, a
reference (in the text and brought by a later act), a date, a number that differs between kk
and ru."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import generator.validate as validation
from generator.build.project_cache import cache_folder, input_key
from generator.cli import main
from tests.fixtureutil import copy_fixture, edit

REFERENCE_BY_AN_ACT = """act:
  type: resolution
  issuer: government
  number: "1400"
  date: 2015-06-01
  title: {kk: "Өзгеріс", ru: "Изменение"}
changes:
  - target: att_1__sec_3__subsec_2__p_2
    action: amend
    edits:
      - find: {kk: "ref:att_1__sec_4)", ru: "ref:att_1__sec_4)"}
        replace: {kk: "ref:att_1__sec_4__gone)", ru: "ref:att_1__sec_4__gone)"}
"""


def validate(root: Path) -> Result:
    return CliRunner().invoke(main, ["validate", "--root", str(root)])


@pytest.fixture
def validated(tmp_path: Path, own_user_cache: Path) -> Path:
    """A copy of the fixture, validated clean once: its validation is in the cache."""
    root = copy_fixture(tmp_path)
    result = validate(root)
    assert result.exit_code == 0, result.output
    assert (cache_folder() / f"{input_key(root)}.validation").is_file()
    return root


def test_an_unchanged_project_is_not_validated_again(validated, monkeypatch):
    calls = []
    real = validation.validate

    def counted(*args: object) -> object:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(validation, "validate", counted)
    result = validate(validated)
    assert result.exit_code == 0, result.output
    assert "ok: " in result.stderr
    assert not calls
    with (validated / "amendments/no-845.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a comment changes the bytes, not the project\n")
    assert validate(validated).exit_code == 0
    assert len(calls) == 1


def test_a_broken_total_is_still_reported(validated):
    edit(validated / "content/kk/04-action-plan.yaml", "{year: 2014, amount: 497.0}",
         "{year: 2014, amount: 498.0}")
    result = validate(validated)
    assert "warning: unit att_1__sec_4__action_plan__total_1: total 498 in column 5, 2014 but " \
           "the rows add up to 497" in result.stderr, result.stderr


def test_a_broken_reference_in_the_text_is_still_reported(validated):
    edit(validated / "content/kk/03-section-3.yaml", "(ref:att_1__sec_4)", "(ref:att_1__sec_9)")
    result = validate(validated)
    assert result.exit_code == 2
    assert "error: unit att_1__sec_3__subsec_2__p_2: the reference to 'att_1__sec_9' leads to " \
           "no unit of the version of 2014-02-10" in result.stderr, result.stderr


def test_a_reference_a_later_act_breaks_is_still_reported(validated):
    (validated / "amendments" / "no-1400.yaml").write_text(REFERENCE_BY_AN_ACT, encoding="utf-8")
    result = validate(validated)
    assert result.exit_code == 2
    assert "error: unit att_1__sec_3__subsec_2__p_2: the reference to 'att_1__sec_4__gone' " \
           "leads to no unit of the version of 2015-06-01" in result.stderr, result.stderr


def test_a_bad_date_is_still_reported(validated):
    edit(validated / "amendments/no-845.yaml", "date: 2014-08-15", "date: 2013-13-45")
    result = validate(validated)
    assert result.exit_code == 2
    assert "invalid date '2013-13-45'" in result.stderr, result.stderr


def test_a_number_that_differs_between_kk_and_ru_is_still_reported(validated):
    edit(validated / "content/ru/01-resolution.yaml", "на 2014 – 2018 годы (далее",
         "на 2014 – 2019 годы (далее")
    result = validate(validated)
    assert result.exit_code == 2
    assert "numbers differ from its ru counterpart" in result.stderr, result.stderr
