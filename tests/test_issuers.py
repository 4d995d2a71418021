"""Notes and titles of acts by issuers beyond the sample's Government, in the forms Adilet
prints: a minister's and an agency chairman's orders, a presidential decree, a law, a code, an
akimat's resolution and a maslikhat's decision; today's in-force bracket and an act's own."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.annotate import annotate
from generator.cli import main
from generator.consolidate import consolidate
from generator.lang import language
from generator.load import load_project
from generator.load.registry import builtin_issuers
from generator.model import (
    Act,
    ActMention,
    Document,
    InForceAfterDays,
    Signatory,
    SourcePos,
    Unit,
)
from generator.model.notes import plain_text
from tests.noteutil import exclusion, note, repeal_note

KK = language("kk")
RU = language("ru")
D = dt.date
TEN_DAYS = InForceAfterDays(after_publication_days=10)
# The wording of 2012 ("from the day of"), as an act of that year gives it in `in_force_text`.
CLAUSE_2012 = {
    "kk": "алғашқы ресми жарияланған күнінен бастап күнтізбелік он күн өткен соң қолданысқа "
          "енгізіледі",
    "ru": "вводится в действие по истечении десяти календарных дней со дня первого "
          "официального опубликования",
}
TODAY_KK = ("(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
            "енгізіледі)")
TODAY_RU = ("(вводится в действие по истечении десяти календарных дней после дня его первого "
            "официального опубликования)")


def act(issuer: str, act_type: str, number: str, date: dt.date) -> Act:
    return Act(
        type=act_type, issuer=issuer, number=number, date=date, published=date,
        in_force="on_signing",
        title={"kk": "", "ru": ""}, path="amendments/test.yaml", order=0,
        issuer_names=builtin_issuers().names(issuer, act_type))


def unit(kind: str, label: str | None) -> Unit:
    return Unit(kind=kind, uid="unit_1", pos=SourcePos("content/kk/x.yaml", 1, 1), label=label)


MINISTER = act("ministry_energy", "order", "280", D(2023, 7, 20))
CHAIRMAN = act("agency_financial_monitoring", "order", "6", D(2023, 9, 28))
DECREE = act("president", "decree", "215", D(2023, 5, 8))
LAW = act("parliament", "law", "351-VI", D(2020, 6, 29))
CODE = act("parliament", "code", "120-VI", D(2017, 12, 25))
AKIMAT = act("akimat_almaty_region", "resolution", "215", D(2023, 4, 12))
MASLIKHAT = act("maslikhat_almaty", "decision", "45", D(2023, 10, 20))
PM_OFFICE = act("prime_minister_office", "order", "20-42-3.3.11", D(2022, 2, 1))


@pytest.mark.parametrize(("subject", "kk", "ru"), [
    (MINISTER, "ҚР Энергетика министрінің 20.07.2023 № 280 бұйрығы",
     "Приказ Министра энергетики РК от 20.07.2023 № 280"),
    (CHAIRMAN, "ҚР Қаржылық мониторинг агенттігі Төрағасының 28.09.2023 № 6 бұйрығы",
     "Приказ Председателя Агентства РК по финансовому мониторингу от 28.09.2023 № 6"),
    (DECREE, "ҚР Президентінің 08.05.2023 № 215 Жарлығы",
     "Указ Президента РК от 08.05.2023 № 215"),
    (LAW, "ҚР 29.06.2020 № 351-VI Заңы", "Закон РК от 29.06.2020 № 351-VI"),
    (CODE, "ҚР 25.12.2017 № 120-VI Кодексі", "Кодекс РК от 25.12.2017 № 120-VI"),
    (AKIMAT, "Алматы облысы әкімдігінің 12.04.2023 № 215 қаулысы",
     "Постановление акимата Алматинской области от 12.04.2023 № 215"),
    (MASLIKHAT, "Алматы қаласы мәслихатының 20.10.2023 № 45 шешімі",
     "Решение маслихата города Алматы от 20.10.2023 № 45"),
    (PM_OFFICE, "ҚР Премьер-Министрі Кеңсесі Басшысының 01.02.2022 № 20-42-3.3.11 бұйрығы",
     "Приказ Руководителя Канцелярии Премьер-Министра РК от 01.02.2022 № 20-42-3.3.11"),
])
def test_act_titles(subject, kk, ru):
    assert KK.act_name(subject) == kk
    assert RU.act_name(subject) == ru


@pytest.mark.parametrize(("operation", "subject", "target", "kk", "ru"), [
    ("amend", MINISTER, unit("point", "2."),
     "Ескерту. 2-тармаққа өзгеріс енгізілді - ҚР Энергетика министрінің 20.07.2023 № 280 "
     "бұйрығымен.",
     "Сноска. Пункт 2 с изменениями, внесенными приказом Министра энергетики РК от 20.07.2023 "
     "№ 280."),
    ("replace", CHAIRMAN, unit("appendix", "2"),
     "Ескерту. 2-қосымша жаңа редакцияда - ҚР Қаржылық мониторинг агенттігі Төрағасының "
     "28.09.2023 № 6 бұйрығымен.",
     "Сноска. Приложение 2 в редакции приказа Председателя Агентства РК по финансовому "
     "мониторингу от 28.09.2023 № 6."),
    ("amend", DECREE, unit("point", "3."),
     "Ескерту. 3-тармаққа өзгеріс енгізілді - ҚР Президентінің 08.05.2023 № 215 Жарлығымен.",
     "Сноска. Пункт 3 с изменениями, внесенными Указом Президента РК от 08.05.2023 № 215."),
    ("replace", LAW, unit("article", "5."),
     "Ескерту. 5-бап жаңа редакцияда - ҚР 29.06.2020 № 351-VI Заңымен.",
     "Сноска. Статья 5 в редакции Закона РК от 29.06.2020 № 351-VI."),
    ("amend", AKIMAT, unit("section", "1."),
     "Ескерту. 1-бөлімге өзгеріс енгізілді - Алматы облысы әкімдігінің 12.04.2023 № 215 "
     "қаулысымен.",
     "Сноска. Раздел 1 с изменениями, внесенными постановлением акимата Алматинской области "
     "от 12.04.2023 № 215."),
    ("amend", MASLIKHAT, unit("point", "4."),
     "Ескерту. 4-тармаққа өзгеріс енгізілді - Алматы қаласы мәслихатының 20.10.2023 № 45 "
     "шешімімен.",
     "Сноска. Пункт 4 с изменениями, внесенными решением маслихата города Алматы от 20.10.2023 "
     "№ 45."),
    # The preamble by its own name, as the publisher writes it ("Преамбула в редакции …",
    # "Кіріспе жаңа редакцияда …": five documents of the corpus).
    ("replace", MINISTER, unit("preamble", None),
     "Ескерту. Кіріспе жаңа редакцияда - ҚР Энергетика министрінің 20.07.2023 № 280 "
     "бұйрығымен.",
     "Сноска. Преамбула в редакции приказа Министра энергетики РК от 20.07.2023 № 280."),
    ("amend", AKIMAT, unit("preamble", None),
     "Ескерту. Кіріспеге өзгеріс енгізілді - Алматы облысы әкімдігінің 12.04.2023 № 215 "
     "қаулысымен.",
     "Сноска. Преамбула с изменениями, внесенными постановлением акимата Алматинской области "
     "от 12.04.2023 № 215."),
])
def test_notes_of_acts_signed_in_force(operation, subject, target, kk, ru):
    mentions = [ActMention.of(subject, "on_signing")]
    assert note(KK, operation, target, mentions) == kk
    assert note(RU, operation, target, mentions) == ru


def parts(note: str) -> Counter[str]:
    """The words of a note and its brackets, whole, wherever the bracket stands."""
    return Counter(re.findall(r"\([^)]*\)|[^\s().]+", note))


def test_an_agency_order_with_todays_bracket():
    """Adilet: "Ескерту. 2-қосымша жаңа редакцияда - ҚР Қаржылық мониторинг агенттігі
    Төрағасының 28.09.2023 № 6 (…) бұйрығымен." / "Сноска. Приложение 2 в редакции приказа
    Председателя Агентства РК по финансовому мониторингу от 28.09.2023 № 6 (…)."."""
    mentions = [ActMention.of(CHAIRMAN, TEN_DAYS)]
    kk = note(KK, "replace", unit("appendix", "2"), mentions)
    assert parts(kk) == parts(
        "Ескерту. 2-қосымша жаңа редакцияда - ҚР Қаржылық мониторинг агенттігі Төрағасының "
        f"28.09.2023 № 6 {TODAY_KK} бұйрығымен.")
    assert note(RU, "replace", unit("appendix", "2"), mentions) == (
        "Сноска. Приложение 2 в редакции приказа Председателя Агентства РК по финансовому "
        f"мониторингу от 28.09.2023 № 6 {TODAY_RU}.")


