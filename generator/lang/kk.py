"""Kazakh: case suffixes by vowel harmony and final sound, act words, notes, dates, phrases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import ClassVar

from ..model import (
    Act,
    ActMention,
    Document,
    InForceAfterDays,
    InForceDate,
    Language,
    Subject,
    Unit,
)
from ..model.diff import CHANGE_PHRASES
from ..model.language import StarterTexts, kind_word
from ..model.notes import NoteFacts, UnitRef, Words, joined, words
from .base import act_reference, by_issuer, capitalize, with_bracket

BACK_VOWELS = set("аоұыяё")
FRONT_VOWELS = set("әөүіеэ")
VOWELS = set("аәеиоөуұүыіэюяё")
# Final sounds that behave as voiceless: the voiceless consonants and the stops devoiced at a
# word's end (б, в, г, д in loanwords).
VOICELESS = set("кқпстфхцчшщбвгд")
# Final consonants after which -лар, -ның, -мен keep their sonorant form.
LIQUIDS = set("рйу")
NASALS_AND_VOICED = set("лмнңзж")
VOICING = {"қ": "ғ", "к": "г", "п": "б"}


# Kazakh is written with the Russian alphabet and nine letters of its own.
RUSSIAN_ALPHABET = "".join(chr(code) for code in range(0x410, 0x450)) + "Ёё"


@cache
def is_back(word: str) -> bool:
    """Vowel harmony: the last unambiguous vowel decides (и, у, ю sit on both sides)."""
    for letter in reversed(word.lower()):
        if letter in BACK_VOWELS:
            return True
        if letter in FRONT_VOWELS:
            return False
    return True


def last_sound(word: str) -> str:
    letters = [c for c in word.lower() if c.isalpha()]
    return letters[-1] if letters else ""


def _pick(word: str, back: str, front: str) -> str:
    return back if is_back(word) else front


def _voicing(word: str, voiced: tuple[str, str], voiceless: tuple[str, str]) -> str:
    """A suffix whose first consonant is voiceless after a voiceless final sound."""
    back, front = voiceless if last_sound(word) in VOICELESS else voiced
    return word + _pick(word, back, front)


@cache
def dative(word: str) -> str:
    """бөлім → бөлімге, тармақ → тармаққа, абзац → абзацқа, қосымша → қосымшаға."""
    return _voicing(word, ("ға", "ге"), ("қа", "ке"))


@cache
def locative(word: str) -> str:
    return _voicing(word, ("да", "де"), ("та", "те"))


@cache
def attributive_locative(word: str) -> str:
    """мамыр → мамырдағы, шілде → шілдедегі, қыркүйек → қыркүйектегі."""
    return locative(word) + _pick(word, "ғы", "гі")


@cache
def instrumental(word: str) -> str:
    """тармақша → тармақшамен, тармақ → тармақпен, қаулысы → қаулысымен."""
    sound = last_sound(word)
    if sound in VOWELS or sound in LIQUIDS or sound in "лмнң":
        return word + "мен"
    if sound in "жз":
        return word + "бен"
    return word + "пен"


def _three_way(word: str, suffixes: tuple[str, str, str, str, str, str]) -> str:
    """Suffixes whose first consonant follows the final sound: after a vowel or р, й, у; after
    л, м, н, ң, з, ж; after a voiceless sound — each in a back and a front form."""
    sound = last_sound(word)
    if sound in VOWELS or sound in LIQUIDS:
        back, front = suffixes[0:2]
    elif sound in NASALS_AND_VOICED:
        back, front = suffixes[2:4]
    else:
        back, front = suffixes[4:6]
    return word + _pick(word, back, front)


@cache
def plural(word: str) -> str:
    return _three_way(word, ("лар", "лер", "дар", "дер", "тар", "тер"))


@cache
def genitive(word: str) -> str:
    return _three_way(word, ("ның", "нің", "дың", "дің", "тың", "тің"))


@cache
def possessive(word: str) -> str:
    """Third person: қаулы → қаулысы, Жарлық → Жарлығы, Заң → Заңы."""
    sound = last_sound(word)
    if sound in VOWELS:
        return word + _pick(word, "сы", "сі")
    stem = word[:-1] + VOICING[word[-1]] if word[-1] in VOICING else word
    return stem + _pick(word, "ы", "і")


# The word of every unit kind; its cases follow from the grammar ("тармаққа", "тармақшамен").
UNIT_WORDS: dict[str, str] = {
    "paragraph": "тармақ",
    "point": "тармақ",
    "subpoint": "тармақша",
    "section": "бөлім",
    "subsection": "кіші бөлім",
    "named": "бөлім",
    "appendix": "қосымша",
    "attachment": "қосымша",
    "text": "абзац",
    "part": "бөлік",
    "preamble": "абзац",
    "row": "жол",
    "group": "жол",
    "total": "жол",
    "table": "кесте",
    "notes": "ескертпе",
    "signature": "абзац",
    "article": "бап",
    "chapter": "тарау",
}
# The act word of every act type; its cases follow from the grammar ("бұйрығымен").
ACT_WORDS = {
    "resolution": "қаулы",
    "law": "Заң",
    "code": "Кодекс",
    "decree": "Жарлық",
    "order": "бұйрық",
    "decision": "шешім",
    "instruction": "өкім",
}
MONTHS = [
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
]
ONES = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]


def number_words(n: int) -> str:
    """10 → он, 30 → отыз, 21 → жиырма бір, 120 → жүз жиырма."""
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append("жүз" if hundreds == 1 else f"{ONES[hundreds]} жүз")
    tens, ones = divmod(rest, 10)
    if tens:
        parts.append(TENS[tens])
    if ones:
        parts.append(ONES[ones])
    return " ".join(parts)


class Kazakh(Language):
    code = "kk"
    locale = "kk_KZ"
    note_word = "Ескерту."
    characters = RUSSIAN_ALPHABET + "ӘәҒғҚқҢңӨөҰұҮүҺһІі" + "«»№"
    amount_units = ("млн", "млрд", "мың")
    # Pyphen has no Kazakh patterns.
    hyphenation = False
    starter = StarterTexts(
        title="Бағдарлама", section="Жалпы ережелер",
        point="Осы Бағдарлама {year} жылы іске асырылады.", position="Лауазымы",
        name="Т. Аты-жөні", example_act="Бағдарламаға өзгеріс енгізу туралы (мысал)",
        issuer="Жаңаөзен қаласы әкімдігінің",
    )
    unit_words: ClassVar[dict[str, str]] = UNIT_WORDS
    unit_word = str
    phrases = {
        "contents": "Мазмұны",
        "pending": "Қолданысқа әлі енгізілмеген өзгерістер",
        "pending_intro": "Осы редакцияда мынадай актілердің өзгерістері көрсетілмеген:",
        "version": "Редакция",
        "in_force_on": "күнгі жағдай бойынша",
        "reconstructed": "Мәтін қалпына келтірілген (ресми мәтін емес)",
        "in_force_unknown": "қолданысқа енгізілетін күні әлі белгісіз",
        "projection": "Болжамды редакция: қабылданған барлық актілер қолданысқа енгізілгеннен "
                      "кейін (ресми мәтін емес)",
        "pending_now": "Қол қойылған, қолданысқа әлі енгізілмеген актілер",
        "original": "бастапқы мәтін",
        "reconstructed_texts": "Қалпына келтірілген мәтіндер",
        "status_repealed": "Күшін жойған",
        "page": "бет",
        "year": "жыл",
        "number_sign": "№",
        "diff_title": "Редакцияларды салыстыру",
        "diff_summary": "Өзгерген бірліктер",
        "diff_unit": "Бірлік",
        "diff_change": "Өзгеріс",
        "diff_acts": "Актілер",
        "diff_in_force": "Қолданысқа енгізілген күні",
        "diff_added": "қосылды",
        "diff_excluded": "алып тасталды",
        "diff_reworded": "өзгертілді",
        "diff_moved": "орны ауыстырылды",
        "diff_removed": "жойылды",
        "diff_repealed": "күші жойылды",
        "diff_none": "Өзгеріс жоқ.",
        "language_name": "Қазақша",
        "site_home": "Басты бет",
        "site_search": "Іздеу",
        "site_search_none": "Ештеңе табылмады.",
        "site_search_in": "Соңғы редакцияның мәтінінен іздеу",
        "site_timeline": "Редакциялар",
        "site_status_in_force": "Қолданыстағы",
        "site_status_not_yet": "Қолданысқа енгізілмеген",
        "site_current": "қазір қолданыста",
        "site_future": "әлі қолданысқа енгізілмеген",
        "site_final": "соңғы редакция, күші жойылған",
        "site_compare_previous": "Алдыңғы редакциямен салыстыру",
        "site_download": "Жүктеп алу",
        "site_acts": "Өзгерістер енгізген актілер",
        "site_act_in_force": "Қолданысқа енгізілуі",
        "site_changed_units": "Өзгертілген бірліктер",
        "site_act_text": "Актінің мәтіні",
        "site_skip": "Мәтінге өту",
        "site_errors": "Жобада қателер бар: мәтін жаңартылмады",
        "site_edited": "Өзгертілген файл",
        "site_last_good": "Соңғы дұрыс мәтін",
    }

    def date(self, date: dt.date) -> str:
        """2012 жылғы 25 мамырдағы."""
        return f"{date.year} жылғы {date.day} {attributive_locative(MONTHS[date.month - 1])}"

    # Units
    def unit_name(self, unit: Unit | UnitRef) -> str:
        """3-тармақ, 2-1) тармақша, 1-бөлім, кіші бөлім."""
        word = kind_word(self.unit_words, unit.kind, self.code)
        if not unit.label:
            return word
        label = unit.label.strip()
        if label.endswith(")"):
            return f"{label} {word}"
        return f"{label.rstrip('.')}-{word}"

    def amount_year(self, year: int | str) -> str:
        return f"{year} жыл"

    def version_heading(self, date: dt.date) -> str:
        return f"{self.short_date(date)} {self.phrase('in_force_on')} редакция"

    # Acts
    def act_word(self, act: Act | Document | ActMention, count: int = 1) -> str:
        word = ACT_WORDS[act.type]
        return instrumental(possessive(plural(word) if count > 1 else word))

    def in_force_bracket(self, mention: ActMention) -> str:
        if mention.in_force_text is not None:
            return f"({mention.in_force_text[self.code]})"
        rule = mention.rule
        if isinstance(rule, InForceDate):
            return f"({self.short_date(rule.date)} бастап қолданысқа енгізіледі)"
        if isinstance(rule, InForceAfterDays):
            # Today's wording; an act worded otherwise gives its clause in `in_force_text`.
            days = number_words(rule.after_publication_days)
            return (f"(алғашқы ресми жарияланған күнінен кейін күнтізбелік {days} күн өткен соң "
                    "қолданысқа енгізіледі)")
        if rule == "on_publication":
            return "(алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі)"
        return ""

    def in_force_from(self, date: dt.date) -> str:
        return f"{self.short_date(date)} бастап қолданысқа енгізіледі"

    def pending_act(self, mention: ActMention) -> Words:
        """ҚР Үкіметінің 31.03.2014 № 279 (01.01.2015 бастап …) қаулысы."""
        return words(f"{self.issuer(mention)} ", self._numbered(mention),
                     f" {possessive(ACT_WORDS[mention.type])}")

    def change_word(self, change: str, kind: Subject, document_type: str) -> str:
        return self.phrase(CHANGE_PHRASES[change])

    def _acts(self, mentions: Sequence[ActMention]) -> Words:
        """Acts of one issuer and type share the issuer and the (plural) act word."""
        return joined(", ", (self._act_group(group) for group in by_issuer(mentions)))

    def _act_group(self, group: list[ActMention]) -> Words:
        """The bracket stands right after each act's number, before the act word, as Adilet
        prints it: "№ 728 (01.01.2015 бастап ...) қаулысымен"."""
        first = group[0]
        items = joined(", ", (self._numbered(mention) for mention in group))
        return words(f"{self.issuer(first)} ", items, f" {self.act_word(first, len(group))}")

    def _numbered(self, mention: ActMention) -> Words:
        return words(act_reference(self, mention), with_bracket(self, mention))

    def act_name(self, act: Act | Document) -> str:
        """ҚР Үкіметінің 07.11.2013 № 1169 қаулысы — an act named on its own."""
        return (f"{self.issuer(act)} {self.short_date(act.date)} № {act.number} "
                f"{possessive(ACT_WORDS[act.type])}")

    def document_name(self, document_type: str) -> str:
        """Қаулы, Заң — the document itself, as a changed unit is named."""
        return capitalize(ACT_WORDS[document_type])

    # Notes
    def note(self, facts: NoteFacts) -> Words:
        acts = self._acts(facts.acts)
        if facts.operation == "replace":
            unit = capitalize(self.unit_name(facts.units[0]))
            return words(f"{self.note_word} {unit} жаңа редакцияда - ", acts, ".")
        if facts.operation == "amend":
            unit = capitalize(dative(self.unit_name(facts.units[0])))
            return words(f"{self.note_word} {unit} өзгеріс енгізілді - ", acts, ".")
        if facts.operation == "insert" and facts.added is not None:
            holder = self.unit_name(facts.units[0]) if facts.units else "Қаулы"
            return words(f"{self.note_word} {capitalize(holder)} "
                         f"{instrumental(self.unit_name(facts.added))} толықтырылды - ", acts, ".")
        raise ValueError(facts.operation)

    def exclusion(self, facts: NoteFacts, with_label: bool = True) -> Words:
        unit = facts.units[0]
        label = f"{unit.label.strip()} " if unit.label and with_label else ""
        return words(f"{label}Алып тасталды - ", self._acts(facts.acts), ".")

    def repeal_note(self, facts: NoteFacts) -> Words:
        return words(f"{self.note_word} Күші жойылды - ", self._acts(facts.acts), ".")

    # Lines of the document head
    def adoption_line(self, document: Document) -> str:
        line = (f"{self.issuer(document, long=True)} "
                f"{self.date(document.date)} № {document.number} "
                f"{possessive(ACT_WORDS[document.type])}.")
        registration = document.registration
        if registration is None:
            return line
        day = registration.date
        return (f"{line} Қазақстан Республикасының Әділет министрлігінде {day.year} жылғы "
                f"{day.day} {locative(MONTHS[day.month - 1])} № {registration.number} болып "
                "тіркелді.")

    def repeal_line(self, act: Act, document_type: str) -> str:
        return (f"Күші жойылды - {self.issuer(act, long=True)} {self.date(act.date)} "
                f"№ {act.number} {self.act_word(act)}")
