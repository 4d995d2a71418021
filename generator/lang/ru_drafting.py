"""Russian drafting grammar: the amending act's title, formula, instructions and in-force point.

Built on the note grammar of `ru.py` (act words and their cases, issuers, dates, numbers in
words), in the official style: "пункт 3 изложить в следующей редакции:", "слова «X» заменить
словами «Y»", "цифры «5» заменить цифрами «6»", "дополнить подпунктами 2-1) и 2-2) следующего
содержания:", "строку, порядковый номер 24, исключить", "подпункт 1) пункта 15 изложить …",
"в перечне …, утвержденном указанным постановлением:", "строку: «…» изложить в следующей
редакции: «…»". An act signed before 2008 is written with straight quotes ("…").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import (
    Act,
    Document,
    InForceAfterDays,
    InForceDate,
    InForceRule,
    Unit,
    family_of,
    label_number,
    spec_of,
)
from ..model.drafting import (
    ActScope,
    ActUnit,
    Address,
    Case,
    DraftingLanguage,
    InstructionForm,
    NewUnit,
    probe_unit,
)
from ..model.inline import plain
from .base import quote, row_number, split_outside_quotes, titled
from .ru import ACT_WORDS, Noun, Russian, calendar_days_genitive, number_words_genitive

FORMULAS = {
    "government": "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
    "president": "ПОСТАНОВЛЯЮ:",
    "ministry": "ПРИКАЗЫВАЮ:",
}
THIS = {"m": "Настоящий", "f": "Настоящая", "n": "Настоящее"}
THIS_GENITIVE = {"m": "настоящего", "f": "настоящей", "n": "настоящего"}
# "к указанному постановлению": an act word in the dative.
DATIVE = {"resolution": "постановлению", "law": "Закону", "code": "Кодексу", "decree": "Указу",
          "order": "приказу", "decision": "решению", "instruction": "распоряжению"}
# Acts named by their title and date, without a number, laws and codes; divided into articles.
BY_TITLE = frozenset({"law", "code"})
# Acts signed before this day write straight quotes.
STRAIGHT_QUOTES_UNTIL = dt.date(2008, 1, 1)


@dataclass(frozen=True, slots=True)
class Forms:
    """The forms of a unit word that notes do not need: the genitive and the plural."""

    genitive: str
    plural: str  # nominative and accusative
    plural_genitive: str
    plural_prepositional: str
    plural_instrumental: str


FORMS: dict[str, Forms] = {
    "point": Forms("пункта", "пункты", "пунктов", "пунктах", "пунктами"),
    "paragraph": Forms("пункта", "пункты", "пунктов", "пунктах", "пунктами"),
    "subpoint": Forms("подпункта", "подпункты", "подпунктов", "подпунктах", "подпунктами"),
    "section": Forms("раздела", "разделы", "разделов", "разделах", "разделами"),
    "named": Forms("раздела", "разделы", "разделов", "разделах", "разделами"),
    "subsection": Forms("подраздела", "подразделы", "подразделов", "подразделах",
                        "подразделами"),
    "appendix": Forms("приложения", "приложения", "приложений", "приложениях", "приложениями"),
    "attachment": Forms("приложения", "приложения", "приложений", "приложениях",
                        "приложениями"),
    "text": Forms("абзаца", "абзацы", "абзацев", "абзацах", "абзацами"),
    "preamble": Forms("преамбулы", "преамбулы", "преамбул", "преамбулах", "преамбулами"),
    "signature": Forms("абзаца", "абзацы", "абзацев", "абзацах", "абзацами"),
    "part": Forms("части", "части", "частей", "частях", "частями"),
    "row": Forms("строки", "строки", "строк", "строках", "строками"),
    "group": Forms("строки", "строки", "строк", "строках", "строками"),
    "total": Forms("строки", "строки", "строк", "строках", "строками"),
    "table": Forms("таблицы", "таблицы", "таблиц", "таблицах", "таблицами"),
    "notes": Forms("примечания", "примечания", "примечаний", "примечаниях", "примечаниями"),
    "article": Forms("статьи", "статьи", "статей", "статьях", "статьями"),
    "chapter": Forms("главы", "главы", "глав", "главах", "главами"),
}


@dataclass(frozen=True, slots=True)
class Head:
    """The word a title of a document or a part is headed by, in every case; `gender` m, f,
    n or p (plural); `lower`: a common noun, written in small letters inside a sentence
    ("в перечне …"), where a title of its own keeps its capital ("в Положении …")."""

    nominative: str
    accusative: str
    genitive: str
    prepositional: str
    instrumental: str
    gender: str
    lower: bool


HEADS = {head.nominative: head for head in (
    Head("перечень", "перечень", "перечня", "перечне", "перечнем", "m", True),
    Head("перечни", "перечни", "перечней", "перечнях", "перечнями", "p", True),
    Head("список", "список", "списка", "списке", "списком", "m", True),
    Head("лимиты", "лимиты", "лимитов", "лимитах", "лимитами", "p", True),
    Head("ставки", "ставки", "ставок", "ставках", "ставками", "p", True),
    Head("нормы", "нормы", "норм", "нормах", "нормами", "p", True),
    Head("нормативы", "нормативы", "нормативов", "нормативах", "нормативами", "p", True),
    Head("размеры", "размеры", "размеров", "размерах", "размерами", "p", True),
    Head("функции", "функции", "функций", "функциях", "функциями", "p", True),
    Head("требования", "требования", "требований", "требованиях", "требованиями", "p", True),
    Head("структура", "структуру", "структуры", "структуре", "структурой", "f", True),
    Head("состав", "состав", "состава", "составе", "составом", "m", True),
    Head("форма", "форму", "формы", "форме", "формой", "f", True),
    Head("положение", "положение", "положения", "положении", "положением", "n", False),
    Head("правила", "правила", "правил", "правилах", "правилами", "p", False),
    Head("программа", "программу", "программы", "программе", "программой", "f", False),
    Head("паспорт", "паспорт", "паспорта", "паспорте", "паспортом", "m", False),
    Head("стратегия", "стратегию", "стратегии", "стратегии", "стратегией", "f", False),
    Head("концепция", "концепцию", "концепции", "концепции", "концепцией", "f", False),
    Head("инструкция", "инструкцию", "инструкции", "инструкции", "инструкцией", "f", False),
    Head("методика", "методику", "методики", "методике", "методикой", "f", False),
    Head("план", "план", "плана", "плане", "планом", "m", False),
    Head("порядок", "порядок", "порядка", "порядке", "порядком", "m", False),
    Head("регламент", "регламент", "регламента", "регламенте", "регламентом", "m", False),
    Head("устав", "устав", "устава", "уставе", "уставом", "m", False),
)}
# Adjective endings of the nominative by gender, and the ending of each case.
ADJECTIVE_NOMINATIVE = {"ый": "m", "ий": "m", "ой": "m", "ая": "f", "яя": "f", "ое": "n",
                        "ее": "n", "ые": "p", "ие": "p"}
ADJECTIVE_CASES: dict[str, dict[str, str]] = {
    "m": {"genitive": "ого", "locative": "ом", "instrumental": "ым"},
    "n": {"genitive": "ого", "locative": "ом", "instrumental": "ым", "accusative": "ое"},
    "f": {"accusative": "ую", "genitive": "ой", "locative": "ой", "instrumental": "ой"},
    "p": {"genitive": "ых", "locative": "ых", "instrumental": "ыми"},
}
VELARS = set("кгхжшчщ")
# "утвержденном указанным постановлением", agreeing with the title's head word.
APPROVED = {"m": "утвержденном", "n": "утвержденном", "f": "утвержденной", "p": "утвержденных"}

ORDINALS = ["", "первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой",
            "восьмой", "девятый", "десятый", "одиннадцатый", "двенадцатый", "тринадцатый",
            "четырнадцатый", "пятнадцатый", "шестнадцатый", "семнадцатый", "восемнадцатый",
            "девятнадцатый"]
TENS_ORDINAL = ["", "", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый",
                "семидесятый", "восьмидесятый", "девяностый"]
TENS_CARDINAL = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
                 "семьдесят", "восемьдесят", "девяносто"]
# The endings of an ordinal by gender and case: hard stems (пятый, второй) and третий.
HARD_ORDINAL = {
    "m": {"genitive": "ого", "locative": "ом", "instrumental": "ым"},
    "f": {"nominative": "ая", "accusative": "ую", "genitive": "ой", "locative": "ой",
          "instrumental": "ой"},
}
THIRD = {
    "m": {"genitive": "третьего", "locative": "третьем", "instrumental": "третьим"},
    "f": {"nominative": "третья", "accusative": "третью", "genitive": "третьей",
          "locative": "третьей", "instrumental": "третьей"},
}
NUMBERS_ONLY = re.compile(r"[\d\s.,\-–/%]*\d[\d\s.,\-–/%]*")


def ordinal(n: int, case: Case = "nominative", gender: str = "m") -> str:
    """3 → третий (в абзаце третьем, абзацем третьим), 21 → двадцать первый, часть вторая;
    up to 99."""
    if n < 20:
        words = [ORDINALS[n]]
    else:
        tens, ones = divmod(n, 10)
        words = [TENS_CARDINAL[tens], ORDINALS[ones]] if ones else [TENS_ORDINAL[tens]]
    words[-1] = _ordinal_case(words[-1], case, "f" if gender == "f" else "m")
    return " ".join(words)


def _ordinal_case(word: str, case: Case, gender: str) -> str:
    if case == "attributive":
        case = "locative"
    if word == "третий":
        return THIRD[gender].get(case, word)
    ending = HARD_ORDINAL[gender].get(case)
    return word if ending is None else word[:-2] + ending


def joined(items: Sequence[str], last: str = " и ") -> str:
    """«a, b и c»."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]