def test_a_decree_with_its_own_clause_of_2012():
    decree = act("president", "decree", "261", D(2012, 1, 30))
    mentions = [ActMention.of(decree, TEN_DAYS, CLAUSE_2012)]
    assert parts(note(KK, "amend", unit("point", "3."), mentions)) == parts(
        "Ескерту. 3-тармаққа өзгеріс енгізілді - ҚР Президентінің 2012.01.30 N 261 "
        f"({CLAUSE_2012['kk']}) Жарлығымен.")
    assert note(RU, "amend", unit("point", "3."), mentions) == (
        "Сноска. Пункт 3 с изменениями, внесенными Указом Президента РК от 30.01.2012 № 261 "
        f"({CLAUSE_2012['ru']}).")
    assert plain_text(KK.pending_act(mentions[0])) == (
        f"ҚР Президентінің 2012.01.30 N 261 ({CLAUSE_2012['kk']}) Жарлығы")


def test_exclusion_and_repeal_by_a_law_and_a_code():
    mentions = [ActMention.of(LAW, "on_signing")]
    assert exclusion(KK, unit("point", "4."), mentions) == (
        "4. Алып тасталды - ҚР 29.06.2020 № 351-VI Заңымен.")
    assert exclusion(RU, unit("point", "4."), mentions) == (
        "4. Исключен Законом РК от 29.06.2020 № 351-VI.")
    assert KK.repeal_line(CODE, "order") == (
        "Күші жойылды - Қазақстан Республикасының 2017 жылғы 25 желтоқсандағы № 120-VI "
        "Кодексімен")
    assert RU.repeal_line(CODE, "order") == (
        "Утратил силу Кодексом Республики Казахстан от 25 декабря 2017 года № 120-VI")
    assert repeal_note(RU, mentions, "order") == (
        "Сноска. Утратил силу Законом РК от 29.06.2020 № 351-VI.")


