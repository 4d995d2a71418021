"""The instruction forms the published corpus lacks, on records of our own: each drafted by
`legalgen act` in both languages and read back by `legalgen record --from-act` into the same
changes — figures, words deleted and appended, units inside a numbered unit and listed at once,
a paragraph by its place, a part named in the instruction (`group_line`), rows inserted at once,
a law and a code with their articles and no enacting formula, a part of an article, an act on
several documents, and the titles of approved documents in their cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.consolidate import consolidate
from generator.draft import draft_act
from generator.lang import codes, drafting
from generator.lang.kk_drafting import title_locative
from generator.lang.ru_drafting import title_phrase
from generator.load import load_project
from generator.model import Project
from generator.model.act_text import ActText
from generator.model.drafting import ActScope
from generator.record import ActOptions
from generator.record.from_act import record_from_act
from generator.record.writer import record_yaml
from generator.writers.act_txt import render_act_txt

LANGS = codes()

# A resolution approving a regulation, in both languages: points with paragraphs and
# sub-points, the functions of an agency as a named part inside a point, a figure, and a list
# of organisations with numbered rows.
REGULATION: dict[str, dict[str, Any]] = {
    "kk": {
        "title": "Министрлік туралы ережені бекіту туралы",
        "units": [
            {"kind": "paragraph", "label": "1.", "text": "Қоса беріліп отырған ереже бекітілсін."},
            {"kind": "attachment", "stamp": ["Бекітілген"], "heading": "Министрлік туралы ереже",
             "children": [
                 {"kind": "point", "label": "1.", "text": "Министрлік мемлекеттік орган.",
                  "children": [{"kind": "text", "text": "Министрліктің ведомстволары бар."},
                               {"kind": "text", "text": "Ведомствосы: Спорт комитеті."}]},
                 {"kind": "point", "label": "2.", "text": "Міндеттері:", "children": [
                     {"kind": "subpoint", "label": "1)", "text": "білім беру;"},
                     {"kind": "subpoint", "label": "2)", "text": "ғылым;"},
                     {"kind": "subpoint", "label": "3)", "text": "спорт;"},
                     {"kind": "subpoint", "label": "4)", "text": "мәдениет."}]},
                 {"kind": "point", "label": "3.", "text": "Функциялары:", "children": [
                     {"kind": "named", "heading": "ведомствоның функциялары", "children": [
                         {"kind": "subpoint", "label": "1)", "text": "бақылау;"},
                         {"kind": "subpoint", "label": "2)", "text": "талдау."}]}]},
                 {"kind": "point", "label": "4.", "text": "Штат саны 2 624 адам."},
                 {"kind": "named", "heading": "Министрліктің қарамағындағы ұйымдардың тізбесі",
                  "children": [{"kind": "table", "role": "plain", "children": [
                      {"kind": "row", "label": "1", "cells": ["«Алғы» АҚ"]},
                      {"kind": "row", "label": "2", "cells": ["«Бірлік» АҚ"]}]}]},
             ]},
        ],
    },
    "ru": {
        "title": "Об утверждении Положения о министерстве",
        "units": [
            {"kind": "paragraph", "label": "1.", "text": "Утвердить прилагаемое Положение."},
            {"kind": "attachment", "stamp": ["Утверждено"], "heading": "Положение о министерстве",
             "children": [
                 {"kind": "point", "label": "1.", "text": "Министерство – государственный орган.",
                  "children": [{"kind": "text", "text": "Министерство имеет ведомства."},
                               {"kind": "text", "text": "Ведомство: Комитет по спорту."}]},
                 {"kind": "point", "label": "2.", "text": "Задачи:", "children": [
                     {"kind": "subpoint", "label": "1)", "text": "образование;"},
                     {"kind": "subpoint", "label": "2)", "text": "наука;"},
                     {"kind": "subpoint", "label": "3)", "text": "спорт;"},
                     {"kind": "subpoint", "label": "4)", "text": "культура."}]},
                 {"kind": "point", "label": "3.", "text": "Функции:", "children": [
                     {"kind": "named", "heading": "функции ведомства", "children": [
                         {"kind": "subpoint", "label": "1)", "text": "контроль;"},
                         {"kind": "subpoint", "label": "2)", "text": "анализ."}]}]},
                 {"kind": "point", "label": "4.", "text": "Штатная численность 2 624 человека."},
                 {"kind": "named",
                  "heading": "Перечень организаций, находящихся в ведении Министерства",
                  "children": [{"kind": "table", "role": "plain", "children": [
                      {"kind": "row", "label": "1", "cells": ["АО «Алгы»"]},
                      {"kind": "row", "label": "2", "cells": ["АО «Бирлик»"]}]}]},
             ]},
        ],
    },
}

LAW: dict[str, dict[str, Any]] = {
    "kk": {"title": "Тілдер туралы", "units": [
        {"kind": "article", "label": "1.", "heading": "Мемлекеттік тіл",
         "text": "Мемлекеттік тіл – қазақ тілі.", "children": [
             {"kind": "part", "text": "Мемлекеттік тілді меңгеру – азаматтың парызы."},
             {"kind": "part", "text": "Үкімет тілді дамытады."}]},
        {"kind": "article", "label": "2.", "heading": "Орыс тілі",
         "text": "Орыс тілі ресми қолданылады."}]},
    "ru": {"title": "О языках", "units": [
        {"kind": "article", "label": "1.", "heading": "Государственный язык",
         "text": "Государственный язык – казахский язык.", "children": [
             {"kind": "part", "text": "Овладение государственным языком – долг гражданина."},
             {"kind": "part", "text": "Правительство развивает язык."}]},
        {"kind": "article", "label": "2.", "heading": "Русский язык",
         "text": "Русский язык употребляется официально."}]},
}


def write_project(folder: Path, content: dict[str, dict[str, Any]], doc_type: str = "resolution",
                  issuer: str = "government", number: str = "100",
                  date: dt.date = dt.date(2015, 1, 10)) -> Path:
    for lang in LANGS:
        where = folder / "content" / lang
        where.mkdir(parents=True)
        manifest = {"document": {"id": "regulation", "type": doc_type, "issuer": issuer,
                                 "number": number, "date": date,
                                 "title": content[lang]["title"],
                                 "signatory": {"position": "Премьер-Министр", "name": "А. Б."}},
                    "files": ["units.yaml"]}
        (where / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True),
                                             encoding="utf-8")
        (where / "units.yaml").write_text(yaml.safe_dump(
            {"units": content[lang]["units"]}, allow_unicode=True), encoding="utf-8")
    (folder / "amendments").mkdir()
    return folder


def with_record(root: Path, changes: list[dict[str, Any]], act_type: str = "resolution",
                issuer: str = "government", title: dict[str, str] | None = None) -> Project:
    record = {"act": {"type": act_type, "issuer": issuer, "number": "7",
                      "date": dt.date(2016, 3, 1),
                      "title": title or {"kk": "Өзгерістер", "ru": "Изменения"}},
              "changes": changes}
    (root / "amendments" / "act.yaml").write_text(
        yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    project = load_project(root)
    assert not project.diagnostics.errors, project.diagnostics.items
    return project


def drafted(project: Project, lang: str) -> ActText:
    return draft_act(project, project.acts[0], lang)


def instructions(text: ActText) -> list[str]:
    return [line.text for point in text.points for line in point.lines
            if line.kind in ("instruction", "continuation")]


def groups(text: ActText) -> list[str]:
    return [line.text for point in text.points for line in point.lines if line.kind == "group"]


def read_back(project: Project, folder: Path, act_type: str = "resolution",
              issuer: str = "government") -> list[dict[str, Any]]:
    """The changes `record --from-act` reads from the drafted acts of both languages, on the
    project without the act's record."""
    act = project.acts[0]
    paths = []
    for lang in LANGS:
        path = folder / f"act-{lang}.txt"
        path.write_bytes(render_act_txt(drafted(project, lang)))
        paths.append(path)
    (Path(project.root) / "amendments" / "act.yaml").unlink()
    bare = load_project(Path(project.root))
    record, diagnostics = record_from_act(bare, paths, ActOptions(
        type=act_type, issuer=issuer, number=act.number, date=act.date))
    assert record is not None, [item.message for item in diagnostics.errors]
    changes: list[dict[str, Any]] = yaml.safe_load(record_yaml(record))["changes"]
    return changes


