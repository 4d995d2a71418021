"""The golden tests over the published corpus (`tests/golden/`): at least 95 % of the notes of
each language come out exactly, every miss is listed with its class and reason in
docs/known-differences.md (and nothing exact is listed there), every class of note the corpus
holds comes out exactly at least once, and the facts the reader gives hold no note text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args, get_type_hints

import pytest

from generator.lang import codes, language
from generator.lang.reading import ACT_TYPES, note_reader, read_note
from generator.load.registry import builtin_issuers
from generator.model import (
    ANNEX_NAMES,
    KINDS,
    ActId,
    ActMention,
    NoteCount,
    NoteFacts,
    NoteOperation,
    NoteStep,
    NoteStyle,
    StepDetails,
    UnitRef,
    Unreadable,
)
from generator.model.acts import IN_FORCE_KEYWORDS
from generator.model.notes import TITLE, plain_text
from tests.golden import notes
from tests.golden.corpus import corpus_folder
from tests.golden.known import known_differences

CORPUS = corpus_folder()
needs_corpus = pytest.mark.skipif(
    CORPUS is None, reason="no published corpus beside the repository (../shared/corpus/)")
THRESHOLD = 0.95
# A note's id, `<document>/<lang>/<line>` (the instructions' rows have ids of their own).
NOTE_ID = re.compile(r"[^/]+/(?:kk|ru)/\d+")


@pytest.fixture(scope="module")
def results() -> dict[str, list[notes.NoteResult]]:
    assert CORPUS is not None
    return {code: notes.measure(CORPUS, code) for code in codes()}


@needs_corpus
@pytest.mark.parametrize("code", ["kk", "ru"])
def test_most_notes_of_each_language_come_out_exactly(results, code):
    measured = results[code]
    exact = sum(result.exact for result in measured)
    assert len(measured) > 200
    assert exact / len(measured) >= THRESHOLD, f"{code}: {exact} of {len(measured)}"


@needs_corpus
def test_every_miss_is_listed_with_its_class_and_reason(results):
    known = known_differences()
    missed = {result.note.id for measured in results.values() for result in measured
              if not result.exact}
    listed = {note_id for note_id in known if NOTE_ID.fullmatch(note_id)}
    assert missed - listed == set(), "misses not in docs/known-differences.md"
    assert listed - missed == set(), "listed in docs/known-differences.md, but exact now"
    assert all(known[note_id].cls and known[note_id].reason for note_id in missed)


@needs_corpus
def test_every_class_of_the_corpus_comes_out_exactly_somewhere(results):
    """Each class a read note belongs to (an operation, a kind of unit, an issuer, a rule, an
    era, one language's text only, several operations…) has an exact note."""
    found: set[str] = set()
    exact: set[str] = set()
    for measured in results.values():
        for result in measured:
            if result.agreed is not None:
                classes = notes.classes(result.agreed)
                found |= classes
                if result.exact:
                    exact |= classes
    # An act's own clause is a text of the record, not a form of the grammar.
    assert found - exact == {"in force: a clause of its own"}
    assert {"operation lose_force", "change to one language's text only", "acting signatory",
            "several operations in one note", "unit title", "unit preamble",
            "in force: day_after_publication"} <= exact


# --- The facts hold no text of the note --------------------------------------------------------

# The fields whose values are a unit's label or an act's number, as printed.
LABELS = re.compile(r"\d+(?:-\d+)*[.)]?")
NUMBERED = {"label", "see_point"}


def vocabulary() -> set[str]:
    """The names facts may hold besides labels and numbers: a closed vocabulary."""
    style_values = {value for annotation in get_type_hints(NoteStyle).values()
                    for arg in get_args(annotation) for value in get_args(arg)}
    return (set(KINDS) | set(ANNEX_NAMES) | {TITLE} | set(codes()) | set(ACT_TYPES)
            | set(builtin_issuers().issuer_keys()) | set(get_args(NoteOperation))
            | set(get_args(NoteCount)) | set(IN_FORCE_KEYWORDS)
            | {value for value in style_values if isinstance(value, str)})


def fields(value: Any, name: str = "") -> Iterator[tuple[str, str]]:
    """Every string a value of the facts holds, with the name of its field (the registry's
    names of the issuers aside, which are looked up, not read)."""
    if isinstance(value, str):
        yield name, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name != "issuer_names":
                yield from fields(getattr(value, item.name), item.name)
    elif isinstance(value, dict):
        for item in value.values():
            yield from fields(item, name)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from fields(item, name)


@needs_corpus
def test_the_reader_passes_no_note_text_through(results):
    """The facts of every exact note hold labels, numbers, dates and names of a closed
    vocabulary only — no words of the note; the one text a record may carry (an act's own
    clause) is taken out before the golden test writes a note, so a note needing it misses."""
    known = vocabulary()
    for measured in results.values():
        for result in measured:
            if not isinstance(result.facts, NoteFacts) or not result.exact:
                continue
            texts = [(name, text) for name, text in fields(notes.stripped(result.facts))
                     if not (name == "number" or name in NUMBERED and LABELS.fullmatch(text)
                             or text in known)]
            assert texts == [], result.note.id


# --- The reader reads what the grammar writes ----------------------------------------------------

def mention(issuer: str, act_type: str, date: dt.date, number: str, **facts: Any) -> ActMention:
    names = builtin_issuers().names(issuer, act_type)
    return ActMention(issuer, act_type, date, number, issuer_names=names, **facts)


DOCUMENT = ActId("government", "resolution", dt.date(2012, 5, 25), "683")
GOVERNMENT = mention("government", "resolution", dt.date(2021, 3, 4), "120",
                     rule="day_after_publication")
ACTING = mention("ministry_justice", "order", dt.date(2022, 6, 30), "538", acting=True)
OLD = mention("government", "resolution", dt.date(2009, 9, 1), "1295")
CASES = [
    NoteFacts("replace", (UnitRef(TITLE),), (GOVERNMENT,), "resolution"),
    NoteFacts("amend", (UnitRef("preamble"),), (ACTING,), "resolution",
              details=StepDetails(count="one")),
    NoteFacts("replace", (UnitRef(TITLE, owner=UnitRef("chapter", "2")),), (OLD,),
              "resolution", later=(NoteStep("amend", (GOVERNMENT,)),)),
    NoteFacts("insert", (UnitRef("attachment", name="rules"),), (GOVERNMENT,), "resolution",
              UnitRef("point", "20-1")),
    NoteFacts("amend", (UnitRef("point", "4"),), (GOVERNMENT,), "resolution",
              details=StepDetails(only=("kk",))),
    NoteFacts("lose_force", (UnitRef("appendix"),), (ACTING,), "resolution"),
]


@pytest.mark.parametrize("code", ["kk", "ru"])
@pytest.mark.parametrize("facts", CASES, ids=range(len(CASES)))
def test_the_reader_gives_back_the_facts_the_grammar_wrote(code, facts):
    lang = language(code)
    if code in facts.details.only:
        facts = dataclasses.replace(facts, details=StepDetails(only=("ru",)))
    text = plain_text(lang.note_words(facts))
    read = read_note(code, text, builtin_issuers(), DOCUMENT)
    assert isinstance(read, NoteFacts), read
    assert plain_text(lang.note_words(read)) == text


@pytest.mark.parametrize("code", ["kk", "ru"])
def test_a_text_in_no_form_is_unreadable(code):
    reader = note_reader(code, builtin_issuers())
    assert isinstance(read_note(code, "Not a note.", builtin_issuers(), DOCUMENT, reader),
                      Unreadable)
    assert isinstance(read_note("en", "Note.", builtin_issuers(), DOCUMENT), Unreadable)


def test_ci_runs_make_golden_inside_make_test():
    """CI's entry point runs `make test`, whose prerequisites include `golden`, which runs the
    report of both halves (`python -m tests.golden`)."""
    root = Path(__file__).resolve().parent.parent
    assert "make test" in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    prerequisites = re.search(r"^test:(.*)$", makefile, re.M)
    assert prerequisites is not None and "golden" in prerequisites.group(1).split()
    recipe = re.search(r"^golden:.*\n\t(.+)$", makefile, re.M)
    assert recipe is not None and recipe.group(1).endswith("python -m tests.golden")
