"""One reading of in-force rules: a record's `in_force` (of the act or of a change) and the
command line's `--in-force` are read by the model's one rule type, and a wrong rule is one
error in the terms of its own form, at its place."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.schema import in_force_option
from generator.model import InForceAfterDays, InForceDate

from .fixtureutil import FIXTURE, copy_fixture, edit, line_of

FORMS = ("on_signing, on_publication, day_after_publication, on_registration, "
         "{date: YYYY-MM-DD}, {after_publication_days: N} or {after_signing_days: N}")
BAD_RULES = [
    ("{after_publication_days: 0}", "'in_force.after_publication_days': Input should be "
                                    "greater than or equal to 1 (found 0)"),
    ("{after_publication_days: 400}", "'in_force.after_publication_days': Input should be "
                                      "less than or equal to 365 (found 400)"),
    ("tomorrow", f"'in_force': expected {FORMS} (found 'tomorrow')"),
    ("{after: 3}", f"'in_force': expected {FORMS}"),
    ("{date: 0999-01-01}", "'in_force.date': Value error, the date 0999-01-01 is outside the "
                           "dates the outputs can hold"),
    ("{date: 2015-01-01, after_publication_days: 3}", "unknown field 'after_publication_days'"),
]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def errors_of(output: str, name: str) -> list[tuple[int, str]]:
    return [(int(line), message) for line, message in re.findall(
        rf"^amendments/{re.escape(name)}:(\d+):\d+: error: (.+)$", output, re.M)]


@pytest.mark.parametrize(("rule", "message"), BAD_RULES, ids=[rule for rule, _ in BAD_RULES])
def test_a_bad_rule_of_an_act_is_one_error_at_its_place(tmp_path, rule, message):
    root = copy_fixture(tmp_path)
    record = root / "amendments" / "no-512.yaml"
    edit(record, "  in_force: on_signing\n", f"  in_force: {rule}\n")
    result = run("validate", "--root", str(root))
    assert result.exit_code == 2
    (error,) = errors_of(result.output, "no-512.yaml")
    assert error[0] == line_of(record, f"  in_force: {rule}")
    assert error[1].startswith(f"act: {message}")


@pytest.mark.parametrize(("rule", "message"), BAD_RULES[:3], ids=["zero days", "a year", "word"])
def test_a_bad_rule_of_a_change_is_one_error_at_its_place(tmp_path, rule, message):
    root = copy_fixture(tmp_path)
    record = root / "amendments" / "no-512.yaml"
    edit(record, "in_force: {date: 2014-07-01}", f"in_force: {rule}")
    result = run("validate", "--root", str(root))
    assert result.exit_code == 2
    (error,) = errors_of(result.output, "no-512.yaml")
    assert error[0] == line_of(record, f"in_force: {rule}")
    assert error[1].endswith(message)


@pytest.mark.parametrize(("option", "rule"), [
    ("on_signing", "on_signing"),
    ("on_publication", "on_publication"),
    ("2015-01-01", InForceDate(date=dt.date(2015, 1, 1))),
    ("days:10", InForceAfterDays(after_publication_days=10)),
])
def test_the_command_line_forms_of_a_rule_are_read_as_a_records(option, rule):
    assert in_force_option(option) == rule


@pytest.mark.parametrize(("option", "message"), [
    ("days:0", "'days:0': Input should be greater than or equal to 1"),
    ("days:ten", "'days:ten': Input should be a valid integer"),
    ("2015-02-30", "'2015-02-30': Input should be a valid date"),
    ("soon", "'soon' is no rule: expected on_signing, on_publication, YYYY-MM-DD or days:N"),
])
def test_a_bad_command_line_rule_says_what_is_wrong(option, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        in_force_option(option)


def test_a_bad_rule_on_the_command_line_is_refused_before_anything_is_read(tmp_path):
    act = tmp_path / "act.txt"
    act.write_text("", encoding="utf-8")
    result = run("record", "--root", str(FIXTURE), "--from-act", str(act), "--in-force", "days:0",
                 "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "--in-force 'days:0': Input should be greater than or equal to 1" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