def test_acts_of_one_issuer_share_the_plural_word():
    second = act("ministry_energy", "order", "22-н/қ", D(2023, 11, 3))
    mentions = [ActMention.of(MINISTER, "on_signing"), ActMention.of(second, "on_signing")]
    assert note(KK, "amend", unit("point", "2."), mentions) == (
        "Ескерту. 2-тармаққа өзгерістер енгізілді - ҚР Энергетика министрінің 20.07.2023 № 280; "
        "03.11.2023 № 22-н/қ бұйрықтарымен.")
    assert note(RU, "amend", unit("point", "2."), mentions) == (
        "Сноска. Пункт 2 с изменениями, внесенными приказами Министра энергетики РК от "
        "20.07.2023 № 280; от 03.11.2023 № 22-н/қ.")


def test_adoption_line_of_a_ministers_order():
    common = dict(
        id="rules", type="order", issuer="ministry_energy", number="22-н/қ", date=D(2023, 5, 10),
        title="", signatory=Signatory(position="", name=""), units=[],
        pos=SourcePos("content/kk/manifest.yaml", 1, 1),
        issuer_names=builtin_issuers().names("ministry_energy", "order"))
    assert KK.adoption_line(Document(lang="kk", **common)) == (
        "Қазақстан Республикасы Энергетика министрінің 2023 жылғы 10 мамырдағы № 22-н/қ "
        "бұйрығы.")
    assert RU.adoption_line(Document(lang="ru", **common)) == (
        "Приказ Министра энергетики Республики Казахстан от 10 мая 2023 года № 22-н/қ.")


def test_a_ministry_signs_other_acts_in_its_own_name():
    joint = builtin_issuers().names("ministry_finance", "resolution")
    assert (joint["kk"].short, joint["ru"].short) == (
        "ҚР Қаржы министрлігінің", "Министерства финансов РК")


def test_a_records_in_force_text_reaches_the_notes(tmp_path: Path):
    root = tmp_path / "prog"
    result = CliRunner().invoke(main, ["init", str(root), "--type", "order", "--issuer",
                                       "agency_financial_monitoring", "--date", "2023-08-01"])
    assert result.exit_code == 0, result.output
    record = next((root / "amendments").glob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8").replace(
        "  in_force: on_signing ",
        "  published: 2023-09-01\n"
        "  in_force_text:\n"
        f"    kk: {CLAUSE_2012['kk']}\n"
        f"    ru: {CLAUSE_2012['ru']}\n"
        "  in_force: {after_publication_days: 10} "), encoding="utf-8")
    project = load_project(root)
    (act_read,) = project.acts
    assert act_read.in_force_text == CLAUSE_2012
    latest = max(change.effective for change in project.changes)
    assert latest == D(2023, 9, 12)
    # The order `init` writes approves a plan, whose row the example act amends.
    notes = annotate(consolidate(project, "ru", latest), project).notes["att_1__plan__row_1"]
    assert [item.text for item in notes] == [
        "Сноска. Строка 1 с изменениями, внесенными приказом Председателя Агентства РК по "
        "финансовому мониторингу от 31.08.2023 № 2 "
        f"({CLAUSE_2012['ru']})."]
