"""Russian drafting grammar: the amending act's title, formula, instructions and in-force point.

Built on the note grammar of `ru.py` (act words and their cases, issuers, dates, numbers in
words), in the official style: "пункт 3 изложить в следующей редакции:", "слова «X» заменить
словами «Y»", "дополнить подпунктом 2-1) следующего содержания:", "строку, порядковый номер 24,
исключить".
"""

from __future__ import annotations

from ..model import Act, Document, InForceAfterDays, InForceDate, InForceRule, Unit, spec_of
from ..model.drafting import ActKind, ActUnit, Case, DraftingLanguage, InstructionForm
from ..model.inline import plain
from .ru import ACT_WORDS, Russian, calendar_days_genitive, number_words_genitive

FORMULAS = {
    "government": "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
    "president": "ПОСТАНОВЛЯЮ:",
    "ministry": "ПРИКАЗЫВАЮ:",
}
KIND_WORDS: dict[ActKind, str] = {
    "changes": "изменений",
    "changes_and_additions": "изменений и дополнений",
}
THIS = {"m": "Настоящий", "f": "Настоящая", "n": "Настоящее"}


ORDINALS = ["", "первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой",
            "восьмой", "девятый", "десятый", "одиннадцатый", "двенадцатый", "тринадцатый",
            "четырнадцатый", "пятнадцатый", "шестнадцатый", "семнадцатый", "восемнадцатый",
            "девятнадцатый"]
TENS_ORDINAL = ["", "", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый",
                "семидесятый", "восьмидесятый", "девяностый"]
TENS_CARDINAL = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
                 "семьдесят", "восемьдесят", "девяносто"]


def ordinal(n: int, case: Case = "nominative") -> str:
    """3 → третий (в абзаце третьем, абзацем третьим), 21 → двадцать первый; up to 99."""
    if n < 20:
        words = [ORDINALS[n]]
    else:
        tens, ones = divmod(n, 10)
        words = [TENS_CARDINAL[tens], ORDINALS[ones]] if ones else [TENS_ORDINAL[tens]]
    words[-1] = _ordinal_case(words[-1], case)
    return " ".join(words)


def _ordinal_case(word: str, case: Case) -> str:
    if case in ("nominative", "accusative"):
        return word
    stem = word[:-2]
    soft = word.endswith("ий")  # третий → третьем, третьим
    if case == "locative":
        return stem + ("ьем" if soft else "ом")
    return stem + ("ьим" if soft else "ым")


def prepositional_phrase(heading: str) -> str:
    """The first word of a title in the prepositional: Программа развития … → Программе …."""
    first, _, rest = heading.partition(" ")
    if first.endswith("ие"):
        first = first[:-1] + "и"
    elif first.endswith(("а", "я", "е", "о")):
        first = first[:-1] + "е"
    else:
        first += "е"
    return f"{first} {rest}".strip()


def _participle(heading: str) -> str:
    """утвержденной / утвержденном, agreeing with the title's first word."""
    first = heading.split(" ", 1)[0]
    return "утвержденной" if first.endswith(("а", "я")) else "утвержденном"


def _quote(text: str) -> str:
    return f"«{text}»"