def _adjective(word: str, case: Case, gender: str) -> str:
    """Государственная → Государственной, квалификационные → квалификационных."""
    ending = ADJECTIVE_CASES[gender].get(case)
    if ending is None:
        return word
    stem = word[:-2]
    if ending.startswith("ы") and stem[-1:] in VELARS:
        ending = "и" + ending[1:]
    return stem + ending


def _with_capital(form: str, like: str) -> str:
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


def title_phrase(heading: str, case: Case) -> tuple[str, str]:
    """A title in a case, and the gender its participle agrees with: "Перечень организаций" →
    "перечне организаций" (m), "Государственная программа …" → "Государственной программе …"
    (f), "Положение о …" → "Положении о …" (n), "Лимиты …" → "лимитах …" (p)."""
    words = heading.split(" ")
    adjectives = 0
    while adjectives < len(words) - 1 and words[adjectives][-2:] in ADJECTIVE_NOMINATIVE \
            and words[adjectives].lower() not in HEADS:
        adjectives += 1
    head = HEADS.get(words[adjectives].lower())
    if head is None:
        return heading, "m"
    form = {"nominative": head.nominative, "accusative": head.accusative,
            "genitive": head.genitive, "locative": head.prepositional,
            "attributive": head.prepositional, "instrumental": head.instrumental}[case]
    inflected = [_adjective(word, "locative" if case == "attributive" else case, head.gender)
                 for word in words[:adjectives]]
    inflected.append(_with_capital(form, words[adjectives]))
    phrase = " ".join([*inflected, *words[adjectives + 1:]])
    if head.lower:
        phrase = phrase[:1].lower() + phrase[1:]
    return phrase, head.gender


