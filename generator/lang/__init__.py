"""Everything language-specific, one module per language, and the registry of the languages.

`LANGUAGES` holds one instance of each registered language, in the order outputs and checks
take them; `DRAFTING` the grammar of amending acts (a `DraftingLanguage`) of those that draft
them; `PUBLISHED` the printed forms a language's published texts are read back with (`legalgen
import`), and `READERS` the readers of its published notes (`reading.read_note`), for the
languages that have them. Kazakh and Russian are registered here by the classes that make them
(`register_lazily`): a language's module is imported when the language is first looked up, its
drafting grammar, its published forms and its reader each when first needed, so that a command
loads only the languages and the parts it uses (`codes()` imports none). `register` adds another
language — from a module of this package or from a program that uses legalgen — and from then
on every stage follows it: the languages of a project, the per-language fields of its records,
the checks, the command line's defaults. `register_unit_words` gives a unit kind added to the
kind table at run time its word in every language.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, ItemsView, Iterator, Mapping, MutableMapping, ValuesView
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..model import KINDS, ActMention, Language
from ..model.kinds import BUILT_IN_KINDS
from ..model.language import PHRASE_KEYS, PhraseKey

if TYPE_CHECKING:
    from ..model.drafting import DraftingLanguage
    from ..model.published import PublishedForms
    from .reading import ReaderFactory

Part = TypeVar("Part")


class _Deferred(Generic[Part]):
    """A part not made yet (a plain class: a dataclass costs its import time to every
    command)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Part]) -> None:
        self.make = make


class Registry(MutableMapping[str, Part]):
    """Each language's part by its code, in the order registered. A part registered by the
    class that makes it is made when first looked up; the codes, `in` and `len` make none."""

    def __init__(self) -> None:
        self._parts: dict[str, Part | _Deferred[Part]] = {}

    def defer(self, code: str, make: Callable[[], Part]) -> None:
        """Register the part of `code` that `make` gives when it is first looked up."""
        self._parts[code] = _Deferred(make)

    def __getitem__(self, code: str) -> Part:
        part = self._parts[code]
        if isinstance(part, _Deferred):
            made: Part = part.make()
            self._parts[code] = made
            return made
        return part

    def __setitem__(self, code: str, part: Part) -> None:
        self._parts[code] = part

    def __delitem__(self, code: str) -> None:
        del self._parts[code]

    def __contains__(self, code: object) -> bool:
        return code in self._parts

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)

    def _every(self) -> dict[str, Part]:
        return {code: self[code] for code in self._parts}

    def values(self) -> ValuesView[Part]:
        return self._every().values()

    def items(self) -> ItemsView[str, Part]:
        return self._every().items()


LANGUAGES: Registry[Language] = Registry()
DRAFTING: Registry[DraftingLanguage] = Registry()
PUBLISHED: Registry[PublishedForms] = Registry()
READERS: Registry[ReaderFactory] = Registry()


def _class(path: str) -> type[Any]:
    module, name = path.split(":")
    found: type[Any] = getattr(importlib.import_module(module, __name__), name)
    return found


def _made(path: str) -> Any:
    return _class(path)()


def _published(path: str, code: str) -> Any:
    return _class(path)(drafting(code))


def register_lazily(code: str, language_class: str, drafting_class: str | None = None,
                    published_class: str | None = None, reader_class: str | None = None) -> None:
    """Add the language `code` after those registered before it, by the classes that make its
    parts, each `module:Class` (a module of this package when it starts with a dot): the
    language; its grammar of amending acts, a subclass of the language and of
    `DraftingLanguage` (an instance of its own); its published forms, made with that grammar;
    the reader of its published notes, made with the language and an index of issuers. No
    module is imported until its part is first needed."""
    if code in LANGUAGES:
        raise ValueError(f"the language '{code}' is registered already")
    LANGUAGES.defer(code, functools.partial(_made, language_class))
    if drafting_class is not None:
        DRAFTING.defer(code, functools.partial(_made, drafting_class))
    if published_class is not None:
        PUBLISHED.defer(code, functools.partial(_published, published_class, code))
    if reader_class is not None:
        READERS.defer(code, functools.partial(_class, reader_class))


def register(language: Language) -> None:
    """Add `language` to the languages of every project, after those registered before it."""
    from ..model.drafting import DraftingLanguage  # a language that drafts imported it already

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


def __getattr__(name: str) -> Any:
    """The base classes of a drafting grammar and of published forms, imported when first
    asked for here: most commands use neither."""
    if name == "DraftingLanguage":
        from ..model.drafting import DraftingLanguage

        return DraftingLanguage
    if name == "PublishedForms":
        from ..model.published import PublishedForms

        return PublishedForms
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


register_lazily("kk", ".kk:Kazakh", drafting_class=".kk_drafting:KazakhDrafting",
                published_class=".kk_published:KazakhForms",
                reader_class=".kk_reading:KazakhReader")
register_lazily("ru", ".ru:Russian", drafting_class=".ru_drafting:RussianDrafting",
                published_class=".ru_published:RussianForms",
                reader_class=".ru_reading:RussianReader")

__all__ = ["ActMention", "DRAFTING", "DraftingLanguage", "Language", "LANGUAGES", "codes",
           "drafting", "language", "PHRASE_KEYS", "PhraseKey", "PublishedForms", "PUBLISHED",
           "published_forms", "READERS", "register", "register_lazily", "register_published",
           "register_unit_words", "Registry", "unregister_unit_words"]
