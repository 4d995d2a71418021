"""Everything language-specific, one module per language, and the registry of the languages.

`LANGUAGES` holds one instance of each registered language, in the order outputs and checks
take them; `DRAFTING` those that also draft amending acts (a `DraftingLanguage`). Kazakh and
Russian are registered here; `register` adds another — from a module of this package or from a
program that uses legalgen — and from then on every stage follows it: the languages of a
project, the per-language fields of its records, the checks, the command line's defaults.
"""

from ..model import ActMention, Language
from ..model.drafting import DraftingLanguage
from ..model.language import PHRASE_KEYS, PhraseKey
from .kk_drafting import KazakhDrafting
from .ru_drafting import RussianDrafting

LANGUAGES: dict[str, Language] = {}
DRAFTING: dict[str, DraftingLanguage] = {}


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


def language(code: str) -> Language:
    return LANGUAGES[code]


def drafting(code: str) -> DraftingLanguage:
    """The language with the grammar of amending acts."""
    found = DRAFTING.get(code)
    if found is None:
        raise LookupError(f"the language '{code}' has no grammar of amending acts")
    return found


register(KazakhDrafting())
register(RussianDrafting())

__all__ = ["ActMention", "DRAFTING", "DraftingLanguage", "Language", "LANGUAGES", "codes",
           "drafting", "language", "PHRASE_KEYS", "PhraseKey", "register"]
