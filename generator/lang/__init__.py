"""Everything language-specific, one module per language."""

from .base import ActMention, Language
from .kk import Kazakh
from .ru import Russian

LANGUAGES: dict[str, Language] = {"kk": Kazakh(), "ru": Russian()}


def language(code: str) -> Language:
    return LANGUAGES[code]


__all__ = ["ActMention", "Language", "LANGUAGES", "language"]
