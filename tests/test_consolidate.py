"""Consolidation and annotation of the fixture project: timeline, versions, ordering, notes.

The fixture (tests/fixture) is a small district programme amended by six acts; see its records
in tests/fixture/amendments for what each act does.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.annotate import annotate
from generator.consolidate import consolidate, timeline, version_date
from generator.load import load_project
from generator.load.registry import builtin_issuers
from generator.model import (
    Act,
    Change,
    EditIn,
    InForceAfterDays,
    InForceDate,
    InputError,
    LangText,
    SourcePos,
    Unit,
    effective_date,
)
from tests.fixtureutil import FIXTURE, copy_fixture
from tests.noteutil import texts

D = dt.date
ADOPTED = D(2014, 2, 10)
VERSION_DATES = [
    ADOPTED, D(2014, 5, 20), D(2014, 7, 1), D(2014, 11, 16), D(2015, 1, 1), D(2015, 2, 3),
    D(2016, 1, 1),
]
LATEST = VERSION_DATES[-1]
SUBSEC = "att_1__sec_3__subsec_2"
POINT_2 = f"{SUBSEC}__point_2"
ROW_3 = "att_1__sec_4__action_plan__row_3"

SETTINGS = settings(max_examples=50, deadline=None)
any_date = st.dates(min_value=ADOPTED, max_value=D(2016, 12, 31))
any_lang = st.sampled_from(["kk", "ru"])


# Loaded once; the property tests use it directly so that Hypothesis never prints it.
PROJECT = load_project(FIXTURE)


@pytest.fixture(scope="module")
def project():
    return PROJECT


def version_at(project, date: dt.date, lang: str = "kk"):
    return consolidate(project, lang, date)


def text_at(project, uid: str, date: dt.date, lang: str = "kk") -> str:
    return version_at(project, date, lang).index[uid].text


def original(project, uid: str, lang: str = "kk") -> Unit:
    return next(
        unit for top in project.documents[lang].units for unit in top.walk() if unit.uid == uid
    )


def change_of(project, number: str, index: int) -> Change:
    return next(c for c in project.changes if c.act.number == number and c.index == index)


def act_numbers(changes: list[Change]) -> list[str]:
    return list(dict.fromkeys(change.act.number for change in changes))


# --- Timeline and in-force rules -------------------------------------------------------------


def test_timeline_dates_and_acts(project):
    assert [(date, [act.number for act in acts]) for date, acts in timeline(project)] == [
        (ADOPTED, []),
        (D(2014, 5, 20), ["512"]),
        (D(2014, 7, 1), ["512"]),
        (D(2014, 11, 16), ["1020"]),
        (D(2015, 1, 1), ["845", "1310"]),
        (D(2015, 2, 3), ["30"]),
        (D(2016, 1, 1), ["1200"]),
    ]


@pytest.mark.parametrize(
    ("number", "index", "effective"),
    [
        ("512", 0, D(2014, 5, 20)),  # on_signing: the signing date
        ("512", 3, D(2014, 7, 1)),  # the change's own {date} overrides the act's rule
        ("1020", 0, D(2014, 11, 16)),  # published 5 Nov + 10 days
        ("845", 1, D(2015, 1, 1)),  # {date}
        ("30", 2, D(2015, 2, 3)),  # on_publication: the publication date
    ],
)
def test_in_force_rules_of_the_records(project, number, index, effective):
    assert change_of(project, number, index).effective == effective


@pytest.mark.parametrize(
    ("rule", "published", "expected"),
    [
        (InForceAfterDays(after_publication_days=10), D(2014, 11, 5), D(2014, 11, 16)),
        (InForceAfterDays(after_publication_days=1), D(2014, 11, 5), D(2014, 11, 7)),
        (InForceAfterDays(after_publication_days=30), D(2014, 12, 20), D(2015, 1, 20)),
        (InForceAfterDays(after_publication_days=10), None, None),
        ("on_publication", D(2014, 11, 5), D(2014, 11, 5)),
        ("on_publication", None, None),
        ("on_signing", D(2014, 11, 5), D(2014, 10, 30)),
        (InForceDate(date=D(2015, 1, 1)), None, D(2015, 1, 1)),
    ],
)
def test_effective_date(rule, published, expected):
    act = make_act(D(2014, 10, 30), published=published)
    assert effective_date(act, rule) == expected


def make_act(date: dt.date, number: str = "1", published: dt.date | None = None) -> Act:
    return Act(
        type="resolution", issuer="government", number=number, date=date, published=published,
        in_force="on_signing", title={"kk": "", "ru": ""}, path="amendments/test.yaml", order=99,
        issuer_names=builtin_issuers().names("government", "resolution"),
    )


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (D(2014, 2, 11), ADOPTED),
        (D(2014, 5, 21), D(2014, 5, 20)),
        (D(2014, 9, 1), D(2014, 7, 1)),
        (D(2014, 11, 15), D(2014, 7, 1)),
        (D(2015, 12, 31), D(2015, 2, 3)),
        (D(2030, 1, 1), LATEST),
    ],
)
def test_a_date_between_versions_gives_the_earlier_version(project, date, expected):
    assert version_date(project, date) == expected
    for lang in ("kk", "ru"):
        assert version_at(project, date, lang).units == version_at(project, expected, lang).units


# --- Each action ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_replace(project, lang):
    before = original(project, "para_3", lang)
    replacement = change_of(project, "512", 0).content[lang]
    assert text_at(project, "para_3", D(2014, 5, 19), lang) == before.text
    after = version_at(project, D(2014, 5, 20), lang).index["para_3"]
    assert after.text == replacement["text"] != before.text
    assert (after.uid, after.label) == ("para_3", "3.")


def test_amend_with_several_edits(project):
    uid = f"{SUBSEC}__point_1"
    assert text_at(project, uid, D(2014, 5, 19)) == original(project, uid).text
    assert text_at(project, uid, D(2014, 5, 20)) == (
        "Ауданның экономикасын әртараптандыру, 2018 жылға қарай шағын және орта кәсіпкерлік "
        "субъектілерінің санын 20 пайызға арттыру."
    )
    assert text_at(project, uid, D(2014, 5, 20), "ru") == (
        "Диверсификация экономики района, увеличение к 2018 году количества субъектов малого "
        "и среднего предпринимательства на 20 процентов."
    )


def test_amend_by_a_change_with_its_own_in_force_date(project):
    uid = "att_1__sec_2__p_2"
    assert "65 пайызды" in text_at(project, uid, D(2014, 6, 30))
    assert "68 пайызды" in text_at(project, uid, D(2014, 7, 1))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_insert_after_a_sibling(project, lang):
    def labels(date):
        return [child.label for child in version_at(project, date, lang).index[POINT_2].children]

    assert labels(D(2014, 5, 19)) == ["1)", "2)", "3)"]
    assert labels(D(2014, 5, 20)) == ["1)", "2)", "2-1)", "3)"]
    inserted = version_at(project, D(2014, 5, 20), lang).index[f"{POINT_2}__subpoint_2-1"]
    assert inserted.text == change_of(project, "512", 2).content[lang]["text"]


def test_delete_keeps_the_unit_in_place(project):
    point_3 = f"{SUBSEC}__point_3"
    before, after = version_at(project, D(2014, 12, 31)), version_at(project, D(2015, 1, 1))
    assert point_3 not in before.excluded
    assert after.excluded[point_3].act.number == "845"
    assert [c.uid for c in after.index[SUBSEC].children] == [
        c.uid for c in before.index[SUBSEC].children
    ]
    table = after.index["att_1__sec_4__action_plan"]
    assert ROW_3 in after.excluded and ROW_3 in [row.uid for row in table.children]
    assert ROW_3 not in version_at(project, D(2014, 11, 15)).excluded


def test_repeal(project):
    assert version_at(project, D(2015, 12, 31)).repeal is None
    latest = version_at(project, LATEST)
    assert latest.repeal.act.number == "1200"
    assert latest.units == version_at(project, D(2015, 12, 31)).units
    kk, ru = annotate(latest, project), annotate(version_at(project, LATEST, "ru"), project)
    assert (kk.status, ru.status) == ("Күшін жойған", "Утратило силу")
    assert kk.repeal_line == (
        "Күші жойылды - Қазақстан Республикасы Үкіметінің 2015 жылғы 29 желтоқсандағы № 1200 "
        "қаулысымен"
    )
    assert ru.repeal_line == (
        "Утратило силу постановлением Правительства Республики Казахстан от 29 декабря "
        "2015 года № 1200"
    )


def made_change(number: str, date: dt.date, target: str, action: str, **fields) -> Change:
    return Change(
        act=make_act(date, number), index=0, target=target, action=action, in_force="on_signing",
        effective=date, pos=SourcePos(f"amendments/no-{number}.yaml", 1, 1), **fields,
    )


def test_replacing_a_unit_drops_the_exclusions_of_its_old_children(project):
    wording = {
        "kind": "point", "label": "2.", "text": "Инфрақұрылымды дамыту:",
        "children": [
            {"kind": "subpoint", "label": "1)", "text": "сумен жабдықтау;"},
            {"kind": "subpoint", "label": "3)", "text": "жылумен жабдықтау."},
        ],
    }
    changes = [
        made_change("7", D(2014, 3, 1), f"{POINT_2}__subpoint_2", "delete"),
        made_change("8", D(2014, 3, 1), f"{POINT_2}__subpoint_3", "delete"),
        made_change("9", D(2014, 4, 1), POINT_2, "replace", content={"kk": wording, "ru": wording}),
    ]
    amended = dataclasses.replace(project, changes=changes)
    assert set(version_at(amended, D(2014, 3, 1)).excluded) == {
        f"{POINT_2}__subpoint_2", f"{POINT_2}__subpoint_3"
    }
    version = version_at(amended, D(2014, 4, 1))
    assert version.excluded == {}
    assert [child.text for child in version.index[POINT_2].children] == [
        "сумен жабдықтау;", "жылумен жабдықтау."
    ]
    assert annotate(version, amended).exclusions == {}


def test_a_change_inside_an_excluded_unit_is_an_error(project):
    changes = [
        made_change("7", D(2014, 3, 1), POINT_2, "delete"),
        made_change(
            "8", D(2014, 4, 1), f"{POINT_2}__subpoint_1", "amend",
            edits=[EditIn(find=LangText(kk="ауыз", ru="питьевой"),
                          replace=LangText(kk="таза", ru="чистой"))],
        ),
    ]
    with pytest.raises(InputError, match=f"inside excluded {POINT_2}"):
        version_at(dataclasses.replace(project, changes=changes), D(2014, 4, 1))


# --- Ordering --------------------------------------------------------------------------------


def test_in_force_date_orders_before_signing_date(project):
    """No 845 is signed before No 1020 but takes effect later; its edit needs 1020's wording."""
    assert text_at(project, POINT_2, D(2014, 11, 16)) == (
        "Инженерлік, көлік және әлеуметтік инфрақұрылымды дамыту, оның ішінде:"
    )
    assert text_at(project, POINT_2, D(2015, 1, 1)) == (
        "Инженерлік, көлік және әлеуметтік инфрақұрылымды жаңғырту және дамыту, оның ішінде:"
    )
    applied = version_at(project, LATEST).applied
    assert act_numbers([c for c in applied if c.target == POINT_2]) == ["512", "1020", "845"]


