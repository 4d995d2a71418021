"""Russian: unit words with gender and cases, act words, notes, dates, phrases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from babel.dates import format_date

from ..model import (
    DOCUMENT,
    Act,
    ActMention,
    Document,
    InForceAfterDays,
    InForceDate,
    Language,
    Subject,
    Unit,
    label_number,
)
from ..model.diff import CHANGE_PHRASES
from ..model.language import StarterTexts, kind_word
from ..model.notes import NoteFacts, UnitRef, Words, joined, words
from .base import act_reference, by_issuer, capitalize, with_bracket

# The cases in which a note names the acts: "в редакции постановления", "внесенными
# постановлением".
Case = Literal["genitive", "instrumental"]


@dataclass(frozen=True, slots=True)
class Noun:
    """A unit word in the cases notes and instructions use; gender m, f or n."""

    nominative: str
    accusative: str
    prepositional: str
    instrumental: str
    gender: str


# The word of every unit kind.
UNIT_NOUNS: dict[str, Noun] = {
    "paragraph": Noun("пункт", "пункт", "пункте", "пунктом", "m"),
    "point": Noun("пункт", "пункт", "пункте", "пунктом", "m"),
    "subpoint": Noun("подпункт", "подпункт", "подпункте", "подпунктом", "m"),
    "section": Noun("раздел", "раздел", "разделе", "разделом", "m"),
    "subsection": Noun("подраздел", "подраздел", "подразделе", "подразделом", "m"),
    "named": Noun("раздел", "раздел", "разделе", "разделом", "m"),
    "appendix": Noun("приложение", "приложение", "приложении", "приложением", "n"),
    "attachment": Noun("приложение", "приложение", "приложении", "приложением", "n"),
    "text": Noun("абзац", "абзац", "абзаце", "абзацем", "m"),
    "part": Noun("часть", "часть", "части", "частью", "f"),
    "preamble": Noun("абзац", "абзац", "абзаце", "абзацем", "m"),
    "signature": Noun("абзац", "абзац", "абзаце", "абзацем", "m"),
    "row": Noun("строка", "строку", "строке", "строкой", "f"),
    "group": Noun("строка", "строку", "строке", "строкой", "f"),
    "total": Noun("строка", "строку", "строке", "строкой", "f"),
    "table": Noun("таблица", "таблицу", "таблице", "таблицей", "f"),
    "notes": Noun("примечание", "примечание", "примечании", "примечанием", "n"),
    "article": Noun("статья", "статью", "статье", "статьей", "f"),
    "chapter": Noun("глава", "главу", "главе", "главой", "f"),
}


@dataclass(frozen=True, slots=True)
class ActWord:
    nominative: str
    genitive: str
    genitive_plural: str
    instrumental: str
    instrumental_plural: str
    gender: str


ACT_WORDS = {
    "resolution": ActWord("постановление", "постановления", "постановлений", "постановлением",
                          "постановлениями", "n"),
    "law": ActWord("Закон", "Закона", "Законов", "Законом", "Законами", "m"),
    "code": ActWord("Кодекс", "Кодекса", "Кодексов", "Кодексом", "Кодексами", "m"),
    "decree": ActWord("Указ", "Указа", "Указов", "Указом", "Указами", "m"),
    "order": ActWord("приказ", "приказа", "приказов", "приказом", "приказами", "m"),
    "decision": ActWord("решение", "решения", "решений", "решением", "решениями", "n"),
    "instruction": ActWord("распоряжение", "распоряжения", "распоряжений", "распоряжением",
                           "распоряжениями", "n"),
}
PAST_ENDINGS = {"m": "", "f": "а", "n": "о"}
# What became of a unit in a diff, the past participle or verb agreeing with its gender.
CHANGE_STEMS = {
    "added": "добавлен{past}", "excluded": "исключен{past}", "reworded": "изменен{past}",
    "moved": "перемещен{past}", "removed": "удален{past}", "repealed": "утратил{past} силу",
}

UNITS_GENITIVE = ["", "одного", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми",
                  "девяти"]
TEENS_GENITIVE = ["десяти", "одиннадцати", "двенадцати", "тринадцати", "четырнадцати",
                  "пятнадцати", "шестнадцати", "семнадцати", "восемнадцати", "девятнадцати"]
TENS_GENITIVE = ["", "", "двадцати", "тридцати", "сорока", "пятидесяти", "шестидесяти",
                 "семидесяти", "восьмидесяти", "девяноста"]
HUNDREDS_GENITIVE = ["", "ста", "двухсот", "трехсот"]


def number_words_genitive(n: int) -> str:
    """10 → десяти, 30 → тридцати, 21 → двадцати одного."""
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(HUNDREDS_GENITIVE[hundreds])
    if 10 <= rest < 20:
        parts.append(TEENS_GENITIVE[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(TENS_GENITIVE[tens])
        if ones:
            parts.append(UNITS_GENITIVE[ones])
    return " ".join(parts)


def calendar_days_genitive(n: int) -> str:
    singular = n % 10 == 1 and n % 100 != 11
    return "календарного дня" if singular else "календарных дней"


def past(stem: str, gender: str) -> str:
    """исключен / исключена / исключено."""
    return stem + PAST_ENDINGS[gender]


class Russian(Language):
    code = "ru"
    locale = "ru_RU"
    note_word = "Сноска."
    characters = "".join(chr(code) for code in range(0x410, 0x450)) + "Ёё" + "«»№"
    amount_units = ("млн", "млрд", "тысяча", "тысячи", "тысяч", "тыс")
    hyphenation = True
    starter = StarterTexts(
        title="Программа", section="Общие положения",
        point="Настоящая Программа реализуется в {year} году.", position="Должность",
        name="И. Фамилия", example_act="О внесении изменения в Программу (пример)",
        issuer="акимата города Жанаозен",
    )
    unit_words: ClassVar[dict[str, Noun]] = UNIT_NOUNS
    unit_word = Noun
    phrases = {
        "contents": "Содержание",
        "pending": "Изменения, не вступившие в силу",
        "pending_intro": "В настоящей редакции не отражены изменения, внесенные:",
        "version": "Редакция",
        "in_force_on": "по состоянию на",
        "reconstructed": "Текст реконструирован (не официальный текст)",
        "in_force_unknown": "дата введения в действие пока не известна",
        "projection": "Прогнозируемая редакция: после введения в действие всех принятых актов "
                      "(не официальный текст)",
        "pending_now": "Подписанные, не вступившие в силу акты",
        "original": "первоначальная редакция",
        "reconstructed_texts": "Реконструированные тексты",
        "status_repealed": "Утратило силу",
        "page": "стр.",
        "year": "год",
        "number_sign": "№",
        "diff_title": "Сравнение редакций",
        "diff_summary": "Измененные структурные единицы",
        "diff_unit": "Единица",
        "diff_change": "Изменение",
        "diff_acts": "Акты",
        "diff_in_force": "Дата вступления в силу",
        "diff_added": "добавлен",
        "diff_excluded": "исключен",
        "diff_reworded": "изменен",
        "diff_moved": "перемещен",
        "diff_removed": "удален",
        "diff_repealed": "утратил силу",
        "diff_none": "Изменений нет.",
        "language_name": "Русский",
        "site_home": "Главная",
        "site_search": "Поиск",
        "site_search_none": "Ничего не найдено.",
        "site_search_in": "Поиск по тексту последней редакции",
        "site_timeline": "Редакции",
        "site_status_in_force": "Действующий",
        "site_status_not_yet": "Не введен в действие",
        "site_current": "действует сейчас",
        "site_future": "еще не введена в действие",
        "site_final": "последняя редакция, утратил силу",
        "site_compare_previous": "Сравнить с предыдущей редакцией",
        "site_download": "Скачать",
        "site_acts": "Акты о внесении изменений",
        "site_act_in_force": "Введение в действие",
        "site_changed_units": "Измененные структурные элементы",
        "site_act_text": "Текст акта",
        "site_skip": "Перейти к тексту",
        "site_errors": "В проекте есть ошибки: текст не обновлен",
        "site_edited": "Изменённый файл",
        "site_last_good": "Последний верный текст",
    }

    def date(self, date: dt.date) -> str:
        """25 мая 2012 года."""
        return f"{format_date(date, 'd MMMM y', locale=self.locale)} года"

    # Units
    def _noun(self, unit: Unit | UnitRef) -> Noun:
        return kind_word(self.unit_words, unit.kind, self.code)

    def _named(self, word: str, label: str | None) -> str:
        """Points lose their dot ('3.' → '3'); sub-points keep the bracket ('2-1)')."""
        if not label:
            return word
        label = label.strip()
        return f"{word} {label if label.endswith(')') else label_number(label)}"

    def unit_name(self, unit: Unit | UnitRef) -> str:
        return self._named(self._noun(unit).nominative, unit.label)

    def _unit_instrumental(self, unit: Unit | UnitRef) -> str:
        return self._named(self._noun(unit).instrumental, unit.label)

    def amount_year(self, year: int | str) -> str:
        return f"{year} год"

    def version_heading(self, date: dt.date) -> str:
        return f"Редакция {self.phrase('in_force_on')} {self.short_date(date)}"

    # Acts
    def act_word(self, act: Act | Document | ActMention, count: int = 1) -> str:
        words = ACT_WORDS[act.type]
        return words.instrumental_plural if count > 1 else words.instrumental

    def in_force_bracket(self, mention: ActMention) -> str:
        if mention.in_force_text is not None:
            return f"({mention.in_force_text[self.code]})"
        rule = mention.rule
        if isinstance(rule, InForceDate):
            return f"(вводится в действие с {self.short_date(rule.date)})"
        if isinstance(rule, InForceAfterDays):
            days = rule.after_publication_days
            return (f"(вводится в действие по истечении {number_words_genitive(days)} "
                    f"{calendar_days_genitive(days)} после дня его первого официального "
                    "опубликования)")
        if rule == "on_publication":
            return "(вводится в действие со дня первого официального опубликования)"
        return ""

    def in_force_from(self, date: dt.date) -> str:
        return f"вводится в действие с {self.short_date(date)}"

    def pending_act(self, mention: ActMention) -> Words:
        """'…изменения, внесенные: постановлением Правительства РК от … № 279 (…)'."""
        return self._acts([mention], "instrumental")

    def change_word(self, change: str, kind: Subject, document_type: str) -> str:
        """исключен / исключена / исключено; утратил / утратила / утратило силу."""
        if kind == DOCUMENT:
            gender = ACT_WORDS[document_type].gender
        else:
            gender = kind_word(self.unit_words, kind, self.code).gender
        stem = CHANGE_STEMS.get(change)
        if stem is None:
            return self.phrase(CHANGE_PHRASES[change])
        return stem.format(past=PAST_ENDINGS[gender])

    def _dated(self, mention: ActMention) -> Words:
        return words("от ", act_reference(self, mention), with_bracket(self, mention))

    def _acts(self, mentions: Sequence[ActMention], case: Case) -> Words:
        """постановлением Правительства РК от …; several: постановлениями … от …; от …."""
        return joined("; ", (self._act_group(group, case) for group in by_issuer(mentions)))

    def _act_group(self, group: list[ActMention], case: Case) -> Words:
        first = group[0]
        words_of_act = ACT_WORDS[first.type]
        if case == "genitive":
            word = words_of_act.genitive_plural if len(group) > 1 else words_of_act.genitive
        else:
            word = self.act_word(first, len(group))
        dated = joined("; ", (self._dated(mention) for mention in group))
        return words(f"{word} {self.issuer(first)} ", dated)

    def act_name(self, act: Act | Document) -> str:
        """Постановление Правительства РК от 07.11.2013 № 1169 — an act named on its own."""
        word = capitalize(ACT_WORDS[act.type].nominative)
        return f"{word} {self.issuer(act)} от {self.short_date(act.date)} № {act.number}"

    def document_name(self, document_type: str) -> str:
        """Постановление, Закон — the document itself, as a changed unit is named."""
        return capitalize(ACT_WORDS[document_type].nominative)

    # Notes
    def note(self, facts: NoteFacts) -> Words:
        if facts.operation == "replace":
            return words(f"{self.note_word} {capitalize(self.unit_name(facts.units[0]))} в "
                         "редакции ", self._acts(facts.acts, "genitive"), ".")
        if facts.operation == "amend":
            return words(f"{self.note_word} {capitalize(self.unit_name(facts.units[0]))} с "
                         "изменениями, внесенными ", self._acts(facts.acts, "instrumental"), ".")
        if facts.operation == "insert" and facts.added is not None:
            if facts.units:
                holder, gender = self.unit_name(facts.units[0]), self._noun(facts.units[0]).gender
            else:
                holder, gender = "постановление", "n"
            return words(f"{self.note_word} {capitalize(holder)} {past('дополнен', gender)} "
                         f"{self._unit_instrumental(facts.added)} в соответствии с ",
                         self._acts(facts.acts, "instrumental"), ".")
        raise ValueError(facts.operation)

    def exclusion(self, facts: NoteFacts, with_label: bool = True) -> Words:
        unit = facts.units[0]
        label = f"{unit.label.strip()} " if unit.label and with_label else ""
        verb = past("Исключен", self._noun(unit).gender)
        return words(f"{label}{verb} ", self._acts(facts.acts, "instrumental"), ".")

    def repeal_note(self, facts: NoteFacts) -> Words:
        gender = ACT_WORDS[facts.document_type].gender
        return words(f"{self.note_word} {past('Утратил', gender)} силу ",
                     self._acts(facts.acts, "instrumental"), ".")

    # Lines of the document head
    def adoption_line(self, document: Document) -> str:
        word = capitalize(ACT_WORDS[document.type].nominative)
        issuer = self.issuer(document, long=True)
        line = f"{word} {issuer} от {self.date(document.date)} № {document.number}."
        registration = document.registration
        if registration is None:
            return line
        gender = ACT_WORDS[document.type].gender
        return (f"{line} {past('Зарегистрирован', gender)} в Министерстве юстиции Республики "
                f"Казахстан {self.date(registration.date)} № {registration.number}.")

    def repeal_line(self, act: Act, document_type: str) -> str:
        gender = ACT_WORDS[document_type].gender
        return (f"{past('Утратил', gender)} силу {self.act_word(act)} "
                f"{self.issuer(act, long=True)} от {self.date(act.date)} № {act.number}")
