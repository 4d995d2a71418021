"""Messages in the user's language: the gettext catalogs of `generator/locale/`.

Reads the environment — `LEGALGEN_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
first one set) — and the compiled catalog `generator/locale/<code>/LC_MESSAGES/legalgen.mo`
(`ru_RU.UTF-8` finds `ru`). Writes nothing. Without a catalog for the language asked for, the
messages stay English, as written in the code. Only what legalgen says about its work is
translated (diagnostics, errors, status lines); what it writes into documents is the content's
language (`generator/lang/`).
"""

from __future__ import annotations

import functools
import gettext
import os
from pathlib import Path

DOMAIN = "legalgen"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# The variables that choose the language of messages, in the order they are asked.
LANGUAGE_VARIABLES = ("LEGALGEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def chosen_language() -> str | None:
    """The language the environment asks for (`ru`, `kk_KZ`), or None for English."""
    for name in LANGUAGE_VARIABLES:
        value = os.environ.get(name)
        if value:
            return value.split(".")[0].split("@")[0] or None
    return None


@functools.cache
def catalog(language: str | None) -> gettext.NullTranslations:
    """The compiled messages of `language`; English (no translation) without a catalog."""
    if language is None:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def tr(message: str, /, **fields: object) -> str:
    """`message` in the user's language, its `{name}` placeholders filled from `fields`.

    The message is the English text and the catalogs' id, with named placeholders so that a
    translation can put them in its own order; a literal brace is written `{{` or `}}`.
    """
    return catalog(chosen_language()).gettext(message).format(**fields)


def N_(message: str) -> str:
    """A message marked for the catalogs where it is defined, translated by `tr` where used."""
    return message