def test_signing_date_orders_acts_in_force_on_one_date(project):
    """Nos 845 and 1310 take effect together; 845, signed first, applies first although its
    record's file name sorts after 1310's."""
    names = sorted(path.name for path in (FIXTURE / "amendments").glob("*.yaml"))
    assert names.index("no-1310.yaml") < names.index("no-845.yaml")
    assert text_at(project, "para_4", D(2015, 1, 1)) == (
        "Осы қаулының орындалуын бақылау Қазақстан Республикасы Ұлттық экономика министрлігіне "
        "және Қызылорда облысының әкімдігіне жүктелсін."
    )
    assert text_at(project, "para_4", D(2015, 1, 1), "ru") == (
        "Контроль за исполнением настоящего постановления возложить на Министерство "
        "национальной экономики Республики Казахстан и акимат Кызылординской области."
    )
    applied = version_at(project, D(2015, 1, 1)).applied
    assert act_numbers([c for c in applied if c.effective == D(2015, 1, 1)]) == ["845", "1310"]


def test_position_in_record_orders_changes_of_one_act(project):
    appendix = version_at(project, D(2015, 2, 3)).index["att_1__app_1"]
    assert [child.own_id for child in appendix.children] == ["p_1", "p_2", "p_3", "p_4", "p_5"]
    assert [child.text for child in appendix.children[2:]] == [
        "Қазақстан Республикасы Ұлттық экономика министрлігі.",
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігі.",
        "Қазақстан Республикасы Инвестициялар және даму министрлігі.",
    ]


