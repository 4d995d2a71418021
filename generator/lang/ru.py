"""Russian: unit words with gender and cases, act words, notes, dates, phrases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from ..model import (
    DOCUMENT,
    Act,
    ActMention,
    Document,
    InForceAfterDays,
    InForceAfterSigning,
    InForceDate,
    Language,
    Subject,
    Unit,
    label_number,
)
from ..model.language import OrderStarterTexts, StarterTexts, kind_word
from ..model.notes import TITLE, NoteFacts, NoteStep, Segment, UnitRef, Words, joined, words
from .base import act_reference, by_type, capitalize, era, signer, with_bracket

# The cases in which a note names the acts: "в редакции постановления", "внесенными
# постановлением".
Case = Literal["genitive", "instrumental"]


@dataclass(frozen=True, slots=True)
class Noun:
    """A unit word in the cases notes and instructions use; gender m, f, n or pl (a word
    used in the plural only); the genitive ("Заголовок главы 1") and the nominative plural
    ("Статьи 4, 5") where a note needs them."""

    nominative: str
    accusative: str
    prepositional: str
    instrumental: str
    gender: str
    genitive: str = ""
    plural: str = ""


# The word of every unit kind.
UNIT_NOUNS: dict[str, Noun] = {
    "paragraph": Noun("пункт", "пункт", "пункте", "пунктом", "m", "пункта", "пункты"),
    "point": Noun("пункт", "пункт", "пункте", "пунктом", "m", "пункта", "пункты"),
    "subpoint": Noun("подпункт", "подпункт", "подпункте", "подпунктом", "m", "подпункта",
                     "подпункты"),
    "section": Noun("раздел", "раздел", "разделе", "разделом", "m", "раздела", "разделы"),
    "subsection": Noun("подраздел", "подраздел", "подразделе", "подразделом", "m",
                       "подраздела", "подразделы"),
    "named": Noun("раздел", "раздел", "разделе", "разделом", "m", "раздела", "разделы"),
    "appendix": Noun("приложение", "приложение", "приложении", "приложением", "n",
                     "приложения", "приложения"),
    "attachment": Noun("приложение", "приложение", "приложении", "приложением", "n",
                       "приложения", "приложения"),
    "text": Noun("абзац", "абзац", "абзаце", "абзацем", "m", "абзаца", "абзацы"),
    "preamble": Noun("преамбула", "преамбулу", "преамбуле", "преамбулой", "f", "преамбулы"),
    "signature": Noun("абзац", "абзац", "абзаце", "абзацем", "m"),
    "row": Noun("строка", "строку", "строке", "строкой", "f", "строки", "строки"),
    "group": Noun("строка", "строку", "строке", "строкой", "f"),
    "total": Noun("строка", "строку", "строке", "строкой", "f"),
    "table": Noun("таблица", "таблицу", "таблице", "таблицей", "f"),
    "notes": Noun("примечание", "примечание", "примечании", "примечанием", "n"),
    "article": Noun("статья", "статью", "статье", "статьей", "f", "статьи", "статьи"),
    "part": Noun("часть", "часть", "части", "частью", "f", "части", "части"),
    "chapter": Noun("глава", "главу", "главе", "главой", "f", "главы", "главы"),
}


@dataclass(frozen=True, slots=True)
class ActWord:
    """An act word in the cases notes use, its gender, and the words that follow the issuer's
    name in each case (a decree having the force of law: "Указом Президента РК, имеющим силу
    закона, от …")."""

    nominative: str
    genitive: str
    genitive_plural: str
    instrumental: str
    instrumental_plural: str
    gender: str
    after_issuer: dict[str, str] | None = None


ACT_WORDS = {
    "resolution": ActWord("постановление", "постановления", "постановлений", "постановлением",
                          "постановлениями", "n"),
    "law": ActWord("Закон", "Закона", "Законов", "Законом", "Законами", "m"),
    "constitutional_law": ActWord("Конституционный закон", "Конституционного закона",
                                  "Конституционных законов", "Конституционным законом",
                                  "Конституционными законами", "m"),
    "code": ActWord("Кодекс", "Кодекса", "Кодексов", "Кодексом", "Кодексами", "m"),
    "decree": ActWord("Указ", "Указа", "Указов", "Указом", "Указами", "m"),
    "decree_law": ActWord("Указ", "Указа", "Указов", "Указом", "Указами", "m", {
        "nominative": ", имеющий силу закона,", "genitive": ", имеющего силу закона,",
        "genitive_plural": ", имеющих силу закона,", "instrumental": ", имеющим силу закона,",
        "instrumental_plural": ", имеющими силу закона,"}),
    "order": ActWord("приказ", "приказа", "приказов", "приказом", "приказами", "m"),
    "decision": ActWord("решение", "решения", "решений", "решением", "решениями", "n"),
    "instruction": ActWord("распоряжение", "распоряжения", "распоряжений", "распоряжением",
                           "распоряжениями", "n"),
}
PAST_ENDINGS = {"m": "", "f": "а", "n": "о", "pl": "ы"}
LOST_ENDINGS = {"m": "", "f": "а", "n": "о", "pl": "и"}
# The names of annexed documents (`model.ANNEX_NAMES`) as the notes call them.
ANNEX_NOUNS = {
    "rules": Noun("правила", "правила", "правилах", "правилами", "pl", "правил"),
    "regulation": Noun("положение", "положение", "положении", "положением", "n", "положения"),
    "list": Noun("перечень", "перечень", "перечне", "перечнем", "m", "перечня"),
    "structure": Noun("структура", "структуру", "структуре", "структурой", "f", "структуры"),
    "form": Noun("форма", "форму", "форме", "формой", "f", "формы"),
    "qualification_requirements": Noun(
        "квалификационные требования", "квалификационные требования",
        "квалификационных требованиях", "квалификационными требованиями", "pl",
        "квалификационных требований"),
    "excise_rates": Noun("ставки акцизов", "ставки акцизов", "ставках акцизов",
                         "ставками акцизов", "pl", "ставок акцизов"),
    "instruction": Noun("инструкция", "инструкцию", "инструкции", "инструкцией", "f",
                        "инструкции"),
    "programme": Noun("программа", "программу", "программе", "программой", "f", "программы"),
    "plan": Noun("план", "план", "плане", "планом", "m", "плана"),
    "standard": Noun("стандарт", "стандарт", "стандарте", "стандартом", "m", "стандарта"),
    "methodology": Noun("методика", "методику", "методике", "методикой", "f", "методики"),
    "requirements": Noun("требования", "требования", "требованиях", "требованиями", "pl",
                         "требований"),
    "composition": Noun("состав", "состав", "составе", "составом", "m", "состава"),
}
# The languages a change to one language's text names: "на казахском языке".
LANGUAGE_NAMES = {"kk": "казахском", "ru": "русском"}
# In-force brackets of the rules named by a word (in force on signing shows one only when the
# act's style says so).
KEYWORD_BRACKETS = {
    "on_signing": "вводится в действие со дня его подписания",
    "on_publication": "вводится в действие со дня его первого официального опубликования",
    "day_after_publication": "вводится в действие после дня его первого официального "
                             "опубликования",
    "on_registration": "вводится в действие со дня государственной регистрации",
}
# From which day "N calendar days" run, by the wording of the act's clause; a wording of
# Kazakh only reads as today's.
COUNTED_FROM = {
    "after_day": "после дня его первого",
    "after_first": "после первого",
    "from_day": "со дня первого",
    "from_day_his": "со дня его первого",
}
# The days the Russian notes changed their forms: "N" before "№" until 2009; the ten days counted
# "со дня первого" until 2012, "после первого" in 2012, "после дня его первого" from 2013.
NUMERO_FROM = dt.date(2009, 1, 1)
AFTER_FIRST_FROM = dt.date(2012, 1, 1)
AFTER_DAY_FROM = dt.date(2013, 1, 1)
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
    """исключен / исключена / исключено / исключены."""
    return stem + PAST_ENDINGS[gender]


def lost(gender: str) -> str:
    """утратил / утратила / утратило / утратили."""
    return "утратил" + LOST_ENDINGS[gender]


def _label(label: str | None) -> str:
    """Points lose their dot ('3.' → '3'); sub-points keep the bracket ('2-1)')."""
    label = (label or "").strip()
    return label if label.endswith(")") else label_number(label)


def _one_or_many(text: str, one: str, many: str) -> str:
    return one if len(text.split()) == 1 else many


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
        order=OrderStarterTexts(
            preamble="В целях реализации Программы ПРИКАЗЫВАЮ:",
            approve="Утвердить прилагаемый план мероприятий.",
            in_force="Настоящий приказ вводится в действие со дня его подписания.",
            stamp=("Утвержден", "приказом", "от {date}", "№ {number}"),
            heading="План мероприятий",
            header=("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные"),
            measure="Реализация Программы", term="{year} год"),
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
        "contains_reconstructed": ("Редакция содержит реконструированные тексты (не официальный "
                                   "текст): они отмечены, причины приведены в конце"),
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
        from babel.dates import format_date  # babel when a date is first written

        return f"{format_date(date, 'd MMMM y', locale=self.locale)} года"

    # Units
    def _noun(self, unit: Unit | UnitRef) -> Noun:
        return kind_word(self.unit_words, unit.kind, self.code)

    def _named(self, word: str, label: str | None) -> str:
        """Points lose their dot ('3.' → '3'); sub-points keep the bracket ('2-1)')."""
        return f"{word} {_label(label)}" if label else word

    def unit_name(self, unit: Unit | UnitRef) -> str:
        return self._named(self._noun(unit).nominative, unit.label)

    def _unit_instrumental(self, unit: Unit | UnitRef) -> str:
        return self._named(self._noun(unit).instrumental, unit.label)

    def amount_year(self, year: int | str) -> str:
        """2013 год; a span of years in the plural: 2016-2020 годы."""
        return f"{year} годы" if "-" in str(year) else f"{year} год"

    def version_heading(self, date: dt.date) -> str:
        return f"Редакция {self.phrase('in_force_on')} {self.short_date(date)}"

    # Acts
    def act_word(self, act: Act | Document | ActMention, count: int = 1) -> str:
        words = ACT_WORDS[act.type]
        return words.instrumental_plural if count > 1 else words.instrumental

    def in_force_bracket(self, mention: ActMention) -> str:
        inner = self._bracket_text(mention)
        return f"({inner})" if inner else ""

    def _bracket_text(self, mention: ActMention) -> str:
        """The act's clause on entry into force, in the wording of its era or its own."""
        if mention.in_force_text is not None:
            return mention.in_force_text[self.code]
        if mention.style.see_point is not None:
            return f"порядок введения в действие см. п. {mention.style.see_point}"
        rule = mention.rule
        if isinstance(rule, InForceDate):
            return f"вводится в действие с {self.short_date(rule.date)}"
        if isinstance(rule, InForceAfterDays):
            days = rule.after_publication_days
            return (f"вводится в действие по истечении {number_words_genitive(days)} "
                    f"{calendar_days_genitive(days)} {self._counted_from(mention)} "
                    "официального опубликования")
        if isinstance(rule, InForceAfterSigning):
            days = rule.after_signing_days
            return (f"вводится в действие по истечении {days} {calendar_days_genitive(days)} "
                    f"со дня подписания настоящего {ACT_WORDS[mention.type].genitive}")
        if rule == "on_signing" and not mention.style.signing_bracket:
            return ""
        return KEYWORD_BRACKETS[rule]

    @staticmethod
    def _counted_from(mention: ActMention) -> str:
        """After which day the days run: "после дня его первого" from 2013, "после первого" in
        2012, "со дня первого" before."""
        wording = mention.style.wording or (
            "from_day" if era(mention) < AFTER_FIRST_FROM else
            "after_first" if era(mention) < AFTER_DAY_FROM else "after_day")
        return COUNTED_FROM.get(wording, COUNTED_FROM["after_day"])

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
            from ..model.diff import CHANGE_PHRASES  # loaded with the comparisons

            return self.phrase(CHANGE_PHRASES[change])
        return stem.format(past=PAST_ENDINGS[gender])

    def _reference(self, mention: ActMention) -> Segment:
        """от 07.11.2013 № 1169; N before 2009."""
        latin = mention.style.number_sign == "latin_n" or (
            mention.style.number_sign is None and era(mention) < NUMERO_FROM)
        return act_reference(self, mention, sign="N" if latin else None)

    def _issuer(self, mention: ActMention) -> str:
        """Правительства РК; "и.о. " before an acting head: и.о. Министра юстиции РК."""
        name = self.issuer(mention, long=mention.style.issuer_form == "long")
        return f"и.о. {name}" if mention.acting else name

    def _acts(self, mentions: Sequence[ActMention], case: Case) -> Words:
        """постановлением Правительства РК от …; several: постановлениями … от …; от …; the
        issuer again where it changes, the act word again where the type changes."""
        return joined("; ", (self._run(run, case) for run in by_type(mentions)))

    def _run(self, run: list[ActMention], case: Case) -> Words:
        words_of_act = ACT_WORDS[run[0].type]
        form = f"{case}_plural" if len(run) > 1 else case
        word = getattr(words_of_act, form)
        tail = (words_of_act.after_issuer or {}).get(form, "")
        items: list[Words] = []
        for position, mention in enumerate(run):
            named = position == 0 or signer(run[position - 1]) != signer(mention)
            items.append(words(f"{self._issuer(mention)}{tail} " if named else "", "от ",
                               self._reference(mention), with_bracket(self, mention)))
        return words(f"{word} ", joined("; ", items))

    def act_name(self, act: Act | Document) -> str:
        """Постановление Правительства РК от 07.11.2013 № 1169 — an act named on its own."""
        words_of_act = ACT_WORDS[act.type]
        tail = (words_of_act.after_issuer or {}).get("nominative", "")
        return (f"{capitalize(words_of_act.nominative)} {self.issuer(act)}{tail} "
                f"от {self.short_date(act.date)} № {act.number}")

    def document_name(self, document_type: str) -> str:
        """Постановление, Закон — the document itself, as a changed unit is named."""
        return capitalize(ACT_WORDS[document_type].nominative)

    # Units as the notes name them
    def _phrase(self, unit: UnitRef) -> tuple[str, str]:
        """The nominative and the gender: Пункт 3, Заголовок главы 1, Правила, Преамбула."""
        if unit.kind == TITLE:
            owner = unit.owner
            if owner is not None and owner.label:
                return f"заголовок {self._case(owner, 'genitive')}", "m"
            return "заголовок", "m"
        noun = self._noun_of(unit)
        return self._named(noun.nominative, unit.label), noun.gender

    def _case(self, unit: UnitRef, case: str) -> str:
        """A unit in the accusative ("В пункт 1 вносится"), genitive ("главы 1") or
        instrumental ("пунктом 16-1")."""
        if unit.kind == TITLE:
            return self._phrase(unit)[0] if case == "accusative" else "заголовком"
        return self._named(getattr(self._noun_of(unit), case) or self._noun_of(unit).nominative,
                           unit.label)

    def _noun_of(self, unit: UnitRef) -> Noun:
        return ANNEX_NOUNS[unit.name] if unit.name is not None else self._noun(unit)

    def _units(self, units: Sequence[UnitRef]) -> tuple[str, str]:
        """One unit, or several of one kind: Статьи 4, 5 (plural)."""
        if len(units) == 1:
            return self._phrase(units[0])
        noun = self._noun(units[0])
        labels = ", ".join(_label(unit.label or "") for unit in units)
        return f"{noun.plural or noun.nominative} {labels}", "pl"

    def _holder(self, facts: NoteFacts) -> tuple[str, str]:
        """Who received an inserted unit: the unit, or the document itself ("Закон дополнен")."""
        if facts.units:
            return self._units(facts.units)
        words_of_act = ACT_WORDS[facts.document_type]
        return words_of_act.nominative, words_of_act.gender

    # Notes
    def note(self, facts: NoteFacts) -> Words:
        steps = facts.steps
        parts: list[str | Words] = []
        for index, step in enumerate(steps):
            parts += ["; " if index else "", self._step(step, facts, first=index == 0)]
        body = words(*parts)
        first = body[0]
        return words(f"{self.note_word} ", Segment(capitalize(first.text)), body[1:], ".")

    def _step(self, step: NoteStep, facts: NoteFacts, first: bool) -> Words:
        """An operation and its acts: after the units it is about for the first, alone for
        later ones."""
        acts = self._acts(step.acts, "instrumental")
        only = step.details.only
        if only and self.code not in only and facts.units and first:
            return words(f"в {self._case(facts.units[0], 'accusative')} вносится изменение на "
                         f"{LANGUAGE_NAMES[only[0]]} языке, текст на {LANGUAGE_NAMES[self.code]} "
                         "языке не меняется в соответствии с ", acts)
        operation = step.operation
        if operation == "insert" and step.added is not None:
            holder, gender = self._holder(facts)
            subject = f"{holder} " if first else ""
            return words(f"{subject}{past('дополнен', gender)} "
                         f"{self._case(step.added, 'instrumental')} в соответствии с ", acts)
        if operation == "replace_words":
            return words(f"по всему тексту {self._replaced(step)} ", acts)
        if operation == "in_force_from" and step.details.effective is not None:
            date = self.short_date(step.details.effective)
            source = self._provision(step)
            return words(self._subject(facts, first), f"вводится в действие с {date} "
                         "в соответствии с ", source or acts)
        unit, gender = self._units(facts.units) if facts.units else ("", "m")
        subject = f"{unit} " if first and unit else ""
        if operation == "replace":
            return words(f"{subject}в редакции ", self._acts(step.acts, "genitive"))
        if operation == "exclude":
            return words(f"{subject}{past('исключен', gender)} ", acts)
        if operation == "lose_force":
            return words(f"{subject}{lost(gender)} силу ", acts)
        one = step.details.count == "one" and len(step.acts) == 1
        phrase = "с изменением, внесенным " if one else "с изменениями, внесенными "
        return words(f"{subject}{phrase}", acts)

    def _subject(self, facts: NoteFacts, first: bool) -> str:
        return f"{self._units(facts.units)[0]} " if facts.units and first else ""

    def _provision(self, step: NoteStep) -> str:
        """"пунктом 5 настоящего постановления": the document's own provision."""
        provision = step.details.provision
        if provision is None:
            return ""
        document = ACT_WORDS[step.acts[0].type]
        this = "настоящего" if document.gender in "mn" else "настоящей"
        return f"{self._case(provision, 'instrumental')} {this} {document.genitive}"

    @staticmethod
    def _replaced(step: NoteStep) -> str:
        """слова «А» заменены словами «Б» — the words of the record."""
        pairs = (step.details.words or {}).get("ru", ())
        return ", ".join(
            f"{_one_or_many(find, 'слово', 'слова')} «{find}» "
            f"{_one_or_many(find, 'заменено', 'заменены')} "
            f"{_one_or_many(new, 'словом', 'словами')} «{new}»" for find, new in pairs)

    def exclusion(self, facts: NoteFacts, with_label: bool = True) -> Words:
        """The text in an excluded unit's place: "6. Исключен …", "3) исключен …", "Статьи
        4, 5 исключены …"; a unit the notes call by its name gets a note: "Сноска. Положение
        исключено …", "Сноска. Приложение утратило силу …"."""
        units = facts.units
        acts = words(" ", self._acts(facts.acts, "instrumental"), ".")
        lose = facts.operation == "lose_force"
        if len(units) == 1 and units[0].named:
            return self.note(facts)
        unit, gender = self._units(units)
        verb = f"{lost(gender)} силу" if lose else past("исключен", gender)
        if len(units) > 1:
            return words(f"{capitalize(unit)} {verb}", acts)
        label = (units[0].label or "").strip() if with_label else ""
        if not label.endswith(")"):
            verb = capitalize(verb)
        return words(f"{label} {verb}" if label else verb, acts)

    def repeal_note(self, facts: NoteFacts) -> Words:
        gender = ACT_WORDS[facts.document_type].gender
        return words(f"{self.note_word} {past('Утратил', gender)} силу ",
                     self._acts(facts.acts, "instrumental"), ".")

    # Lines of the document head
    def adoption_line(self, document: Document) -> str:
        words_of_act = ACT_WORDS[document.type]
        issuer = self.issuer(document, long=True)
        tail = (words_of_act.after_issuer or {}).get("nominative", "")
        line = (f"{capitalize(words_of_act.nominative)} {issuer}{tail} "
                f"от {self.date(document.date)} № {document.number}.")
        registration = document.registration
        if registration is None:
            return line
        return (f"{line} {past('Зарегистрирован', words_of_act.gender)} в Министерстве юстиции "
                f"Республики Казахстан {self.date(registration.date)} № {registration.number}.")

    def repeal_line(self, act: Act, document_type: str) -> str:
        gender = ACT_WORDS[document_type].gender
        tail = (ACT_WORDS[act.type].after_issuer or {}).get("instrumental", "")
        return (f"{past('Утратил', gender)} силу {self.act_word(act)} "
                f"{self.issuer(act, long=True)}{tail} от {self.date(act.date)} № {act.number}")
