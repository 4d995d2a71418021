"""The golden test of the notes: every published note read into facts, written again.

Reads the corpus (`corpus`); writes nothing. Each document's notes are read in each language on
its own (`generator.lang.reading.read_note`), as the two texts may record an act differently.
An act's record is one for all its notes, so before a note is written again every act takes the
identity (type, date) and the named forms (`NoteStyle`) most of its notes of that document and
language show — a note whose act the publisher wrote otherwise there is a miss, as it would be
for a drafter's record. The note is then written from its facts alone, with the texts a record
may carry (an unknown bracket kept as the act's clause, replaced words) taken out, through the
grammar that writes the documents, and compared with the published words after whitespace is
normalised.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.lang import language
from generator.lang.reading import (
    STYLE_KEYS,
    mention_positions,
    note_reader,
    read_note,
    style_values,
    with_mentions,
)
from generator.load.registry import builtin_issuers
from generator.model import ActMention, Language, NoteFacts, NoteStyle, StepDetails, Unreadable
from generator.model.notes import plain_text

from .corpus import Document, PublishedNote, documents, notes_of

# An act within one document and language: its issuer, number, and day and month of signing (two
# acts may share a number in different years; a year mistyped is still the same act).
ActKey = tuple[str, str, int, int]


def act_key(mention: ActMention) -> ActKey:
    return mention.issuer, mention.number, mention.date.day, mention.date.month


@dataclass(slots=True)
class NoteResult:
    note: PublishedNote
    facts: NoteFacts | Unreadable
    # The facts with each act as its record gives it (the identity and forms its notes agree on).
    agreed: NoteFacts | None = None
    written: str | None = None

    @property
    def exact(self) -> bool:
        return self.written == self.note.text


@dataclass(slots=True)
class ActRecord:
    """What the notes of one act agree on, by vote."""

    identity: Counter[tuple[str, Any]] = dataclasses.field(default_factory=Counter)
    acting: Counter[bool] = dataclasses.field(default_factory=Counter)
    forms: dict[str, Counter[Any]] = dataclasses.field(
        default_factory=lambda: defaultdict(Counter))

    def style(self) -> NoteStyle:
        chosen = {key: votes.most_common(1)[0][0] for key, votes in self.forms.items()}
        return NoteStyle().with_forms({k: v for k, v in chosen.items() if v is not None})


def render(lang: Language, facts: NoteFacts) -> str:
    return plain_text(lang.note_words(facts))


def stripped(facts: NoteFacts) -> NoteFacts:
    """The facts without any text a record may carry: clauses and replaced words."""
    facts = with_mentions(facts, lambda m: dataclasses.replace(m, in_force_text=None))
    steps = tuple(dataclasses.replace(step, details=dataclasses.replace(step.details,
                                                                        words=None))
                  if step.details.words is not None else step for step in facts.steps)
    return NoteFacts.of_steps(facts.units, steps, facts.document_type)


def observed_forms(lang: Language, facts: NoteFacts) -> Iterator[tuple[ActMention, str, Any]]:
    """Each act's named forms this note shows: the form it takes (None: the era's), for every
    form whose change would change the note's words."""
    printed = render(lang, facts)
    for position in mention_positions(facts):
        mention = facts.steps[position[0]].acts[position[1]]
        for key in STYLE_KEYS:
            value = getattr(mention.style, key)
            if value is not None:
                yield mention, key, value
                continue
            for other in style_values(key):
                changed = _restyled(facts, position, mention.style.with_forms(
                    {key: other}))
                if render(lang, changed) != printed:
                    yield mention, key, None
                    break


def _restyled(facts: NoteFacts, position: tuple[int, int], style: NoteStyle) -> NoteFacts:
    from generator.lang.reading import restyled

    return restyled(facts, position, style)


def measure_document(document: Document, lang: Language) -> list[NoteResult]:
    issuers = builtin_issuers()
    reader = note_reader(lang.code, issuers)
    notes, _ = notes_of(document, lang.code)
    results = [NoteResult(note, read_note(lang.code, note.text, issuers, document.act, reader))
               for note in notes]
    records: dict[ActKey, ActRecord] = defaultdict(ActRecord)
    for result in results:
        if isinstance(result.facts, NoteFacts):
            _vote(lang, result.facts, records)
    for result in results:
        if isinstance(result.facts, NoteFacts):
            result.agreed = with_mentions(result.facts, _agreed(records))
            result.written = render(lang, stripped(result.agreed))
    return results


def _vote(lang: Language, facts: NoteFacts, records: dict[ActKey, ActRecord]) -> None:
    for mention in facts.all_acts:
        record = records[act_key(mention)]
        record.identity[(mention.type, mention.date)] += 1
        record.acting[mention.acting] += 1
    for mention, key, value in observed_forms(lang, facts):
        records[act_key(mention)].forms[key][value] += 1


def _agreed(records: dict[ActKey, ActRecord]) -> Callable[[ActMention], ActMention]:
    def agreed(mention: ActMention) -> ActMention:
        record = records[act_key(mention)]
        act_type, date = record.identity.most_common(1)[0][0]
        return dataclasses.replace(mention, type=act_type, date=date,
                                   acting=record.acting.most_common(1)[0][0],
                                   style=record.style())
    return agreed


def measure(folder: Path, code: str) -> list[NoteResult]:
    """Every note of the corpus in language `code`, read and written again."""
    lang = language(code)
    return [result for document in documents(folder)
            for result in measure_document(document, lang)]


def classes(facts: NoteFacts) -> set[str]:
    """The classes of "What to build" a note's facts belong to, for the report of coverage."""
    found = {f"operation {step.operation}" for step in facts.steps}
    if len(facts.steps) > 1:
        found.add("several operations in one note")
    if len(facts.units) > 1:
        found.add("several units in one note")
    for unit in facts.units or ():
        found.add(f"unit {unit.kind}" + (f" of {unit.owner.kind}" if unit.owner else "")
                  + (f" named {unit.name}" if unit.name else ""))
    if not facts.units:
        found.add("unit: the document")
    for step in facts.steps:
        details: StepDetails = step.details
        if details.only:
            found.add("change to one language's text only")
        if step.operation == "amend":
            found.add(f"changes: {details.count}")
        if step.added is not None:
            found.add(f"unit added: {step.added.kind}")
    for mention in facts.all_acts:
        found.add(f"issuer {mention.issuer} ({mention.type})")
        found.add(f"in force: {_rule_name(mention)}")
        found.add(f"era {_era(mention)}")
        if mention.acting:
            found.add("acting signatory")
    return found


def _rule_name(mention: ActMention) -> str:
    if mention.in_force_text is not None:
        return "a clause of its own"
    if mention.style.see_point is not None:
        return "see a point"
    rule = mention.rule
    return rule if isinstance(rule, str) else type(rule).__name__


def _era(mention: ActMention) -> str:
    year = mention.date.year
    return "2005–2012" if year < 2013 else "2013–2016" if year < 2017 else "2017 onwards"
