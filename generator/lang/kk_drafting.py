"""Kazakh drafting grammar: the amending act's title, formula, instructions and in-force point.

Built on the note grammar of `kk.py` (unit words, cases by vowel harmony, act words, issuers,
dates, numbers in words), in the official style: "3-тармақ мынадай редакцияда жазылсын:",
"«X» деген сөздер «Y» деген сөздермен ауыстырылсын", "мынадай мазмұндағы 2-1) тармақшамен
толықтырылсын:", "реттік нөмірі 24-жол алып тасталсын".
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Act, Document, InForceAfterDays, InForceDate, InForceRule, Unit, spec_of
from ..model.drafting import ActKind, ActUnit, Case, DraftingLanguage, InstructionForm
from ..model.inline import plain
from ..model.language import kind_word
from .kk import (
    ACT_WORDS,
    MONTHS,
    Kazakh,
    genitive,
    instrumental,
    is_back,
    last_sound,
    locative,
    number_words,
    possessive,
)

FORMULAS = {
    "government": "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:",
    "president": "ҚАУЛЫ ЕТЕМІН:",
    "ministry": "БҰЙЫРАМЫН:",
}
# Ordinals whose suffix does not follow the rule (жиырма → жиырмасыншы).
IRREGULAR_ORDINALS = {"жиырма": "жиырмасыншы", "елу": "елуінші"}
KIND_WORDS: dict[ActKind, str] = {
    "changes": "өзгерістер енгізу туралы",
    "changes_and_additions": "өзгерістер мен толықтырулар енгізу туралы",
    "repeal": "күші жойылды деп тану туралы",
}


def ablative(word: str) -> str:
    """қаңтар → қаңтардан, ақпан → ақпаннан, қыркүйек → қыркүйектен."""
    sound = last_sound(word)
    if sound in "мнң":
        back, front = "нан", "нен"
    elif sound in "кқпстфхцчшщбвгд":
        back, front = "тан", "тен"
    else:
        back, front = "дан", "ден"
    return word + (back if is_back(word) else front)


def possessive_case(word: str, back: str, front: str) -> str:
    """A case after the third-person possessive takes -н-: қаулысы → қаулысына, қаулысының."""
    return word + ("н" if last_sound(word) in "ыі" else "") + (back if is_back(word) else front)


def ordinal(n: int) -> str:
    """1 → бірінші, 3 → үшінші, 6 → алтыншы, 10 → оныншы, 20 → жиырмасыншы."""
    words = number_words(n).split()
    last = words[-1]
    if last in IRREGULAR_ORDINALS:
        words[-1] = IRREGULAR_ORDINALS[last]
    else:
        vowel_end = last[-1] in "аәеиоөуұүыіэюя"
        back = is_back(last)
        words[-1] = last + ("ншы" if back else "нші") if vowel_end else \
            last + ("ыншы" if back else "інші")
    return " ".join(words)


def _quote(text: str) -> str:
    return f"«{text}»"


def _words(text: str, one: str, many: str) -> str:
    return one if len(text.split()) == 1 else many


class KazakhDrafting(Kazakh, DraftingLanguage):
    """Kazakh, with the grammar of the amending act."""

    formulas = FORMULAS
    # "... 2013 жылғы 7 қарашадағы № 1169 қаулысы"
    heading_number = r"№\s*(?P<number>\S+)"
    date_in_words = r"(?P<year>\d{4}) жылғы (?P<day>\d{1,2}) "

    def own_letters(self, line: str) -> str:
        """A Latin i typed beside Cyrillic letters is the Kazakh і."""
        return re.sub(r"(?<=[\u0400-\u04ff])i|i(?=[\u0400-\u04ff])", "і", line)

    def _document(self, document: Document) -> str:
        """Қазақстан Республикасы Үкіметінің 2012 жылғы 25 мамырдағы № 683 қаулысы."""
        issuer = self.issuer(document, long=True)
        word = possessive(ACT_WORDS[document.type])
        return f"{issuer} {self.date(document.date)} № {document.number} {word}"

    def act_title(self, document: Document, kind: ActKind) -> str:
        named = self._document(document)
        if kind == "repeal":
            return f"{possessive_case(named, 'ың', 'ің')} {KIND_WORDS[kind]}"
        return f"{possessive_case(named, 'а', 'е')} {KIND_WORDS[kind]}"

    def amended_act_point(self, document: Document, kind: ActKind) -> str:
        named = f"{_quote(document.title)} {self._document(document)}"
        if kind == "repeal":
            return f"{possessive_case(named, 'ың', 'ің')} күші жойылды деп танылсын."
        what = "өзгерістер мен толықтырулар" if kind == "changes_and_additions" else "өзгерістер"
        return f"{possessive_case(named, 'а', 'е')} мынадай {what} енгізілсін:"

    def attachment_group(self, attachment: Unit, document: Document) -> str:
        heading = plain(attachment.heading or "")
        where = possessive_case(heading, "да", "де") if last_sound(heading) in "ыі" \
            else locative(heading)
        return f"көрсетілген {instrumental(ACT_WORDS[document.type])} бекітілген {where}:"

    def _base_name(self, named: ActUnit) -> str:
        unit = named.unit
        word = kind_word(self.unit_words, unit.kind, self.code)
        if unit.label and spec_of(unit).in_table:
            return f"реттік нөмірі {unit.label.strip().rstrip('.')}-{word}"
        if unit.label:
            return self.unit_name(unit)
        if unit.heading:
            return f"{_quote(plain(unit.heading))} деген {word}"
        if unit.cells:
            return f"{_quote(plain(str(unit.cells[0])))} деген {word}"
        if named.position is not None:
            return f"{ordinal(named.position)} {word}"
        return word

    def act_unit(self, named: ActUnit, case: Case) -> str:
        base = self._base_name(named)
        if case == "locative":
            return locative(base)
        if case == "instrumental":
            return instrumental(base)
        return base

    def replace_instruction(self, named: ActUnit) -> str:
        return f"{self.act_unit(named, 'nominative')} мынадай редакцияда жазылсын:"

    def amend_instruction(self, named: ActUnit | None, find: str, replace: str) -> str:
        old = _words(find, "сөз", "сөздер")
        new = _words(replace, "сөзбен", "сөздермен")
        sentence = f"{_quote(find)} деген {old} {_quote(replace)} деген {new} ауыстырылсын"
        return sentence if named is None else f"{self.act_unit(named, 'locative')} {sentence}"

    def insert_instruction(self, inserted: ActUnit) -> str:
        return f"мынадай мазмұндағы {self.act_unit(inserted, 'instrumental')} толықтырылсын:"

    def delete_instruction(self, named: ActUnit) -> str:
        return f"{self.act_unit(named, 'nominative')} алып тасталсын"

    def instruction_forms(self) -> list[InstructionForm]:
        return [
            InstructionForm("replace", "nominative", r"мынадай редакцияда жазылсын:"),
            InstructionForm("amend", "locative", r"«(?P<find>.+)» деген (?:сөз|сөздер) "
                            r"«(?P<replace>.+)» деген (?:сөзбен|сөздермен) ауыстырылсын[;.]?",
                            unit_optional=True),
            InstructionForm("insert", "nominative",
                            r"мынадай мазмұндағы (?P<new>.+) толықтырылсын:", unit_optional=True),
            InstructionForm("delete", "nominative", r"алып тасталсын[;.]?"),
        ]

    def _takes_effect(self, rule: InForceRule) -> str:
        if isinstance(rule, InForceDate):
            return f"{self._from_date(rule.date)} бастап қолданысқа енгізіледі"
        if isinstance(rule, InForceAfterDays):
            days = number_words(rule.after_publication_days)
            return (f"алғашқы ресми жарияланған күнінен кейін күнтізбелік {days} күн өткен соң "
                    "қолданысқа енгізіледі")
        if rule == "on_publication":
            return "алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі"
        return "қол қойылған күнінен бастап қолданысқа енгізіледі"

    @staticmethod
    def _from_date(date: dt.date) -> str:
        """2015 жылғы 1 қаңтардан."""
        return f"{date.year} жылғы {date.day} {ablative(MONTHS[date.month - 1])}"

    def in_force_point(self, act: Act, rule: InForceRule) -> str:
        return f"Осы {ACT_WORDS[act.type]} {self._takes_effect(rule)}."

    def in_force_exception(self, act: Act, point: int, number: int, rule: InForceRule) -> str:
        holder = genitive(ACT_WORDS[act.type])
        return (f"Осы {holder} {point}-тармағының {number}) тармақшасы "
                f"{self._takes_effect(rule)}.")