class RussianDrafting(Russian, DraftingLanguage):
    """Russian, with the grammar of the amending act."""

    formulas = FORMULAS
    # "... от 7 ноября 2013 года № 1169"
    heading_number = r"№\s*(?P<number>\S+)"
    date_in_words = r"(?P<day>\d{1,2}) \S+ (?P<year>\d{4}) года"

    def _document(self, document: Document, case: str) -> str:
        """постановление Правительства Республики Казахстан от 25 мая 2012 года № 683."""
        words = ACT_WORDS[document.type]
        word = words.genitive if case == "genitive" else words.nominative
        issuer = self.issuer(document, long=True)
        return f"{word} {issuer} от {self.date(document.date)} № {document.number}"

    def act_title(self, document: Document, kind: ActKind) -> str:
        if kind == "repeal":
            return f"О признании утратившим силу {self._document(document, 'genitive')}"
        return f"О внесении {KIND_WORDS[kind]} в {self._document(document, 'accusative')}"

    def amended_act_point(self, document: Document, kind: ActKind) -> str:
        named = f"{self._document(document, 'accusative')} {_quote(document.title)}"
        if kind == "repeal":
            return f"Признать утратившим силу {named}."
        what = "изменения и дополнения" if kind == "changes_and_additions" else "изменения"
        return f"Внести в {named} следующие {what}:"

    def attachment_group(self, attachment: Unit, document: Document) -> str:
        heading = plain(attachment.heading or "")
        act_word = ACT_WORDS[document.type].instrumental
        return (f"в {prepositional_phrase(heading)}, {_participle(heading)} указанным "
                f"{act_word}:")

    def act_unit(self, named: ActUnit, case: Case) -> str:
        unit = named.unit
        forms = self._noun(unit)
        word = {"nominative": forms.nominative, "accusative": forms.accusative,
                "locative": forms.prepositional, "instrumental": forms.instrumental}[case]
        prefix = "в " if case == "locative" else ""
        if unit.label and spec_of(unit).in_table:
            return f"{prefix}{word}, порядковый номер {unit.label.strip().rstrip('.')},"
        if unit.label:
            return f"{prefix}{self._named(word, unit.label)}"
        if unit.heading:
            return f"{prefix}{word} {_quote(plain(unit.heading))}"
        if unit.cells:
            return f"{prefix}{word} {_quote(plain(str(unit.cells[0])))}"
        if named.position is not None:
            return f"{prefix}{word} {ordinal(named.position, case)}"
        return f"{prefix}{word}"

    def replace_instruction(self, named: ActUnit) -> str:
        return f"{self.act_unit(named, 'accusative')} изложить в следующей редакции:"

    def amend_instruction(self, named: ActUnit | None, find: str, replace: str) -> str:
        old = "слово" if len(find.split()) == 1 else "слова"
        new = "словом" if len(replace.split()) == 1 else "словами"
        sentence = f"{old} {_quote(find)} заменить {new} {_quote(replace)}"
        return sentence if named is None else f"{self.act_unit(named, 'locative')} {sentence}"

    def insert_instruction(self, inserted: ActUnit) -> str:
        return f"дополнить {self.act_unit(inserted, 'instrumental')} следующего содержания:"

    def delete_instruction(self, named: ActUnit) -> str:
        return f"{self.act_unit(named, 'accusative')} исключить"

    def instruction_forms(self) -> list[InstructionForm]:
        return [
            InstructionForm("replace", "accusative", r"изложить в следующей редакции:"),
            InstructionForm("amend", "locative", r"(?:слово|слова) «(?P<find>.+)» заменить "
                            r"(?:словом|словами) «(?P<replace>.+)»[;.]?", unit_optional=True),
            InstructionForm("insert", "accusative",
                            r"дополнить (?P<new>.+?),? следующего содержания:", unit_optional=True),
            InstructionForm("delete", "accusative", r"исключить[;.]?"),
        ]

    def _takes_effect(self, rule: InForceRule) -> str:
        if isinstance(rule, InForceDate):
            return f"вводится в действие с {self.date(rule.date)}"
        if isinstance(rule, InForceAfterDays):
            days = rule.after_publication_days
            return (f"вводится в действие по истечении {number_words_genitive(days)} "
                    f"{calendar_days_genitive(days)} после дня его первого официального "
                    "опубликования")
        if rule == "on_publication":
            return "вводится в действие со дня его первого официального опубликования"
        return "вводится в действие со дня его подписания"

    def in_force_point(self, act: Act, rule: InForceRule) -> str:
        words = ACT_WORDS[act.type]
        return f"{THIS[words.gender]} {words.nominative} {self._takes_effect(rule)}."

    def in_force_exception(self, act: Act, point: int, number: int, rule: InForceRule) -> str:
        words = ACT_WORDS[act.type]
        this = {"m": "настоящего", "f": "настоящей", "n": "настоящего"}[words.gender]
        return (f"Подпункт {number}) пункта {point} {this} {words.genitive} "
                f"{self._takes_effect(rule)}.")
