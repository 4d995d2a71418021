"""Kazakh: the published notes read back into facts ("Ескерту. 3-тармақ жаңа редакцияда - …").

Reads: one note or excluded unit's line of the publisher, the index of issuers, the document it
stands in. Writes: `NoteFacts` through `reading` (see there for what is kept). A unit phrase is
read by naming every candidate unit in the case the note uses through the Kazakh grammar
(`kk.py`) and keeping the one that gives the printed words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ..model import (
    ANNEX_NAMES,
    ActId,
    ActMention,
    NoteCount,
    NoteFacts,
    NoteStep,
    NoteStyle,
    StepDetails,
)
from ..model.notes import TITLE, NoteOperation, UnitRef
from .kk import (
    ACT_WORDS,
    LANGUAGE_NAMES,
    Kazakh,
    NoteContext,
    instrumental,
    number_words,
    plural,
    possessive,
)
from .reading import (
    DATE,
    ActDraft,
    IssuerIndex,
    LanguageReader,
    NotReadable,
    NumberWords,
    closing_bracket,
    read_date,
)

# What a later operation of a note says, and the operation.
LATER = {"жаңа редакцияда": "replace", "өзгеріс енгізілді": "amend",
         "өзгерістер енгізілді": "amend", "өзгерту енгізілді": "amend",
         "алып тасталды": "exclude", "алынып тасталды": "exclude", "күші жойылды": "lose_force"}
SEGMENT = re.compile(rf"; (?=(?:{'|'.join(LATER)}) [-–] )")
KK_LABEL = r"\d+(?:-\d+)*\)?"
LINE = re.compile(r"(?P<label>\d+(?:-\d+)*[.)]) (?P<verb>[Аа]лынып тасталды|[Аа]лып тасталды|"
                  r"[Кк]үші жойылды) (?P<dash>[-–]) (?P<acts>.+)\.")
SEVERAL_LINE = re.compile(r"(?P<units>.+?) (?P<verb>алынып тасталды|алып тасталды|күші жойылды) "
                          r"(?P<dash>[-–]) (?P<acts>.+)\.")
# The kind a word names when several kinds share it (as in ru_reading).
PREFERRED_KINDS = ("point", "subpoint", "chapter", "section", "subsection", "article", "part",
                   "appendix", "preamble", "text", "row")
CASE_OF = {"replace": "nominative", "exclude": "nominative", "amend": "dative",
           "lose_force": "genitive"}


class KazakhReader(LanguageReader):
    """Reads Kazakh notes with the Kazakh grammar's words."""

    lang: Kazakh

    def __init__(self, lang: Kazakh, index: IssuerIndex):
        self.lang = lang
        self.index = index
        self.numbers = NumberWords(number_words)
        self.act_words: dict[str, str] = {}
        for act_type, word in ACT_WORDS.items():
            for form in (word, plural(word)):
                self.act_words.setdefault(instrumental(possessive(form)).lower(), act_type)
        self.longest_words = sorted(self.act_words, key=len, reverse=True)
        self.languages = {word: code for code, word in LANGUAGE_NAMES.items()}

    # Lines in an excluded unit's place
    def _line(self, text: str, document: ActId) -> NoteFacts:
        line = LINE.fullmatch(text)
        if line is not None:
            label = line.group("label")
            unit = UnitRef("subpoint" if label.endswith(")") else "point", label)
            return self._in_place((unit,), line.group("verb"), line.group("dash"),
                                  line.group("acts"), document)
        several = SEVERAL_LINE.fullmatch(text)
        if several is None:
            raise NotReadable("neither a note nor an excluded unit's line")
        units = self._several(several.group("units"))
        return self._in_place(units, several.group("verb"), several.group("dash"),
                              several.group("acts"), document)

    def _several(self, text: str) -> tuple[UnitRef, ...]:
        """"4, 5-баптар", "4), 5) тармақшалар"."""
        found = re.fullmatch(rf"(?P<labels>{KK_LABEL}(?:, {KK_LABEL})+)(?:-| )(?P<word>\S+)", text)
        kinds = {plural(word): kind for kind, word in self.lang.unit_words.items()}
        if found is None or found.group("word") not in kinds:
            raise NotReadable(f"no units '{text}'")
        kind = kinds[found.group("word")]
        return tuple(UnitRef(kind, label) for label in found.group("labels").split(", "))

    def _in_place(self, units: tuple[UnitRef, ...], verb: str, dash: str, acts: str,
                  document: ActId) -> NoteFacts:
        operation: NoteOperation = "lose_force" if "жойылды" in verb else "exclude"
        mentions = self._acts([(acts, dash)])[0]
        return NoteFacts(operation, units, mentions, document.type)

    # Notes
    def _note(self, body: str, document: ActId) -> NoteFacts:
        segments = [self._split(text) for text in SEGMENT.split(body)]
        if segments[0][1] is None:
            return self._own_provision(segments[0][0], document)
        acts = self._acts([(items or "", dash) for _, items, dash in segments])
        acts = [self._changes_word(head, mentions)
                for (head, _, _), mentions in zip(segments, acts, strict=True)]
        first_act = acts[0][0]
        context = NoteContext(document.type, first_act.style.era or first_act.date,
                              first_act.style)
        units, first, style = self._head(segments[0][0], acts[0], context, document)
        if style:
            acts[0] = (dataclasses.replace(acts[0][0], style=acts[0][0].style.with_forms(
                style)), *acts[0][1:])
            first = dataclasses.replace(first, acts=acts[0])
        steps = [first, *(self._later(head, mentions)
                          for (head, _, _), mentions in zip(segments[1:], acts[1:],
                                                            strict=True))]
        return NoteFacts.of_steps(units, tuple(steps), document.type)

    def _split(self, text: str) -> tuple[str, str | None, str]:
        """An operation's head, its acts' words and the dash between (none: the document's own
        provision speaks)."""
        for found in re.finditer(r" ([-–]) ", text):
            rest = text[found.end():]
            if self.index.starting(rest) is not None or re.match(DATE, rest):
                return text[:found.start()], rest, found.group(1)
        own = re.fullmatch(rf"(?P<head>{DATE} бастап қолданысқа енгізіледі) (?P<dash>[-–]) "
                           r"(?P<rest>осы .+)", text)
        if own is not None:
            return text, None, own.group("dash")
        raise NotReadable(f"no acts after '{text[:60]}'")

    @staticmethod
    def _changes_word(head: str, acts: tuple[ActMention, ...]) -> tuple[ActMention, ...]:
        """The last act of an operation that says "өзгерістер енгізілді" or "өзгеріс
        енгізілді" gives the form of the word."""
        words = {"өзгерістер енгізілді": "plural", "өзгеріс енгізілді": "by_acts"}
        form = next((form for ending, form in words.items() if head.endswith(ending)), None)
        if form is None:
            return acts
        last = acts[-1]
        style = last.style.with_forms({"changes_word": form})
        return (*acts[:-1], dataclasses.replace(last, style=style))

    def _own_provision(self, text: str, document: ActId) -> NoteFacts:
        """"01.01.2021 бастап қолданысқа енгізіледі – осы қаулының 5-тармағымен"."""
        found = re.fullmatch(rf"(?P<date>{DATE}) бастап қолданысқа енгізіледі (?P<dash>[-–]) "
                             r"осы (?P<holder>\S+) (?P<label>\d+(?:-\d+)*)-(?P<word>\S+)", text)
        if found is None:
            raise NotReadable(f"no operation in '{text[:60]}'")
        style = NoteStyle(dash="en_dash" if found.group("dash") == "–" else "hyphen")
        context = NoteContext(document.type, document.date, style)
        provision, _ = self._candidate(f"{found.group('label')}-{found.group('word')}",
                                       "instrumental_possessive", context)
        mention = ActMention(document.issuer, document.type, document.date, document.number,
                             issuer_names=self.index.names(document.issuer, document.type),
                             style=style)
        details = StepDetails(effective=read_date(found.group("date"))[0], provision=provision)
        return NoteFacts("in_force_from", (), (mention,), document.type, details=details)

    def _head(self, head: str, acts: tuple[ActMention, ...], context: NoteContext,
              document: ActId) -> tuple[tuple[UnitRef, ...], NoteStep, dict[str, str]]:
        """The first operation, the units it is about, and the forms the first act's notes
        take that the head shows."""
        other = re.fullmatch(r"(?P<unit>.+) (?P<lang>\S+) тіліндегі (?P<text>мәтініне|мәтінге) "
                             r"(?P<word>өзгеріс|өзгерістер) енгізіледі, \S+ тіліндегі мәтін "
                             r"өзгермейді", head)
        if other is not None:
            only = self.languages.get(other.group("lang"))
            if only is None:
                raise NotReadable(f"no language '{other.group('lang')}'")
            count: NoteCount = "one" if other.group("word") == "өзгеріс" else "several"
            unit, style = self._candidate(other.group("unit"), "dative", context)
            style["other_text"] = "plain" if other.group("text") == "мәтінге" else "possessive"
            return (unit,), NoteStep("amend", acts, details=StepDetails(count=count,
                                                                       only=(only,))), style
        dated = re.fullmatch(rf"(?P<unit>.+) (?P<date>{DATE}) бастап қолданысқа енгізіледі", head)
        if dated is not None:
            details = StepDetails(effective=read_date(dated.group("date"))[0])
            unit, style = self._candidate(dated.group("unit"), "nominative", context)
            return (unit,), NoteStep("in_force_from", acts, details=details), style
        replaced = re.fullmatch(r"Бүкіл мәтін бойынша (?P<pairs>.+) ауыстырылды", head)
        if replaced is not None:
            pairs = tuple(re.findall(r"«(.+?)» деген сөз(?:дер)? «(.+?)» деген сөз(?:бен|дермен)",
                                     replaced.group("pairs")))
            details = StepDetails(words={self.lang.code: pairs})
            return (), NoteStep("replace_words", acts, details=details), {}
        if head.endswith(" толықтырылды"):
            return self._insert(head.removesuffix(" толықтырылды"), acts, context, document)
        for ending, operation in (("жаңа редакцияда", "replace"), ("өзгеріс енгізілді", "amend"),
                                  ("өзгерістер енгізілді", "amend"),
                                  ("өзгерту енгізілді", "amend"),
                                  ("алынып тасталды", "exclude"), ("алып тасталды", "exclude"),
                                  ("күші жойылды", "lose_force")):
            if head.endswith(f" {ending}"):
                text = head[:-len(ending) - 1]
                step = NoteStep(operation, acts)  # type: ignore[arg-type]
                if re.match(rf"{KK_LABEL}, ", text):
                    return self._several(text), step, {}
                unit, style = self._candidate(text, CASE_OF[operation], context)
                return (unit,), step, style
        raise NotReadable(f"no operation in '{head[:60]}'")

    def _insert(self, text: str, acts: tuple[ActMention, ...], context: NoteContext,
                document: ActId) -> tuple[tuple[UnitRef, ...], NoteStep, dict[str, str]]:
        """"Қағидалар 20-1-тармақпен", "3-бөлім 16-1-тармақпен", "2-тармақ 2-1) тармақшамен",
        "10-бөліммен" (the holder left out)."""
        found = re.fullmatch(rf"(?:(?P<holder>.+) )?(?P<new>(?:{KK_LABEL} )?\S+)", text)
        if found is None:
            raise NotReadable(f"no unit added in '{text}'")
        added, _ = self._candidate(found.group("new"), "instrumental", context)
        holder = found.group("holder")
        step = NoteStep("insert", acts, added)
        if holder is None:
            return (), step, {"insert_holder": "omitted"}
        if holder == self.lang.document_name(document.type):
            return (), step, {"insert_holder": "named"}
        unit, style = self._candidate(holder, "nominative", context)
        return (unit,), step, {**style, "insert_holder": "named"}

    def _later(self, head: str, acts: tuple[ActMention, ...]) -> NoteStep:
        operation = LATER.get(head)
        if operation is None:
            raise NotReadable(f"no operation '{head}'")
        return NoteStep(operation, acts)  # type: ignore[arg-type]

    # Units
    def _candidate(self, text: str, case: str,
                   context: NoteContext) -> tuple[UnitRef, dict[str, str]]:
        """The unit whose name in `case` the grammar writes as `text` (a capital aside), and
        the form of the first act's notes it takes to write it so."""
        wanted = text[:1].lower() + text[1:]
        for unit, style in self._candidates(text):
            note = dataclasses.replace(context, style=context.style.with_forms(style))
            named = self._case(unit, case, note)
            if named[:1].lower() + named[1:] == wanted:
                return unit, style
        raise NotReadable(f"no unit '{text}'")

    def _case(self, unit: UnitRef, case: str, note: NoteContext) -> str:
        if case == "instrumental":
            return instrumental(self.lang.unit_name(unit))
        if case == "instrumental_possessive":
            return instrumental(possessive(self.lang.unit_name(unit)))
        return self.lang.unit_phrase(unit, note).case(case)

    def _candidates(self, text: str) -> Iterator[tuple[UnitRef, dict[str, str]]]:
        """Every unit a phrase may name: each kind with the phrase's label or none, each
        annexed document, the title in each form, the title of each of those."""
        labelled = re.match(rf"(?P<label>{KK_LABEL})(?:-| )", text)
        label = labelled.group("label") if labelled is not None else None
        kinds = [*(kind for kind in PREFERRED_KINDS if kind in self.lang.unit_words),
                 *(kind for kind in self.lang.unit_words if kind not in PREFERRED_KINDS)]
        for kind in kinds:
            yield UnitRef(kind, label), {}
        for name in ANNEX_NAMES:
            yield UnitRef("attachment", name=name), {}
        yield UnitRef(TITLE), {}
        yield UnitRef(TITLE), {"title": "owner"}
        owners = [UnitRef(kind, label) for kind in kinds if label is not None]
        owners += [UnitRef("attachment", name=name) for name in ANNEX_NAMES]
        for owner in owners:
            yield UnitRef(TITLE, owner=owner), {}

    # Acts
    def _acts(self, segments: list[tuple[str, str]]) -> list[tuple[ActMention, ...]]:
        """The acts of each operation; an act word gives the type of every act before it back to
        the previous act word, across operations."""
        drafts: list[list[ActDraft]] = []
        untyped: list[ActDraft] = []
        for text, dash in segments:
            found: list[ActDraft] = []
            rest = text
            while rest:
                draft, rest = self._act(rest, found)
                draft.style["dash"] = "en_dash" if dash == "–" and not found else (
                    "hyphen" if not found else None)
                found.append(draft)
                untyped.append(draft)
                rest = self._act_word(rest, untyped, draft)
                if rest[:2] in ("; ", ", "):
                    rest = rest[2:]
                elif rest:
                    raise NotReadable(f"after an act: '{rest[:60]}'")
            drafts.append(found)
        if untyped:
            raise NotReadable("no act word after the last act")
        return [tuple(draft.mention(self.index, self.lang, self.numbers) for draft in found)
                for found in drafts]

    def _act(self, text: str, before: list[ActDraft]) -> tuple[ActDraft, str]:
        printed = self.index.starting(text)
        rest = text
        acting = False
        if printed is not None:
            rest = text[len(printed) + 1:]
            if rest.startswith("м.а. "):
                acting, rest = True, rest[len("м.а. "):]
        elif before:
            printed, acting = before[-1].printed_issuer, before[-1].acting
        else:
            raise NotReadable(f"no issuer in '{text[:60]}'")
        found = re.match(rf"(?P<date>{DATE}) (?P<sign>№|N) (?P<number>[^\s,;()]+)", rest)
        if found is None:
            raise NotReadable(f"no date and number in '{rest[:60]}'")
        date, form = read_date(found.group("date"))
        style: dict[str, object] = {
            "number_sign": "latin_n" if found.group("sign") == "N" else "numero",
            "date_form": form}
        draft = ActDraft(printed, acting, date, found.group("number"), style)
        rest = rest[found.end():]
        if rest.startswith(" ("):
            end = closing_bracket(rest[2:], self._bracket_ends)
            draft.bracket, rest = rest[2:2 + end], rest[3 + end:]
            draft.style["bracket"] = "before_act_word"
        return draft, rest

    def _bracket_ends(self, after: str) -> bool:
        if not after or after[:2] in ("; ", ", "):
            return True
        return after.startswith(" ") and any(after[1:].lower().startswith(form)
                                             for form in self.longest_words)

    def _act_word(self, text: str, untyped: list[ActDraft], last: ActDraft) -> str:
        """After an act, the act word that closes a run of acts of one type, and a bracket
        printed after it."""
        word = next((text[1:1 + len(form)] for form in self.longest_words
                     if text[1:1 + len(form)].lower() == form
                     and re.match(r"$|[\s,;]", text[1 + len(form):])), None)
        if not text.startswith(" ") or word is None:
            return text
        act_type = self.act_words[word.lower()]
        for draft in untyped:
            draft.type = act_type
        untyped.clear()
        last.style["act_word"] = "capital" if word[:1].isupper() else "lower"
        rest = text[1 + len(word):]
        if rest.startswith(" ("):
            end = closing_bracket(rest[2:], lambda after: not after or after[:2] in ("; ", ", "))
            last.bracket, rest = rest[2:2 + end], rest[3 + end:]
            last.style["bracket"] = "after_act_word"
        return rest