def _unstopped(heading: str) -> str:
    """A heading quoted as a unit's name, without its final period."""
    return heading.removesuffix(".")


class RussianDrafting(Russian, DraftingLanguage):
    """Russian, with the grammar of the amending act."""

    formulas = FORMULAS
    # "... от 7 ноября 2013 года № 1169", "N 1130" in older acts
    heading_number = r"(?:№|N)\s*(?P<number>\S+?)[,)]?(?:\s|$)"
    date_in_words = r"(?P<day>\d{1,2}) \S+ (?P<year>\d{4}) года"

    # --- The act --------------------------------------------------------------------------

    def _document(self, document: Document, case: str) -> str:
        """постановление Правительства Республики Казахстан от 25 мая 2012 года № 683; a law
        or a code by its title: Закон Республики Казахстан от … «О …», Уголовный кодекс
        Республики Казахстан от 3 июля 2014 года."""
        words = ACT_WORDS[document.type]
        word = words.genitive if case == "genitive" else words.nominative
        issuer = self.issuer(document, long=True)
        date = self.date(document.date)
        if document.type == "code":
            return f"{document.title} от {date}"
        if document.type in BY_TITLE:
            return f"{word} {issuer} от {date}"
        return f"{word} {issuer} от {date} № {document.number}"

    def _named_document(self, document: Document, case: str) -> str:
        """The amended act with its title, as its first point names it."""
        if document.type == "code":
            return self._document(document, case)
        return f"{self._document(document, case)} {quote(document.title)}"

    def act_title(self, document: Document, scope: ActScope) -> str:
        if scope.repeal:
            return f"О признании утратившим силу {self._document(document, 'genitive')}"
        if document.type == "code":
            return f"О внесении {self._what(scope, genitive=True)} в {document.title}"
        if document.type in BY_TITLE:
            word = ACT_WORDS[document.type].nominative
            return (f"О внесении {self._what(scope, genitive=True)} в {word} "
                    f"{self.issuer(document, long=True)} {quote(document.title)}")
        return (f"О внесении {self._what(scope, genitive=True)} в "
                f"{self._document(document, 'accusative')}")

    @staticmethod
    def _what(scope: ActScope, genitive: bool) -> str:
        """изменений и дополнения (genitive), следующие изменения (nominative)."""
        singular, plural = ("изменения", "изменений") if genitive else ("изменение", "изменения")
        added_singular, added_plural = ("дополнения", "дополнений") if genitive else (
            "дополнение", "дополнения")
        parts = []
        if scope.changes:
            parts.append(singular if scope.changes == 1 else plural)
        if scope.additions:
            parts.append(added_singular if scope.additions == 1 else added_plural)
        return " и ".join(parts)

    def amended_act_point(self, document: Document, scope: ActScope) -> str:
        named = self._named_document(document, "accusative")
        if scope.repeal:
            return f"Признать утратившим силу {named}."
        one = scope.changes + scope.additions == 1
        return f"Внести в {named} {'следующее' if one else 'следующие'} " \
               f"{self._what(scope, genitive=False)}:"

    def point_label(self, act: Act, number: int) -> str:
        return f"Статья {number}." if act.type in BY_TITLE else f"{number}."

    # --- Units ----------------------------------------------------------------------------

    def _forms(self, kind: str) -> Forms:
        """The genitive and plural of a kind; a kind added without them, its nominative."""
        noun = self.unit_words[kind]
        return FORMS.get(kind, Forms(noun.nominative, noun.nominative, noun.nominative,
                                     noun.prepositional, noun.instrumental))

    def _word(self, unit: Unit, case: Case) -> str:
        noun: Noun = self._noun(unit)
        if case == "genitive":
            return self._forms(unit.kind).genitive
        return {"nominative": noun.nominative, "accusative": noun.accusative,
                "locative": noun.prepositional, "attributive": noun.prepositional,
                "instrumental": noun.instrumental}[case]

    def _own(self, named: ActUnit, case: Case) -> str:
        """The unit's own name in `case`, without the preposition."""
        unit = named.unit
        word = self._word(unit, case)
        if unit.label and spec_of(unit).in_table:
            return f"{word}, порядковый номер {row_number(unit.label)},"
        if unit.label:
            return self._named(word, unit.label)
        if unit.heading and titled(unit):
            return title_phrase(plain(unit.heading), case)[0]
        if unit.heading:
            return f"{word} {quote(_unstopped(plain(unit.heading)))}"
        if unit.cells:
            return f"{word} {quote(plain(str(unit.cells[0])))}"
        if named.position is not None:
            return f"{word} {ordinal(named.position, case, self._noun(unit).gender)}"
        return word

    def _bare(self, named: ActUnit, case: Case) -> str:
        name = self._own(named, case)
        if named.parent is not None:
            name = f"{name} {self._bare(named.parent, 'genitive')}"
        return name

    def act_unit(self, named: ActUnit, case: Case) -> str:
        name = self._bare(named, case)
        return f"в {name}" if case in ("locative", "attributive") else name

    def act_unit_variants(self, named: ActUnit, case: Case) -> list[str]:
        """A division by its label and heading ("в разделе 8. «…»"); a group name without its
        preposition, as the publisher sometimes prints it ("подпункте 2):")."""
        unit = named.unit
        variants = []
        if unit.label and unit.heading and family_of(unit) == "division":
            both = f"{self._word(unit, case)} {unit.label.strip()} {quote(plain(unit.heading))}"
            variants.append(f"в {both}" if case in ("locative", "attributive") else both)
        if case == "locative":
            variants.append(self._bare(named, case))
        return variants

    def _titled_group(self, unit: Unit, document: Document, approved: bool) -> str:
        phrase, gender = title_phrase(plain(unit.heading or ""), "locative")
        if not approved:
            return f"в {phrase}:"
        act_word = ACT_WORDS[document.type].instrumental
        return f"в {phrase}, {APPROVED[gender]} указанным {act_word}:"

    def group_line(self, named: ActUnit, document: Document) -> str:
        unit = named.unit
        if titled(unit):
            return self._titled_group(unit, document, approved=unit.kind != "named")
        line = self.act_unit(named, "locative").rstrip(",")
        if named.top and family_of(unit) == "stamped":
            line += f" к указанному {DATIVE[document.type]}"
        return line + ":"

    def group_line_variants(self, named: ActUnit, document: Document) -> list[str]:
        unit = named.unit
        if titled(unit):
            heading = plain(unit.heading or "")
            gender = title_phrase(heading, "locative")[1]
            lines = {self._titled_group(unit, document, approved) for approved in (True, False)}
            # The publisher's participle does not always agree with the title.
            lines |= {line.replace(APPROVED[gender], other) for line in lines
                      for other in APPROVED.values()}
            return sorted(lines - {self.group_line(named, document)})
        return [variant.rstrip(",") + ":" for variant in self.act_unit_variants(named, "locative")]

    def folded_group(self, named: ActUnit) -> str:
        unit = named.unit
        if titled(unit):
            heading = plain(unit.heading or "")
            # A title that ends in a participial phrase closes it with a comma.
            return f"в {title_phrase(heading, 'locative')[0]}" + ("," if ", " in heading else "")
        return self.act_unit(named, "locative")

    def _plural(self, kind: str, case: Case) -> str:
        forms = self._forms(kind)
        return {"nominative": forms.plural, "accusative": forms.plural,
                "genitive": forms.plural_genitive, "locative": forms.plural_prepositional,
                "attributive": forms.plural_prepositional,
                "instrumental": forms.plural_instrumental}[case]

    def _list(self, units: Sequence[ActUnit], case: Case) -> str:
        """Several units: of one kind by their labels ("подпункты 4), 5) и 7)", "строки,
        порядковые номера 5, 6,"), else each by its name ("подраздел «…» и строку «…»")."""
        first = units[0].unit
        if len({named.unit.kind for named in units}) == 1 and all(
                named.unit.label and named.parent is None for named in units):
            word = self._plural(first.kind, case)
            labels = [named.unit.label.strip() for named in units if named.unit.label]
            if spec_of(first).in_table:
                numbers = ", ".join(row_number(label) for label in labels)
                return f"{word}, порядковые номера {numbers},"
            shown = [label if label.endswith(")") else label_number(label) for label in labels]
            return f"{word} {joined(shown)}"
        return joined([self._bare(named, case) for named in units])

    def _address(self, address: Address, case: Case) -> str:
        units = address.units
        names = self._bare(units[0], case) if len(units) == 1 else self._list(units, case)
        if case in ("locative", "attributive"):
            names = f"в {names}"
        if address.group is not None:
            names = f"{self.folded_group(address.group)} {names}"
        return names

    # --- Instructions ---------------------------------------------------------------------

    def replace_instruction(self, address: Address) -> str:
        return f"{self._address(address, 'accusative')} изложить в следующей редакции:"

    def row_replace_instruction(self) -> tuple[str, str]:
        return "строку:", "изложить в следующей редакции:"

    def amend_instruction(self, address: Address | None, find: str, replace: str) -> str:
        if not find:
            words = "словом" if len(replace.split()) == 1 else "словами"
            sentence = f"дополнить {words} «{replace}»"
            return sentence if address is None else \
                f"{self._address(address, 'accusative')} {sentence}"
        figures = bool(NUMBERS_ONLY.fullmatch(find)) and (
            not replace or bool(NUMBERS_ONLY.fullmatch(replace)))
        if figures:
            old = "цифру" if len(find.strip()) == 1 else "цифры"
            new = "цифрой" if len(replace.strip()) == 1 else "цифрами"
        else:
            old = "слово" if len(find.split()) == 1 else "слова"
            new = "словом" if len(replace.split()) == 1 else "словами"
        sentence = f"{old} «{find}» " + (f"заменить {new} «{replace}»" if replace else "исключить")
        return sentence if address is None else f"{self._address(address, 'locative')} {sentence}"

    def throughout_instruction(self, find: str, replace: str) -> str:
        return f"по всему тексту {self.amend_instruction(None, find, replace)}"

    def insert_instruction(self, new: Sequence[ActUnit], host: ActUnit | None) -> str:
        first = new[0].unit
        if len(new) == 1:
            what = self._bare(new[0], "instrumental") if first.label or new[0].position else \
                self._word(first, "instrumental")
        elif all(named.unit.label for named in new):
            what = self._list(new, "instrumental")
        else:
            what = self._plural(first.kind, "instrumental")
        head = ""
        if host is not None:
            head = self.act_unit(host, "accusative")
            # A title that ends in a participial phrase closes it with a comma.
            head += "," if titled(host.unit) and ", " in plain(host.unit.heading or "") else ""
            head += " "
        return f"{head}дополнить {what} следующего содержания:"

    def delete_instruction(self, address: Address) -> str:
        return f"{self._address(address, 'accusative')} исключить"

    def in_era(self, text: str, date: dt.date) -> str:
        if date < STRAIGHT_QUOTES_UNTIL:
            return text.replace("«", '"').replace("»", '"')
        return text

    # --- Reading back ---------------------------------------------------------------------

    def instruction_forms(self) -> list[InstructionForm]:
        old = r"(?:слово|слова|цифру|цифры)"
        new = r"(?:словом|словами|цифрой|цифрами)"
        return [
            InstructionForm("throughout", "locative", rf"по всему тексту {old} «(?P<find>.+)» "
                            rf"заменить {new} «(?P<replace>.+)»[;.]?", unit_optional=True),
            InstructionForm("replace", "accusative", r"изложить в следующей редакции:"),
            InstructionForm("amend", "locative", rf"{old} «(?P<find>.+)» заменить {new} "
                            r"«(?P<replace>.+)»[;.]?", unit_optional=True),
            InstructionForm("amend", "locative", rf"{old} «(?P<find>.+)» исключить[;.]?",
                            unit_optional=True),
            InstructionForm("amend", "accusative", r"дополнить (?:словом|словами) "
                            r"«(?P<replace>.+)»[;.]?", unit_optional=True),
            InstructionForm("insert", "accusative",
                            r"дополнить (?P<new>.+?),? следующего содержания:", unit_optional=True),
            InstructionForm("delete", "accusative", r"исключить[;.]?"),
        ]

    def _kinds_of(self, word: str, plural: bool) -> tuple[str, ...]:
        """The unit kinds whose instrumental (singular or plural) is `word`."""
        return tuple(kind for kind, noun in self.unit_words.items()
                     if (self._forms(kind).plural_instrumental if plural
                         else noun.instrumental) == word)

    def read_list(self, text: str, case: Case) -> list[str] | None:
        head, _, rest = text.partition(" ")
        head = head.rstrip(",")
        kinds = [kind for kind in self.unit_words if self._plural(kind, case) == head]
        if kinds and rest:
            kind = kinds[0]
            if spec_of(probe_unit(kind)).in_table:
                match = re.fullmatch(r"порядковые номера (.+?),?", rest)
                labels = [item.strip() for item in match.group(1).split(",")] if match else []
            else:
                labels = [item.strip() for item in re.split(r",\s*|\s+и\s+", rest)]
            if len(labels) > 1 and all(labels):
                return [self.act_unit(ActUnit(probe_unit(kind, label)), case).rstrip(",")
                        for label in labels]
        parts = split_outside_quotes(text, " и ")
        if len(parts) < 2:
            return None
        return [*(item for part in parts[:-1] for item in split_outside_quotes(part, ", ")),
                parts[-1]]

    def new_units(self, text: str) -> list[NewUnit] | None:
        head, _, rest = text.partition(" ")
        head = head.rstrip(",")
        for plural in (False, True):
            kinds = self._kinds_of(head, plural)
            if not kinds:
                continue
            if not rest:
                return [NewUnit(kinds)]
            gender = self.unit_words[kinds[0]].gender
            places = {ordinal(n, "instrumental", gender): n for n in range(1, 100)}
            if rest in places:
                return [NewUnit(kinds, position=places[rest])]
            match = re.fullmatch(r"порядков(?:ый|ые) номера? (.+?),?", rest)
            labels_text = match.group(1) if match else rest
            labels = [item.strip() for item in re.split(r",\s*|\s+и\s+", labels_text)
                      if item.strip()]
            return [NewUnit(kinds, label) for label in labels]
        return None

    def modern(self, line: str) -> str:
        """Straight quotes as «…», opening and closing in turn."""
        count = 0

        def mark(_: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return "«" if count % 2 else "»"

        return re.sub('"', mark, line)

    # --- Entry into force -----------------------------------------------------------------

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
        where = f"статьи {point}" if act.type in BY_TITLE else f"пункта {point}"
        return (f"Подпункт {number}) {where} {THIS_GENITIVE[words.gender]} {words.genitive} "
                f"{self._takes_effect(rule)}.")

    def date_forms(self, date: dt.date) -> dict[str, str]:
        """7 ноября 2013 года, in every form of the blank."""
        words = self.date(date)
        return {"date": words, "date_on": words, "date_plain": words}

    def acting(self, position: str) -> str:
        """Премьер-Министр Республики Казахстан → Исполняющий обязанности Премьер-Министра
        Республики Казахстан: the first word, the holder, in the genitive."""
        first, _, rest = position.partition(" ")
        if first.endswith(("ь", "й")):
            first = first[:-1] + "я"
        else:
            first += "а"
        return f"Исполняющий обязанности {first} {rest}".strip()