def test_changes_of_one_act_apply_in_record_order(tmp_path):
    """Swapping the two inserts of No 30 puts the insert after p_4 before p_4 exists."""
    root = copy_fixture(tmp_path)
    record = root / "amendments" / "no-30.yaml"
    head, first, second = record.read_text(encoding="utf-8").split("  - target: att_1__app_1\n")
    record.write_text(head + "  - target: att_1__app_1\n".join(["", second, first]), "utf-8")
    project = load_project(root)
    with pytest.raises(InputError) as caught:
        consolidate(project, "kk", LATEST)
    assert "att_1__app_1__p_4 does not exist on 2015-02-03" in str(caught.value)


# --- Pending changes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "pending"),
    [
        (ADOPTED, []),
        (D(2014, 5, 20), ["512"]),
        (D(2014, 6, 30), ["512"]),
        (D(2014, 7, 1), []),
        (D(2014, 8, 15), ["845"]),
        (D(2014, 11, 1), ["1020", "845"]),
        (D(2014, 11, 16), ["845"]),
        (D(2014, 12, 25), ["845", "1310"]),
        (D(2015, 1, 1), []),
        (D(2015, 1, 30), ["30"]),
        (D(2015, 12, 30), ["1200"]),
        (LATEST, []),
    ],
)
def test_pending_acts(project, date, pending):
    assert act_numbers(version_at(project, date).pending) == pending


