"""Kazakh published texts read back (`legalgen import`): the printed forms and the notes.

Reads text of a published consolidated document; writes nothing. The patterns say what a line
is (formula, stamp, heading, excluded unit, editorial remark); `read_note` turns "Ескерту.
3-тармақ жаңа редакцияда - ҚР Үкіметінің 07.11.2013 № 1169 қаулысымен." into a `ReadNote`.
Kazakh names the acts' issuers before their dates and the act word after the last of them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from ..model import NAMED_BY_REPUBLIC, InForceAfterDays, InForceDate, InForceRule, UnitRef
from ..model.drafting import DraftingLanguage
from ..model.published import (
    PART,
    TITLE,
    WHOLE,
    Adoption,
    NoActNamed,
    NoteNotRead,
    PublishedForms,
    ReadAct,
    ReadNote,
    ReadOperation,
    ReadOperationKind,
    ReasonKey,
)
from .kk import ACT_WORDS, UNIT_WORDS, instrumental, number_words, plural, possessive
from .kk_drafting import possessive_case
from .published_base import FIGURE_DATE, ActSpot, act_spots, bracket_end, figure_date, squeeze

LABEL = r"\d+(?:-\d+)*"
SIGN = r"№|N"
DASH = r"\s*[-–—]\s*"
OPERATIONS: list[tuple[ReadOperationKind, re.Pattern[str]]] = [
    ("replace", re.compile(rf"жаңа\s+редакцияда{DASH}", re.I)),
    ("amend", re.compile(r"(?:өзгеріс(?:тер)?(?:\s+мен\s+толықтыру(?:лар)?)?|өзгерту|"
                         rf"толықтыру(?:лар)?)\s+енгізілді{DASH}", re.I)),
    ("insert", re.compile(rf"(?P<added>{LABEL}\)\s+\w+|{LABEL}\s*-\s*\w+|\w+)\s+"
                          rf"толықтырылды{DASH}", re.I)),
    ("exclude", re.compile(rf"(?:алынып|алып)\s+тасталды{DASH}", re.I)),
    ("lose_force", re.compile(rf"күші\s+жойылды{DASH}", re.I)),
    ("in_force", re.compile(rf"(?P<date>{FIGURE_DATE})\s+бастап\s+қолданысқа\s+енгізіледі{DASH}",
                            re.I)),
    ("other_language", re.compile(r"орыс\s+тіліндегі\s+мәтін(?:ге|іне)\s+өзгеріс(?:тер)?\s+"
                                  r"енгізіледі,\s+қазақ\s+тіліндегі\s+мәтін\s+өзгермейді"
                                  rf"{DASH}", re.I)),
]
SELF_IN_FORCE = re.compile(rf"(?P<date>{FIGURE_DATE})\s+бастап\s+қолданысқа\s+енгізіледі{DASH}"
                           r"осы\s+\w+\s+\d+-тармағымен", re.I)
DAYS = {number_words(days): days for days in range(1, 366)}
AFTER_DAYS = re.compile(r"жарияланған\w*\s+(?:күнінен\s+)?(?:кейін|бастап)\s+күнтізбелік\s+"
                        r"(?P<days>\d+|[а-яәғқңөұүһі ]+?)\s+күн\s+өткен")
ON_PUBLICATION = re.compile(r"жарияланған\s+күнінен\s+(?:бастап|кейін)\s+қолданысқа")
ON_SIGNING = re.compile(r"^қол\s+қойылған\s+күнінен\s+бастап\s+қолданысқа\s+енгізіледі$")
FROM_DATE = re.compile(rf"^(?P<date>{FIGURE_DATE})\s+бастап\s+қолданысқа\s+енгізіледі$")
ACTING = re.compile(r"\s+м\.\s?а\.?$")
HEADING_WORDS = ("тақырыбы", "тақырып", "атауы", "атауға", "атауы")
PREAMBLE_WORD = "кіріспе"


def _act_forms(word: str) -> set[str]:
    """An act word in the forms notes and stamps print it: қаулы, қаулысы, қаулысымен,
    қаулыларымен, қаулысына, бұйрыққа."""
    own = possessive(word)
    many = possessive(plural(word))
    forms = {word, own, instrumental(own), instrumental(many), possessive_case(own, "а", "е"),
             possessive_case(many, "а", "е"), word + ("ға" if word[-1] in "ы" else "қа")}
    return {form.lower() for form in forms}


ACT_TYPES = {form: act_type for act_type, word in ACT_WORDS.items() for form in _act_forms(word)}
# Unit words, longest first ("тармақша" before "тармақ"), for words with a case ending.
UNIT_KINDS = sorted(((word, kind) for kind, word in UNIT_WORDS.items()
                     if kind not in ("paragraph", "attachment", "preamble", "signature", "group",
                                     "total")),
                    key=lambda item: -len(item[0]))


class KazakhForms(PublishedForms):
    code = "kk"
    mirror_name = "kaz"
    note_word = re.compile(r"^\s*Ескерту\s*\.\s*")
    status = re.compile(r"^(?:Күшін\s+жойған|Жаңа|Жаңартылған|Қолданыстағы|"
                        r"Қолданысқа\s+енгізілмеген)$")
    repealed_status = re.compile(r"^Күшін\s+жойған")
    enacting = re.compile(r"(?:ҚАУЛЫ\s+ЕТЕДІ|БҰЙЫРАМЫН|ҚАУЛЫ\s+ЕТЕМІН|ШЕШІМ\s+ҚАБЫЛДАДЫ)\s*:?\s*$")
    editorial = re.compile(r"^(?:РҚАО|ЗҚАИ)-ның\s+ескертпесі\s*!?")
    approval_stamp = re.compile(r"(?:^|\s)(?:бекітілген|БЕКІТІЛГЕН)\s*$")
    appendix_stamp = re.compile(rf"(?:^|\s)(?:(?P<label>{LABEL})\s*-?\s*)?(?:қосымша|Қосымша)\s*$")
    appendix_of_act = re.compile(r"(?:қаулысына|бұйрығына|Жарлығына|шешіміне|өкіміне|Заңына|"
                                 r"бірлескен\s+бұйрығына|[Бб]ұйрыққа|[Ққ]аулыға)")
    agreed_stamp = re.compile(r"^«?КЕЛІСІЛДІ»?")
    form_mark = re.compile(r"^Нысан(?:\s+№?\s*\S+)?$")
    chapter = re.compile(rf"^(?P<label>{LABEL})\s*-\s*(?:тарау|ТАРАУ)\s*\.?\s*(?P<heading>.*)$")
    section = re.compile(rf"^(?P<label>{LABEL})\s*-\s*(?:бөлім|БӨЛІМ)\s*\.?\s*(?P<heading>.*)$")
    article = re.compile(rf"^(?P<label>{LABEL})\s*-\s*бап\s*\.\s*(?P<heading>.*)$")
    exclusion = re.compile(r"^(?:[Аа]лынып|[Аа]лып)\s+тасталды|^[Кк]үші\s+жойылды")
    instruction_annex = re.compile(r"енгізілетін\s+өзгеріс")
    reference_line = re.compile(rf"^{LABEL}\s*[.)]\s*(?:тармақша|тармақ|абзац|бөлім|тарау|"
                                r"қосымша)")
    signatory = re.compile(r"(?:[Мм]инистр|Премьер-Министр|Төраға|Президент|Әкім|[Бб]асшы|"
                           r"орынбасар|генерал|Мемлекеттік\s+хатшы)")
    total = re.compile(r"^(?:Жиыны|ЖИЫНЫ|Барлығы|БАРЛЫҒЫ)\b|барлығы\s*:?\s*$")
    placeholder = "Алып тасталғанға дейінгі мәтін жарияланған мәтінде келтірілмеген."
    reasons: ClassVar[dict[ReasonKey, str]] = {
        "earlier_wording": "Жарияланған мәтінде тек соңғы редакция бар; бұрынғы редакция "
                           "қалпына келтірілгенге дейін соңғы редакция көрсетілген.",
        "unknown_edits": "Жарияланған мәтін өзгерістер енгізілгенін атайды, бірақ оларды "
                         "көрсетпейді; бұрынғы мәтін қалпына келтірілгенге дейін соңғы мәтін "
                         "көрсетілген.",
        "excluded_wording": "Жарияланған мәтін бірлікті тек алып тасталған ретінде көрсетеді; "
                            "оның алып тасталғанға дейінгі мәтіні келтірілмеген.",
    }

    known_brackets = (
        "алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен соң қолданысқа "
        "енгізіледі",
        "алғашқы ресми жарияланған күнінен бастап күнтізбелік он күн өткен соң қолданысқа "
        "енгізіледі",
        "алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі",
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
        if ON_PUBLICATION.search(words):
            return "on_publication"
        if ON_SIGNING.match(words):
            return "on_signing"
        return None

    def fold(self, text: str) -> str:
        """Latin i, I and Y typed beside Cyrillic letters are the Kazakh і, І and Ү."""
        text = self.language.own_letters(text)
        text = re.sub(r"(?<=[\u0400-\u04ff])I|I(?=[\u0400-\u04ff])", "І", text)
        return re.sub(r"Y(?=[\u0400-\u04ff])", "Ү", text)

    # Dates, act words, the adopting act
    def date(self, text: str) -> dt.date | None:
        for candidate in self.language.dates_in(text):
            if self.language.date(candidate) in squeeze(text):
                return candidate
        figure = re.search(FIGURE_DATE, text)
        if figure is not None:
            try:
                return figure_date(figure.group(0))
            except ValueError:
                return None
        return None

    def act_type(self, word: str) -> str | None:
        return ACT_TYPES.get(word.strip(" ,;.").lower())

    def adoption(self, line: str) -> Adoption | None:
        """"Қазақстан Республикасы Үкіметінің 2012 жылғы 25 мамырдағы № 683 қаулысы.", or a
        stamp's "… 2015 жылғы 29 желтоқсандағы № 652 бұйрығымен бекітілген"."""
        text = squeeze(line)
        date = self.date(text)
        number = re.search(rf"(?:{SIGN})\s*(?P<number>[^\s,;]+?)(?=[\s.,;]|$)", text)
        if date is None and number is None:
            return None
        act_type = None
        if number is not None:
            after = text[number.end():].split()
            act_type = self.act_type(after[0]) if after else None
        issuer = None
        year = re.search(r"\d{4}\s+жылғы", text)
        if year is not None and act_type is not None:
            issuer = text[:year.start()].strip() or None
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
            raise NoteNotRead("no words of what happened (жаңа редакцияда, өзгеріс енгізілді, …)")
        subject_text = body[:first[0]].strip()
        subject, heading = self._subject(subject_text)
        return ReadNote(subject, self._operations(body[first[0]:]), heading)

    def read_exclusion(self, label: str, words: str) -> ReadNote:
        words = squeeze(words).rstrip(". ")
        kind = "subpoint" if label.strip().endswith(")") else "point"
        return ReadNote(UnitRef(kind, label.strip()), self._operations(words))

    def _operations(self, text: str) -> tuple[ReadOperation, ...]:
        starts = [0]
        for match in re.finditer(r";\s*", text):
            if any(pattern.match(text, match.end()) for _, pattern in OPERATIONS):
                starts.append(match.end())
        read: list[tuple[ReadOperationKind, re.Match[str], list[ActSpot], str]] = []
        for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
            segment = text[begin:end].rstrip("; ")
            found = next(((kind, match) for kind, pattern in OPERATIONS
                          for match in [pattern.match(segment)] if match), None)
            if found is None:
                raise NoteNotRead(f"'{segment[:40]}' says no operation")
            kind, match = found
            rest = segment[match.end():]
            spots = act_spots(rest, SIGN)
            if not spots:
                raise NoActNamed(f"no act (a date and a number) after '{segment[:30]}'")
            read.append((kind, match, spots, rest))
        return self._with_acts(read)

    def _with_acts(self, read: list[tuple[ReadOperationKind, re.Match[str], list[ActSpot],
                                           str]]) -> tuple[ReadOperation, ...]:
        """The acts of every operation: the issuer's words stand before a run of acts, the act
        word after it (and a note with several operations may give it once, at its end)."""
        groups: list[list[_Act]] = []
        issuer, acting = "", False
        for kind, match, spots, rest in read:
            group: list[_Act] = []
            for spot in spots:
                act_type, words = self._between(spot.lead)
                if act_type is not None:
                    _fill_type(groups, group, act_type)
                if words:
                    issuer, acting = _acting(words)
                if not issuer:
                    raise NoteNotRead(f"no issuer before the act № {spot.number}")
                group.append(_Act(issuer, acting, spot))
            tail_type, bracket = self._tail(rest[spots[-1].end:])
            if tail_type is not None:
                _fill_type(groups, group, tail_type)
            if bracket is not None and group[-1].bracket is None:
                group[-1].bracket = bracket
                group[-1].bracket_after = True
            if kind == "other_language":
                plain = match.group(0).split()[2].lower() == "мәтінге"
                for act in group:
                    act.style["other_text"] = "plain" if plain else None
            groups.append(group)
        if any(act.type is None for group in groups for act in group):
            raise NoteNotRead("no act word (қаулысымен, бұйрығымен, …) after the acts")
        operations = []
        for (kind, match, _, _), group in zip(read, groups, strict=True):
            acts = tuple(act.read() for act in group)
            added = self._unit(match.group("added")) if kind == "insert" else None
            in_force = figure_date(match.group("date")) if kind == "in_force" else None
            operations.append(ReadOperation(kind, acts, added, in_force))
        return tuple(operations)

    def _between(self, lead: str) -> tuple[str | None, str]:
        """The words between two acts: the act word closing the run before, then the next
        issuer's words."""
        words = lead.strip(" ;,")
        if not words:
            return None, ""
        first, _, rest = words.partition(" ")
        act_type = self.act_type(first)
        if act_type is not None:
            return act_type, rest.strip(" ;,")
        return None, words

    def _tail(self, tail: str) -> tuple[str | None, str | None]:
        """After the last act: its act word, and the bracket some notes print after it."""
        tail = tail.strip(" ;,.")
        if not tail:
            return None, None
        word, _, rest = tail.partition(" ")
        act_type = self.act_type(word)
        if act_type is None:
            raise NoteNotRead(f"'{tail[:40]}' after the last act is no act word")
        rest = rest.strip()
        if not rest:
            return act_type, None
        if rest.startswith("(") and bracket_end(rest, 0) == len(rest.rstrip(" .")):
            return act_type, rest.rstrip(" .")[1:-1].strip()
        raise NoteNotRead(f"words after the act word: '{rest[:40]}'")

    def _subject(self, text: str) -> tuple[UnitRef, bool]:
        lowered = text.lower()
        if not text:
            return UnitRef(WHOLE), False
        words = lowered.split()
        if words[-1] in HEADING_WORDS:
            owner = " ".join(text.split()[:-1])
            if not owner or self.act_type(owner.split()[-1].removesuffix("ның")
                                          .removesuffix("нің")) is not None \
                    or _act_owner(owner.lower()):
                return UnitRef(TITLE), False
            return self._unit(owner, PART), True
        if words[0] in HEADING_WORDS:
            return UnitRef(TITLE), False
        if words[0].startswith(PREAMBLE_WORD):
            return UnitRef("preamble"), False
        if self.act_type(words[0]) is not None:
            return UnitRef(WHOLE), False
        return self._unit(text, PART), False

    @staticmethod
    def _unit(text: str, otherwise: str | None = None) -> UnitRef:
        """"19-тармақпен", "4) тармақшамен", "2-тараудың", "Кіші бөлімге" → kind and label."""
        text = squeeze(text)
        labelled = re.fullmatch(rf"(?P<label>{LABEL})\s*-\s*(?P<word>.+)", text) or re.fullmatch(
            rf"(?P<label>{LABEL}\))\s+(?P<word>.+)", text)
        label = labelled.group("label") if labelled else None
        word = (labelled.group("word") if labelled else text).lower()
        for unit_word, kind in UNIT_KINDS:
            if word.startswith(unit_word) and len(word) - len(unit_word) <= 6:
                return UnitRef(kind, label)
        if otherwise is not None and text[:1].isupper() and label is None:
            return UnitRef(otherwise)
        raise NoteNotRead(f"'{text[:40]}' names no unit")

    def split_words(self, text: str, vocabulary: frozenset[str]) -> str:
        """The і the extraction set apart ("әлеует і төмен", "бөліг інде"): a lone і joins the
        word before it, and a piece that starts with і joins it when the whole is a word of the
        document and the piece is not."""
        pieces = text.split(" ")
        joined: list[str] = []
        for piece in pieces:
            if joined and joined[-1] and (piece == "і" or (
                    piece.startswith("і") and piece.lower() not in vocabulary
                    and (joined[-1] + piece).lower().strip(".,;:") in vocabulary)):
                joined[-1] += piece
            else:
                joined.append(piece)
        return " ".join(joined)


