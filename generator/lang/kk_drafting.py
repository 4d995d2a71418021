"""Kazakh drafting grammar: the amending act's title, formula, instructions and in-force point.

Built on the note grammar of `kk.py` (unit words, cases by vowel harmony, act words, issuers,
dates, numbers in words), in the official style: "3-тармақ мынадай редакцияда жазылсын:",
"«X» деген сөздер «Y» деген сөздермен ауыстырылсын", "«5» деген цифрлар «6» деген цифрлармен
ауыстырылсын", "мынадай мазмұндағы 2-1) және 2-2) тармақшалармен толықтырылсын:", "реттік
нөмірі 24-жол алып тасталсын", "15-тармақтың 1) тармақшасы мынадай редакцияда жазылсын:",
"көрсетілген қаулымен бекітілген … тізбесінде:", "мына: «…» деген жол мынадай редакцияда
жазылсын: «…»". An act signed before 2008 writes straight quotes and "алынып тасталсын".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

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
from ..model.language import kind_word
from .base import quote, row_number, split_outside_quotes, titled
from .kk import (
    ACT_WORDS,
    MONTHS,
    VOICELESS,
    VOWELS,
    Kazakh,
    dative,
    genitive,
    instrumental,
    is_back,
    last_sound,
    locative,
    number_words,
    plural,
    possessive,
)

FORMULAS = {
    "government": "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:",
    "president": "ҚАУЛЫ ЕТЕМІН:",
    "ministry": "БҰЙЫРАМЫН:",
}
# Ordinals whose suffix does not follow the rule (жиырма → жиырмасыншы).
IRREGULAR_ORDINALS = {"жиырма": "жиырмасыншы", "елу": "елуінші"}
# Acts named by their title and date, without a number, laws and codes; divided into articles.
BY_TITLE = frozenset({"law", "code"})
# The last word of a title that is a common noun: such a title is written with a small letter
# after "көрсетілген қаулымен бекітілген", unless it opens with a proper name.
LIST_WORDS = frozenset({"тізбесі", "тізбелері", "тізімі", "лимиттері", "мөлшерлемелері",
                        "нормалары", "нормативтері", "мөлшерлері", "талаптары", "құрылымы",
                        "нысаны", "құрамы"})
PROPER_NAMES = ("Қазақстан", "Астана", "Алматы", "Шымкент")
# Acts signed before this day write straight quotes and "алынып тасталсын".
OLD_STYLE_UNTIL = dt.date(2008, 1, 1)
NUMBERS_ONLY = re.compile(r"[\d\s.,\-–/%]*\d[\d\s.,\-–/%]*")
DELETED, DELETED_OLD = "алып тасталсын", "алынып тасталсын"


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


def attributive(word: str) -> str:
    """A locative made an attribute: абзацта → абзацтағы, тізбесінде → тізбесіндегі."""
    return word + ("ғы" if is_back(word) else "гі")


def and_word(word: str) -> str:
    """"and" after `word`: өзгерістер мен, өзгеріс пен, Заң мен."""
    sound = last_sound(word)
    if sound in VOICELESS:
        return "пен"
    return "бен" if sound in "жз" else "мен"


def ordinal(n: int) -> str:
    """1 → бірінші, 3 → үшінші, 6 → алтыншы, 10 → оныншы, 20 → жиырмасыншы."""
    words = number_words(n).split()
    last = words[-1]
    if last in IRREGULAR_ORDINALS:
        words[-1] = IRREGULAR_ORDINALS[last]
    else:
        vowel_end = last[-1] in VOWELS
        back = is_back(last)
        words[-1] = last + ("ншы" if back else "нші") if vowel_end else \
            last + ("ыншы" if back else "інші")
    return " ".join(words)


def joined(items: Sequence[str]) -> str:
    """«a, b және c»."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " және " + items[-1]


def _unstopped(heading: str) -> str:
    """A heading quoted as a unit's name, without its final period."""
    return heading.removesuffix(".")


def _words(text: str, one: str, many: str) -> str:
    return one if len(text.split()) == 1 else many


