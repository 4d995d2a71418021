"""Everything language-specific, one module per language, and the registry of the languages.

`LANGUAGES` holds one instance of each registered language, in the order outputs and checks
take them; `DRAFTING` those that also draft amending acts (a `DraftingLanguage`). Kazakh and
Russian are registered here; `register` adds another — from a module of this package or from a
program that uses legalgen — and from then on every stage follows it: the languages of a
project, the per-language fields of its records, the checks, the command line's defaults.
`register_unit_words` gives a unit kind added to the kind table at run time its word in every
language. `PUBLISHED` holds the printed forms a language's published texts are read back with
(`legalgen import`), for the languages that have them.
"""

from collections.abc import Mapping

from ..model import KINDS, ActMention, Language
from ..model.drafting import DraftingLanguage
from ..model.kinds import BUILT_IN_KINDS
from ..model.language import PHRASE_KEYS, PhraseKey
from ..model.published import PublishedForms
from .kk_drafting import KazakhDrafting
from .kk_published import KazakhForms
from .kk_reading import KazakhReader
from .reading import register_reader
from .ru_drafting import RussianDrafting
from .ru_published import RussianForms
from .ru_reading import RussianReader

LANGUAGES: dict[str, Language] = {}
DRAFTING: dict[str, DraftingLanguage] = {}
PUBLISHED: dict[str, PublishedForms] = {}


def register(language: Language) -> None:
    """Add `language` to the languages of every project, after those registered before it."""
    if language.code in LANGUAGES:
        raise ValueError(f"the language '{language.code}' is registered already")
    LANGUAGES[language.code] = language
    if isinstance(language, DraftingLanguage):
        DRAFTING[language.code] = language


def codes() -> tuple[str, ...]:
    """The codes of the registered languages, in their order: ('kk', 'ru')."""
    return tuple(LANGUAGES)


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
    found = DRAFTING.get(code)
    if found is None:
        raise LookupError(f"the language '{code}' has no grammar of amending acts")
    return found


def register_published(forms: PublishedForms) -> None:
    """Let `legalgen import` read published texts in the language of `forms`."""
    if forms.code not in LANGUAGES:
        raise ValueError(f"the language '{forms.code}' is not registered")
    PUBLISHED[forms.code] = forms


def published_forms(code: str) -> PublishedForms:
    """The printed forms of a language's published texts."""
    found = PUBLISHED.get(code)
    if found is None:
        raise LookupError(f"the language '{code}' has no forms to read published texts with")
    return found


register(KazakhDrafting())
register(RussianDrafting())
register_published(KazakhForms(DRAFTING["kk"]))
register_published(RussianForms(DRAFTING["ru"]))
register_reader("kk", KazakhReader)  # type: ignore[arg-type]
register_reader("ru", RussianReader)  # type: ignore[arg-type]

__all__ = ["ActMention", "DRAFTING", "DraftingLanguage", "Language", "LANGUAGES", "codes",
           "drafting", "language", "PHRASE_KEYS", "PhraseKey", "PublishedForms", "PUBLISHED",
           "published_forms", "register", "register_published", "register_unit_words",
           "unregister_unit_words"]
