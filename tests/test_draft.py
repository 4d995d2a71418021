"""The amending act drafted from its record, on the fixture: every instruction form of the
official style in both languages, grouping, two appendices, a mixed act, a repeal, the in-force
point of every rule, and the check against the consolidated versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.draft import draft_act
from generator.draft.check import check_act
from generator.lang import drafting
from generator.load import load_project
from generator.model import Act, Project
from generator.model.act_text import ActText, QuotedTable, plain_lines
from generator.model.drafting import ActScope
from tests.fixtureutil import FIXTURE, append, copy_fixture

RECORD_HEAD = """act:
  type: resolution
  issuer: government
  number: "{number}"
  date: 2015-03-02
  in_force: {in_force}
  published: 2015-03-04
  title: {{kk: "Тест", ru: "Тест"}}
changes:
"""

MIXED = """
  - target: para_3
    action: replace
    content:
      kk: {kind: paragraph, label: "3.", text: "Әкімдік ақпарат берсін."}
      ru: {kind: paragraph, label: "3.", text: "Акимату представлять информацию."}
  - target: att_1__sec_3__subsec_2__point_1
    action: amend
    edits:
      - find: {kk: "2016 жылға қарай", ru: "к 2016 году"}
        replace: {kk: "2017 жылға қарай", ru: "к 2017 году"}
  - target: att_1__sec_3__subsec_2__point_2
    action: insert
    after: subpoint_3
    content:
      kk: {kind: subpoint, label: "4)", text: "жолдарды жөндеу."}
      ru: {kind: subpoint, label: "4)", text: "ремонт дорог."}
  - target: att_1__sec_3__subsec_2__point_3
    action: delete
  - target: att_1__sec_4__action_plan__row_2
    action: replace
    content:
      kk: {kind: row, label: "2.", cells: ["Жаңа іс-шара", "Акт", "Әкімдік", "2015 жыл",
           {amounts: [{year: 2015, amount: 10.0}]}, "Жергілікті бюджет"]}
      ru: {kind: row, label: "2.", cells: ["Новое мероприятие", "Акт", "Акимат", "2015 год",
           {amounts: [{year: 2015, amount: 10.0}]}, "Местный бюджет"]}
  - target: att_1__sec_4__action_plan
    action: insert
    after: row_2
    content:
      kk: {kind: row, label: "2-1.", cells: ["Қосымша іс-шара", "Акт", "Әкімдік", "2015 жыл",
           {amounts: [{year: 2015, amount: 5.0}]}, "Жергілікті бюджет"]}
      ru: {kind: row, label: "2-1.", cells: ["Дополнительное мероприятие", "Акт", "Акимат",
           "2015 год", {amounts: [{year: 2015, amount: 5.0}]}, "Местный бюджет"]}
  - target: att_1__sec_4__action_plan__row_4
    action: delete
"""

SECOND_APPENDIX = {
    "kk": """parent: att_1
units:
  - kind: appendix
    label: "2"
    heading: "Нысаналы индикаторлар"
    children:
      - {kind: text, text: "Жұмыссыздық деңгейі 5 пайыз."}
""",
    "ru": """parent: att_1
units:
  - kind: appendix
    label: "2"
    heading: "Целевые индикаторы"
    children:
      - {kind: text, text: "Уровень безработицы 5 процентов."}
""",
}

TWO_APPENDICES = """
  - target: att_1__app_1__p_2
    action: amend
    edits:
      - find: {kk: "Шиелі ауданының", ru: "Шиелийского района"}
        replace: {kk: "Шиелі ауданы", ru: "района Шиели"}
  - target: att_1__app_2__p_1
    action: amend
    edits:
      - find: {kk: "5 пайыз", ru: "5 процентов"}
        replace: {kk: "4 пайыз", ru: "4 процента"}