def test_pending_changes_are_listed_not_shown(project):
    version = version_at(project, D(2014, 12, 25))
    assert "Экономика және бюджеттік жоспарлау" in version.index["para_4"].text
    assert f"{SUBSEC}__point_3" not in version.excluded
    assert [item.text for item in annotate(version, project).pending] == [
        "ҚР Үкіметінің 15.08.2014 № 845 (01.01.2015 бастап қолданысқа енгізіледі) қаулысы",
        "ҚР Үкіметінің 20.12.2014 № 1310 (01.01.2015 бастап қолданысқа енгізіледі) қаулысы",
    ]
    ru = annotate(version_at(project, D(2014, 12, 25), "ru"), project)
    # "В настоящей редакции не отражены изменения, внесенные:" + the instrumental.
    assert ru.pending[0].text == (
        "постановлением Правительства РК от 15.08.2014 № 845 (вводится в действие с 01.01.2015)"
    )
    # A bracket that gives no date is followed by the day the act takes effect.
    before_1020 = annotate(version_at(project, D(2014, 11, 10)), project)
    assert before_1020.pending[0].text == (
        "ҚР Үкіметінің 28.10.2014 № 1020 (алғашқы ресми жарияланған күнінен кейін күнтізбелік "
        "он күн өткен соң қолданысқа енгізіледі) қаулысы — 16.11.2014 бастап қолданысқа енгізіледі"
    )


# --- Notes ------------------------------------------------------------------------------------

