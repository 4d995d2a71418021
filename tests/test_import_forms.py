"""`legalgen import` reads every form a published text comes in — a saved page, a DOCX, a
plain-text copy — into the same units as the mirrors' Markdown; one language comes first and
the other later; what the import leaves to do is information, what `record` leaves an error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.importer.plaintext import _links_back, _unspaced
from tests.importutil import CORPUS, needs_corpus, run_import, version_text

# A page of the official database's legacy site, in its shape (head, article, the notes as
# spans whose act number is a link between them), with words of its own.
PAGE = """<html><head><title>x</title><script>var x = 1;</script></head><body>
<div class="container_alpha slogan"><h1>Об утверждении Правил учета образцов</h1>
<span class="status status_upd">Обновленный</span>
<p>Приказ Министра юстиции Республики Казахстан от 10 января 2019 года № 5.</p></div>
<div class="container_gamma text text_upd"><div class="gs_12"><article>
<p id="z1">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;В соответствии со статьей 5 Закона Республики Казахстан
«Об образцах» ПРИКАЗЫВАЮ:</p>
<p id="z2">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;1. Утвердить прилагаемые Правила учета образцов.</p>
<span class="note">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Сноска. Пункт 1 в редакции приказа Министра юстиции
РК от 01.02.2020 </span><a href="/rus/docs/V2000000012#z3">№ 12</a><span class="note"> (вводится
в действие по истечении десяти календарных дней после дня его первого официального
опубликования).</span><br>
<p id="z3">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;2. Настоящий приказ вводится в действие со дня
подписания.</p>
<table border="0" width="600"><tr><td><i>Министр</i></td><td><i>А. Сериков</i></td></tr></table>
<table border="0"><tr><td></td><td><i>Утверждены<br>приказом Министра юстиции<br>
Республики Казахстан<br>от 10 января 2019 года № 5</i></td></tr></table>
<h3 id="z10">Правила учета образцов<br><a name="z11"></a>Глава 1. Общие положения</h3>
<p id="z12">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;1. Настоящие Правила определяют порядок учета.</p>
<p id="z13">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;2. Образцы учитываются в журнале:</p>
<p id="z14">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;1) по дате поступления;</p>
<span class="note">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<a name="z15"></a>2) исключен приказом Министра
юстиции РК от 01.02.2020 </span><a href="/rus/docs/V2000000012#z4">№ 12</a><span class="note">
(вводится в действие по истечении десяти календарных дней после дня его первого
официального опубликования).</span><br>
</article></div></div></body></html>
"""


def outline(project: Path) -> list[str]:
    result = CliRunner().invoke(main, ["outline", "--root", str(project), "--as-of", "latest"])
    assert result.exit_code == 0, result.output
    return [" ".join(line.split()[:3]) for line in result.output.splitlines()]


def test_a_saved_page_of_the_database_is_read_with_its_notes(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    into = tmp_path / "project"
    code, output = run_import(into, ru=page)
    assert code == 0, output
    manifest = yaml.safe_load((into / "content" / "ru" / "manifest.yaml").read_text())
    assert manifest["document"] | {"signatory": None} == {
        "id": "order-2019-01-10-5", "type": "order", "issuer": "ministry_justice",
        "number": "5", "date": "2019-01-10", "title": "Об утверждении Правил учета образцов",
        "signatory": None}
    assert manifest["document"]["signatory"] == {"position": "Министр", "name": "А. Сериков"}
    assert outline(into) == [
        "preamble_1 preamble -", "para_1 paragraph 1.", "para_2 paragraph 2.",
        "signature_1 signature -", "att_1 attachment -", "att_1__chp_1 chapter 1.",
        "att_1__chp_1__point_1 point 1.", "att_1__chp_1__point_2 point 2.",
        "att_1__chp_1__point_2__subpoint_1 subpoint 1)",
        "att_1__chp_1__point_2__subpoint_2 subpoint 2)"]
    # The act number, a link outside the note's spans, is read back into both notes.
    record = yaml.safe_load((into / "amendments" / "2020-02-01-12.yaml").read_text())
    assert [(change["target"], change["action"]) for change in record["changes"]] == [
        ("para_1", "replace"), ("att_1__chp_1__point_2__subpoint_2", "delete")]


@needs_corpus
def test_a_docx_legalgen_wrote_reads_back_into_the_same_units_and_records(tmp_path):
    assert CORPUS is not None
    first = tmp_path / "first"
    code, output = run_import(first, kk=CORPUS / "ministerial" / "97449" / "kaz.md")
    assert code == 0, output
    built = CliRunner().invoke(main, ["build", "--root", str(first), "--format", "docx",
                                      "--jobs", "1"])
    assert built.exit_code == 0, built.output
    docx = next((first / "build" / "kk").glob("*/*.docx"))
    again = tmp_path / "again"
    code, output = run_import(again, kk=docx)
    assert code == 0, output
    assert outline(again) == outline(first)
    for record in (first / "amendments").glob("*.yaml"):
        mine = yaml.safe_load(record.read_text())
        theirs = yaml.safe_load((again / "amendments" / record.name).read_text())
        assert theirs["changes"] == mine["changes"]


def test_a_plain_text_copy_is_repaired_line_by_line():
    assert _unspaced("      ж ө н і н д е  ш а р а л а р  қ а б ы л д а с ы н .") == (
        "      жөнінде шаралар қабылдасын.")
    # A word glued after the sentence's end goes back into its hole; an act number pulled to
    # the end of a note's line goes back after its date; a label's gap is no hole.
    assert _links_back("арналған  (бұдан әрі – Бағдарлама) бекітілсін.бағдарламасы") == (
        "арналған бағдарламасы (бұдан әрі – Бағдарлама) бекітілсін.")
    assert _links_back("Күші жойылды - ҚР Үкіметінің 28.06.2014  (01.01.2015 бастап № 728") == (
        "Күші жойылды - ҚР Үкіметінің 28.06.2014 № 728 (01.01.2015 бастап")
    line = "      6.  Алып тасталды - ҚР Үкіметінің 31.03.2014 № 279 қаулысымен (01.01.2015"
    assert _links_back(line) == line


TEXT = """
Үлгілерді есепке алу қағидаларын бекіту туралы

