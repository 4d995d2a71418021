"""`legalgen validate` on the fixture and on copies of it broken in one place each.

Every broken input must exit 2 without a traceback and print `path:line:col: error: ...` naming
the file, the line of the mistake and (where there is one) the unit id.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.fixtureutil import FIXTURE, append, copy_fixture, edit, line_of

ERROR = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")
WARNING = re.compile(r"^[^\s:][^:]*(:\d+)?: warning: .+$")
INFO = re.compile(r"^[^\s:][^:]*:\d+:\d+: info: .+$")
POINT_3 = "att_1__sec_3__subsec_2__point_3"

# A change appended to a record's `changes:` list.
REPLACE_PARA_5 = """  - target: para_5
    action: replace
    content:
      kk:
        kind: paragraph
        label: "5."
        text: "Осы қаулы алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі."
      ru:
        kind: paragraph
        label: "5."
        text: "Настоящее постановление вводится в действие со дня первого официального
          опубликования."
"""
AMEND_POINT_3 = f"""  - target: {POINT_3}
    action: amend
    edits:
      - find: {{kk: "Аудан орталығын", ru: "районного центра"}}
        replace: {{kk: "Аудан орталығы мен ауылдарды", ru: "районного центра и сел"}}
"""
# A record of a later act: its in-force rule and one change.
ACT_1300 = """act:
  type: resolution
  issuer: government
  number: "1300"
  date: 2016-02-01
  in_force: {in_force}
  title: {{kk: "Өзгеріс", ru: "Изменение"}}
changes:
{change}"""
REPEAL = """  - target: district-2014-2018
    action: repeal
"""
AMEND_PARA_4 = """  - target: para_4
    action: amend
    edits:
      - find: {kk: "Ұлттық экономика министрлігіне", ru: "Министерство национальной экономики"}
        replace: {kk: "Қаржы министрлігіне", ru: "Министерство финансов"}
"""
RU_POINT_3 = """          - kind: point
            label: "3."
            text: "Повышение уровня благоустройства районного центра."