KK_ACT = {
    "512": "ҚР Үкіметінің 20.05.2014 № 512 қаулысымен",
    "845": "ҚР Үкіметінің 15.08.2014 № 845 (01.01.2015 бастап қолданысқа енгізіледі) қаулысымен",
    "1020": "ҚР Үкіметінің 28.10.2014 № 1020 (алғашқы ресми жарияланған күнінен кейін "
    "күнтізбелік он күн өткен соң қолданысқа енгізіледі) қаулысымен",
    "30": "ҚР Үкіметінің 27.01.2015 № 30 (алғашқы ресми жарияланған күнінен бастап "
    "қолданысқа енгізіледі) қаулысымен",
}
KK_NOTES = {
    "para_3": [f"Ескерту. 3-тармақ жаңа редакцияда - {KK_ACT['512']}."],
    "para_4": [
        "Ескерту. 4-тармаққа өзгеріс енгізілді - ҚР Үкіметінің 15.08.2014 № 845 (01.01.2015 "
        "бастап қолданысқа енгізіледі), 20.12.2014 № 1310 (01.01.2015 бастап қолданысқа "
        "енгізіледі) қаулыларымен."
    ],
    # An unlabelled paragraph's change is noted on its section.
    "att_1__sec_2": [
        "Ескерту. 2-бөлімге өзгеріс енгізілді - ҚР Үкіметінің 20.05.2014 № 512 (01.07.2014 "
        "бастап қолданысқа енгізіледі) қаулысымен."
    ],
    "att_1__sec_3": [f"Ескерту. 3-бөлімге өзгеріс енгізілді - {KK_ACT['512']}."],
    SUBSEC: [
        "Ескерту. Кіші бөлімге өзгеріс енгізілді - ҚР Үкіметінің 28.10.2014 № 1020 (алғашқы "
        "ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі), "
        "15.08.2014 № 845 (01.01.2015 бастап қолданысқа енгізіледі) қаулыларымен."
    ],
    f"{POINT_2}__subpoint_2-1": [
        f"Ескерту. 2-тармақ 2-1) тармақшамен толықтырылды - {KK_ACT['512']}."
    ],
    "att_1__sec_4": [f"Ескерту. 4-бөлімге өзгеріс енгізілді - {KK_ACT['1020']}."],
    "att_1__app_1": [f"Ескерту. 1-қосымшаға өзгеріс енгізілді - {KK_ACT['30']}."],
}
RU_ACT = {
    "512": "постановлением Правительства РК от 20.05.2014 № 512",
    "845": "постановлением Правительства РК от 15.08.2014 № 845 (вводится в действие с "
    "01.01.2015)",
    "1020": "постановлением Правительства РК от 28.10.2014 № 1020 (вводится в действие по "
    "истечении десяти календарных дней после дня его первого официального опубликования)",
    "30": "постановлением Правительства РК от 27.01.2015 № 30 (вводится в действие со дня "
    "его первого официального опубликования)",
}
RU_NOTES = {
    "para_3": ["Сноска. Пункт 3 в редакции постановления Правительства РК от 20.05.2014 № 512."],
    "para_4": [
        "Сноска. Пункт 4 с изменениями, внесенными постановлениями Правительства РК от "
        "15.08.2014 № 845 (вводится в действие с 01.01.2015); от 20.12.2014 № 1310 (вводится в "
        "действие с 01.01.2015)."
    ],
    "att_1__sec_2": [
        "Сноска. Раздел 2 с изменениями, внесенными постановлением Правительства РК от 20.05.2014 "
        "№ 512 (вводится в действие с 01.07.2014)."
    ],
    "att_1__sec_3": [f"Сноска. Раздел 3 с изменениями, внесенными {RU_ACT['512']}."],
    SUBSEC: [
        "Сноска. Подраздел с изменениями, внесенными постановлениями Правительства РК от "
        "28.10.2014 № 1020 (вводится в действие по истечении десяти календарных дней после дня "
        "его первого официального опубликования); от 15.08.2014 № 845 (вводится в действие с "
        "01.01.2015)."
    ],
    f"{POINT_2}__subpoint_2-1": [
        f"Сноска. Пункт 2 дополнен подпунктом 2-1) в соответствии с {RU_ACT['512']}."
    ],
    "att_1__sec_4": [f"Сноска. Раздел 4 с изменениями, внесенными {RU_ACT['1020']}."],
    "att_1__app_1": [f"Сноска. Приложение 1 с изменениями, внесенными {RU_ACT['30']}."],
}


