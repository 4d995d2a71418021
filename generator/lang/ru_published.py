"""Russian published texts read back (`legalgen import`): the printed forms and the notes.

Reads text of a published consolidated document; writes nothing. The patterns say what a line
is (formula, stamp, heading, excluded unit, editorial remark); `read_note` turns "Сноска. Пункт
3 в редакции постановления Правительства РК от 07.11.2013 № 1169." into a `ReadNote`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from ..model import InForceAfterDays, InForceDate, InForceRule, UnitRef
from ..model.drafting import DraftingLanguage
from ..model.published import (
    PART,
    TITLE,
    WHOLE,
    Adoption,
    NoActNamed,
    NoteNotRead,
    PublishedForms,
    ReadNote,
    ReadOperation,
    ReadOperationKind,
    ReasonKey,
)
from .published_base import FIGURE_DATE, ActSpot, act_spots, acts_of, figure_date, squeeze
from .ru import ACT_WORDS, UNIT_NOUNS, number_words_genitive

LABEL = r"\d+(?:-\d+)*"
SIGN = r"№|N"
# The words that open an operation, each with what it says; the acts follow.
OPERATIONS: list[tuple[ReadOperationKind, re.Pattern[str]]] = [
    ("replace", re.compile(r"в\s+редакции\s+", re.I)),
    ("amend", re.compile(r"с\s+(?:изменени(?:ем|ями)|дополнени(?:ем|ями))(?:\s+и\s+"
                         r"(?:изменени(?:ем|ями)|дополнени(?:ем|ями)))?,?\s+внесенн(?:ым|ыми)\s+",
                         re.I)),
    ("insert", re.compile(r"дополнен[аоы]?\s+(?P<added>.+?)\s+в\s+соответствии\s+с\s+", re.I)),
    ("exclude", re.compile(r"исключен[аоы]?\s+", re.I)),
    ("lose_force", re.compile(r"утратил[аои]?\s+силу\s+", re.I)),
    ("in_force", re.compile(rf"вводится\s+в\s+действие\s+с\s+(?P<date>{FIGURE_DATE})\s+в\s+"
                            r"соответствии\s+с\s+", re.I)),
    ("other_language", re.compile(r"вносится\s+изменени[ея]\s+на\s+казахском\s+языке,\s+текст\s+"
                                  r"на\s+русском\s+языке\s+не\s+меняется\s+в\s+соответствии\s+с\s+",
                                  re.I)),
]
# A note on the document's own entry into force, not on a change ("Вводится в действие с
# 01.01.2021 в соответствии с пунктом 5 настоящего постановления").
SELF_IN_FORCE = re.compile(rf"вводится\s+в\s+действие\s+с\s+(?P<date>{FIGURE_DATE})\s+в\s+"
                           r"соответствии\s+с\s+пунктом\s+\d+\s+настоящего\s+\w+", re.I)
# The genitive of the units a heading note names ("Заголовок главы 2"), and the accusative
# after "В" of a note on the other language's text ("В пункт 3 вносится …").
GENITIVES = {"главы": "chapter", "раздела": "section", "приложения": "appendix",
             "статьи": "article", "параграфа": "section", "подраздела": "subsection"}
HEADING_WORD = "заголовок"
PREAMBLE_WORDS = ("преамбула", "преамбулу")
ACTING = re.compile(r"^(?:и\.\s?о\.|исполняющего\s+обязанности)\s+", re.I)
ACT_TYPES = {form.lower(): act_type for act_type, word in ACT_WORDS.items()
             for form in (word.nominative, word.genitive, word.genitive_plural,
                          word.instrumental, word.instrumental_plural)}
UNIT_KINDS: dict[str, str] = {}
for _kind in ("point", "subpoint", "chapter", "section", "subsection", "appendix", "article",
              "part", "row", "text", "table", "notes"):
    _noun = UNIT_NOUNS[_kind]
    for _form in (_noun.nominative, _noun.accusative, _noun.instrumental):
        UNIT_KINDS.setdefault(_form.lower(), _kind)
DAYS = {number_words_genitive(days): days for days in range(1, 366)}
AFTER_DAYS = re.compile(r"по\s+истечении\s+(?P<days>\d+|[а-я ]+?)\s+календарн\w+\s+дн\w+\s+"
                        r"(?:после|со)\s+(?:дня\s+)?(?:его\s+)?первого\s+официального\s+"
                        r"опубликования")
ON_PUBLICATION = re.compile(r"(?:со\s+дня|после\s+дня|после)\s+(?:его\s+)?первого\s+"
                            r"официального\s+опубликования")
ON_SIGNING = re.compile(r"^вводится\s+в\s+действие\s+со\s+дня\s+(?:его\s+)?подписания$")
FROM_DATE = re.compile(rf"^вводится\s+в\s+действие\s+с\s+(?P<date>{FIGURE_DATE})$")
UNIT_KINDS.update({"пункты": "point",
                   "строки": "row", "строкой": "row"})


class RussianForms(PublishedForms):
    code = "ru"
    mirror_name = "rus"
    mirror_requisites = True
    note_word = re.compile(r"^\s*Сноска\s*\.\s*")
    status = re.compile(r"^(?:Утративший\s+силу|Утратил[аои]?\s+силу|Обновленный|Новый|"
                        r"Действующий|Недействующий|Не\s+введен\s+в\s+действие)$")
    repealed_status = re.compile(r"^Утрати")
    enacting = re.compile(r"(?:ПОСТАНОВЛЯЕТ|ПРИКАЗЫВАЮ|ПОСТАНОВЛЯЮ|РЕШИЛ[А]?|ПРИКАЗЫВАЕТ)\s*:?\s*$")
    editorial = re.compile(r"^Примечание\s+(?:РЦПИ|ИЗПИ)\s*!?")
    approval_stamp = re.compile(r"^(?:Утвержден[аоы]?|УТВЕРЖДЕН[АОЫ]?)\b")
    appendix_stamp = re.compile(rf"^(?:Приложение|ПРИЛОЖЕНИЕ)(?:\s*№)?\s*(?P<label>{LABEL})?\b")
    appendix_of_act = re.compile(r"\bк\s+(?:постановлению|приказу|указу|решению|распоряжению|"
                                 r"Закону|совместному\s+приказу)\b")
    agreed_stamp = re.compile(r"^«?СОГЛАСОВАН[ОА]?»?")
    form_mark = re.compile(r"^Форма(?:\s+№?\s*\S+)?$")
    chapter = re.compile(rf"^(?:Глава|ГЛАВА)\s+(?P<label>{LABEL})\s*\.?\s*(?P<heading>.*)$")
    section = re.compile(rf"^(?:Раздел|РАЗДЕЛ)\s+(?P<label>{LABEL})\s*\.?\s*(?P<heading>.*)$")
    article = re.compile(rf"^Статья\s+(?P<label>{LABEL})\s*\.\s*(?P<heading>.*)$")
    exclusion = re.compile(r"^(?:[Ии]сключен[аоы]?|[Уу]тратил[аои]?\s+силу)\b")
    instruction_annex = re.compile(r"Изменени[яй](?:\s+и\s+дополнени[яй])?,?\s+которые\s+"
                                   r"вносятся")
    reference_line = None
    signatory = re.compile(r"(?:Министр|Премьер-Министр|Председател|Президент|Аким|Руководител|"
                           r"Заместител|Вице-министр|генерал|Государственный\s+секретарь)")
    total = re.compile(r"^(?:Итого|ИТОГО|Всего|ВСЕГО)\b")
    placeholder = "Текст до исключения в опубликованном тексте не приведен."
    reasons: ClassVar[dict[ReasonKey, str]] = {
        "earlier_wording": "Опубликованный текст содержит только последнюю редакцию; прежняя "
                           "редакция до ее восстановления показана последней.",
        "unknown_edits": "Опубликованный текст отмечает изменения, но не показывает их; прежний "
                         "текст до его восстановления показан последним.",
        "excluded_wording": "Опубликованный текст показывает единицу только как исключенную; ее "
                            "текст до исключения не приведен.",
    }

    known_brackets = (
        "вводится в действие по истечении десяти календарных дней после первого официального "
        "опубликования",
        "вводится в действие по истечении десяти календарных дней со дня первого официального "
        "опубликования",
        "вводится в действие по истечении десяти календарных дней со дня его первого "
        "официального опубликования",
        "вводится в действие после дня его первого официального опубликования",
        "вводится в действие со дня его первого официального опубликования",
    )

    def __init__(self, language: DraftingLanguage):
        self.language = language

    def bracket_rule(self, bracket: str) -> InForceRule | None:
        words = squeeze(bracket)
        dated = FROM_DATE.match(words)
        if dated is not None:
            return InForceDate(date=figure_date(dated.group("date")))
        days = AFTER_DAYS.search(words)
        if days is not None:
            count = days.group("days")
            number = int(count) if count.isdigit() else DAYS.get(count.strip())
            return InForceAfterDays(after_publication_days=number) if number else None
        if ON_PUBLICATION.search(words) and "подписан" not in words:
            return "on_publication"
        if ON_SIGNING.match(words):
            return "on_signing"
        return None

    # Dates, act words, the adopting act
    def date(self, text: str) -> dt.date | None:
        figure = re.search(FIGURE_DATE, text)
        for candidate in self.language.dates_in(text):
            if self.language.date(candidate) in squeeze(text):
                return candidate
        if figure is not None:
            try:
                return figure_date(figure.group(0))
            except ValueError:
                return None
        return None

    def act_type(self, word: str) -> str | None:
        return ACT_TYPES.get(word.strip(" ,;").lower())

    def adoption(self, line: str) -> Adoption | None:
        """"Приказ Министра юстиции Республики Казахстан от 29 декабря 2015 года № 652.", or
        a stamp's "приказом Министра … от 18 августа 2014 года № 517"."""
        text = squeeze(line)
        date = self.date(text)
        number = re.search(rf"(?:{SIGN})\s*(?P<number>[^\s.,;]+(?:\.[^\s.,;]+)*)", text)
        if date is None and number is None:
            return None
        act_type, issuer = None, None
        head = re.match(r"^(?P<word>\w+)\s+(?P<issuer>.+?)\s+от\s", text)
        if head is not None:
            act_type = self.act_type(head.group("word"))
            if act_type is not None:
                issuer = head.group("issuer")
        return Adoption(act_type, issuer, date, number.group("number") if number else None)

    # Notes
    def read_note(self, body: str) -> ReadNote:
        body = squeeze(body).rstrip(". ")
        own = SELF_IN_FORCE.fullmatch(body)
        if own is not None:
            return ReadNote(UnitRef(WHOLE), (ReadOperation(
                "in_force", (), in_force=figure_date(own.group("date"))),))
        first = min(((match.start(), kind) for kind, pattern in OPERATIONS
                     for match in [pattern.search(body)] if match), default=None)
        if first is None:
            if not act_spots(body, SIGN):
                raise NoActNamed("it names no act (a date and a number)")
            raise NoteNotRead("no words of what happened (в редакции, с изменениями, …)")
        subject = self._subject(body[:first[0]])
        return ReadNote(subject, tuple(self._operations(body[first[0]:])),
                        heading=body[:first[0]].strip().lower().startswith(HEADING_WORD)
                        and subject.kind != TITLE)

    def read_exclusion(self, label: str, words: str) -> ReadNote:
        words = squeeze(words).rstrip(". ")
        kind = "subpoint" if label.strip().endswith(")") else "point"
        subject = UnitRef(kind, label.strip())
        return ReadNote(subject, tuple(self._operations(words)))

    def _operations(self, text: str) -> list[ReadOperation]:
        """Each operation of a note: its words, then its acts, up to the next operation."""
        starts = [0]
        for match in re.finditer(r";\s*", text):
            if any(pattern.match(text, match.end()) for _, pattern in OPERATIONS):
                starts.append(match.end())
        operations = []
        for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
            segment = text[begin:end].rstrip("; ")
            found = next(((kind, match) for kind, pattern in OPERATIONS
                          for match in [pattern.match(segment)] if match), None)
            if found is None:
                raise NoteNotRead(f"'{segment[:40]}' says no operation")
            kind, match = found
            rest = segment[match.end():]
            spots = act_spots(rest, SIGN, before_date=r"от\s+")
            if not spots:
                raise NoActNamed(f"no act (a date and a number) after '{segment[:30]}'")
            self._check_tail(rest, spots)
            acts = acts_of(spots, self._lead, None, self._acting)
            added = self._unit(match.group("added")) if kind == "insert" else None
            in_force = figure_date(match.group("date")) if kind == "in_force" else None
            operations.append(ReadOperation(kind, acts, added, in_force))
        return operations

    @staticmethod
    def _check_tail(rest: str, spots: list[ActSpot]) -> None:
        tail = rest[spots[-1].end:].strip(" .;,")
        if tail:
            raise NoteNotRead(f"words after the last act: '{tail[:40]}'")

    def _lead(self, words: str) -> tuple[str | None, str | None]:
        """The act type and issuer's words before an act: "постановлением Правительства РК"."""
        words = words.strip(" ;,")
        if not words:
            return None, None
        first, _, rest = words.partition(" ")
        act_type = self.act_type(first)
        if act_type is not None:
            return act_type, rest.strip() or None
        return None, words

    @staticmethod
    def _acting(words: str) -> tuple[str, bool]:
        bare = ACTING.sub("", words)
        return bare, bare != words

    def _subject(self, text: str) -> UnitRef:
        text = text.strip()
        lowered = text.lower()
        if lowered.startswith("в "):
            text, lowered = text[2:].strip(), lowered[2:].strip()
        if not text:
            raise NoteNotRead("the note names no unit")
        if lowered in PREAMBLE_WORDS:
            return UnitRef("preamble")
        if lowered.startswith(HEADING_WORD):
            rest = text[len(HEADING_WORD):].strip()
            if not rest:
                return UnitRef(TITLE)
            word, _, label = rest.partition(" ")
            kind = GENITIVES.get(word.lower())
            if kind is not None:
                return UnitRef(kind, label.strip() or None)
            return UnitRef(PART)
        if lowered.split(" ")[0] in ACT_TYPES:
            return UnitRef(WHOLE)
        return self._unit(text, PART)

    @staticmethod
    def _unit(text: str, otherwise: str | None = None) -> UnitRef:
        """"пунктом 19", "подпункт 2-1)", "Глава 3" → the unit's kind and label."""
        word, _, rest = text.strip().partition(" ")
        kind = UNIT_KINDS.get(word.lower())
        label = re.fullmatch(rf"(?:№\s*)?({LABEL}\)?)", rest.strip())
        if kind is not None and (label is not None or not rest.strip()):
            return UnitRef(kind, label.group(1) if label else None)
        if otherwise is not None and text[:1].isupper():
            return UnitRef(otherwise)
        raise NoteNotRead(f"'{text[:40]}' names no unit")