Қазақстан Республикасы Әділет министрінің 2019 жылғы 10 қаңтардағы № 5 бұйрығы.
      «Үлгілер туралы» Қазақстан Республикасы Заңының 5-бабына сәйкес
Б Ұ Й Ы Р А М Ы Н :
      1. Қоса беріліп отырған Үлгілерді есепке алу қағидалары
      бекітілсін.
      2. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі. Бұйрықты орындау
жөніндегі



жұмыс министрлікке жүктелсін.
      Министр                             А. Сериков
"""


def test_a_plain_text_copy_undoes_letter_spacing_and_page_breaks(tmp_path):
    text = tmp_path / "copy.txt"
    text.write_text(TEXT, encoding="utf-8")
    into = tmp_path / "project"
    code, output = run_import(into, kk=text)
    assert code == 0, output
    units = yaml.safe_load((into / "content" / "kk" / "01-act.yaml").read_text())["units"]
    assert units[0]["text"].endswith("сәйкес БҰЙЫРАМЫН:")
    # The page break inside the sentence of point 2 breaks nothing.
    assert units[2]["text"].endswith("жөніндегі жұмыс министрлікке жүктелсін.")
    assert units[3] == {"kind": "signature", "position": "Министр", "name": "А. Сериков"}


@needs_corpus
def test_one_language_first_the_other_later_equals_both_at_once(tmp_path):
    assert CORPUS is not None
    source = CORPUS / "ministerial" / "97449"
    both = tmp_path / "both"
    assert run_import(both, kk=source / "kaz.md", ru=source / "rus.md")[0] == 0
    later = tmp_path / "later"
    assert run_import(later, kk=source / "kaz.md")[0] == 0
    # Until the other language is there: a warning naming the command; an error if strict.
    runner = CliRunner()
    checked = runner.invoke(main, ["validate", "--root", str(later)])
    assert checked.exit_code == 0, checked.output
    assert ("content/ru: warning: the ru text is not there yet, so legalgen builds the other "
            "languages only; bring it in with `legalgen import --ru FILE --into <this project's "
            "folder>`") in checked.output
    # The count of units is that of the language that is there, not of "each language".
    assert "ok: 30 units in kk, 2 acts" in checked.output
    assert runner.invoke(main, ["validate", "--root", str(later), "--strict"]).exit_code == 2
    built = runner.invoke(main, ["build", "--root", str(later), "--lang", "kk", "--format",
                                 "html", "--jobs", "1"])
    assert built.exit_code == 0, built.output
    missing = runner.invoke(main, ["build", "--root", str(later), "--lang", "ru"])
    assert missing.exit_code == 2
    assert "import --ru FILE" in missing.output
    code, output = run_import(later, ru=source / "rus.md")
    assert code == 0, output
    for path in sorted(both.rglob("*.yaml")):
        name = path.relative_to(both)
        mine = yaml.safe_load(path.read_text())
        theirs = yaml.safe_load((later / name).read_text())
        if name.name == "manifest.yaml":
            # The todo items say where each note stands: in the file each language came from.
            mine.pop("todo", None)
            theirs.pop("todo", None)
        else:
            for data in (mine, theirs):
                data.pop("todo", None)
        assert theirs == mine, name


@needs_corpus
def test_the_summary_names_units_acts_and_todos(tmp_path):
    assert CORPUS is not None
    code, output = run_import(tmp_path / "project",
                              ru=CORPUS / "ministerial" / "97449" / "rus.md")
    assert code == 0, output
    assert "ru from" in output and ": 30 units — attachment 1, chapter 2, paragraph 4, " \
        "point 8, preamble 1, signature 1, subpoint 5, text 8" in output
    assert ("acts: 2 (ministry_justice/order/2022-06-30/538, "
            "ministry_justice/order/2025-10-01/538)") in output
    assert "todo: " in output and "earlier-wording 5" in output


RECORD = """act:
  type: resolution
  issuer: government
  number: '9'
  date: 2013-01-10
  title: {kk: Өзгерістер туралы, ru: Об изменениях}