def _acting(words: str) -> tuple[str, bool]:
    bare = ACTING.sub("", words.strip())
    return bare, bare != words.strip()


def _act_owner(words: str) -> bool:
    """"Қаулының", "Бұйрықтың": the document, whose title a note names."""
    return any(words.endswith(ending) for ending in ("қаулының", "бұйрықтың", "бұйрығының",
                                                      "қаулысының"))


class _Act:
    """An act being read: its type is known once the act word after its run is."""

    def __init__(self, issuer: str, acting: bool, spot: ActSpot):
        self.issuer, self.acting, self.spot = issuer, acting, spot
        self.type: str | None = None
        self.bracket = spot.bracket
        self.bracket_after = False
        self.style: dict[str, str | None] = {}

    def read(self) -> ReadAct:
        style = dict(self.style)
        if self.bracket is not None:
            # Laws and codes print the bracket after the act word by default, other acts before.
            place = "after_act_word" if self.bracket_after else "before_act_word"
            style["bracket"] = place if self.bracket_after != (
                self.type in NAMED_BY_REPUBLIC) else None
        return ReadAct(self.issuer, self.type or "", self.spot.date, self.spot.number,
                       self.bracket, self.acting, tuple(sorted(style.items())))


def _fill_type(groups: list[list[_Act]], group: list[_Act], act_type: str) -> None:
    """An act word names the acts before it that have none yet, back to the last one that has."""
    for act in reversed([act for earlier in groups for act in earlier] + group):
        if act.type is not None:
            break
        act.type = act_type