@pytest.fixture(scope="module")
def latest(project):
    return {lang: annotate(version_at(project, LATEST, lang), project) for lang in ("kk", "ru")}


@pytest.mark.parametrize(("lang", "expected"), [("kk", KK_NOTES), ("ru", RU_NOTES)])
def test_notes_of_the_latest_version(latest, lang, expected):
    assert texts(latest[lang].notes) == expected


def test_exclusions_and_repeal_notes_of_the_latest_version(latest):
    kk, ru = latest["kk"], latest["ru"]
    assert {uid: note.text for uid, note in kk.exclusions.items()} == {
        ROW_3: f"Алып тасталды - {KK_ACT['1020']}.",
        f"{SUBSEC}__point_3": f"3. Алып тасталды - {KK_ACT['845']}.",
    }
    assert {uid: note.text for uid, note in ru.exclusions.items()} == {
        ROW_3: f"Исключена {RU_ACT['1020']}.",
        f"{SUBSEC}__point_3": f"3. Исключен {RU_ACT['845']}.",
    }
    assert kk.repeal_note is not None and kk.repeal_note.text == (
        "Ескерту. Күші жойылды - ҚР Үкіметінің 29.12.2015 № 1200 (01.01.2016 бастап "
        "қолданысқа енгізіледі) қаулысымен."
    )
    assert ru.repeal_note is not None and ru.repeal_note.text == (
        "Сноска. Утратило силу постановлением Правительства РК от 29.12.2015 № 1200 (вводится в "
        "действие с 01.01.2016)."
    )


def test_note_on_moves_the_note_to_the_enclosing_unit(project, latest):
    notes = latest["kk"].notes
    # No 512 amends point 1 but its note names section 3.
    assert f"{SUBSEC}__point_1" not in notes and "att_1__sec_3" in notes
    # No 1020 excludes row 3 (its exclusion text stays) and notes a change to section 4.
    assert ROW_3 in latest["kk"].exclusions and "att_1__sec_4" in notes
    # No 30's three changes give one note on the appendix, none on the inserted paragraphs.
    assert len(notes["att_1__app_1"]) == 1
    assert "att_1__app_1__p_4" not in notes and "att_1__app_1__p_5" not in notes
    # Without note_on, the same change would note the unit itself.
    change = change_of(project, "1020", 0)
    bare = dataclasses.replace(project, changes=[
        dataclasses.replace(c, note_on=None) if c is change else c for c in project.changes
    ])
    bare_notes = texts(annotate(version_at(bare, LATEST), bare).notes)
    assert bare_notes[POINT_2] == [
        f"Ескерту. 2-тармаққа өзгеріс енгізілді - {KK_ACT['1020']}."
    ]
    assert bare_notes[SUBSEC] == [
        "Ескерту. Кіші бөлімге өзгеріс енгізілді - ҚР Үкіметінің 15.08.2014 № 845 (01.01.2015 "
        "бастап қолданысқа енгізіледі) қаулысымен."
    ]


def test_notes_grow_with_the_versions(project):
    def notes(date):
        return texts(annotate(version_at(project, date), project).notes)

    assert notes(ADOPTED) == {}
    assert set(notes(D(2014, 5, 20))) == {"para_3", "att_1__sec_3", f"{POINT_2}__subpoint_2-1"}
    assert notes(D(2014, 11, 16))[SUBSEC] == [
        f"Ескерту. Кіші бөлімге өзгеріс енгізілді - {KK_ACT['1020']}."
    ]


def test_reconstructed_wording_is_marked_until_replaced(project):
    before = annotate(version_at(project, D(2014, 5, 19)), project)
    after = annotate(version_at(project, D(2014, 5, 20)), project)
    assert list(before.reconstructed) == ["para_3"]
    assert after.reconstructed == {}


# --- Invariants -------------------------------------------------------------------------------