changes:
- target: sec_1__point_1
  action: amend
  provenance: reconstructed
  reason: {kk: Белгісіз, ru: Неизвестно}
todo:
"""


@pytest.mark.parametrize(("item", "severity"), [
    ("- {kind: edits, target: sec_1__point_1, text: Пункт 1 с изменениями}", "info"),
    ("- the ru wording of change 1", "error"),
])
def test_a_placeholder_is_information_and_a_sentence_an_error(tmp_path, item, severity):
    """An import's placeholders (mappings) load and build, told as information until filled
    in; `legalgen record`'s sentences still keep the record from loading."""
    into = tmp_path / "project"
    assert CliRunner().invoke(main, ["init", str(into), "--date", "2012-05-25"]).exit_code == 0
    (into / "amendments" / "2013-01-10-9.yaml").write_text(RECORD + item + "\n",
                                                           encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--root", str(into)])
    line = next(line for line in result.output.splitlines() if "to do" in line)
    assert line.startswith(f"amendments/2013-01-10-9.yaml:13:3: {severity}: to do")
    assert result.exit_code == (0 if severity == "info" else 2)


def test_a_long_placeholder_is_told_in_its_first_whole_words(tmp_path):
    """A note of several lines is shown up to a word's end and an ellipsis, never cut inside a
    word as if that were how it reads."""
    note = " ".join(["Пункт 1 с изменениями, внесенными постановлением"] * 8)
    into = tmp_path / "project"
    assert CliRunner().invoke(main, ["init", str(into), "--date", "2012-05-25"]).exit_code == 0
    item = f"- {{kind: edits, target: sec_1__point_1, text: '{note}'}}"
    (into / "amendments" / "2013-01-10-9.yaml").write_text(RECORD + item + "\n",
                                                           encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--root", str(into)])
    line = next(line for line in result.output.splitlines() if "to do" in line)
    shown = line.split("«", 1)[1].removesuffix("»")
    assert shown.endswith("…") and len(shown) <= 160
    assert note.startswith(shown[:-1]) and note[len(shown) - 1] == " "


# A law in both languages, in words of its own: chapters that hold articles, an article's points
# and sub-points, an article's unlabelled paragraph, a note on an article by a law.
LAW = {
    "ru": """# О пробных образцах

Настоящий Закон регулирует общественные отношения в области пробных образцов.

## Глава 1. Общие положения

### Статья 1. Основные понятия

1. В настоящем Законе используются следующие понятия:

1) образец – изделие, изготовленное для проверки;

2) проверка – действия по оценке образца.

2. Иные понятия применяются в значениях, установленных законодательством.

> *Сноска. Статья 1 с изменениями, внесенными Законом РК от 29.06.2020 № 351-VI (вводится в \
действие по истечении десяти календарных дней после дня его первого официального \
опубликования).*

### Статья 2. Цель Закона

Целью настоящего Закона является обеспечение качества образцов.

## Глава 2. Заключительные положения

### Статья 3. Порядок введения в действие

Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его \
первого официального опубликования.

**Президент Республики Казахстан**

**К. Токаев**
""",
    "kk": """# Сынама үлгілер туралы

Осы Заң сынама үлгілер саласындағы қоғамдық қатынастарды реттейді.

## 1-тарау. Жалпы ережелер

### 1-бап. Негізгі ұғымдар

1. Осы Заңда мынадай ұғымдар пайдаланылады:

1) үлгі – тексеру үшін дайындалған бұйым;

2) тексеру – үлгіні бағалау жөніндегі іс-әрекеттер.

2. Өзге ұғымдар заңнамада белгіленген мағыналарда қолданылады.

> *Ескерту. 1-бапқа өзгеріс енгізілді - ҚР 29.06.2020 № 351-VI (алғашқы ресми жарияланған \
күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен.*

### 2-бап. Заңның мақсаты

Осы Заңның мақсаты үлгілердің сапасын қамтамасыз ету болып табылады.

## 2-тарау. Қорытынды ережелер

### 3-бап. Қолданысқа енгізу тәртібі

Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа \
енгізіледі.

**Қазақстан Республикасының Президенті**

**Қ. Тоқаев**
""",
}


def test_a_law_keeps_its_articles_in_their_chapters_and_their_parts(tmp_path):
    texts = {}
    for code, text in LAW.items():
        texts[code] = tmp_path / f"{code}.md"
        texts[code].write_text(text, encoding="utf-8")
    into = tmp_path / "project"
    result = CliRunner().invoke(main, ["import", "--kk", str(texts["kk"]), "--ru",
                                       str(texts["ru"]), "--into", str(into), "--type", "law",
                                       "--issuer", "parliament", "--number", "10-VII",
                                       "--date", "2019-05-01"])
    assert result.exit_code == 0, result.output
    assert outline(into) == [
        "preamble_1 preamble -", "chp_1 chapter 1.", "chp_1__art_1 article 1.",
        "chp_1__art_1__para_1 paragraph 1.", "chp_1__art_1__para_1__subpoint_1 subpoint 1)",
        "chp_1__art_1__para_1__subpoint_2 subpoint 2)", "chp_1__art_1__para_2 paragraph 2.",
        "chp_1__art_2 article 2.", "chp_1__art_2__part_1 part -", "chp_2 chapter 2.",
        "chp_2__art_3 article 3.", "chp_2__art_3__part_1 part -", "signature_1 signature -"]
    assert CliRunner().invoke(main, ["validate", "--root", str(into)]).exit_code == 0
    built = CliRunner().invoke(main, ["build", "--root", str(into), "--format", "html",
                                      "--jobs", "1"])
    assert built.exit_code == 0, built.output
    # The notes come out as published.
    for code in LAW:
        (page,) = (into / "build" / code).glob("*/*.html")
        printed = next(line for line in LAW[code].splitlines() if line.startswith("> *"))
        assert version_text(page)[1] == [printed.strip("> *").replace("\\", "")]
    # The Kazakh bracket stands before the law's act word, as printed: the act's record says so.
    (record,) = (into / "amendments").glob("*.yaml")
    act = yaml.safe_load(record.read_text(encoding="utf-8"))["act"]
    assert act["note_style"] == {"bracket": "before_act_word"}


# An order whose Russian point 1 was worded anew while, as the Kazakh note says, its Kazakh text
# stayed: the note word "мәтінге" is the publisher's other form of "мәтініне".
ONE_LANGUAGE = {
    "ru": """# Об утверждении Правил учета образцов

В соответствии со статьей 5 Закона Республики Казахстан «Об образцах» ПРИКАЗЫВАЮ:

1. Утвердить прилагаемые Правила учета опытных образцов.

> *Сноска. Пункт 1 в редакции приказа Министра юстиции РК от 01.02.2020 № 12 (вводится в \
действие по истечении десяти календарных дней после дня его первого официального \
опубликования).*

2. Настоящий приказ вводится в действие со дня подписания.
""",
    "kk": """# Үлгілерді есепке алу қағидаларын бекіту туралы

«Үлгілер туралы» Қазақстан Республикасы Заңының 5-бабына сәйкес БҰЙЫРАМЫН:

1. Қоса беріліп отырған Үлгілерді есепке алу қағидалары бекітілсін.

> *Ескерту. 1-тармаққа орыс тіліндегі мәтінге өзгерістер енгізіледі, қазақ тіліндегі мәтін \
өзгермейді - ҚР Әділет министрінің 01.02.2020 № 12 (алғашқы ресми жарияланған күнінен кейін \
күнтізбелік он күн өткен соң қолданысқа енгізіледі) бұйрығымен.*

2. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.
""",
}


def test_a_change_of_one_language_is_recorded_for_that_language_only(tmp_path):
    """The Russian note's new wording and the Kazakh note's "only the Russian text" make one
    change with `only: [ru]`, and both notes come out as published."""
    texts = {}
    for code, text in ONE_LANGUAGE.items():
        texts[code] = tmp_path / f"{code}.md"
        texts[code].write_text(text, encoding="utf-8")
    into = tmp_path / "project"
    result = CliRunner().invoke(main, ["import", "--kk", str(texts["kk"]), "--ru",
                                       str(texts["ru"]), "--into", str(into), "--type", "order",
                                       "--issuer", "ministry_justice", "--number", "5",
                                       "--date", "2019-01-10"])
    assert result.exit_code == 0, result.output
    (record,) = (into / "amendments").glob("*.yaml")
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    assert data["act"]["note_style"] == {"other_text": "plain"}
    (change,) = data["changes"]
    assert (change["action"], change["only"], list(change["content"])) == (
        "replace", ["ru"], ["ru"])
    assert [item["kind"] for item in data["todo"]].count("other-language") == 0
    built = CliRunner().invoke(main, ["build", "--root", str(into), "--format", "html",
                                      "--jobs", "1"])
    assert built.exit_code == 0, built.output
    for code, text in ONE_LANGUAGE.items():
        (page,) = (into / "build" / code).glob("*/*.html")
        printed = next(line for line in text.replace("\\\n", "").splitlines()
                       if line.startswith("> *"))
        assert version_text(page)[1] == [printed.strip("> *")]


def test_the_named_forms_of_the_first_language_stay_when_the_other_comes_later(tmp_path):
    """The Kazakh law note's bracket before the act word gives the act's `note_style`; the
    Russian text imported later keeps it, its notes having no place for that form."""
    texts = {}
    for code, text in LAW.items():
        texts[code] = tmp_path / f"{code}.md"
        texts[code].write_text(text, encoding="utf-8")
    into = tmp_path / "project"
    head = ["--type", "law", "--issuer", "parliament", "--number", "10-VII", "--date",
            "2019-05-01"]
    first = CliRunner().invoke(main, ["import", "--kk", str(texts["kk"]), "--into", str(into),
                                      *head])
    assert first.exit_code == 0, first.output
    later = CliRunner().invoke(main, ["import", "--ru", str(texts["ru"]), "--into", str(into)])
    assert later.exit_code == 0, later.output
    (record,) = (into / "amendments").glob("*.yaml")
    act = yaml.safe_load(record.read_text(encoding="utf-8"))["act"]
    assert act["note_style"] == {"bracket": "before_act_word"}
