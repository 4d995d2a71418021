"""Russian: the published notes read back into facts ("Сноска. Пункт 3 в редакции …").

Reads: one note or excluded unit's line of the publisher, the index of issuers, the document it
stands in. Writes: `NoteFacts` through `reading` (see there for what is kept); the unit words,
act words, languages and brackets are the Russian grammar's own (`ru.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import ActId, ActMention, NoteCount, NoteFacts, NoteStep, StepDetails, UnitRef
from ..model.notes import TITLE, NoteOperation
from .reading import (
    DATE,
    LABEL,
    ActDraft,
    IssuerIndex,
    LanguageReader,
    NotReadable,
    NumberWords,
    closing_bracket,
    read_date,
)
from .ru import ACT_WORDS, ANNEX_NOUNS, LANGUAGE_NAMES, Noun, Russian, number_words_genitive

# The kind a word names when several kinds share it: a point before a paragraph, an appendix
# before an attachment, an article's part before anything else called so.
PREFERRED_KINDS = ("point", "subpoint", "chapter", "section", "subsection", "article", "part",
                   "appendix", "preamble", "text", "row")
# What each operation of a later step starts with, the operation, the number of changes, and the
# case its acts are named in.
OPERATIONS: tuple[tuple[str, NoteOperation, NoteCount, str], ...] = (
    (r"в редакции ", "replace", "several", "genitive"),
    (r"с изменением, внесенным ", "amend", "one", "instrumental"),
    (r"с изменениями, внесенными ", "amend", "several", "instrumental"),
    (r"исключен[аоы]? ", "exclude", "several", "instrumental"),
    (r"утратил[аои]? силу ", "lose_force", "several", "instrumental"),
)
STEP = re.compile(r"; (?=в редакции |с изменени(?:ем|ями), внесенн|исключен|утратил|дополнен)")
LINE = re.compile(rf"(?P<label>{LABEL}) (?P<verb>[Ии]сключен[аоы]?|[Уу]тратил[аои]? силу) "
                  r"(?P<acts>.+)\.")
SEVERAL_LINE = re.compile(rf"(?P<word>\S+) (?P<labels>{LABEL}(?:, {LABEL})+) "
                          r"(?P<verb>исключены|утратили силу) (?P<acts>.+)\.")
CASES = ("nominative", "accusative", "instrumental", "genitive")
GENDER_KINDS = {"": "point", "а": "row", "о": "appendix", "ы": "point"}


class RussianReader(LanguageReader):
    """Reads Russian notes with the Russian grammar's words."""

    lang: Russian

    def __init__(self, lang: Russian, index: IssuerIndex):
        self.lang = lang
        self.index = index
        self.numbers = NumberWords(number_words_genitive)
        # Each act word by its form: the type, the case, and the words after the issuer's name
        # that tell a type sharing the word apart (a decree having the force of law).
        self.act_words: dict[str, tuple[str, str]] = {}
        self.tails: dict[str, list[tuple[str, str]]] = {}
        for act_type, word in ACT_WORDS.items():
            for name, case in (("genitive", "genitive"), ("genitive_plural", "genitive"),
                               ("instrumental", "instrumental"),
                               ("instrumental_plural", "instrumental")):
                form = getattr(word, name)
                tail = (word.after_issuer or {}).get(name)
                if tail:
                    self.tails.setdefault(form, []).append((tail, act_type))
                else:
                    self.act_words.setdefault(form, (act_type, case))
        self.longest_words = sorted(self.act_words, key=len, reverse=True)
        self.words: dict[str, dict[str, UnitRef]] = {case: {} for case in CASES}
        self.plurals: dict[str, str] = {}
        kinds = [*(kind for kind in PREFERRED_KINDS if kind in lang.unit_words),
                 *(kind for kind in lang.unit_words if kind not in PREFERRED_KINDS)]
        for kind in kinds:
            noun: Noun = lang.unit_words[kind]
            self._add(noun, UnitRef(kind))
            if noun.plural:
                self.plurals.setdefault(noun.plural, kind)
        for name, noun in ANNEX_NOUNS.items():
            self._add(noun, UnitRef("attachment", name=name))
        self.languages = {word: code for code, word in LANGUAGE_NAMES.items()}

    def _add(self, noun: Noun, unit: UnitRef) -> None:
        for case in CASES:
            form = getattr(noun, case)
            if form:
                self.words[case].setdefault(form, unit)

    # Lines in an excluded unit's place
    def _line(self, text: str, document: ActId) -> NoteFacts:
        several = SEVERAL_LINE.fullmatch(text)
        if several is not None and several.group("word").lower() in self.plurals:
            kind = self.plurals[several.group("word").lower()]
            units = tuple(UnitRef(kind, label) for label in several.group("labels").split(", "))
            return self._in_place(units, several.group("verb"), several.group("acts"), document)
        line = LINE.fullmatch(text)
        if line is None:
            raise NotReadable("neither a note nor an excluded unit's line")
        label, verb = line.group("label"), line.group("verb")
        ending = re.sub(r"^[Ии]сключен|^[Уу]тратил| силу$", "", verb)
        kind = "subpoint" if label.endswith(")") else GENDER_KINDS.get(ending, "point")
        return self._in_place((UnitRef(kind, label),), verb, line.group("acts"), document)

    def _in_place(self, units: tuple[UnitRef, ...], verb: str, acts: str,
                  document: ActId) -> NoteFacts:
        operation: NoteOperation = "lose_force" if "тратил" in verb else "exclude"
        return NoteFacts(operation, units, self._acts(acts, "instrumental"), document.type)

    # Notes
    def _note(self, body: str, document: ActId) -> NoteFacts:
        head, *later = STEP.split(body)
        units, first = self._head(head, document)
        steps = [first, *(self._later(text) for text in later)]
        return NoteFacts.of_steps(units, tuple(steps), document.type)

    def _head(self, text: str, document: ActId) -> tuple[tuple[UnitRef, ...], NoteStep]:
        """The first step, with the units the note is about."""
        other = re.fullmatch(r"В (?P<unit>.+?) вносится изменение на (?P<lang>\S+) языке, текст "
                             r"на \S+ языке не меняется в соответствии с (?P<acts>.+)", text)
        if other is not None:
            only = self.languages.get(other.group("lang"))
            if only is None:
                raise NotReadable(f"no language '{other.group('lang')}'")
            details = StepDetails(count="one", only=(only,))
            return ((self._unit(other.group("unit"), "accusative"),),
                    NoteStep("amend", self._acts(other.group("acts"), "instrumental"),
                             details=details))
        own = re.fullmatch(rf"Вводится в действие с (?P<date>{DATE}) в соответствии с "
                           rf"(?P<unit>\S+ {LABEL}) настоящ(?:его|ей) (?P<word>\S+)", text)
        if own is not None:
            return (), self._own_provision(own, document)
        dated = re.fullmatch(rf"(?P<unit>.+?) вводится в действие с (?P<date>{DATE}) в "
                             r"соответствии с (?P<acts>.+)", text)
        if dated is not None:
            details = StepDetails(effective=read_date(dated.group("date"))[0])
            return (self._units(dated.group("unit"), "nominative"),
                    NoteStep("in_force_from", self._acts(dated.group("acts"), "instrumental"),
                             details=details))
        replaced = re.fullmatch(r"По всему тексту (?P<pairs>.+») (?P<acts>\S+ .+)", text)
        if replaced is not None:
            pairs = tuple(re.findall(r"слов[оа] «(.+?)» заменен[оы] слов(?:ом|ами) «(.+?)»",
                                     replaced.group("pairs")))
            details = StepDetails(words={self.lang.code: pairs})
            acts = self._acts(replaced.group("acts"), "instrumental")
            return (), NoteStep("replace_words", acts, details=details)
        added = re.fullmatch(r"(?P<holder>.+?) дополнен[аоы]? (?P<new>.+?) в соответствии с "
                             r"(?P<acts>.+)", text)
        if added is not None:
            holder = added.group("holder")
            units = () if holder == self.lang.document_name(document.type) else (
                self._units(holder, "nominative"))
            return units, NoteStep("insert", self._acts(added.group("acts"), "instrumental"),
                                   self._unit(added.group("new"), "instrumental"))
        for pattern, operation, count, case in OPERATIONS:
            found = re.search(f" {pattern}", text)
            if found is not None:
                units = self._units(text[:found.start()], "nominative")
                acts = self._acts(text[found.end():], case)
                return units, NoteStep(operation, acts, details=StepDetails(count=count))
        raise NotReadable(f"no operation in '{text[:60]}'")

    def _own_provision(self, found: re.Match[str], document: ActId) -> NoteStep:
        """"Вводится в действие с … в соответствии с пунктом 5 настоящего постановления": the
        document in force by its own point."""
        act_type = self.act_words.get(found.group("word"), (None, None))[0]
        if act_type != document.type:
            raise NotReadable(f"'{found.group('word')}' is not the document's act word")
        names = self.index.names(document.issuer, document.type)
        mention = ActMention(document.issuer, document.type, document.date, document.number,
                             issuer_names=names)
        details = StepDetails(effective=read_date(found.group("date"))[0],
                              provision=self._unit(found.group("unit"), "instrumental"))
        return NoteStep("in_force_from", (mention,), details=details)

    def _later(self, text: str) -> NoteStep:
        for pattern, operation, count, case in OPERATIONS:
            found = re.match(pattern, text)
            if found is not None:
                return NoteStep(operation, self._acts(text[found.end():], case),
                                details=StepDetails(count=count))
        added = re.fullmatch(r"дополнен[аоы]? (?P<new>.+?) в соответствии с (?P<acts>.+)", text)
        if added is not None:
            return NoteStep("insert", self._acts(added.group("acts"), "instrumental"),
                            self._unit(added.group("new"), "instrumental"))
        raise NotReadable(f"no operation in '{text[:60]}'")

    # Units
    def _units(self, text: str, case: str) -> tuple[UnitRef, ...]:
        several = re.fullmatch(rf"(?P<word>\S+) (?P<labels>{LABEL}(?:, {LABEL})+)", text)
        if several is not None and several.group("word").lower() in self.plurals:
            kind = self.plurals[several.group("word").lower()]
            return tuple(UnitRef(kind, label) for label in several.group("labels").split(", "))
        return (self._unit(text, case),)

    def _unit(self, text: str, case: str) -> UnitRef:
        """Пункт 3, Подпункт 1), Приложение, Правила, Заголовок, Заголовок главы 1."""
        lowered = text[:1].lower() + text[1:]
        title = re.fullmatch(rf"заголовок(?: (?P<owner>\S+) (?P<label>{LABEL}))?", lowered)
        if title is not None:
            if title.group("owner") is None:
                return UnitRef(TITLE)
            owner = self.words["genitive"].get(title.group("owner"))
            if owner is None:
                raise NotReadable(f"no unit '{title.group('owner')}'")
            return UnitRef(TITLE, owner=UnitRef(owner.kind, title.group("label")))
        found = re.fullmatch(rf"(?P<word>.+?)(?: (?P<label>{LABEL}))?", lowered)
        unit = self.words[case].get(found.group("word")) if found is not None else None
        if found is None or unit is None:
            raise NotReadable(f"no unit '{text}'")
        return UnitRef(unit.kind, found.group("label"), unit.name)

    # Acts
    def _acts(self, text: str, case: str) -> tuple[ActMention, ...]:
        """"постановлениями Правительства РК от A № 1 (…); от B № 2; Законом РК от …"."""
        drafts: list[ActDraft] = []
        rest, act_type = text, None
        while rest:
            word = next((form for form in self.longest_words if rest.startswith(f"{form} ")
                         and self.act_words[form][1] == case), None)
            if word is not None:
                act_type, rest = self.act_words[word][0], rest[len(word) + 1:]
                act_type, rest = self._tailed(word, act_type, rest)
            elif act_type is None:
                raise NotReadable(f"no act word in '{text[:60]}'")
            draft, rest = self._act(rest, act_type, drafts)
            drafts.append(draft)
            if rest.startswith("; "):
                rest = rest[2:]
            elif rest:
                raise NotReadable(f"after an act: '{rest[:60]}'")
        return tuple(draft.mention(self.index, self.lang, self.numbers) for draft in drafts)

    def _tailed(self, word: str, act_type: str, text: str) -> tuple[str, str]:
        """The type the words after the issuer's name tell ("Указом Президента РК, имеющим
        силу закона, от …"), and the text without them."""
        for tail, tailed_type in self.tails.get(word, ()):
            printed = self.index.starting(text.replace(tail, " ", 1), tailed_type)
            if printed is not None and text.startswith(f"{printed}{tail} "):
                return tailed_type, text.replace(tail, "", 1)
        return act_type, text

    def _act(self, text: str, act_type: str,
             before: Sequence[ActDraft]) -> tuple[ActDraft, str]:
        acting = text.startswith("и.о. ")
        rest = text[len("и.о. "):] if acting else text
        printed = self.index.starting(rest, act_type)
        if printed is not None:
            rest = rest[len(printed) + 1:]
        elif before and before[-1].type == act_type:
            printed, acting = before[-1].printed_issuer, before[-1].acting
        else:
            raise NotReadable(f"no issuer in '{text[:60]}'")
        found = re.match(rf"от (?P<date>{DATE}) (?P<sign>№|N) (?P<number>[^\s;()]+)", rest)
        if found is None:
            raise NotReadable(f"no date and number in '{rest[:60]}'")
        date, _ = read_date(found.group("date"))
        sign = "latin_n" if found.group("sign") == "N" else "numero"
        draft = ActDraft(printed, acting, date, found.group("number"), {"number_sign": sign},
                         type=act_type)
        rest = rest[found.end():]
        if rest.startswith(" ("):
            end = closing_bracket(rest[2:], lambda after: not after or after.startswith("; "))
            draft.bracket, rest = rest[2:2 + end], rest[3 + end:]
        return draft, rest