def all_units(units: list[Unit]) -> list[Unit]:
    return [unit for top in units for unit in top.walk()]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_original_version_equals_the_content(project, lang):
    version = version_at(project, ADOPTED, lang)
    assert version.units == project.documents[lang].units
    assert (dict(version.events), version.excluded, version.repeal) == ({}, {}, None)


@SETTINGS
@given(date=any_date, lang=any_lang)
def test_every_original_unit_stays_unless_replaced_away(date, lang):
    version = version_at(PROJECT, date, lang)
    replaced = [c.target for c in version.applied if c.action == "replace"]
    for unit in all_units(PROJECT.documents[lang].units):
        if not any(unit.uid.startswith(f"{target}__") for target in replaced):
            assert unit.uid in version.index
    uids = [unit.uid for unit in version.walk()]
    assert len(uids) == len(set(uids)) and set(uids) == set(version.index)


@SETTINGS
@given(date=any_date, lang=any_lang)
def test_consolidation_is_repeatable(date, lang):
    first, second = version_at(PROJECT, date, lang), version_at(PROJECT, date, lang)
    assert first.units == second.units
    assert (first.excluded.keys(), first.events.keys()) == (
        second.excluded.keys(), second.events.keys()
    )
    assert version_at(PROJECT, version_date(PROJECT, date), lang).units == first.units


@SETTINGS
@given(date=any_date)
def test_applied_and_pending_split_the_signed_changes(date):
    version = version_at(PROJECT, date)
    applied, pending = set(map(id, version.applied)), set(map(id, version.pending))
    assert not applied & pending
    assert all(c.effective <= date for c in version.applied)
    assert all(c.act.date <= date < c.effective for c in version.pending)
    known = {id(c) for c in PROJECT.changes if c.act.date <= date or c.effective <= date}
    assert applied | pending == known


def outcome(project, lang: str = "kk"):
    """What consolidating the latest version gives: the tree or the error messages."""
    try:
        version = consolidate(project, lang, timeline(project)[-1][0])
    except InputError as exc:
        return ("errors", [str(item) for item in exc.diagnostics.errors])
    return ("version", version.units, sorted(version.excluded), version.repeal is not None)


@SETTINGS
@given(data=st.data())
def test_any_subset_of_changes_in_any_order_gives_one_result(data):
    count = len(PROJECT.changes)
    mask = data.draw(st.lists(st.booleans(), min_size=count, max_size=count))
    order = data.draw(st.permutations(range(count)))
    chosen = [change for change, keep in zip(PROJECT.changes, mask, strict=True) if keep]
    shuffled = [PROJECT.changes[i] for i in order if mask[i]]
    in_order = outcome(dataclasses.replace(PROJECT, changes=chosen))
    assert outcome(dataclasses.replace(PROJECT, changes=shuffled)) == in_order
    assert outcome(dataclasses.replace(PROJECT, changes=chosen)) == in_order


TEXT_UNITS = [unit.uid for unit in all_units(PROJECT.documents["kk"].units) if unit.text]


@SETTINGS
@given(data=st.data())
def test_an_amend_edits_its_target_only(data):
    unit = original(PROJECT, data.draw(st.sampled_from(TEXT_UNITS)))
    start = data.draw(st.integers(0, len(unit.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(unit.text), start + 25)))
    find = unit.text[start:end]
    occurrences = sum(
        (piece or "").count(find) for piece in (unit.text, unit.heading, unit.position, unit.name)
    )
    new = data.draw(st.text(alphabet="абвгд ӘҚҢ«»-0123", min_size=1, max_size=12))
    date = D(2014, 3, 1)
    change = Change(
        act=make_act(date), index=0, target=unit.uid, action="amend", in_force="on_signing",
        effective=date, pos=SourcePos("amendments/generated.yaml", 1, 1),
        edits=[EditIn(find=LangText(kk=find, ru=find), replace=LangText(kk=new, ru=new))],
    )
    amended = dataclasses.replace(PROJECT, changes=[change])
    if occurrences != 1:
        with pytest.raises(InputError, match=unit.uid):
            consolidate(amended, "kk", date)
        return
    version = consolidate(amended, "kk", date)
    expected = unit.copy()
    expected.text = unit.text.replace(find, new)
    assert version.index[unit.uid] == expected
    for other in all_units(PROJECT.documents["kk"].units):
        if unit.uid.startswith(f"{other.uid}__"):
            assert version.index[other.uid].text == other.text
        elif other.uid != unit.uid:
            assert version.index[other.uid] == other
    # The note goes to the unit, or, when it has neither label nor heading, to the nearest
    # enclosing unit that has one.
    host = unit
    while not (host.label or host.heading) and "__" in host.uid:
        host = version.index[host.uid.rsplit("__", 1)[0]]
    if not (host.label or host.heading):
        host = unit
    assert [event.operation for event in version.events[host.uid]] == ["amend"]



