"""Everything language-specific, one module per language, and the registry of the languages.

`LANGUAGES` holds one instance of each language module (with its drafting grammar,
`DRAFTING` the same instances as drafting languages), in the order of `generator.model.LANGS`
(the model lists the codes; it cannot import this package, which imports the model).
`register_unit_words` gives a unit kind added to the kind table at run time its word in every
language.
"""

from collections.abc import Mapping

from ..model import KINDS, LANGS, ActMention, Language
from ..model.drafting import DraftingLanguage
from ..model.kinds import BUILT_IN_KINDS
from ..model.language import PHRASE_KEYS, PhraseKey
from .kk_drafting import KazakhDrafting
from .ru_drafting import RussianDrafting

# Each language with its note grammar (`kk.py`) and its drafting grammar (`kk_drafting.py`).
DRAFTING: dict[str, DraftingLanguage] = {
    language.code: language for language in (KazakhDrafting(), RussianDrafting())
}
LANGUAGES: dict[str, Language] = dict(DRAFTING)
if tuple(LANGUAGES) != LANGS:
    raise RuntimeError(f"the language modules {tuple(LANGUAGES)} differ from LANGS {LANGS}")


def register_unit_words(kind: str, words: Mapping[str, object]) -> None:
    """Give `kind` its word in every language: `words` maps each language code to a word of
    that language's `unit_word` type (Kazakh: the word; Russian: a `ru.Noun`)."""
    problems = [] if kind in KINDS else ["not in the kind table (register_kind adds it)"]
    problems += [f"no {code} word" for code in LANGUAGES if code not in words]
    problems += [f"a word in the unknown language {code!r}" for code in words
                 if code not in LANGUAGES]
    problems += [f"the {code} word is not a {lang.unit_word.__name__}"
                 for code, lang in LANGUAGES.items()
                 if code in words and not isinstance(words[code], lang.unit_word)]
    problems += [f"the {code} language has a word for it already"
                 for code, lang in LANGUAGES.items() if kind in lang.unit_words]
    if problems:
        raise ValueError(f"unit kind '{kind}': {'; '.join(problems)}")
    for code, lang in LANGUAGES.items():
        lang.unit_words[kind] = words[code]


def unregister_unit_words(kind: str) -> None:
    """Take the words `register_unit_words` gave `kind` out of every language."""
    if kind in BUILT_IN_KINDS:
        raise ValueError(f"the unit kind '{kind}' is built in")
    for lang in LANGUAGES.values():
        lang.unit_words.pop(kind, None)


def language(code: str) -> Language:
    return LANGUAGES[code]


def drafting(code: str) -> DraftingLanguage:
    """The language with the grammar of amending acts."""
    return DRAFTING[code]


__all__ = ["ActMention", "DRAFTING", "DraftingLanguage", "Language", "LANGUAGES", "drafting",
           "PHRASE_KEYS", "PhraseKey", "language", "register_unit_words", "unregister_unit_words"]