def shape(changes: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(change["action"], change["target"], change.get("group_line"),
             yaml.safe_dump(change.get("edits"), allow_unicode=True)) for change in changes]


@pytest.fixture()
def regulation(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project", REGULATION)


ATT = "att_1"


def test_figures_are_replaced_by_figures(regulation, tmp_path):
    changes = [{"target": f"{ATT}__point_4", "action": "amend", "edits": [
        {"find": {"kk": "2 624", "ru": "2 624"}, "replace": {"kk": "2 601", "ru": "2 601"}}]}]
    project = with_record(regulation, changes)
    assert instructions(drafted(project, "ru")) == [
        "в пункте 4 цифры «2 624» заменить цифрами «2 601»."]
    assert instructions(drafted(project, "kk")) == [
        "4-тармақта «2 624» деген цифрлар «2 601» деген цифрлармен ауыстырылсын."]
    assert shape(read_back(project, tmp_path)) == shape(changes)


def test_words_deleted_and_words_appended(regulation, tmp_path):
    changes = [
        {"target": f"{ATT}__point_1__p_1", "action": "amend", "edits": [
            {"find": {"kk": "", "ru": ""},
             "replace": {"kk": ", Тіл комитеті.", "ru": ", Комитет по языкам."}}]},
        {"target": f"{ATT}__point_1__p_2", "action": "amend", "edits": [
            {"find": {"kk": ": Спорт комитеті", "ru": ": Комитет по спорту"},
             "replace": {"kk": "", "ru": ""}}]},
    ]
    project = with_record(regulation, changes)
    ru, kk = drafted(project, "ru"), drafted(project, "kk")
    assert groups(ru)[1:] == ["в пункте 1:"] and groups(kk)[1:] == ["1-тармақта:"]
    assert instructions(ru) == [
        "абзац второй дополнить словами «, Комитет по языкам.»;",
        "в абзаце третьем слова «: Комитет по спорту» исключить."]
    assert instructions(kk) == [
        "екінші абзац «, Тіл комитеті.» деген сөздермен толықтырылсын;",
        "үшінші абзацтағы «: Спорт комитеті» деген сөздер алып тасталсын."]
    after = consolidate(project, "ru", dt.date(2016, 3, 1))
    texts = {unit.uid: unit.text for unit in after.walk()}
    assert texts[f"{ATT}__point_1__p_1"] == "Министерство имеет ведомства, Комитет по языкам."
    assert texts[f"{ATT}__point_1__p_2"] == "Ведомство."
    assert shape(read_back(project, tmp_path)) == shape(changes)


def test_a_unit_alone_in_a_numbered_unit_is_named_inside_it_or_under_its_line(regulation,
                                                                             tmp_path):
    replaced = {"kk": {"kind": "subpoint", "label": "1)", "text": "жоғары білім беру;"},
                "ru": {"kind": "subpoint", "label": "1)", "text": "высшее образование;"}}
    nested = [{"target": f"{ATT}__point_2__subpoint_1", "action": "replace",
               "content": replaced}]
    project = with_record(regulation, nested)
    ru, kk = drafted(project, "ru"), drafted(project, "kk")
    assert instructions(ru) == ["подпункт 1) пункта 2 изложить в следующей редакции:"]
    assert instructions(kk) == ["2-тармақтың 1) тармақшасы мынадай редакцияда жазылсын:"]
    assert groups(ru) == ["в Положении о министерстве, утвержденном указанным постановлением:"]
    assert groups(kk) == ["көрсетілген қаулымен бекітілген Министрлік туралы ережеде:"]
    (tmp_path / "nested").mkdir()
    assert shape(read_back(project, tmp_path / "nested")) == shape(nested)
    lined = [{**nested[0], "group_line": True}]
    project = with_record(write_project(tmp_path / "lined", REGULATION), lined)
    assert groups(drafted(project, "ru"))[1:] == ["в пункте 2:"]
    assert instructions(drafted(project, "ru")) == ["подпункт 1) изложить в следующей редакции:"]
    assert groups(drafted(project, "kk"))[1:] == ["2-тармақта:"]
    (tmp_path / "lined-act").mkdir()
    assert shape(read_back(project, tmp_path / "lined-act")) == shape(lined)


def test_words_replaced_throughout_the_text(regulation, tmp_path):
    """An amendment of the document itself (its id as the target) changes words throughout the
    text: the act says so first."""
    changes = [
        {"target": f"{ATT}__point_4", "action": "amend", "edits": [
            {"find": {"kk": "2 624", "ru": "2 624"}, "replace": {"kk": "2 601", "ru": "2 601"}}]},
        {"target": "regulation", "action": "amend", "edits": [
            {"find": {"kk": "Министрлік", "ru": "Министерство"},
             "replace": {"kk": "Агенттік", "ru": "Агентство"}}]},
    ]
    project = with_record(regulation, changes)
    assert instructions(drafted(project, "ru"))[0] == (
        "по всему тексту слово «Министерство» заменить словом «Агентство»;")
    assert instructions(drafted(project, "kk"))[0] == (
        "бүкіл мәтін бойынша «Министрлік» деген сөз «Агенттік» деген сөзбен ауыстырылсын;")
    back = read_back(project, tmp_path)
    assert {(change["action"], change["target"]) for change in back} == {
        ("amend", "regulation"), ("amend", f"{ATT}__point_4")}


def test_units_deleted_at_once_are_listed(regulation, tmp_path):
    changes = [{"target": f"{ATT}__point_2__subpoint_{n}", "action": "delete"}
               for n in (2, 3, 4)]
    project = with_record(regulation, changes)
    assert instructions(drafted(project, "ru")) == ["подпункты 2), 3) и 4) исключить."]
    assert instructions(drafted(project, "kk")) == [
        "2), 3) және 4) тармақшалар алып тасталсын."]
    assert shape(read_back(project, tmp_path)) == shape(changes)


def test_a_paragraph_is_counted_from_its_numbered_units_own_text(regulation, tmp_path):
    changes = [{"target": f"{ATT}__point_1__p_2", "action": "delete"}]
    project = with_record(regulation, changes)
    assert instructions(drafted(project, "ru")) == ["абзац третий пункта 1 исключить."]
    assert instructions(drafted(project, "kk")) == ["1-тармақтың үшінші абзацы алып тасталсын."]
    assert shape(read_back(project, tmp_path)) == shape(changes)


def test_a_part_named_in_the_instruction_and_rows_inserted_at_once(regulation, tmp_path):
    rows = {lang: [{"kind": "row", "label": str(n), "cells": [f"{lang} {n}"]} for n in (3, 4)]
            for lang in LANGS}
    changes = [
        {"target": f"{ATT}__named_1__table_1__row_1", "action": "delete", "group_line": False},
        {"target": f"{ATT}__named_1__table_1", "action": "insert",
         "after": "row_2", "content": rows},
    ]
    project = with_record(regulation, changes)
    assert instructions(drafted(project, "ru")) == [
        "в перечне организаций, находящихся в ведении Министерства, строку, порядковый номер 1, "
        "исключить;",
        "дополнить строками, порядковые номера 3, 4, следующего содержания:"]
    assert instructions(drafted(project, "kk")) == [
        "Министрліктің қарамағындағы ұйымдардың тізбесіндегі реттік нөмірі 1-жол алып "
        "тасталсын;",
        "мынадай мазмұндағы реттік нөмірлері 3 және 4-жолдармен толықтырылсын:"]
    back = read_back(project, tmp_path)
    assert [(c["action"], c["target"], c.get("group_line")) for c in back] == [
        ("delete", f"{ATT}__named_1__table_1__row_1", False),
        ("insert", f"{ATT}__named_1__table_1", None)]
    assert [row["label"] for row in back[1]["content"]["ru"]] == ["3", "4"]


def test_an_insertion_alone_in_a_part_names_it(regulation, tmp_path):
    row = {lang: {"kind": "row", "label": "3", "cells": [f"{lang} 3"]} for lang in LANGS}
    changes = [{"target": f"{ATT}__named_1__table_1", "action": "insert", "after": "row_2",
                "content": row}]
    project = with_record(regulation, changes)
    assert instructions(drafted(project, "ru")) == [
        "перечень организаций, находящихся в ведении Министерства, дополнить строкой, "
        "порядковый номер 3, следующего содержания:"]
    assert instructions(drafted(project, "kk")) == [
        "Министрліктің қарамағындағы ұйымдардың тізбесі мынадай мазмұндағы реттік нөмірі "
        "3-жолмен толықтырылсын:"]
    assert shape(read_back(project, tmp_path)) == shape(changes)


def test_the_functions_of_an_agency_are_named_by_their_title(regulation, tmp_path):
    changes = [{"target": f"{ATT}__point_3__named_1__subpoint_{n}", "action": "delete"}
               for n in (1, 2)]
    project = with_record(regulation, changes)
    assert groups(drafted(project, "ru"))[1:] == ["в пункте 3:", "в функциях ведомства:"]
    assert groups(drafted(project, "kk"))[1:] == ["3-тармақта:", "ведомствоның функцияларында:"]
    assert shape(read_back(project, tmp_path)) == shape(changes)


def test_a_law_is_drafted_with_its_articles_and_read_back(tmp_path):
    root = write_project(tmp_path / "project", LAW, "law", "republic", "100-V",
                         dt.date(2015, 6, 1))
    part = {"kk": {"kind": "part", "text": "Мемлекеттік тілді меңгеру – әрбір азаматтың парызы."},
            "ru": {"kind": "part", "text": "Овладение государственным языком – долг каждого."}}
    changes = [{"target": "art_1__part_1", "action": "replace", "content": part}]
    project = with_record(root, changes, "law", "republic")
    ru, kk = drafted(project, "ru"), drafted(project, "kk")
    assert ru.formula == kk.formula == ""
    assert [point.marker for point in ru.points] == ["Статья 1.", "Статья 2."]
    assert [point.marker for point in kk.points] == ["1-бап.", "2-бап."]
    assert ru.points[0].text == ("Внести в Закон Республики Казахстан от 1 июня 2015 года "
                                 "«О языках» следующее изменение:")
    assert kk.points[0].text == ("«Тілдер туралы» 2015 жылғы 1 маусымдағы Қазақстан "
                                 "Республикасының Заңына мынадай өзгеріс енгізілсін:")
    assert instructions(ru) == ["часть вторую статьи 1 изложить в следующей редакции:"]
    assert instructions(kk) == ["1-баптың екінші бөлігі мынадай редакцияда жазылсын:"]
    assert ru.points[1].text == "Настоящий Закон вводится в действие со дня его подписания."
    assert drafting("ru").act_title(ru.document, ActScope(1)) == (
        "О внесении изменения в Закон Республики Казахстан «О языках»")
    assert drafting("kk").act_title(kk.document, ActScope(1)) == (
        "«Тілдер туралы» Қазақстан Республикасының Заңына өзгеріс енгізу туралы")
    assert shape(read_back(project, tmp_path, "law", "republic")) == shape(changes)


def test_a_code_is_named_by_its_title_and_date(tmp_path):
    content = {"kk": {**LAW["kk"], "title": "Қазақстан Республикасының Қылмыстық кодексі"},
               "ru": {**LAW["ru"], "title": "Уголовный кодекс Республики Казахстан"}}
    root = write_project(tmp_path / "project", content, "code", "republic", "226-V",
                         dt.date(2014, 7, 3))
    project = with_record(root, [{"target": "art_2", "action": "delete"},
                                 {"target": "art_1__part_2", "action": "delete"}],
                          "law", "republic")
    assert drafted(project, "ru").points[0].text == (
        "Внести в Уголовный кодекс Республики Казахстан от 3 июля 2014 года следующие "
        "изменения:")
    assert drafted(project, "kk").points[0].text == (
        "2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне мынадай "
        "өзгерістер енгізілсін:")


ANNEX = "\n".join([
    "О некоторых вопросах министерства",
    "В соответствии с законом Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
    "1. Утвердить прилагаемые изменения, которые вносятся в некоторые решения Правительства "
    "Республики Казахстан.",
    "2. Настоящее постановление вводится в действие со дня его подписания.",
    "Премьер-Министр Республики Казахстан",
    "Утверждены", "постановлением Правительства", "Республики Казахстан",
    "от 1 марта 2016 года № 7",
    "Изменения, которые вносятся в некоторые решения Правительства Республики Казахстан",
    "1. В постановлении Правительства Республики Казахстан от 12 апреля 1999 года № 405 "
    "«О другом»:",
    "пункт 1 изложить в следующей редакции:",
    "«1. Другое.».",
    "2. В постановлении Правительства Республики Казахстан от 10 января 2015 года № 100 «Об "
    "утверждении Положения о министерстве» (САПП Республики Казахстан, 2015 г., № 1, ст. 2):",
    "в Положении о министерстве, утвержденном указанным постановлением:",
    "пункт 4 изложить в следующей редакции:",
    "«4. Штатная численность 2 601 человек.».",
]) + "\n"


def test_an_act_on_several_documents_gives_the_paragraph_on_this_one(regulation, tmp_path):
    path = tmp_path / "act-ru.txt"
    path.write_text(ANNEX, encoding="utf-8")
    options = ActOptions(number="7", date=dt.date(2016, 3, 1))
    record, diagnostics = record_from_act(load_project(regulation), [path], options)
    assert record is not None, [item.message for item in diagnostics.errors]
    assert [(change.action, change.target) for change in record.changes] == [
        ("replace", f"{ATT}__point_4")]
    assert [item.message for item in diagnostics.items if item.severity == "info"] == [
        "the paragraph amends act No 405, not this document: left for its own record"]


@pytest.mark.parametrize(("heading", "locative", "approved"), [
    ("Перечень организаций", "перечне организаций", "утвержденном"),
    ("Лимиты штатной численности", "лимитах штатной численности", "утвержденных"),
    ("Государственная программа развития", "Государственной программе развития",
     "утвержденной"),
    ("Положение о министерстве", "Положении о министерстве", "утвержденном"),
    ("Квалификационные требования", "квалификационных требованиях", "утвержденных"),
])
def test_titles_of_approved_documents_in_the_prepositional(heading, locative, approved):
    phrase, gender = title_phrase(heading, "locative")
    assert phrase == locative
    assert {"m": "утвержденном", "n": "утвержденном", "f": "утвержденной",
            "p": "утвержденных"}[gender] == approved


@pytest.mark.parametrize(("heading", "small", "locative"), [
    ("Акциялардың мемлекеттік пакеттерінің тізбесі", True,
     "акциялардың мемлекеттік пакеттерінің тізбесінде"),
    ("Қазақстан Республикасы Білім министрлігі туралы ереже", True,
     "Қазақстан Республикасы Білім министрлігі туралы ережеде"),
    ("Моноқалаларды дамыту бағдарламасы", True, "Моноқалаларды дамыту бағдарламасында"),
    ("Бағдарламаның паспорты", False, "Бағдарламаның паспортында"),
])
def test_kazakh_titles_in_the_locative(heading, small, locative):
    assert title_locative(heading, small) == locative


@pytest.mark.parametrize(("scope", "kk", "ru"), [
    (ActScope(1), "өзгеріс енгізу туралы", "О внесении изменения в"),
    (ActScope(2), "өзгерістер енгізу туралы", "О внесении изменений в"),
    (ActScope(0, 1), "толықтыру енгізу туралы", "О внесении дополнения в"),
    (ActScope(3, 1), "өзгерістер мен толықтыру енгізу туралы",
     "О внесении изменений и дополнения в"),
    (ActScope(1, 2), "өзгеріс пен толықтырулар енгізу туралы",
     "О внесении изменения и дополнений в"),
])
def test_the_title_is_singular_or_plural_by_what_the_act_does(regulation, scope, kk, ru):
    project = load_project(regulation)
    assert drafting("kk").act_title(project.documents["kk"], scope).endswith(kk)
    assert drafting("ru").act_title(project.documents["ru"], scope).startswith(ru)


def test_a_paragraph_inserted_is_named_by_its_place_and_read_back_there(regulation, tmp_path):
    paragraph = {"kk": {"kind": "text", "text": "Министрліктің аумақтық органдары бар."},
                 "ru": {"kind": "text", "text": "Министерство имеет территориальные органы."}}
    changes = [{"target": f"{ATT}__point_1", "action": "insert", "after": "p_1",
                "content": paragraph}]
    project = with_record(regulation, changes)
    assert instructions(drafted(project, "ru")) == [
        "дополнить абзацем третьим следующего содержания:"]
    assert instructions(drafted(project, "kk")) == [
        "мынадай мазмұндағы үшінші абзацпен толықтырылсын:"]
    back = read_back(project, tmp_path)
    assert [(c["action"], c["target"], c.get("after")) for c in back] == [
        ("insert", f"{ATT}__point_1", f"{ATT}__point_1__p_1")]


def test_a_part_inserted_into_a_law_by_its_place(tmp_path):
    root = write_project(tmp_path / "project", LAW, "law", "republic", "100-V",
                         dt.date(2015, 6, 1))
    part = {"kk": {"kind": "part", "text": "Тіл саясаты заңмен реттеледі."},
            "ru": {"kind": "part", "text": "Языковая политика регулируется законом."}}
    project = with_record(root, [{"target": "art_1", "action": "insert", "content": part}],
                          "law", "republic")
    assert instructions(drafted(project, "ru")) == [
        "дополнить частью четвертой следующего содержания:"]
    assert instructions(drafted(project, "kk")) == [
        "мынадай мазмұндағы төртінші бөлікпен толықтырылсын:"]
    back = read_back(project, tmp_path, "law", "republic")
    assert [(c["action"], c["target"], c.get("after"), c["content"]["ru"]["kind"])
            for c in back] == [("insert", "art_1", "art_1__part_2", "part")]


def test_a_numbered_part_of_a_code_is_drafted_by_its_number_and_read_back(tmp_path):
    """The one `part` kind: unlabelled in a law (by its place, above), labelled where a code
    numbers its parts."""
    code = {lang: {"title": title, "units": [
        {"kind": "article", "label": "5.", "heading": heading, "children": [
            {"kind": "part", "label": f"{n}.", "text": text} for n, text in enumerate(texts, 1)]}]}
        for lang, title, heading, texts in (
            ("kk", "Қазақстан Республикасының Әкімшілік кодексі", "Мақсат",
             ("Бірінші бөлік.", "Екінші бөлік.")),
            ("ru", "Административный кодекс Республики Казахстан", "Цель",
             ("Первая часть.", "Вторая часть.")))}
    root = write_project(tmp_path / "project", code, "code", "republic", "226-V",
                         dt.date(2014, 7, 3))
    new = {"kk": {"kind": "part", "label": "2.", "text": "Жаңа бөлік."},
           "ru": {"kind": "part", "label": "2.", "text": "Новая часть."}}
    project = with_record(root, [{"target": "art_5__part_2", "action": "replace",
                                  "content": new}], "law", "republic")
    assert instructions(drafted(project, "ru"))[0] == (
        "часть 2 статьи 5 изложить в следующей редакции:")
    assert instructions(drafted(project, "kk"))[0] == (
        "5-баптың 2-бөлігі мынадай редакцияда жазылсын:")
    back = read_back(project, tmp_path, "law", "republic")
    assert [(c["action"], c["target"], c["content"]) for c in back] == [
        ("replace", "art_5__part_2", new)]
