"""Everything language-specific, one module per language, and the registry of the languages.

`LANGUAGES` holds one instance of each language module, in the order of `generator.model.LANGS`
(the model lists the codes; it cannot import this package, which imports the model).
"""

from ..model import LANGS, ActMention, Language
from ..model.language import PHRASE_KEYS, PhraseKey
from .kk import Kazakh
from .ru import Russian

LANGUAGES: dict[str, Language] = {language.code: language for language in (Kazakh(), Russian())}
if tuple(LANGUAGES) != LANGS:
    raise RuntimeError(f"the language modules {tuple(LANGUAGES)} differ from LANGS {LANGS}")


def language(code: str) -> Language:
    return LANGUAGES[code]


__all__ = ["ActMention", "Language", "LANGUAGES", "PHRASE_KEYS", "PhraseKey", "language"]
