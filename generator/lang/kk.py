"""Kazakh: case suffixes by vowel harmony and final sound, act words, notes, dates, phrases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from ..model import (
    NAMED_BY_REPUBLIC,
    Act,
    ActMention,
    Document,
    InForceAfterDays,
    InForceAfterSigning,
    InForceDate,
    Language,
    NoteStyle,
    Subject,
    Unit,
)
from ..model.language import OrderStarterTexts, StarterTexts, kind_word
from ..model.notes import TITLE, NoteFacts, NoteStep, Segment, UnitRef, Words, words
from .base import act_reference, by_type, capitalize, era, merged, signer, with_bracket

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


# The days the Kazakh notes changed their forms (the publisher's eras; docs/record-format.md):
# dates "2012.11.07", the sign "N" and "Қаулысымен" before 2013; acts of one operation joined by
# ", " before 2017; "өзгерту енгізілді" before 2011; "өзгерістер" for several acts from 2017;
# "алынып тасталды" before 2013.
YEAR_FIRST_UNTIL = dt.date(2013, 1, 1)
COMMA_UNTIL = dt.date(2017, 1, 1)
AMEND_VERB_UNTIL = dt.date(2011, 1, 1)
PLURAL_CHANGES_FROM = dt.date(2017, 1, 1)
EXCLUDED_LONG_UNTIL = dt.date(2013, 1, 1)
# A word whose form changed with the era: the word used until each day (exclusive).
EraWords = tuple[tuple[dt.date, str], ...]
TITLE_WORDS: EraWords = ((dt.date(2011, 1, 1), "атау"), (dt.date(2013, 1, 1), "тақырып"),
                         (dt.date.max, "тақырыбы"))
RULES_WORDS: EraWords = ((dt.date(2011, 1, 1), "ереже"), (dt.date(2017, 1, 1), "қағида"),
                         (dt.date.max, "қағидалар"))
# The names of annexed documents (`model.ANNEX_NAMES`) but the rules, whose word is the era's.
ANNEX_WORDS = {
    "regulation": "ереже", "list": "тізбе", "structure": "құрылым", "form": "нысан",
    "qualification_requirements": "біліктілік талаптары",
    "excise_rates": "акциздер мөлшерлемелері", "instruction": "нұсқаулық",
    "programme": "бағдарлама", "plan": "жоспар", "standard": "стандарт",
    "methodology": "әдістеме", "requirements": "талаптар", "composition": "құрам",
}
# The languages a change to one language's text names: "орыс тіліндегі мәтініне".
LANGUAGE_NAMES = {"kk": "қазақ", "ru": "орыс"}
# In-force brackets of the rules named by a word (in force on signing shows one only when the
# act's style says so).
KEYWORD_BRACKETS = {
    "on_signing": "қол қойылған күнінен бастап қолданысқа енгізіледі",
    "on_publication": "алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі",
    "day_after_publication": "алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі",
    "on_registration": "мемлекеттік тіркелген күнінен бастап қолданысқа енгізілді",
}
# The wordings of "N calendar days after the first official publication": the day it counts
# from, the word for "after", the word for "passed".
AFTER_DAYS_WORDINGS = {
    "after_day": ("алғашқы ресми жарияланған күнінен", "кейін", "өткен"),
    "after_first": ("алғашқы ресми жарияланғанынан", "кейін", "өткен"),
    "from_day": ("алғашқы ресми жарияланған күнінен", "бастап", "өткен"),
    "from_day_his": ("алғашқы ресми жарияланған күнінен", "бастап", "өткен"),
    "after_passing": ("алғашқы ресми жарияланған күнінен", "кейін", "өткеннен"),
    "first_short": ("алғаш ресми жарияланған күнінен", "кейін", "өткен"),
}


def _by_era(table: EraWords, day: dt.date) -> str:
    return next(word for until, word in table if day < until)


def _words(text: str, one: str, many: str) -> str:
    return one if len(text.split()) == 1 else many


@dataclass(frozen=True, slots=True)
class Phrase:
    """A unit as a note names it; `possessed` when it ends in a third-person possessive
    ("тақырыбы"), after which a case takes -н- ("тақырыбына")."""

    text: str
    possessed: bool = False

    def case(self, name: str) -> str:
        if name == "nominative":
            return self.text
        if self.possessed:
            back, front = POSSESSED_CASES[name]
            return self.text + _pick(self.text, back, front)
        return CASES[name](self.text)


@dataclass(frozen=True, slots=True)
class NoteContext:
    """What names the units of a note: the document's act type, and the era and style of the
    note's first act."""

    document_type: str
    era: dt.date
    style: NoteStyle

    @classmethod
    def of(cls, facts: NoteFacts) -> NoteContext:
        acts = facts.all_acts
        if not acts:
            return cls(facts.document_type, dt.date.max, NoteStyle())
        return cls(facts.document_type, era(acts[0]), acts[0].style)


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
    """-ның after a vowel or м, н, ң; -дың after л, р, й, у, з, ж; -тың after a voiceless
    sound: қаулының, бөлімнің, тараудың, Қағидалардың, тармақтың."""
    sound = last_sound(word)
    if sound in VOWELS - {"у"} or sound in "мнң":
        back, front = "ның", "нің"
    elif sound in VOICELESS:
        back, front = "тың", "тің"
    else:
        back, front = "дың", "дің"
    return word + _pick(word, back, front)


