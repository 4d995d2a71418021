"""The language contract: every language gives the closed set of phrase keys, a word for every
unit kind and the grammar methods of `Language`; the code and the templates ask for nothing
else."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.lang import LANGUAGES, PHRASE_KEYS, Language, codes, register
from generator.model import KINDS, SourcePos, Unit
from generator.model import diff as diff_stage
from generator.model.language import phrase_problems, unit_word_problems
from tests.fixtureutil import FIXTURE

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "generator").rglob("*.py")) + sorted(
    path for path in (ROOT / "generator" / "templates").iterdir() if path.is_file()
)
# phrase("key") / phrase('key') in Python and Jinja.
LITERAL_CALL = re.compile(r"""\bphrase\(\s*(["'])([^"'{}]*)\1\s*\)""")
# A key built from a prefix and a change kind: phrase(f"diff_{...}") or phrase("diff_" ~ ...).
PREFIX_CALL = re.compile(r"""\bphrase\(\s*(?:f(["'])(\w*)\{|(["'])(\w*)\3\s*~)""")
# A key looked up in the model's table of change phrases: phrase(CHANGE_PHRASES[...]).
MAPPED_CALL = re.compile(r"\bphrase\(\s*CHANGE_PHRASES\[")
ANY_CALL = re.compile(r"\bphrase\(")
CHANGE_KINDS = (diff_stage.ADDED, diff_stage.EXCLUDED, diff_stage.REWORDED, diff_stage.MOVED,
                diff_stage.REMOVED, diff_stage.REPEALED)
# The methods and properties of the base, and the attributes it declares (code, locale, ...).
CONTRACT = {name for name in [*dir(Language), *Language.__annotations__] if name[0] != "_"}


def phrase_calls() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Keys of the literal phrase calls and prefixes of the built ones, each with where it is;
    a call of neither form fails, so that no key escapes the check."""
    literal: dict[str, list[str]] = {}
    prefixed: dict[str, list[str]] = {}
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            calls = [m for m in ANY_CALL.finditer(line) if not line[:m.start()].endswith("def ")]
            literals = [m.group(2) for m in LITERAL_CALL.finditer(line)]
            prefixes = [m.group(2) or m.group(4) or "" for m in PREFIX_CALL.finditer(line)]
            mapped = MAPPED_CALL.findall(line)
            assert len(calls) == len(literals) + len(prefixes) + len(mapped), \
                f"unreadable phrase call: {where}"
            for key in literals:
                literal.setdefault(key, []).append(where)
            for prefix in prefixes:
                prefixed.setdefault(prefix, []).append(where)
    return literal, prefixed


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_language_gives_exactly_the_phrase_keys(code):
    lang = LANGUAGES[code]
    assert set(lang.phrases) == PHRASE_KEYS
    assert all(isinstance(text, str) and text.strip() for text in lang.phrases.values())


def test_every_phrase_the_code_and_templates_ask_for_is_a_key():
    literal, prefixed = phrase_calls()
    assert literal, "no phrase call found: the scan is broken"
    unknown = {key: where for key, where in literal.items() if key not in PHRASE_KEYS}
    assert not unknown
    # The only built keys are "diff_<change kind>"; every change kind has its phrase.
    assert set(prefixed) <= {"diff_"}
    assert {f"diff_{kind}" for kind in CHANGE_KINDS} <= PHRASE_KEYS
    assert {kind: f"diff_{kind}" for kind in CHANGE_KINDS} == diff_stage.CHANGE_PHRASES


def test_a_language_with_a_missing_or_unknown_phrase_is_refused():
    base = dict(LANGUAGES["ru"].phrases)
    missing = {key: text for key, text in base.items() if key != "contents"}
    with pytest.raises(TypeError, match="missing phrase 'contents'"):
        type("Broken", (Language,), {"code": "xx", "phrases": missing})
    with pytest.raises(TypeError, match="unknown phrase 'colophon'"):
        type("Broken", (Language,), {"code": "xx", "phrases": {**base, "colophon": "-"}})
    with pytest.raises(TypeError, match="missing phrase"):
        type("Broken", (Language,), {"code": "xx"})
    assert phrase_problems(base) == []


def _words_of(code: str) -> dict[str, Any]:
    lang = LANGUAGES[code]
    return {"unit_words": dict(lang.unit_words), "unit_word": lang.unit_word}


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_language_gives_every_unit_kind_its_word(code):
    lang = LANGUAGES[code]
    assert set(lang.unit_words) == set(KINDS)
    assert unit_word_problems(lang.unit_words, lang.unit_word) == []
    names = {kind: lang.unit_name(Unit(kind, "x", SourcePos("t"), label="2.")) for kind in KINDS}
    assert all(name.strip() for name in names.values())
    # No stand-in word hides a kind without one.
    with pytest.raises(LookupError, match="no word for the unit kind 'chapterette'"):
        lang.unit_name(Unit("chapterette", "x", SourcePos("t")))


def test_a_language_without_a_unit_word_is_refused():
    base = {"code": "xx", "phrases": LANGUAGES["ru"].phrases, **_words_of("ru")}
    fewer = {kind: word for kind, word in base["unit_words"].items() if kind != "chapter"}
    with pytest.raises(TypeError, match="no word for the unit kind 'chapter'"):
        type("Broken", (Language,), {**base, "unit_words": fewer})
    with pytest.raises(TypeError, match="unknown unit kind 'chapterette'"):
        type("Broken", (Language,), {**base, "unit_words": {**base["unit_words"],
                                                            "chapterette": "x"}})
    with pytest.raises(TypeError, match="the word for 'chapter' is not a Noun"):
        type("Broken", (Language,), {**base, "unit_words": {**base["unit_words"],
                                                            "chapter": "глава"}})
    with pytest.raises(TypeError, match="no type of unit word"):
        type("Broken", (Language,), {**base, "unit_word": None})


def test_a_language_without_every_grammar_method_cannot_be_made():
    partial = type("Partial", (Language,), {"code": "xx", "phrases": LANGUAGES["ru"].phrases,
                                            **_words_of("ru")})
    with pytest.raises(TypeError, match="abstract"):
        partial()
    assert {"note", "exclusion", "repeal_note", "unit_name", "act_name"} <= (
        Language.__abstractmethods__
    )


def test_the_registry_is_the_list_of_languages():
    assert codes() == tuple(LANGUAGES)
    assert codes()[:2] == ("kk", "ru")
    for code, lang in LANGUAGES.items():
        assert isinstance(lang, Language)
        assert lang.code == code
    with pytest.raises(ValueError, match="'kk' is registered already"):
        register(LANGUAGES["kk"])


class Recorder:
    """A language that notes every attribute its callers ask for."""

    def __init__(self, inner: Language, asked: set[str]) -> None:
        self._inner, self._asked = inner, asked

    def __getattr__(self, name: str) -> Any:
        self._asked.add(name)
        return getattr(self._inner, name)


def test_callers_ask_languages_only_for_the_contract(monkeypatch, tmp_path):
    """Build, compare and list the fixture's versions with recording languages: everything the
    annotate stage, the diff, the writers, the templates and the command line ask a language
    for is declared on `Language`."""
    asked: set[str] = set()
    for code, lang in list(LANGUAGES.items()):
        monkeypatch.setitem(LANGUAGES, code, Recorder(lang, asked))
    runner = CliRunner()
    # HTML of every version; the DOCX of the latest only, laid out as its PDF.
    for args in (
        ["build", "--format", "html", "--as-of", "all", "--out", str(tmp_path / "b")],
        ["build", "--format", "docx", "--as-of", "latest", "--out", str(tmp_path / "b")],
        ["diff", "--out", str(tmp_path / "d")],
        ["versions"],
    ):
        result = runner.invoke(main, [*args, "--root", str(FIXTURE)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert {"phrase", "note_words", "act_name", "unit_name", "code"} <= asked
    assert asked <= CONTRACT, sorted(asked - CONTRACT)