"""


@dataclass
class Case:
    """One broken input: edits (file, old, new), appended text, and the error it must give."""

    name: str
    path: str  # the file the error names
    marker: str  # text on the line the error names (the line `offset` lines above it)
    needles: tuple[str, ...]  # words the message must contain (unit id, what is wrong)
    edits: list[tuple[str, str, str]] = field(default_factory=list)
    appends: list[tuple[str, str]] = field(default_factory=list)
    offset: int = 0

    def apply(self, root: Path) -> None:
        for name, old, new in self.edits:
            edit(root / name, old, new)
        for name, text in self.appends:
            append(root / name, text)

    def expected_line(self, root: Path) -> int:
        return line_of(root / self.path, self.marker) - self.offset


CASES = [
    Case(
        "reason in one language only", "amendments/no-512.yaml", "reason: The earlier",
        ("para_3", "'reason'"),
        edits=[("amendments/no-512.yaml", "    reason:\n      kk:",
                "    reason: The earlier wording is a reconstruction.\n    x_kk:"),
               ("amendments/no-512.yaml", "      ru: \"Прежняя", "    x_ru: \"Прежняя")],
    ),
    Case(
        "yaml syntax error", "amendments/no-1310.yaml", "action: amend: now", ("YAML",),
        edits=[("amendments/no-1310.yaml", "action: amend", "action: amend: now")],
    ),
    Case(
        "unknown field in a unit", "content/kk/03-section-3.yaml", "summary:",
        (POINT_3, "unknown field 'summary'"),
        edits=[("content/kk/03-section-3.yaml", '            text: "Аудан орталығын',
                '            summary: "абаттандыру"\n            text: "Аудан орталығын')],
    ),
    Case(
        "unknown field in a change", "amendments/no-512.yaml", "noteon:",
        ("att_1__sec_3__subsec_2__point_1", "unknown field 'noteon'"),
        edits=[("amendments/no-512.yaml", "note_on: att_1__sec_3", "noteon: att_1__sec_3")],
    ),
    Case(
        "missing ru counterpart", "content/kk/03-section-3.yaml", "Аудан орталығын абаттандыру",
        (POINT_3, "no ru counterpart", "content/ru/03-section-3.yaml"), offset=2,
        edits=[("content/ru/03-section-3.yaml", RU_POINT_3, "")],
    ),
    Case(
        "kk and ru labels differ", "content/kk/03-section-3.yaml", "Ауданның экономикасын",
        ("att_1__sec_3__subsec_2__point_1", "differs from its ru counterpart",
         "content/ru/03-section-3.yaml"), offset=2,
        edits=[("content/ru/03-section-3.yaml", 'label: "1."\n            text: "Диверсификация',
                'label: "1)"\n            text: "Диверсификация')],
    ),
    Case(
        "kk and ru sub-points in another order", "content/kk/03-section-3.yaml",
        "халықты сапалы ауыз", ("att_1__sec_3__subsec_2__point_2__subpoint_1", "another order",
                                "content/ru/03-section-3.yaml"), offset=2,
        edits=[("content/ru/03-section-3.yaml", 'label: "1)"', 'label: "X)"'),
               ("content/ru/03-section-3.yaml", 'label: "2)"', 'label: "1)"'),
               ("content/ru/03-section-3.yaml", 'label: "X)"', 'label: "2)"')],
    ),
    Case(
        "kk and ru paragraphs in another order", "content/kk/01-resolution.yaml",
        "Осы қаулының орындалуын", ("para_4", "another order", "content/ru/01-resolution.yaml"),
        offset=2,
        edits=[("content/ru/01-resolution.yaml", 'label: "4."', 'label: "X."'),
               ("content/ru/01-resolution.yaml", 'label: "5."', 'label: "4."'),
               ("content/ru/01-resolution.yaml", 'label: "X."', 'label: "5."')],
    ),
    Case(
        "unknown target", "amendments/no-1310.yaml", "target: para_9",
        ("para_9", "does not exist on 2015-01-01"),
        edits=[("amendments/no-1310.yaml", "target: para_4", "target: para_9")],
    ),
    Case(
        "ambiguous find", "amendments/no-512.yaml", "target: att_1__sec_3__subsec_2__point_1",
        ("att_1__sec_3__subsec_2__point_1", "occurs", "'all: true'"),
        edits=[("amendments/no-512.yaml", 'find: {kk: "15 пайызға"', 'find: {kk: "а"')],
    ),
    Case(
        "find not found", "amendments/no-1310.yaml", "target: para_4",
        ("para_4", "'Қаржы министрлігіне' (kk) not found"),
        edits=[("amendments/no-1310.yaml", 'find: {kk: "Ұлттық экономика министрлігіне"',
                'find: {kk: "Қаржы министрлігіне"')],
    ),
    Case(
        "edit without find", "amendments/no-845.yaml", "- replace: {kk: \"Ұлттық",
        ("para_4", "missing field 'edits.0.find'"),
        edits=[("amendments/no-845.yaml",
                '- find: {kk: "Экономика және бюджеттік жоспарлау министрлігіне", '
                'ru: "Министерство экономики и бюджетного планирования"}\n        replace:',
                "- replace:")],
    ),
    Case(
        "insert beside a missing sibling", "amendments/no-512.yaml",
        "target: att_1__sec_3__subsec_2__point_2",
        ("att_1__sec_3__subsec_2__point_2__subpoint_7", "does not exist on 2014-05-20"),
        edits=[("amendments/no-512.yaml", "after: subpoint_2", "after: subpoint_7")],
    ),
    Case(
        "two acts replace one unit on one date", "amendments/no-1310.yaml", "target: para_5",
        ("para_5", "conflicts with act No 845", "2015-01-01"),
        appends=[("amendments/no-845.yaml", REPLACE_PARA_5),
                 ("amendments/no-1310.yaml", REPLACE_PARA_5)],
    ),
    Case(
        "duplicate id", "content/kk/03-section-3.yaml", "Аудан орталығын абаттандыру",
        ("att_1__sec_3__subsec_2__point_2", "duplicate id"), offset=2,
        edits=[("content/kk/03-section-3.yaml",
                'label: "3."\n            text: "Аудан орталығын',
                'label: "2."\n            text: "Аудан орталығын')],
    ),
    Case(
        "bad date", "amendments/no-845.yaml", "2013-13-45", ("invalid date '2013-13-45'",),
        edits=[("amendments/no-845.yaml", "date: 2014-08-15", "date: 2013-13-45")],
    ),
    Case(
        "unknown action", "amendments/no-1310.yaml", "action: ammend",
        ("para_4", "unknown action 'ammend'", "'replace'"),
        edits=[("amendments/no-1310.yaml", "action: amend", "action: ammend")],
    ),
    Case(
        "replace without content", "amendments/no-845.yaml", f"target: {POINT_3}",
        (POINT_3, "'replace' needs 'content'"),
        edits=[("amendments/no-845.yaml", f"target: {POINT_3}\n    action: delete",
                f"target: {POINT_3}\n    action: replace")],
    ),
    Case(
        "kk and ru content of a change differ", "amendments/no-512.yaml",
        'text: "жылумен жабдықтау', ("att_1__sec_3__subsec_2__point_2__subpoint_2-1", "content"),
        offset=2,
        edits=[("amendments/no-512.yaml", 'label: "2-1)"\n        text: "реконструкция',
                'label: "2-2)"\n        text: "реконструкция')],
    ),
    Case(
        "inserted label clashes with a sibling", "amendments/no-512.yaml",
        "target: att_1__sec_3__subsec_2__point_2",
        ("att_1__sec_3__subsec_2__point_2__subpoint_3", "has the label '3)'"),
        edits=[("amendments/no-512.yaml", 'label: "2-1)"\n        text: "жылумен',
                'label: "3)"\n        text: "жылумен'),
               ("amendments/no-512.yaml", 'label: "2-1)"\n        text: "реконструкция',
                'label: "3)"\n        text: "реконструкция')],
    ),
    Case(
        "inserted id clashes with a sibling", "amendments/no-512.yaml", 'text: "жылумен',
        ("att_1__sec_3__subsec_2__point_2__subpoint_2", "duplicate id"), offset=3,
        edits=[("amendments/no-512.yaml", 'label: "2-1)"\n        text: "жылумен',
                'id: subpoint_2\n        label: "2-1)"\n        text: "жылумен'),
               ("amendments/no-512.yaml", 'label: "2-1)"\n        text: "реконструкция',
                'id: subpoint_2\n        label: "2-1)"\n        text: "реконструкция')],
    ),
    Case(
        "manifest lists a missing file", "content/ru/manifest.yaml", "06-missing.yaml",
        ("'06-missing.yaml'", "does not exist"),
        appends=[("content/ru/manifest.yaml", "  - 06-missing.yaml\n")],
    ),
    Case(
        "change to an excluded unit", "amendments/no-30.yaml", f"target: {POINT_3}",
        (POINT_3, "is excluded on 2015-02-03"),
        appends=[("amendments/no-30.yaml", AMEND_POINT_3)],
    ),
    Case(
        "in-force date before signing", "amendments/no-845.yaml",
        "in_force: {date: 2014-01-01}",
        ("para_4", "takes effect on 2014-01-01", "before act No 845 is signed on 2014-08-15"),
        edits=[("amendments/no-845.yaml", "in_force: {date: 2015-01-01}",
                "in_force: {date: 2014-01-01}")],
    ),
    Case(
        "act signed before the adoption", "amendments/no-512.yaml", "date: 2013-05-20",
        ("act No 512", "signed on 2013-05-20", "adopted on 2014-02-10"),
        edits=[("amendments/no-512.yaml", "date: 2014-05-20", "date: 2013-05-20")],
    ),
    Case(
        "publication before signing", "amendments/no-1020.yaml", "published: 2014-10-01",
        ("act No 1020", "published on 2014-10-01", "signed on 2014-10-28"),
        edits=[("amendments/no-1020.yaml", "published: 2014-11-05", "published: 2014-10-01")],
    ),
    Case(
        "second repeal", "amendments/no-1300.yaml", "target: district-2014-2018",
        ("act No 1300", "a second repeal", "already repealed by act No 1200 of 2015-12-29",
         "amendments/no-1200.yaml", "on 2016-01-01"),
        appends=[("amendments/no-1300.yaml", ACT_1300.format(
            in_force="{date: 2016-03-01}", change=REPEAL))],
    ),
    Case(
        "change after the repeal", "amendments/no-1300.yaml", "target: para_4",
        ("para_4", "act No 1300", "takes effect on 2016-03-01", "repeal of the document on "
         "2016-01-01 by act No 1200"),
        appends=[("amendments/no-1300.yaml", ACT_1300.format(
            in_force="{date: 2016-03-01}", change=AMEND_PARA_4))],
    ),
    Case(
        # On the repeal's own day changes apply in signing order: one signed after the
        # repealing act comes too late.
        "change on the repeal's day signed after it", "amendments/no-1300.yaml",
        "target: para_4", ("para_4", "takes effect on 2016-01-01", "act No 1200"),
        appends=[("amendments/no-1300.yaml", ACT_1300.replace("2016-02-01", "2015-12-30").format(
            in_force="{date: 2016-01-01}", change=AMEND_PARA_4))],
    ),
    Case(
        "kk and ru numbers differ in the content", "content/kk/03-section-3.yaml",
        "Ауданның экономикасын", ("att_1__sec_3__subsec_2__point_1", "numbers differ",
                                   "content/ru/03-section-3.yaml", "15 here, 16 there"),
        offset=2,
        edits=[("content/ru/03-section-3.yaml", "на 15 процентов.", "на 16 процентов.")],
    ),
    Case(
        "kk and ru numbers differ in a change's content", "amendments/no-512.yaml",
        'text: "Қызылорда облысының', ("para_3", "numbers differ", "amendments/no-512.yaml:",
                                       "10 here, 15 there"), offset=2,
        edits=[("amendments/no-512.yaml", "не позднее 10 числа", "не позднее 15 числа")],
    ),
    Case(
        "kk and ru numbers differ in an edit", "amendments/no-512.yaml",
        "target: att_1__sec_3__subsec_2__point_1",
        ("att_1__sec_3__subsec_2__point_1", "edit 2", "numbers differ",
         "kk removes 15 and adds 20", "ru removes 15 and adds 25"),
        edits=[("amendments/no-512.yaml", 'replace: {kk: "20 пайызға", ru: "на 20 процентов"}',
                'replace: {kk: "20 пайызға", ru: "на 25 процентов"}')],
    ),
    Case(
        "repeal of a unit", "amendments/no-1200.yaml", "target: para_1",
        ("para_1", "a repeal targets the document id"),
        edits=[("amendments/no-1200.yaml", "target: district-2014-2018", "target: para_1")],
    ),
    Case(
        "parent not defined", "content/kk/04-action-plan.yaml", "parent: att_9",
        ("att_9", "not defined in an earlier file"),
        edits=[("content/kk/04-action-plan.yaml", "parent: att_1", "parent: att_9")],
    ),
    Case(
        "paragraph without a label", "content/kk/01-resolution.yaml", "Осы қаулы қол қойылған",
        ("para_", "needs a 'label'"), offset=1,
        edits=[("content/kk/01-resolution.yaml", '    label: "5."\n', "")],
    ),
    Case(
        "empty record", "amendments/no-2000.yaml", "", ("the file is empty",),
        appends=[("amendments/no-2000.yaml", "")],
    ),
]


def validate(root: Path) -> Result:
    return CliRunner().invoke(main, ["validate", "--root", str(root)])


def errors_of(result: Result) -> list[re.Match]:
    lines = result.stderr.splitlines()
    unexpected = [line for line in lines
                  if not (ERROR.match(line) or WARNING.match(line) or INFO.match(line))]
    assert not unexpected, f"lines that are not diagnostics: {unexpected}"
    return [match for line in lines if (match := ERROR.match(line))]


def assert_input_error(result: Result) -> list[re.Match]:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = errors_of(result)
    assert errors, result.stderr
    return errors


def test_the_fixture_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--root", str(FIXTURE)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr and "warning" not in result.stderr


def reported(case: Case, root: Path, errors: list[re.Match]) -> bool:
    """Whether one of the errors names the case's file, its line and every needle."""
    line = case.expected_line(root) if case.marker else 1
    return any(
        error["path"] == case.path and int(error["line"]) == line
        and all(needle in error["message"] for needle in case.needles)
        for error in errors
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_broken_input_is_reported_at_its_place(tmp_path, case):
    root = copy_fixture(tmp_path)
    case.apply(root)
    errors = assert_input_error(validate(root))
    assert reported(case, root, errors), "\n".join(error.group(0) for error in errors)


def apply_all(root: Path, names: set[str]) -> list[Case]:
    chosen = [case for case in CASES if case.name in names]
    assert len(chosen) == len(names)
    for case in chosen:
        case.apply(root)
    return chosen


def test_every_problem_of_one_input_is_reported_in_one_run(tmp_path):
    root = copy_fixture(tmp_path)
    chosen = apply_all(root, {
        "unknown target", "ambiguous find", "insert beside a missing sibling",
        "change to an excluded unit", "missing ru counterpart",
    })
    errors = assert_input_error(validate(root))
    for case in chosen:
        assert reported(case, root, errors), f"{case.name}: {[e.group(0) for e in errors]}"


def test_every_loading_problem_is_reported_in_one_run(tmp_path):
    root = copy_fixture(tmp_path)
    chosen = apply_all(root, {
        "yaml syntax error", "unknown field in a unit", "unknown field in a change", "bad date",
        "manifest lists a missing file",
    })
    errors = assert_input_error(validate(root))
    for case in chosen:
        assert reported(case, root, errors), f"{case.name}: {[e.group(0) for e in errors]}"


def test_an_error_message_names_the_record_and_the_act(tmp_path):
    root = copy_fixture(tmp_path)
    apply_all(root, {"unknown target"})
    [error] = [e for e in assert_input_error(validate(root)) if "para_9" in e["message"]]
    assert "act No 1310" in error["message"]


def test_a_missing_counterpart_is_not_also_reported_as_disorder(tmp_path):
    root = copy_fixture(tmp_path)
    apply_all(root, {"missing ru counterpart"})
    messages = [error["message"] for error in assert_input_error(validate(root))]
    assert not [message for message in messages if "another order" in message]


def test_an_act_without_its_publication_date_is_information_not_an_error(tmp_path):
    """Signed, not yet published: valid and pending; validate says so and --strict passes."""
    root = copy_fixture(tmp_path)
    edit(root / "amendments" / "no-30.yaml", "  published: 2015-02-03\n", "")
    line = line_of(root / "amendments" / "no-30.yaml", "in_force:")
    for args in ([], ["--strict"]):
        result = CliRunner().invoke(main, ["validate", "--root", str(root), *args])
        assert result.exit_code == 0, result.output
        assert "error" not in result.stderr and "warning" not in result.stderr
        assert re.search(
            rf"^amendments/no-30\.yaml:{line}:\d+: info: act No 30 of 2015-01-27: pending "
            r"from its signing; its in-force date is not known yet", result.stderr, re.M
        ), result.stderr


ROW_RECORD = """act:
  type: resolution
  issuer: government
  number: "700"
  date: 2014-06-01
  title: {kk: "Өзгеріс", ru: "Изменение"}
changes:
  - target: att_1__sec_4__action_plan
    action: insert
    after: row_4
    content:
      kk:
        kind: row
        label: "5."
        cells: ["Жаңа іс-шара", "Ақпарат", "Аудан әкімдігі", "2014 жыл",
                {amounts: [{year: 2014, amount: 1000000.0}]}, "Жергілікті бюджет"]
      ru:
        kind: row
        label: "5."
        cells: ["Новое мероприятие", "Информация", "Акимат района", "2014 год",
                {amounts: [{year: 2014, amount: 1000000.0}]}, "Местный бюджет"]
"""


def test_a_total_broken_by_an_act_is_a_warning_in_every_language_naming_it(tmp_path):
    root = copy_fixture(tmp_path)
    (root / "amendments" / "no-700.yaml").write_text(ROW_RECORD, encoding="utf-8")
    result = validate(root)
    assert result.exit_code == 0, result.output
    for lang in ("kk", "ru"):
        assert re.search(
            rf"^content/{lang}/04-action-plan\.yaml:\d+: warning: unit "
            r"att_1__sec_4__action_plan__total_1: total 497 in column 5, 2014 but the rows add "
            r"up to 1000497, since act No 700 of 2014-06-01 \(amendments/no-700\.yaml\)$",
            result.stderr, re.M), result.stderr
