"""Everything language-specific, one module per language, and the registry of the languages.

`LANGUAGES` holds one instance of each language module (with its drafting grammar,
`DRAFTING` the same instances as drafting languages), in the order of `generator.model.LANGS`
(the model lists the codes; it cannot import this package, which imports the model).
"""

from ..model import LANGS, ActMention, Language
from ..model.drafting import DraftingLanguage
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


def language(code: str) -> Language:
    return LANGUAGES[code]


def drafting(code: str) -> DraftingLanguage:
    """The language with the grammar of amending acts."""
    return DRAFTING[code]


__all__ = ["ActMention", "DRAFTING", "DraftingLanguage", "Language", "LANGUAGES", "drafting",
           "PHRASE_KEYS", "PhraseKey", "language"]