def test_consolidating_never_modifies_the_adopted_document():
    project = load_project(FIXTURE)
    before = {lang: copy.deepcopy(doc.units) for lang, doc in project.documents.items()}
    for lang in project.documents:
        for date, _ in timeline(project):
            consolidate(project, lang, date)
    assert {lang: doc.units for lang, doc in project.documents.items()} == before


PASSPORT_RECORD = """act:
  type: resolution
  issuer: government
  number: "{number}"
  date: {date}
  title: {{kk: "Өзгеріс", ru: "Изменение"}}
changes:
  - target: att_1__sec_1__passport__{row}
    action: amend
    edits:
      - find: {{kk: "{kk_find}", ru: "{ru_find}"}}
        replace: {{kk: "{kk_new}", ru: "{ru_new}"}}
"""


def test_a_change_to_an_unlabelled_row_is_noted_on_its_section_with_the_others(tmp_path):
    """Passport rows have no label: the official texts note their changes on the section
    ("1-бөлімге өзгеріс енгізілді"), one note for every act that changed something in it."""
    root = copy_fixture(tmp_path)
    (root / "amendments" / "no-600.yaml").write_text(PASSPORT_RECORD.format(
        number="600", date="2014-06-01", row="row_3",
        kk_find="Қызылорда облысының әкімдігі", kk_new="Қызылорда облысы әкімінің аппараты",
        ru_find="Акимат Кызылординской области", ru_new="Аппарат акима Кызылординской области",
    ), encoding="utf-8")
    (root / "amendments" / "no-610.yaml").write_text(PASSPORT_RECORD.format(
        number="610", date="2014-06-10", row="row_5", kk_find="2018 жылдар",
        kk_new="2019 жылдар", ru_find="2018 годы", ru_new="2019 годы",
    ), encoding="utf-8")
    project = load_project(root)
    kk, ru = (annotate(version_at(project, D(2014, 7, 1), lang), project) for lang in ("kk", "ru"))
    assert texts(kk.notes)["att_1__sec_1"] == [
        "Ескерту. 1-бөлімге өзгеріс енгізілді - ҚР Үкіметінің 01.06.2014 № 600, 10.06.2014 "
        "№ 610 қаулыларымен."
    ]
    assert texts(ru.notes)["att_1__sec_1"] == [
        "Сноска. Раздел 1 с изменениями, внесенными постановлениями Правительства РК от "
        "01.06.2014 № 600; от 10.06.2014 № 610."
    ]
    assert not [uid for uid in kk.notes if uid.startswith("att_1__sec_1__")]
    # `note_on` still decides where a note goes.
    record = root / "amendments" / "no-610.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "    action: amend\n", "    action: amend\n    note_on: att_1__sec_1__passport__row_5\n"),
        encoding="utf-8")
    project = load_project(root)
    notes = texts(annotate(version_at(project, D(2014, 7, 1)), project).notes)
    assert notes["att_1__sec_1__passport__row_5"] == [
        "Ескерту. Жолға өзгеріс енгізілді - ҚР Үкіметінің 10.06.2014 № 610 қаулысымен."]
    assert notes["att_1__sec_1"] == [
        "Ескерту. 1-бөлімге өзгеріс енгізілді - ҚР Үкіметінің 01.06.2014 № 600 қаулысымен."]