@cache
def possessive(word: str) -> str:
    """Third person: қаулы → қаулысы, Жарлық → Жарлығы, Заң → Заңы, тарау → тарауы."""
    sound = last_sound(word)
    if sound in VOWELS - {"у"}:
        return word + _pick(word, "сы", "сі")
    stem = word[:-1] + VOICING[word[-1]] if word[-1] in VOICING else word
    return stem + _pick(word, "ы", "і")


POSSESSED_CASES = {"dative": ("на", "не"), "genitive": ("ның", "нің"),
                   "instrumental": ("мен", "мен")}
CASES = {"dative": dative, "genitive": genitive, "instrumental": instrumental}


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
    "preamble": "кіріспе",
    "row": "жол",
    "group": "жол",
    "total": "жол",
    "table": "кесте",
    "notes": "ескертпе",
    "signature": "абзац",
    "article": "бап",
    "part": "бөлік",
    "chapter": "тарау",
}
# The act word of every act type; its cases follow from the grammar ("бұйрығымен").
ACT_WORDS = {
    "resolution": "қаулы",
    "law": "Заң",
    "constitutional_law": "Конституциялық заң",
    "code": "Кодекс",
    "decree": "Жарлық",
    "decree_law": "Заң күші бар Жарлық",
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
        order=OrderStarterTexts(
            preamble="Бағдарламаны іске асыру мақсатында БҰЙЫРАМЫН:",
            approve="Қоса беріліп отырған іс-шаралар жоспары бекітілсін.",
            in_force="Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.",
            stamp=("{date}", "№ {number}", "бұйрықпен", "бекітілген"),
            heading="Іс-шаралар жоспары",
            header=("Р/с №", "Іс-шараның атауы", "Орындау мерзімі", "Орындауға жауаптылар"),
            measure="Бағдарламаны іске асыру", term="{year} жыл"),
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
        "contains_reconstructed": ("Бұл редакцияда қалпына келтірілген мәтіндер бар (ресми мәтін "
                                   "емес): олар белгіленген, себептері соңында келтірілген"),
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
        """2013 жыл; a span of years in the plural: 2016-2020 жылдар."""
        return f"{year} жылдар" if "-" in str(year) else f"{year} жыл"

    def version_heading(self, date: dt.date) -> str:
        return f"{self.short_date(date)} {self.phrase('in_force_on')} редакция"

    # Acts
    def act_word(self, act: Act | Document | ActMention, count: int = 1) -> str:
        word = ACT_WORDS[act.type]
        return instrumental(possessive(plural(word) if count > 1 else word))

    def in_force_bracket(self, mention: ActMention) -> str:
        inner = self._bracket_text(mention)
        return f"({inner})" if inner else ""

    def _bracket_text(self, mention: ActMention) -> str:
        """The act's clause on entry into force, in the wording of its era or its own."""
        if mention.in_force_text is not None:
            return mention.in_force_text[self.code]
        if mention.style.see_point is not None:
            return f"қолданысқа енгізілу тәртібін {mention.style.see_point}-т. қараңыз"
        rule = mention.rule
        if isinstance(rule, InForceDate):
            return f"{self._date(rule.date, mention)} бастап қолданысқа енгізіледі"
        if isinstance(rule, InForceAfterDays):
            return self._after_days(mention, number_words(rule.after_publication_days))
        if isinstance(rule, InForceAfterSigning):
            return (f"қол қойылған күнінен бастап {rule.after_signing_days} күнтізбелік күн "
                    "өткен соң қолданысқа енгізіледі")
        if rule == "on_signing" and not mention.style.signing_bracket:
            return ""
        return KEYWORD_BRACKETS[rule]

    @staticmethod
    def _after_days(mention: ActMention, days: str) -> str:
        wording = mention.style.wording or (
            "after_first" if era(mention) < YEAR_FIRST_UNTIL else "after_day")
        published, after, passing = AFTER_DAYS_WORDINGS.get(wording, AFTER_DAYS_WORDINGS[
            "after_day"])
        return (f"{published} {after} күнтізбелік {days} күн {passing} соң "
                "қолданысқа енгізіледі")

    def in_force_from(self, date: dt.date) -> str:
        return f"{self.short_date(date)} бастап қолданысқа енгізіледі"

    def pending_act(self, mention: ActMention) -> Words:
        """ҚР Үкіметінің 31.03.2014 № 279 (01.01.2015 бастап …) қаулысы."""
        return words(f"{self._issuer(mention)} ", self._reference(mention),
                     with_bracket(self, mention), f" {possessive(ACT_WORDS[mention.type])}")

    def change_word(self, change: str, kind: Subject, document_type: str) -> str:
        from ..model.diff import CHANGE_PHRASES  # loaded with the comparisons

        return self.phrase(CHANGE_PHRASES[change])

    def _date(self, date: dt.date, mention: ActMention) -> str:
        """A date as the notes of the act print it: 07.11.2013, or in the forms of 2005–2012
        2012.11.07 (and, for some acts, 2009.09.01.)."""
        form = mention.style.date_form or (
            "year_first" if era(mention) < YEAR_FIRST_UNTIL else "day_first")
        if form == "day_first":
            return date.strftime("%d.%m.%Y")
        return date.strftime("%Y.%m.%d") + ("." if form == "year_first_dot" else "")

    def _reference(self, mention: ActMention) -> Segment:
        """07.11.2013 № 1169; 2012.11.07 N 1413 before 2013."""
        latin = mention.style.number_sign == "latin_n" or (
            mention.style.number_sign is None and era(mention) < YEAR_FIRST_UNTIL)
        return act_reference(self, mention, self._date(mention.date, mention),
                             "N" if latin else None)

    def _issuer(self, mention: ActMention) -> str:
        """ҚР Әділет министрінің, and " м.а." after it for an acting head."""
        name = self.issuer(mention, long=mention.style.issuer_form == "long")
        return f"{name} м.а." if mention.acting else name

    def _word_of(self, run: Sequence[ActMention]) -> str:
        """The act word closing a run of acts of one type: қаулысымен, қаулыларымен; in the
        forms of 2005–2012 with a capital."""
        last = run[-1]
        word = self.act_word(last, len(run))
        capital = last.style.act_word == "capital" or (
            last.style.act_word is None and era(last) < YEAR_FIRST_UNTIL)
        return capitalize(word) if capital else word

    @staticmethod
    def _bracket_after_word(mention: ActMention) -> bool:
        """Laws and codes print the bracket after the act word ("Заңымен (…)"), other acts
        before it ("№ 728 (…) қаулысымен")."""
        place = mention.style.bracket or (
            "after_act_word" if mention.type in NAMED_BY_REPUBLIC else "before_act_word")
        return place == "after_act_word"

    @staticmethod
    def _separator(mention: ActMention) -> str:
        """Between the acts of one operation: ", " before an act of 2016 or earlier, "; "
        from 2017 on."""
        return "; " if era(mention) >= COMMA_UNTIL else ", "

    @staticmethod
    def _dash(mention: ActMention) -> str:
        return "–" if mention.style.dash == "en_dash" else "-"

    def _acts(self, mentions: Sequence[ActMention]) -> Words:
        """The acts of one operation, each run of one type closed by its act word."""
        return self._runs([list(mentions)])[0]

    def _runs(self, segments: Sequence[Sequence[ActMention]]) -> list[Words]:
        """The acts of each operation of a note: the issuer at the start of an operation and
        whenever it changes, each act's date, number and bracket, and the act word after the
        last act of each run of one type, wherever that run ends."""
        flat = [mention for segment in segments for mention in segment]
        runs = {id(mention): run for run in by_type(flat) for mention in run}
        result: list[Words] = []
        for segment in segments:
            parts: list[str | Segment | Words] = []
            for position, mention in enumerate(segment):
                run = runs[id(mention)]
                previous = segment[position - 1] if position else None
                if previous is not None:
                    parts.append(self._separator(mention))
                if previous is None or signer(previous) != signer(mention) or (
                        previous.type != mention.type):
                    parts.append(f"{self._issuer(mention)} ")
                parts.append(self._reference(mention))
                closes = mention is run[-1]
                after = closes and self._bracket_after_word(mention)
                if not after:
                    parts.append(with_bracket(self, mention))
                if closes:
                    parts.append(f" {self._word_of(run)}")
                if after:
                    parts.append(with_bracket(self, mention))
            result.append(words(*parts))
        return result

    def act_name(self, act: Act | Document) -> str:
        """ҚР Үкіметінің 07.11.2013 № 1169 қаулысы — an act named on its own."""
        return (f"{self.issuer(act)} {self.short_date(act.date)} № {act.number} "
                f"{possessive(ACT_WORDS[act.type])}")

    def document_name(self, document_type: str) -> str:
        """Қаулы, Заң — the document itself, as a changed unit is named."""
        return capitalize(ACT_WORDS[document_type])

    # Units as the notes name them
    def unit_phrase(self, unit: UnitRef, note: NoteContext) -> Phrase:
        """3-тармақ, 1-тараудың тақырыбы, Қағидалар, Тақырыбы, Кіріспе."""
        if unit.kind == TITLE:
            if unit.owner is not None:
                return Phrase(f"{self.unit_phrase(unit.owner, note).case('genitive')} тақырыбы",
                              possessed=True)
            if note.style.title == "owner":
                return Phrase(f"{genitive(ACT_WORDS[note.document_type])} тақырыбы",
                              possessed=True)
            word = _by_era(TITLE_WORDS, note.era)
            return Phrase(word, possessed=word == "тақырыбы")
        if unit.name is not None:
            return Phrase(_by_era(RULES_WORDS, note.era) if unit.name == "rules"
                          else ANNEX_WORDS[unit.name])
        return Phrase(self.unit_name(unit))

    def _units(self, units: Sequence[UnitRef], note: NoteContext) -> Phrase:
        """One unit, or several of one kind: "4, 5-баптар", "4), 5) тармақшалар"."""
        if len(units) == 1:
            return self.unit_phrase(units[0], note)
        word = plural(kind_word(self.unit_words, units[0].kind, self.code))
        labels = [(unit.label or "").strip() for unit in units]
        if all(label.endswith(")") for label in labels):
            return Phrase(f"{', '.join(labels)} {word}")
        return Phrase(f"{', '.join(label.rstrip('.') for label in labels)}-{word}")

    def _holder(self, facts: NoteFacts, note: NoteContext) -> str:
        """Who received an inserted unit: the unit, or the document itself; none where the
        act's notes leave it out."""
        if note.style.insert_holder == "omitted":
            return ""
        if facts.units:
            return f"{self._units(facts.units, note).text} "
        return f"{self.document_name(facts.document_type)} "

    # Notes
    def note(self, facts: NoteFacts) -> Words:
        note = NoteContext.of(facts)
        steps = merged(facts.steps)
        runs = self._runs([self._named_acts(step) for step in steps])
        parts: list[str | Words] = [f"{self.note_word} "]
        for index, (step, acts) in enumerate(zip(steps, runs, strict=True)):
            head = self._step(step, facts, note, first=index == 0)
            parts += ["; " if index else "", capitalize(head) if not index else head,
                      f" {self._dash(step.acts[0])} ", self._provision(step) or acts]
        return words(*parts, ".")

    @staticmethod
    def _named_acts(step: NoteStep) -> list[ActMention]:
        """The acts a step names (none when the document's own provision speaks)."""
        return [] if step.details.provision is not None else list(step.acts)

    def _provision(self, step: NoteStep) -> str:
        """"осы қаулының 5-тармағымен": the document's own provision, for its acts."""
        provision = step.details.provision
        if provision is None:
            return ""
        holder = genitive(ACT_WORDS[step.acts[0].type])
        return f"осы {holder} {instrumental(possessive(self.unit_name(provision)))}"

    def _step(self, step: NoteStep, facts: NoteFacts, note: NoteContext, first: bool) -> str:
        """An operation: after the units it is about for the first, alone for later ones."""
        units = self._units(facts.units, note) if facts.units else None
        only = step.details.only
        if only and self.code not in only and units is not None and first:
            count = "өзгеріс" if step.details.count == "one" else "өзгерістер"
            text = "мәтінге" if note.style.other_text == "plain" else "мәтініне"
            return (f"{units.case('dative')} {LANGUAGE_NAMES[only[0]]} тіліндегі {text} "
                    f"{count} енгізіледі, {LANGUAGE_NAMES[self.code]} тіліндегі мәтін "
                    "өзгермейді")
        operation = step.operation
        if operation == "insert" and step.added is not None:
            holder = self._holder(facts, note) if first else ""
            return f"{holder}{instrumental(self.unit_name(step.added))} толықтырылды"
        if operation == "replace_words":
            return f"Бүкіл мәтін бойынша {self._replaced(step)} ауыстырылды"
        if operation == "in_force_from" and step.details.effective is not None:
            date = self._date(step.details.effective, step.acts[0])
            subject = f"{units.text} " if units is not None and first else ""
            return f"{subject}{date} бастап қолданысқа енгізіледі"
        if units is None or not first:
            if operation == "replace":
                return "жаңа редакцияда"
            if operation == "exclude":
                return self._excluded(step.acts[0]).lower()
            if operation == "lose_force":
                return "күші жойылды"
            return self._changes_word(step.acts)
        if operation == "replace":
            return f"{units.text} жаңа редакцияда"
        if operation == "exclude":
            return f"{units.text} {self._excluded(step.acts[0]).lower()}"
        if operation == "lose_force":
            return f"{units.case('genitive')} күші жойылды"
        return f"{units.case('dative')} {self._changes_word(step.acts)}"

    @staticmethod
    def _changes_word(acts: Sequence[ActMention]) -> str:
        """өзгерту енгізілді before 2011; өзгерістер енгізілді for several acts from 2017 on;
        else өзгеріс енгізілді."""
        last = acts[-1]
        if last.style.changes_word == "plural" or (
                len(acts) > 1 and era(last) >= PLURAL_CHANGES_FROM):
            return "өзгерістер енгізілді"
        if era(last) < AMEND_VERB_UNTIL:
            return "өзгерту енгізілді"
        return "өзгеріс енгізілді"

    @staticmethod
    def _excluded(mention: ActMention) -> str:
        return "Алынып тасталды" if era(mention) < EXCLUDED_LONG_UNTIL else "Алып тасталды"

    def _replaced(self, step: NoteStep) -> str:
        """«А» деген сөздер «Б» деген сөздермен, … — the words of the record, by language."""
        pairs = (step.details.words or {}).get(self.code, ())
        return ", ".join(
            f"«{find}» деген {_words(find, 'сөз', 'сөздер')} «{new}» деген "
            f"{_words(new, 'сөзбен', 'сөздермен')}" for find, new in pairs)

    def exclusion(self, facts: NoteFacts, with_label: bool = True) -> Words:
        """The text in an excluded unit's place: "3. Алып тасталды - …", "3) алып тасталды - …",
        "4, 5-баптар алып тасталды - …"; a unit the notes call by its name gets a note:
        "Ескерту. Тізбе алынып тасталды - …", "Ескерту. Қосымшаның күші жойылды - …"."""
        units, first = facts.units, facts.acts[0]
        acts = words(f" {self._dash(first)} ", self._acts(facts.acts), ".")
        word = self._excluded(first) if facts.operation == "exclude" else "Күші жойылды"
        if len(units) > 1:
            note = NoteContext.of(facts)
            return words(f"{self._units(units, note).text} {word.lower()}", acts)
        unit = units[0]
        if unit.named:
            head = self._step(facts.steps[0], facts, NoteContext.of(facts), first=True)
            return words(f"{self.note_word} {capitalize(head)}", acts)
        label = (unit.label or "").strip() if with_label else ""
        if label.endswith(")") and era(first) >= YEAR_FIRST_UNTIL:
            word = word[:1].lower() + word[1:]
        return words(f"{label} {word}" if label else word, acts)

    def repeal_note(self, facts: NoteFacts) -> Words:
        return words(f"{self.note_word} Күші жойылды {self._dash(facts.acts[0])} ",
                     self._acts(facts.acts), ".")

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
