"""Russian: unit words with gender and cases, act words, notes, dates, phrases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date

from ..model import Unit, label_number
from .base import ActMention, Language, by_issuer, capitalize, rule_kind, short_date


@dataclass(frozen=True, slots=True)
class Noun:
    """A noun's forms the notes need: nominative, instrumental; gender m, f or n."""

    nominative: str
    instrumental: str
    gender: str


UNIT_NOUNS = {
    "paragraph": Noun("пункт", "пунктом", "m"),
    "point": Noun("пункт", "пунктом", "m"),
    "subpoint": Noun("подпункт", "подпунктом", "m"),
    "section": Noun("раздел", "разделом", "m"),
    "subsection": Noun("подраздел", "подразделом", "m"),
    "appendix": Noun("приложение", "приложением", "n"),
    "attachment": Noun("приложение", "приложением", "n"),
    "text": Noun("абзац", "абзацем", "m"),
    "preamble": Noun("абзац", "абзацем", "m"),
    "signature": Noun("абзац", "абзацем", "m"),
    "row": Noun("строка", "строкой", "f"),
    "group": Noun("строка", "строкой", "f"),
    "total": Noun("строка", "строкой", "f"),
    "table": Noun("таблица", "таблицей", "f"),
    "notes": Noun("примечание", "примечанием", "n"),
    "article": Noun("статья", "статьей", "f"),
    "chapter": Noun("глава", "главой", "f"),
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
    "decree": ActWord("Указ", "Указа", "Указов", "Указом", "Указами", "m"),
    "order": ActWord("приказ", "приказа", "приказов", "приказом", "приказами", "m"),
    "decision": ActWord("решение", "решения", "решений", "решением", "решениями", "n"),
}
ISSUERS = {
    "government": ("Правительства РК", "Правительства Республики Казахстан"),
    "president": ("Президента РК", "Президента Республики Казахстан"),
    "parliament": ("Парламента РК", "Парламента Республики Казахстан"),
    "ministry": ("министерства РК", "министерства Республики Казахстан"),
}
PAST_ENDINGS = {"m": "", "f": "а", "n": "о"}

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
    phrases = {
        "contents": "Содержание",
        "pending": "Изменения, не вступившие в силу",
        "pending_intro": "В настоящей редакции не отражены изменения, внесенные:",
        "version": "Редакция",
        "in_force_on": "по состоянию на",
        "reconstructed": "Текст реконструирован (не официальный текст)",
        "status_repealed": "Утратило силу",
        "page": "стр.",
        "year": "год",
        "diff_title": "Сравнение редакций",
        "diff_summary": "Измененные структурные единицы",
        "diff_unit": "Единица",
        "diff_change": "Изменение",
        "diff_acts": "Акты",
        "diff_added": "добавлен",
        "diff_excluded": "исключен",
        "diff_reworded": "изменен",
        "diff_moved": "перемещен",
        "diff_removed": "удален",
        "diff_repealed": "утратил силу",
        "diff_none": "Изменений нет.",
    }

    def date(self, date: dt.date) -> str:
        """25 мая 2012 года."""
        return f"{format_date(date, 'd MMMM y', locale=self.locale)} года"

    # Units
    def noun(self, unit: Unit) -> Noun:
        return UNIT_NOUNS.get(unit.kind, Noun("часть", "частью", "f"))

    def label_ref(self, unit: Unit) -> str:
        """Points lose their dot ('3.' → '3'); sub-points keep the bracket ('2-1)')."""
        label = unit.label.strip()
        return label if label.endswith(")") else label_number(label)

    def unit_name(self, unit: Unit) -> str:
        word = self.noun(unit).nominative
        return f"{word} {self.label_ref(unit)}" if unit.label else word

    def unit_instrumental(self, unit: Unit) -> str:
        word = self.noun(unit).instrumental
        return f"{word} {self.label_ref(unit)}" if unit.label else word

    # Acts
    def issuer(self, act, long: bool = False) -> str:
        short, full = ISSUERS.get(act.issuer, (act.issuer, act.issuer))
        if act.type == "law":
            return "Республики Казахстан" if long else "РК"
        return full if long else short

    def in_force_bracket(self, mention: ActMention) -> str:
        kind = rule_kind(mention.rule)
        if kind == "date":
            return f"(вводится в действие с {short_date(mention.rule.date)})"
        if kind == "days":
            days = mention.rule.after_publication_days
            return (f"(вводится в действие по истечении {number_words_genitive(days)} "
                    f"{calendar_days_genitive(days)} после дня его первого официального "
                    "опубликования)")
        if kind == "on_publication":
            return "(вводится в действие со дня первого официального опубликования)"
        return ""

    def _dated(self, mention: ActMention) -> str:
        bracket = self.in_force_bracket(mention)
        item = f"от {short_date(mention.act.date)} № {mention.act.number}"
        return f"{item} {bracket}" if bracket else item

    def acts(self, mentions: list[ActMention], case: str) -> str:
        """постановлением Правительства РК от …; several: постановлениями … от …; от …."""
        return "; ".join(self._act_group(group, case) for group in by_issuer(mentions))

    def _act_group(self, group: list[ActMention], case: str) -> str:
        first = group[0].act
        words = ACT_WORDS[first.type]
        plural = len(group) > 1
        word = getattr(words, f"{case}_plural" if plural else case)
        dated = "; ".join(self._dated(mention) for mention in group)
        return f"{word} {self.issuer(first)} {dated}"

    def act_name(self, act) -> str:
        """Постановление Правительства РК от 07.11.2013 № 1169 — an act named on its own."""
        word = capitalize(ACT_WORDS[act.type].nominative)
        return f"{word} {self.issuer(act)} от {short_date(act.date)} № {act.number}"

    def document_name(self, document_type: str) -> str:
        """Постановление, Закон — the document itself, as a changed unit is named."""
        return capitalize(ACT_WORDS[document_type].nominative)

    # Notes
    def note(self, operation, unit, mentions, inserted=None, parent=None) -> str:
        if operation == "replace":
            return (f"{self.note_word} {capitalize(self.unit_name(unit))} в редакции "
                    f"{self.acts(mentions, 'genitive')}.")
        if operation == "amend":
            return (f"{self.note_word} {capitalize(self.unit_name(unit))} с изменениями, "
                    f"внесенными {self.acts(mentions, 'instrumental')}.")
        if operation == "insert":
            if parent is not None:
                holder, gender = self.unit_name(parent), self.noun(parent).gender
            else:
                holder, gender = "постановление", "n"
            return (f"{self.note_word} {capitalize(holder)} {past('дополнен', gender)} "
                    f"{self.unit_instrumental(inserted)} в соответствии с "
                    f"{self.acts(mentions, 'instrumental')}.")
        raise ValueError(operation)

    def repeal_note(self, mentions, document_type: str) -> str:
        gender = ACT_WORDS[document_type].gender
        return (f"{self.note_word} {past('Утратил', gender)} силу "
                f"{self.acts(mentions, 'instrumental')}.")

    def exclusion(self, unit, mentions, with_label: bool = True) -> str:
        label = f"{unit.label.strip()} " if unit.label and with_label else ""
        verb = past("Исключен", self.noun(unit).gender)
        return f"{label}{verb} {self.acts(mentions, 'instrumental')}."

    # Lines of the document head
    def adoption_line(self, document) -> str:
        word = capitalize(ACT_WORDS[document.type].nominative)
        issuer = ISSUERS[document.issuer][1]
        return f"{word} {issuer} от {self.date(document.date)} № {document.number}."

    def repeal_line(self, act, document_type: str) -> str:
        gender = ACT_WORDS[document_type].gender
        return (f"{past('Утратил', gender)} силу {ACT_WORDS[act.type].instrumental} "
                f"{self.issuer(act, long=True)} от {self.date(act.date)} № {act.number}")

    def pending_item(self, mention: ActMention) -> str:
        bracket = self.in_force_bracket(mention)
        return f"{self.act_name(mention.act)} {bracket}".strip()

    def version_heading(self, date: dt.date) -> str:
        return f"Редакция {self.phrases['in_force_on']} {short_date(date)}"

    def amount_year(self, year) -> str:
        return f"{year} год"
