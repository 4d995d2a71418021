"""The note grammar of both languages, fed with structured input (acts, mentions, units).

SPEC's note table, Kazakh cases by vowel harmony, act words, Russian gender agreement, in-force
brackets, dates and numbers — each built from `Act`, `ActMention` and `Unit` objects directly.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.lang import ActMention, language
from generator.lang import kk as kk_grammar
from generator.lang.kk import Kazakh
from generator.lang.ru import Russian, past
from generator.load.registry import builtin_issuers
from generator.model import Act, Document, InForceAfterDays, InForceDate, Signatory, SourcePos, Unit
from tests.noteutil import exclusion, note, repeal_note

KK = language("kk")
RU = language("ru")


def make_act(
    number: str,
    date: dt.date,
    act_type: str = "resolution",
    issuer: str = "government",
    published: dt.date | None = None,
) -> Act:
    return Act(
        type=act_type, issuer=issuer, number=number, date=date, published=published,
        in_force="on_signing",
        title={"kk": "", "ru": ""}, path="amendments/test.yaml", order=0,
        issuer_names=builtin_issuers().names(issuer, act_type),
    )


def make_unit(kind: str, label: str | None = None, uid: str = "unit_1") -> Unit:
    return Unit(kind=kind, uid=uid, pos=SourcePos("content/kk/test.yaml", 1, 1), label=label)


ACT_1169 = make_act("1169", dt.date(2013, 11, 7))
ACT_279 = make_act("279", dt.date(2014, 3, 31))
ACT_728 = make_act("728", dt.date(2014, 6, 28))
ACT_1154 = make_act("1154", dt.date(2014, 10, 30), published=dt.date(2014, 11, 5))
FROM_2015 = InForceDate(date=dt.date(2015, 1, 1))
TEN_DAYS = InForceAfterDays(after_publication_days=10)


def signed(act: Act) -> ActMention:
    return ActMention.of(act, "on_signing")


# --- SPEC's table of notes -------------------------------------------------------------------


def test_replaced_paragraph_note():
    unit = make_unit("paragraph", "3.")
    mentions = [signed(ACT_1169)]
    assert note(KK, "replace", unit, mentions) == (
        "Ескерту. 3-тармақ жаңа редакцияда - ҚР Үкіметінің 07.11.2013 № 1169 қаулысымен."
    )
    assert note(RU, "replace", unit, mentions) == (
        "Сноска. Пункт 3 в редакции постановления Правительства РК от 07.11.2013 № 1169."
    )


def test_amended_section_note():
    unit = make_unit("section", "1.")
    mentions = [signed(ACT_1169)]
    assert note(KK, "amend", unit, mentions) == (
        "Ескерту. 1-бөлімге өзгеріс енгізілді - ҚР Үкіметінің 07.11.2013 № 1169 қаулысымен."
    )
    assert note(RU, "amend", unit, mentions) == (
        "Сноска. Раздел 1 с изменениями, внесенными постановлением Правительства РК "
        "от 07.11.2013 № 1169."
    )


# No 1154's own clause, in the wording of 2014 (its record's `in_force_text`).
CLAUSE_1154 = {
    "kk": "алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі",
    "ru": "вводится в действие по истечении десяти календарных дней после дня его первого "
          "официального опубликования",
}


def test_subsection_note_of_two_acts_with_brackets():
    unit = make_unit("subsection")
    mentions = [ActMention.of(ACT_1154, TEN_DAYS, CLAUSE_1154), ActMention.of(ACT_279, FROM_2015)]
    assert note(KK, "amend", unit, mentions) == (
        "Ескерту. Кіші бөлімге өзгеріс енгізілді - ҚР Үкіметінің 30.10.2014 № 1154 "
        "(алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен соң қолданысқа "
        "енгізіледі), 31.03.2014 № 279 (01.01.2015 бастап қолданысқа енгізіледі) қаулыларымен."
    )
    assert note(RU, "amend", unit, mentions) == (
        "Сноска. Подраздел с изменениями, внесенными постановлениями Правительства РК "
        "от 30.10.2014 № 1154 (вводится в действие по истечении десяти календарных дней после "
        "дня его первого официального опубликования); от 31.03.2014 № 279 (вводится в действие "
        "с 01.01.2015)."
    )


def test_excluded_point():
    unit = make_unit("point", "6.")
    mentions = [ActMention.of(ACT_279, FROM_2015)]
    assert exclusion(KK, unit, mentions) == (
        "6. Алып тасталды - ҚР Үкіметінің 31.03.2014 № 279 "
        "(01.01.2015 бастап қолданысқа енгізіледі) қаулысымен."
    )
    assert exclusion(RU, unit, mentions) == (
        "6. Исключен постановлением Правительства РК от 31.03.2014 № 279 "
        "(вводится в действие с 01.01.2015)."
    )


def test_repeal_note():
    mentions = [ActMention.of(ACT_728, FROM_2015)]
    assert repeal_note(KK, mentions, "resolution") == (
        "Ескерту. Күші жойылды - ҚР Үкіметінің 28.06.2014 № 728 "
        "(01.01.2015 бастап қолданысқа енгізіледі) қаулысымен."
    )
    assert repeal_note(RU, mentions, "resolution") == (
        "Сноска. Утратило силу постановлением Правительства РК от 28.06.2014 № 728 "
        "(вводится в действие с 01.01.2015)."
    )


def test_repeal_lines_use_the_long_forms():
    assert KK.repeal_line(ACT_728, "resolution") == (
        "Күші жойылды - Қазақстан Республикасы Үкіметінің 2014 жылғы 28 маусымдағы № 728 "
        "қаулысымен"
    )
    assert RU.repeal_line(ACT_728, "resolution") == (
        "Утратило силу постановлением Правительства Республики Казахстан от 28 июня 2014 года "
        "№ 728"
    )
    assert KK.phrase("status_repealed") == "Күшін жойған"
    assert RU.phrase("status_repealed") == "Утратило силу"


# --- Kazakh cases ----------------------------------------------------------------------------

MONTHS_KK = [
    "қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
    "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_kazakh_month_forms(month):
    text = Kazakh().date(dt.date(2014, month, 9))
    assert text == f"2014 жылғы 9 {MONTHS_KK[month - 1]}"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("3-тармақ", "3-тармаққа"),
        ("1-бөлім", "1-бөлімге"),
        ("2-қосымша", "2-қосымшаға"),
        ("5-жол", "5-жолға"),
        ("абзац", "абзацқа"),
        ("4-бап", "4-бапқа"),
        ("тармақша", "тармақшаға"),
        ("кіші бөлім", "кіші бөлімге"),
        ("2-тарау", "2-тарауға"),
    ],
)
def test_dative(word, expected):
    assert kk_grammar.dative(word) == expected


@pytest.mark.parametrize(
    ("kind", "label", "expected"),
    [
        ("point", "3.", "3-тармаққа"),
        ("paragraph", "3.", "3-тармаққа"),
        ("section", "1.", "1-бөлімге"),
        ("appendix", "2", "2-қосымшаға"),
        ("row", "5.", "5-жолға"),
        ("text", None, "Абзацқа"),
        ("article", "4.", "4-бапқа"),
        ("subpoint", "3)", "3) тармақшаға"),
        ("subsection", None, "Кіші бөлімге"),
        ("chapter", "2.", "2-тарауға"),
    ],
)
def test_dative_through_notes(kind, label, expected):
    text = note(KK, "amend", make_unit(kind, label), [signed(ACT_1169)])
    assert text.startswith(f"Ескерту. {expected} өзгеріс енгізілді - ҚР Үкіметінің")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("тармақша", "тармақшамен"),
        ("тармақ", "тармақпен"),
        ("бөлім", "бөліммен"),
        ("абзац", "абзацпен"),
        ("жол", "жолмен"),
        ("тарау", "тараумен"),
        ("қаулысы", "қаулысымен"),
    ],
)
def test_instrumental(word, expected):
    assert kk_grammar.instrumental(word) == expected


def test_insert_notes():
    parent = make_unit("point", "2.", "point_2")
    new = make_unit("subpoint", "2-1)", "point_2__subpoint_2-1")
    mentions = [signed(ACT_1169)]
    assert note(KK, "insert", new, mentions, inserted=new, parent=parent) == (
        "Ескерту. 2-тармақ 2-1) тармақшамен толықтырылды - ҚР Үкіметінің 07.11.2013 № 1169 "
        "қаулысымен."
    )
    assert note(RU, "insert", new, mentions, inserted=new, parent=parent) == (
        "Сноска. Пункт 2 дополнен подпунктом 2-1) в соответствии с постановлением "
        "Правительства РК от 07.11.2013 № 1169."
    )


def test_insert_notes_agree_with_the_parent():
    mentions = [signed(ACT_1169)]
    chapter, article = make_unit("chapter", "2."), make_unit("article", "5-1.")
    assert "2-тарау 5-1-баппен толықтырылды" in note(
        KK, "insert", article, mentions, inserted=article, parent=chapter
    )
    assert "Глава 2 дополнена статьей 5-1 в соответствии" in note(
        RU, "insert", article, mentions, inserted=article, parent=chapter
    )
    appendix, text = make_unit("appendix", "1"), make_unit("text")
    assert "Приложение 1 дополнено абзацем в соответствии" in note(
        RU, "insert", text, mentions, inserted=text, parent=appendix
    )
    assert "1-қосымша абзацпен толықтырылды" in note(
        KK, "insert", text, mentions, inserted=text, parent=appendix
    )


@pytest.mark.parametrize(
    ("act_type", "single", "several"),
    [
        ("resolution", "қаулысымен", "қаулыларымен"),
        ("law", "Заңымен", "Заңдарымен"),
        ("decree", "Жарлығымен", "Жарлықтарымен"),
        ("order", "бұйрығымен", "бұйрықтарымен"),
    ],
)
def test_act_words(act_type, single, several):
    act = make_act("1", dt.date(2015, 1, 1), act_type)
    assert KK.act_word(act) == single
    assert KK.act_word(act, 2) == several


def test_act_words_in_notes_of_one_and_several_acts():
    law_1 = make_act("269-V", dt.date(2014, 12, 29), "law", "parliament")
    law_2 = make_act("275-V", dt.date(2015, 1, 10), "law", "parliament")
    decree = make_act("1030", dt.date(2015, 3, 2), "decree", "president")
    unit = make_unit("article", "4.")
    assert note(KK, "amend", unit, [signed(law_1)]).endswith(
        "- ҚР 29.12.2014 № 269-V Заңымен."
    )
    assert note(KK, "amend", unit, [signed(law_1), signed(law_2)]).endswith(
        "- ҚР 29.12.2014 № 269-V, 10.01.2015 № 275-V Заңдарымен."
    )
    assert note(KK, "replace", unit, [signed(decree)]) == (
        "Ескерту. 4-бап жаңа редакцияда - ҚР Президентінің 02.03.2015 № 1030 Жарлығымен."
    )
    assert note(RU, "replace", unit, [signed(decree)]) == (
        "Сноска. Статья 4 в редакции Указа Президента РК от 02.03.2015 № 1030."
    )
    assert note(RU, "amend", unit, [signed(law_1), signed(law_2)]) == (
        "Сноска. Статья 4 с изменениями, внесенными Законами РК от 29.12.2014 № 269-V; "
        "от 10.01.2015 № 275-V."
    )


def test_note_of_acts_of_different_kinds():
    law = make_act("269-V", dt.date(2014, 12, 29), "law", "parliament")
    mentions = [signed(ACT_1169), signed(law), ActMention.of(ACT_279, FROM_2015)]
    assert note(KK, "amend", make_unit("section", "7."), mentions) == (
        "Ескерту. 7-бөлімге өзгеріс енгізілді - ҚР Үкіметінің 07.11.2013 № 1169 қаулысымен, "
        "ҚР 29.12.2014 № 269-V Заңымен, ҚР Үкіметінің 31.03.2014 № 279 "
        "(01.01.2015 бастап қолданысқа енгізіледі) қаулысымен."
    )
    assert note(RU, "amend", make_unit("section", "7."), mentions) == (
        "Сноска. Раздел 7 с изменениями, внесенными постановлением Правительства РК "
        "от 07.11.2013 № 1169; Законом РК от 29.12.2014 № 269-V; постановлением Правительства "
        "РК от 31.03.2014 № 279 (вводится в действие с 01.01.2015)."
    )


def test_issuers_in_the_genitive():
    decree = make_act("1", dt.date(2015, 1, 1), "decree", "president")
    assert KK.issuer(ACT_1169) == "ҚР Үкіметінің"
    assert KK.issuer(decree) == "ҚР Президентінің"
    assert KK.issuer(decree, long=True) == "Қазақстан Республикасы Президентінің"


# --- Russian agreement -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "label", "expected"),
    [
        ("point", "6.", "6. Исключен "),
        ("subpoint", "2)", "2) исключен "),
        ("row", "10.", "10. Исключена "),
        ("article", "4.", "4. Исключена "),
        ("appendix", "2", "2 Исключено "),
        ("notes", None, "Исключено "),
    ],
)
def test_exclusion_agrees_with_the_unit(kind, label, expected):
    text = exclusion(RU, make_unit(kind, label), [signed(ACT_1169)])
    assert text.startswith(expected + "постановлением Правительства РК от 07.11.2013 № 1169")


def test_exclusion_of_a_table_row_without_its_label():
    row = make_unit("row", "10.")
    assert exclusion(RU, row, [signed(ACT_1169)], with_label=False).startswith("Исключена ")
    assert exclusion(KK, row, [signed(ACT_1169)], with_label=False).startswith("Алып тасталды")


def test_lost_force_agrees_with_the_act():
    mentions = [signed(ACT_728)]
    assert repeal_note(RU, mentions, "resolution").startswith("Сноска. Утратило силу ")
    assert repeal_note(RU, mentions, "law").startswith("Сноска. Утратил силу ")
    assert repeal_note(RU, mentions, "decree").startswith("Сноска. Утратил силу ")
    assert [past("Утратил", g) for g in "mfn"] == ["Утратил", "Утратила", "Утратило"]
    assert [past("Исключен", g) for g in "mfn"] == ["Исключен", "Исключена", "Исключено"]


# --- In-force brackets -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "kk_words", "ru_words"),
    [
        (10, "күнтізбелік он күн", "десяти календарных дней"),
        (30, "күнтізбелік отыз күн", "тридцати календарных дней"),
        (21, "күнтізбелік жиырма бір күн", "двадцати одного календарного дня"),
    ],
)
def test_after_publication_brackets(days, kk_words, ru_words):
    mention = ActMention.of(ACT_1154, InForceAfterDays(after_publication_days=days))
    assert KK.in_force_bracket(mention) == (
        f"(алғашқы ресми жарияланған күнінен кейін {kk_words} өткен соң қолданысқа енгізіледі)"
    )
    assert RU.in_force_bracket(mention) == (
        f"(вводится в действие по истечении {ru_words} после дня его первого официального "
        "опубликования)"
    )


def test_date_and_publication_brackets():
    on_date = ActMention.of(ACT_279, FROM_2015)
    assert KK.in_force_bracket(on_date) == "(01.01.2015 бастап қолданысқа енгізіледі)"
    assert RU.in_force_bracket(on_date) == "(вводится в действие с 01.01.2015)"
    published = ActMention.of(ACT_1154, "on_publication")
    assert KK.in_force_bracket(published) == (
        "(алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі)"
    )
    assert RU.in_force_bracket(published) == (
        "(вводится в действие со дня его первого официального опубликования)"
    )
    assert KK.in_force_bracket(signed(ACT_1169)) == ""
    assert RU.in_force_bracket(signed(ACT_1169)) == ""


# --- Dates and numbers -----------------------------------------------------------------------


def test_date_formatters():
    assert Kazakh().date(dt.date(2012, 5, 25)) == "2012 жылғы 25 мамырдағы"
    assert Russian().date(dt.date(2012, 5, 25)) == "25 мая 2012 года"
    assert Russian().date(dt.date(2014, 11, 16)) == "16 ноября 2014 года"


def test_adoption_lines():
    common = dict(
        id="monotowns-2012-2020", type="resolution", issuer="government", number="683",
        date=dt.date(2012, 5, 25), title="", signatory=Signatory(position="", name=""),
        units=[], pos=SourcePos("content/kk/manifest.yaml", 1, 1),
        issuer_names=builtin_issuers().names("government", "resolution"),
    )
    assert KK.adoption_line(Document(lang="kk", **common)) == (
        "Қазақстан Республикасы Үкіметінің 2012 жылғы 25 мамырдағы № 683 қаулысы."
    )
    assert RU.adoption_line(Document(lang="ru", **common)) == (
        "Постановление Правительства Республики Казахстан от 25 мая 2012 года № 683."
    )


@pytest.mark.parametrize("lang", [KK, RU])
def test_numbers(lang):
    nbsp = "\u00a0"
    assert lang.number(6000.0) == f"6{nbsp}000,0"
    assert lang.number(64316) == f"64{nbsp}316"
    assert lang.number(1526113.5) == f"1{nbsp}526{nbsp}113,5"
    assert lang.number(12) == "12"