def title_locative(heading: str, small: bool = False) -> str:
    """A title in the locative: "… тізбесі" → "… тізбесінде", "… ереже" → "… ережеде"; with
    `small`, a common noun's title opens with a small letter."""
    words = heading.split(" ")
    if small and words[-1] in LIST_WORDS and not heading.startswith(PROPER_NAMES):
        heading = heading[:1].lower() + heading[1:]
    if last_sound(heading) in "ыі":
        return possessive_case(heading, "да", "де")
    return locative(heading)


def _in_case(base: str, case: Case, possessed: bool) -> str:
    """A name in a case; a possessed name ("… тармақшасы") takes the pronominal -н-."""
    if case in ("nominative", "accusative"):
        return base
    if case == "genitive":
        return possessive_case(base, "ның", "нің") if possessed else genitive(base)
    if case == "instrumental":
        return instrumental(base)
    where = possessive_case(base, "да", "де") if possessed else locative(base)
    return attributive(where) if case == "attributive" else where


class KazakhDrafting(Kazakh, DraftingLanguage):
    """Kazakh, with the grammar of the amending act."""

    formulas = FORMULAS
    # "... 2013 жылғы 7 қарашадағы № 1169 қаулысы", "N 1130" in older acts
    heading_number = r"(?:№|N)\s*(?P<number>\S+?)[,)]?(?:\s|$)"
    date_in_words = r"(?P<year>\d{4}) жылғы (?P<day>\d{1,2}) "

    def own_letters(self, line: str) -> str:
        """A Latin i typed beside Cyrillic letters is the Kazakh і."""
        return re.sub(r"(?<=[\u0400-\u04ff])i|i(?=[\u0400-\u04ff])", "і", line)

    # --- The act --------------------------------------------------------------------------

    def _document(self, document: Document) -> str:
        """Қазақстан Республикасы Үкіметінің 2012 жылғы 25 мамырдағы № 683 қаулысы; a law by
        its title (… Қазақстан Республикасының Заңы), a code by its own name."""
        issuer = self.issuer(document, long=True)
        if document.type == "code":
            return document.title
        if document.type in BY_TITLE:
            return f"{quote(document.title)} {issuer} {possessive(ACT_WORDS[document.type])}"
        word = possessive(ACT_WORDS[document.type])
        return f"{issuer} {self.date(document.date)} № {document.number} {word}"

    def _named_document(self, document: Document) -> str:
        """The amended act with its title and date, as its first point names it."""
        issuer = self.issuer(document, long=True)
        date = self.date(document.date)
        if document.type == "code":
            return f"{date} {document.title}"
        if document.type in BY_TITLE:
            return (f"{quote(document.title)} {date} {issuer} "
                    f"{possessive(ACT_WORDS[document.type])}")
        return f"{quote(document.title)} {self._document(document)}"

    @staticmethod
    def _what(scope: ActScope) -> str:
        """өзгерістер мен толықтыру, өзгеріс, толықтырулар."""
        parts = []
        if scope.changes:
            parts.append("өзгеріс" if scope.changes == 1 else "өзгерістер")
        if scope.additions:
            parts.append("толықтыру" if scope.additions == 1 else "толықтырулар")
        return f" {and_word(parts[0])} ".join(parts)

    def act_title(self, document: Document, scope: ActScope) -> str:
        named = self._document(document)
        if scope.repeal:
            return f"{possessive_case(named, 'ың', 'ің')} күші жойылды деп тану туралы"
        return f"{possessive_case(named, 'а', 'е')} {self._what(scope)} енгізу туралы"

    def amended_act_point(self, document: Document, scope: ActScope) -> str:
        named = self._named_document(document)
        if scope.repeal:
            return f"{possessive_case(named, 'ың', 'ің')} күші жойылды деп танылсын."
        return f"{possessive_case(named, 'а', 'е')} мынадай {self._what(scope)} енгізілсін:"

    def point_label(self, act: Act, number: int) -> str:
        return f"{number}-бап." if act.type in BY_TITLE else f"{number}."

    # --- Units ----------------------------------------------------------------------------

    def _word(self, unit: Unit) -> str:
        return kind_word(self.unit_words, unit.kind, self.code)

    def _own(self, named: ActUnit) -> str:
        """The unit's own name in the nominative."""
        unit = named.unit
        word = self._word(unit)
        if unit.label and spec_of(unit).in_table:
            return f"реттік нөмірі {row_number(unit.label)}-{word}"
        if unit.label:
            return self.unit_name(unit)
        if unit.heading and titled(unit):
            return plain(unit.heading)
        if unit.heading:
            return f"{quote(_unstopped(plain(unit.heading)))} деген {word}"
        if unit.cells:
            return f"{quote(plain(str(unit.cells[0])))} деген {word}"
        if named.position is not None:
            return f"{ordinal(named.position)} {word}"
        return word

    def _base(self, named: ActUnit) -> tuple[str, bool]:
        """The name in the nominative, and whether it is possessed by a parent's name
        ("15-тармақтың 1) тармақшасы")."""
        own = self._own(named)
        if named.parent is None:
            return own, False
        parent = self.act_unit(named.parent, "genitive")
        return f"{parent} {possessive(own)}", True

    def act_unit(self, named: ActUnit, case: Case) -> str:
        if titled(named.unit) and named.unit.heading and case in ("locative", "attributive"):
            where = title_locative(plain(named.unit.heading))
            return attributive(where) if case == "attributive" else where
        base, possessed = self._base(named)
        return _in_case(base, case, possessed)

    def act_unit_variants(self, named: ActUnit, case: Case) -> list[str]:
        """A division by its label and heading in one quote ("«8. …» деген бөлімде")."""
        unit = named.unit
        if unit.label and unit.heading and family_of(unit) == "division":
            both = f"{quote(unit.label.strip() + ' ' + plain(unit.heading))} деген " \
                   f"{self._word(unit)}"
            return [_in_case(both, case, False)]
        return []

    def _titled_group(self, unit: Unit, document: Document, act_word: str | None) -> str:
        where = title_locative(plain(unit.heading or ""), small=act_word is not None)
        return f"көрсетілген {act_word} бекітілген {where}:" if act_word else f"{where}:"

    def group_line(self, named: ActUnit, document: Document) -> str:
        unit = named.unit
        act_word = ACT_WORDS[document.type]
        if titled(unit):
            approved = instrumental(act_word) if unit.kind != "named" else None
            return self._titled_group(unit, document, approved)
        line = self.act_unit(named, "locative")
        if named.top and family_of(unit) == "stamped":
            line = f"көрсетілген {dative(act_word)} {line}"
        return line + ":"

    def group_line_variants(self, named: ActUnit, document: Document) -> list[str]:
        unit = named.unit
        if titled(unit):
            act_word = ACT_WORDS[document.type]
            lines = {self._titled_group(unit, document, word) for word in (
                instrumental(act_word), instrumental(possessive(act_word)), None)}
            return sorted(lines - {self.group_line(named, document)})
        return [f"{variant}:" for variant in self.act_unit_variants(named, "locative")]

    def folded_group(self, named: ActUnit) -> str:
        unit = named.unit
        if titled(unit):
            return self.act_unit(named, "attributive")
        return self.act_unit(named, "locative")

    def _list(self, units: Sequence[ActUnit], case: Case) -> str:
        """Several units: of one kind by their labels ("4), 5) және 7) тармақшалар", "3, 4
        және 5-тармақтар"), else each by its name, joined by "және"."""
        first = units[0].unit
        if len({named.unit.kind for named in units}) == 1 and all(
                named.unit.label and named.parent is None for named in units):
            words = plural(self._word(first))
            labels = [named.unit.label.strip() for named in units if named.unit.label]
            if spec_of(first).in_table:
                base = f"реттік нөмірлері {joined([row_number(x) for x in labels])}-{words}"
            elif all(label.endswith(")") for label in labels):
                base = f"{joined(labels)} {words}"
            else:
                base = f"{joined([label_number(label) for label in labels])}-{words}"
            return _in_case(base, case, False)
        return joined([self.act_unit(named, case) for named in units])

    def _address(self, address: Address, case: Case) -> str:
        units = address.units
        names = self.act_unit(units[0], case) if len(units) == 1 else self._list(units, case)
        if address.group is not None:
            names = f"{self.folded_group(address.group)} {names}"
        return names

    # --- Instructions ---------------------------------------------------------------------

    def replace_instruction(self, address: Address) -> str:
        return f"{self._address(address, 'nominative')} мынадай редакцияда жазылсын:"

    def row_replace_instruction(self) -> tuple[str, str]:
        return "мына:", "деген жол мынадай редакцияда жазылсын:"

    def amend_instruction(self, address: Address | None, find: str, replace: str) -> str:
        if not find:
            sentence = f"«{replace}» деген {_words(replace, 'сөзбен', 'сөздермен')} толықтырылсын"
            return sentence if address is None else \
                f"{self._address(address, 'nominative')} {sentence}"
        figures = bool(NUMBERS_ONLY.fullmatch(find)) and (
            not replace or bool(NUMBERS_ONLY.fullmatch(replace)))
        if figures:
            old = "цифр" if len(find.strip()) == 1 else "цифрлар"
            new = "цифрмен" if len(replace.strip()) == 1 else "цифрлармен"
        else:
            old = _words(find, "сөз", "сөздер")
            new = _words(replace, "сөзбен", "сөздермен")
        if not replace:
            sentence = f"«{find}» деген {old} {DELETED}"
            return sentence if address is None else \
                f"{self._address(address, 'attributive')} {sentence}"
        sentence = f"«{find}» деген {old} «{replace}» деген {new} ауыстырылсын"
        return sentence if address is None else f"{self._address(address, 'locative')} {sentence}"

    def throughout_instruction(self, find: str, replace: str) -> str:
        return f"бүкіл мәтін бойынша {self.amend_instruction(None, find, replace)}"

    def insert_instruction(self, new: Sequence[ActUnit], host: ActUnit | None) -> str:
        first = new[0].unit
        if len(new) == 1:
            what = self.act_unit(new[0], "instrumental") if first.label or new[0].position else \
                instrumental(self._word(first))
        elif all(named.unit.label for named in new):
            what = self._list(new, "instrumental")
        else:
            what = instrumental(plural(self._word(first)))
        head = f"{self.act_unit(host, 'nominative')} " if host is not None else ""
        return f"{head}мынадай мазмұндағы {what} толықтырылсын:"

    def delete_instruction(self, address: Address) -> str:
        return f"{self._address(address, 'nominative')} {DELETED}"

    def in_era(self, text: str, date: dt.date) -> str:
        if date < OLD_STYLE_UNTIL:
            return text.replace(DELETED, DELETED_OLD).replace("«", '"').replace("»", '"')
        return text

    # --- Reading back ---------------------------------------------------------------------

    def instruction_forms(self) -> list[InstructionForm]:
        old = r"(?:сөз|сөздер|цифр|цифрлар)"
        new = r"(?:сөзбен|сөздермен|цифрмен|цифрлармен)"
        return [
            InstructionForm("throughout", "locative", rf"бүкіл мәтін бойынша «(?P<find>.+)» "
                            rf"деген {old} «(?P<replace>.+)» деген {new} ауыстырылсын[;.]?",
                            unit_optional=True),
            InstructionForm("replace", "nominative", r"мынадай редакцияда жазылсын:"),
            InstructionForm("amend", "locative", rf"«(?P<find>.+)» деген {old} "
                            rf"«(?P<replace>.+)» деген {new} ауыстырылсын[;.]?",
                            unit_optional=True),
            InstructionForm("amend", "attributive", rf"«(?P<find>.+)» деген {old} "
                            rf"{DELETED}[;.]?", unit_optional=True),
            InstructionForm("amend", "nominative", r"«(?P<replace>.+)» деген "
                            r"(?:сөзбен|сөздермен) толықтырылсын[;.]?", unit_optional=True),
            InstructionForm("insert", "nominative",
                            r"мынадай мазмұндағы (?P<new>.+) толықтырылсын:", unit_optional=True),
            InstructionForm("delete", "nominative", rf"{DELETED}[;.]?"),
        ]

    def _plural_forms(self, case: Case) -> dict[str, list[str]]:
        """Each kind's plural word in `case`, longest first where words overlap."""
        forms: dict[str, list[str]] = {}
        for kind, word in self.unit_words.items():
            forms.setdefault(_in_case(plural(word), case, False), []).append(kind)
        return forms

    def read_list(self, text: str, case: Case) -> list[str] | None:
        for form, kinds in sorted(self._plural_forms(case).items(), key=lambda item: -len(
                item[0])):
            kind = kinds[0]
            if text.endswith(" " + form) and spec_of(probe_unit(kind)).in_table is False:
                labels = _labels(text[:-len(form) - 1])
            elif text.endswith("-" + form):
                rest = text[:-len(form) - 1]
                if spec_of(probe_unit(kind)).in_table:
                    rest = rest.removeprefix("реттік нөмірлері ")
                labels = _labels(rest)
            else:
                continue
            if len(labels) > 1:
                return [self.act_unit(ActUnit(probe_unit(kind, label)), case)
                        for label in labels]
        parts = split_outside_quotes(text, " және ")
        if len(parts) < 2:
            return None
        return [*(item for part in parts[:-1] for item in split_outside_quotes(part, ", ")),
                parts[-1]]

    def new_units(self, text: str) -> list[NewUnit] | None:
        forms: dict[str, list[str]] = {}
        for kind, word in self.unit_words.items():
            forms.setdefault(instrumental(word), []).append(kind)
            forms.setdefault(instrumental(plural(word)), []).append(kind)
        places = {ordinal(n): n for n in range(1, 100)}
        for form, kinds in sorted(forms.items(), key=lambda item: -len(item[0])):
            if text == form:
                return [NewUnit(tuple(kinds))]
            if text.endswith(" " + form) and text[:-len(form) - 1] in places:
                return [NewUnit(tuple(kinds), position=places[text[:-len(form) - 1]])]
            for joint in (" ", "-"):
                if text.endswith(joint + form):
                    rest = re.sub(r"^реттік нөмір(?:і|лері) ", "", text[:-len(form) - 1])
                    return [NewUnit(tuple(kinds), label) for label in _labels(rest)]
        return None

    def modern(self, line: str) -> str:
        """Straight quotes as «…», opening and closing in turn; "алынып" as "алып"."""
        count = 0

        def mark(_: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return "«" if count % 2 else "»"

        return re.sub('"', mark, line.replace(DELETED_OLD, DELETED))

    # --- Entry into force -----------------------------------------------------------------

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
        where = f"{point}-бабының" if act.type in BY_TITLE else f"{point}-тармағының"
        return f"Осы {holder} {where} {number}) тармақшасы {self._takes_effect(rule)}."

    def date_forms(self, date: dt.date) -> dict[str, str]:
        """2013 жылғы 7 қарашадағы; 2013 жылғы 7 қарашада; 2013 жылғы 7 қараша."""
        month = MONTHS[date.month - 1]
        year = f"{date.year} жылғы {date.day}"
        return {"date": self.date(date), "date_on": f"{year} {locative(month)}",
                "date_plain": f"{year} {month}"}

    def acting(self, position: str) -> str:
        """Қазақстан Республикасының Премьер-Министрі → Қазақстан Республикасы
        Премьер-Министрінің міндетін атқарушы."""
        words = position.split()
        # The holder takes the genitive; an owner before it loses its own (a chain of nouns).
        words = [re.sub(r"(?<=[ыі])н[ыі]ң$", "", word) for word in words[:-1]] + [
            words[-1] + ("ның" if is_back(words[-1]) else "нің")]
        return f"{' '.join(words)} міндетін атқарушы"


def _labels(text: str) -> list[str]:
    return [item.strip() for item in re.split(r",\s*|\s+және\s+", text) if item.strip()]