"""


def project_with(tmp_path: Path, changes: str, in_force: str = "on_signing",
                 appendix: bool = False) -> tuple[Project, Act]:
    root = copy_fixture(tmp_path)
    if appendix:
        for lang, text in SECOND_APPENDIX.items():
            (root / "content" / lang / "06-appendix-2.yaml").write_text(text, encoding="utf-8")
            append(root / "content" / lang / "manifest.yaml", "  - 06-appendix-2.yaml\n")
    record = root / "amendments" / "test.yaml"
    record.write_text(RECORD_HEAD.format(number="77", in_force=in_force) + changes,
                      encoding="utf-8")
    project = load_project(root)
    assert not project.diagnostics.errors, project.diagnostics.items
    return project, next(act for act in project.acts if act.number == "77")


def fixture_act(number: str) -> tuple[Project, Act]:
    project = load_project(FIXTURE)
    return project, next(act for act in project.acts if act.number == number)


def instructions(text: ActText) -> list[str]:
    return [f"{line.marker} {line.text}" for line in text.instructions()]


def groups(text: ActText) -> list[str]:
    return [line.text for line in text.points[0].lines if line.kind == "group"]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Project, Act]:
    return project_with(tmp_path_factory.mktemp("mixed"), MIXED)


def test_mixed_act_every_instruction_form_in_kazakh(mixed):
    text = draft_act(*mixed, "kk")
    assert text.title == "Тест"  # the record's own title
    assert drafting("kk").act_title(text.document, ActScope(5, 2)) == (
        "Қазақстан Республикасы Үкіметінің 2014 жылғы 10 ақпандағы № 95 "
        "қаулысына өзгерістер мен толықтырулар енгізу туралы")
    assert text.formula == "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:"
    assert text.points[0].text.endswith(
        "№ 95 қаулысына мынадай өзгерістер мен толықтырулар енгізілсін:")
    assert instructions(text) == [
        "1) 3-тармақ мынадай редакцияда жазылсын:",
        "2) 1-тармақта «2016 жылға қарай» деген сөздер «2017 жылға қарай» деген сөздермен "
        "ауыстырылсын;",
        "3) мынадай мазмұндағы 4) тармақшамен толықтырылсын:",
        "4) 3-тармақ алып тасталсын;",
        "5) реттік нөмірі 2-жол мынадай редакцияда жазылсын:",
        "6) мынадай мазмұндағы реттік нөмірі 2-1-жолмен толықтырылсын:",
        "7) реттік нөмірі 4-жол алып тасталсын.",
    ]
    assert groups(text) == [
        "көрсетілген қаулымен бекітілген Шиелі ауданын дамытудың 2014 – 2018 жылдарға арналған "
        "бағдарламасында:", "3-бөлімде:", "«Міндеттері» деген кіші бөлімде:", "2-тармақта:",
        "4-бөлімде:"]
    first = text.instructions()[0].quoted[0]
    assert first.text == "«3. Әкімдік ақпарат берсін.»;"  # type: ignore[union-attr]


def test_mixed_act_every_instruction_form_in_russian(mixed):
    text = draft_act(*mixed, "ru")
    assert text.title == "Тест"  # the record's own title
    assert drafting("ru").act_title(text.document, ActScope(5, 2)) == (
        "О внесении изменений и дополнений в постановление Правительства "
        "Республики Казахстан от 10 февраля 2014 года № 95")
    assert text.formula == "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:"
    assert text.points[0].text.startswith("Внести в постановление Правительства Республики "
                                          "Казахстан от 10 февраля 2014 года № 95 «")
    assert instructions(text) == [
        "1) пункт 3 изложить в следующей редакции:",
        "2) в пункте 1 слова «к 2016 году» заменить словами «к 2017 году»;",
        "3) дополнить подпунктом 4) следующего содержания:",
        "4) пункт 3 исключить;",
        "5) строку, порядковый номер 2, изложить в следующей редакции:",
        "6) дополнить строкой, порядковый номер 2-1, следующего содержания:",
        "7) строку, порядковый номер 4, исключить.",
    ]
    assert groups(text) == [
        "в Программе развития Шиелийского района на 2014 – 2018 годы, утвержденной указанным "
        "постановлением:", "в разделе 3:", "в подразделе «Задачи»:", "в пункте 2:",
        "в разделе 4:"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_replaced_or_inserted_row_is_quoted_as_a_row_of_its_table(mixed, lang):
    text = draft_act(*mixed, lang)
    replaced, inserted = text.instructions()[4], text.instructions()[5]
    for line, label in ((replaced, "2."), (inserted, "2-1.")):
        (table,) = line.quoted
        assert isinstance(table, QuotedTable) and table.role == "action_plan"
        assert table.columns == 7 and len(table.rows) == 1
        assert table.rows[0][0][0] == f"«{label}"
    assert replaced.quoted[0].rows[0][-1][-1].endswith("»;")  # type: ignore[union-attr]
    assert "10,0" in " ".join(replaced.quoted[0].rows[0][5])  # type: ignore[union-attr]


def test_several_changes_of_one_unit_are_grouped_under_it():
    project, act = fixture_act("512")  # two edits of one point, and an insertion
    kk, ru = draft_act(project, act, "kk"), draft_act(project, act, "ru")
    assert "1-тармақта:" in groups(kk) and "в пункте 1:" in groups(ru)
    assert instructions(kk)[2:4] == [
        "3) «2016 жылға қарай» деген сөздер «2018 жылға қарай» деген сөздермен ауыстырылсын;",
        "4) «15 пайызға» деген сөздер «20 пайызға» деген сөздермен ауыстырылсын;"]
    assert instructions(ru)[2:4] == [
        "3) слова «к 2016 году» заменить словами «к 2018 году»;",
        "4) слова «на 15 процентов» заменить словами «на 20 процентов»;"]


def test_changes_in_two_appendices(tmp_path):
    project, act = project_with(tmp_path, TWO_APPENDICES, appendix=True)
    kk, ru = draft_act(project, act, "kk"), draft_act(project, act, "ru")
    assert groups(kk)[1:] == ["1-қосымшада:", "2-қосымшада:"]
    assert groups(ru)[1:] == ["в приложении 1:", "в приложении 2:"]
    assert instructions(kk)[1] == ("2) бірінші абзацта «5 пайыз» деген сөздер «4 пайыз» деген "
                                   "сөздермен ауыстырылсын.")
    assert instructions(ru)[0] == ("1) в абзаце втором слова «Шиелийского района» заменить "
                                   "словами «района Шиели»;")


def test_a_repeal():
    project, act = fixture_act("1200")
    kk, ru = draft_act(project, act, "kk"), draft_act(project, act, "ru")
    assert kk.title == act.title["kk"] and ru.title == act.title["ru"]
    repeal = ActScope(repeal=True)
    assert drafting("kk").act_title(kk.document, repeal) == (
        "Қазақстан Республикасы Үкіметінің 2014 жылғы 10 ақпандағы № 95 "
        "қаулысының күші жойылды деп тану туралы")
    assert kk.points[0].text.endswith("№ 95 қаулысының күші жойылды деп танылсын.")
    assert drafting("ru").act_title(ru.document, repeal) == (
        "О признании утратившим силу постановления Правительства Республики "
        "Казахстан от 10 февраля 2014 года № 95")
    assert ru.points[0].text == (
        "Признать утратившим силу постановление Правительства Республики Казахстан от 10 "
        "февраля 2014 года № 95 «Об утверждении Программы развития Шиелийского района на "
        "2014 – 2018 годы».")
    assert not kk.instructions() and not ru.instructions()


@pytest.mark.parametrize(("in_force", "kk", "ru"), [
    ("on_signing", "Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
     "Настоящее постановление вводится в действие со дня его подписания."),
    ("on_publication", "Осы қаулы алғашқы ресми жарияланған күнінен бастап қолданысқа "
     "енгізіледі.", "Настоящее постановление вводится в действие со дня его первого "
     "официального опубликования."),
    ("{after_publication_days: 10}", "Осы қаулы алғашқы ресми жарияланған күнінен кейін "
     "күнтізбелік он күн өткен соң қолданысқа енгізіледі.", "Настоящее постановление вводится "
     "в действие по истечении десяти календарных дней после дня его первого официального "
     "опубликования."),
    ("{date: 2015-07-01}", "Осы қаулы 2015 жылғы 1 шілдеден бастап қолданысқа енгізіледі.",
     "Настоящее постановление вводится в действие с 1 июля 2015 года."),
])
def test_the_last_point_follows_the_in_force_rule(tmp_path, in_force, kk, ru):
    project, act = project_with(tmp_path, MIXED, in_force=in_force)
    assert draft_act(project, act, "kk").points[-1].text == kk
    assert draft_act(project, act, "ru").points[-1].text == ru


def test_a_change_with_its_own_rule_gets_its_own_sentence():
    project, act = fixture_act("512")
    kk, ru = draft_act(project, act, "kk"), draft_act(project, act, "ru")
    number = next(line.number for line in kk.instructions() if line.change == 3)
    assert kk.points[-1].text == (
        "Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі. Осы қаулының "
        f"1-тармағының {number}) тармақшасы 2014 жылғы 1 шілдеден бастап қолданысқа "
        "енгізіледі.")
    assert ru.points[-1].text.endswith(
        f"Подпункт {number}) пункта 1 настоящего постановления вводится в действие с 1 июля "
        "2014 года.")


def test_reconstructed_records_get_the_header_note_and_signatory_defaults():
    project, act = fixture_act("512")
    kk = draft_act(project, act, "kk")
    assert kk.header_note == "Мәтін қалпына келтірілген (ресми мәтін емес)"
    assert kk.signatory_position == "Қазақстан Республикасының Премьер-Министрі"
    assert kk.signatory_name == ""
    project, act = fixture_act("845")
    assert draft_act(project, act, "ru").header_note is None


@pytest.mark.parametrize("number", ["1020", "1200", "1310", "30", "512", "845"])
def test_every_fixture_act_passes_the_check(number):
    project, act = fixture_act(number)
    texts = {lang: draft_act(project, act, lang) for lang in ("kk", "ru")}
    assert not check_act(project, act, texts).items
    for text in texts.values():
        lines = plain_lines(text)
        assert lines[-1] == f"{text.signatory_position} {text.shown_name}"


def test_the_check_finds_an_instruction_left_out():
    project, act = fixture_act("845")
    texts = {lang: draft_act(project, act, lang) for lang in ("kk", "ru")}
    texts["ru"].points[0].lines = [line for line in texts["ru"].points[0].lines
                                   if line.change != 0]
    problems = check_act(project, act, texts)
    assert [item.message for item in problems.items] == [
        "change 1 of act No 845 (target att_1__sec_3__subsec_2__point_2): no instruction of "
        "the act (ru)",
        "change 1 of act No 845 (target att_1__sec_3__subsec_2__point_2): the act (ru) does not "
        "quote «Развитие инженерной, транспортной и социальной инфраструктуры»",
        "change 1 of act No 845 (target att_1__sec_3__subsec_2__point_2): the act (ru) does not "
        "quote «Модернизация и развитие инженерной, транспортной и социальной инфраструктуры»",
    ]


def test_a_signatory_in_the_record_signs_the_act(tmp_path):
    root = copy_fixture(tmp_path)
    record = root / "amendments" / "no-1310.yaml"
    signatory = ('  signatory:\n    kk: {position: "Премьер-Министр", name: "К. Мәсімов"}\n'
                 '    ru: {position: "Премьер-Министр", name: "К. Масимов"}\nchanges:')
    text = record.read_text(encoding="utf-8").replace("changes:", signatory, 1)
    record.write_text(text, encoding="utf-8")
    project = load_project(root)
    assert not project.diagnostics.errors, project.diagnostics.items
    act = next(item for item in project.acts if item.number == "1310")
    assert draft_act(project, act, "ru").signatory_name == "К. Масимов"
    assert draft_act(project, act, "kk").signatory_name == "К. Мәсімов"


# --- the act's typography as the publisher sets it ----------------------------------------------

SAMPLE = Path(__file__).resolve().parent.parent


def _sample_act(number: str, lang: str) -> list[str]:
    project = load_project(SAMPLE)
    act = next(item for item in project.acts if item.number == number)
    return plain_lines(draft_act(project, act, lang))


@pytest.mark.parametrize(("lang", "row", "sub_row"), [
    ("kk", "реттік нөмірі 32-жолда:", "1) тармақшада «ЭДСМ,»"),
    ("ru", "в строке, порядковый номер 32:", "в подпункте 1)"),
])
def test_sub_rows_are_addressed_as_sub_points_under_their_row(lang, row, sub_row):
    lines = _sample_act("1169", lang)
    at = lines.index(row)
    assert lines[at + 1].split(" ", 1)[1].startswith(sub_row), lines[at + 1]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_single_instruction_is_unnumbered_and_a_quoted_heading_loses_its_period(lang):
    lines = _sample_act("279", lang)
    point = next(index for index, line in enumerate(lines) if line.startswith("2. "))
    instruction = lines[point - 1]
    assert not instruction.startswith("1) "), instruction
    quoted = [line for line in lines if "«" in line and line.endswith(":")]
    assert quoted and not any(".»" in line for line in quoted), quoted
