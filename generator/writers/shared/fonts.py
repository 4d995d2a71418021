"""The serif font of the printed outputs: found through fontconfig, checked, and its coverage.

Reads: what `fc-match` answers for each style, the font files' character maps (fontTools) and the
characters of every language (`Language.characters`). Writes nothing. Imports no renderer, so
that `validate` can learn which characters the PDF can set without loading WeasyPrint.
"""

from __future__ import annotations

import functools
import shutil
import subprocess

from fontTools.ttLib import TTFont

from ...i18n import tr
from ...lang import LANGUAGES
from ...model.charset import Charset
from .errors import MachineError

FONT_FAMILY = "Liberation Serif"
FONT_PACKAGE = "fonts-liberation2"
# What every text holds besides its language's characters: digits, the dash of amount lines, the
# mark of an amount.
COMMON_CHARACTERS = "0123456789–*"
# The styles the stylesheets use: body text, headings, notes.
FONT_STYLES = ("Regular", "Bold", "Italic", "Bold Italic")


class FontError(MachineError):
    """The serif font the PDF needs is not installed, or lacks a character of the text."""


def missing_font_message(detail: str) -> str:
    return tr("the PDF needs the serif font {font} ({detail}); install the package {package}: "
              "apt-get install {package} (or run scripts/system-deps.sh)",
              font=FONT_FAMILY, detail=detail, package=FONT_PACKAGE)


def probe_text() -> str:
    """Every character the outputs of every language need, each once, in a fixed order."""
    wanted = "".join(language.characters for language in LANGUAGES.values()) + COMMON_CHARACTERS
    return "".join(dict.fromkeys(wanted))


def font_coverage() -> Charset:
    """The characters every style of the serif has a glyph for; `FontError` if it is missing or
    lacks a character of a language."""
    return _coverage(probe_text())


@functools.cache
def font_files() -> tuple[str, ...]:
    """The file of each style of the serif, as Pango would pick it."""
    return tuple(_font_file(style) for style in FONT_STYLES)


@functools.cache
def _coverage(probe: str) -> Charset:
    codepoints: set[int] | None = None
    for style, path in zip(FONT_STYLES, font_files(), strict=True):
        cmap = set(TTFont(path, lazy=True).getBestCmap())
        missing = [char for char in probe if not char.isspace() and ord(char) not in cmap]
        if missing:
            raise FontError(tr("{font} {style} ({path}) has no glyph for {characters}",
                               font=FONT_FAMILY, style=style, path=path,
                               characters=' '.join(missing)))
        codepoints = cmap if codepoints is None else codepoints & cmap
    return Charset(tr("the PDF font {font}", font=FONT_FAMILY),
                   frozenset(map(chr, codepoints or ())))


def check_font() -> None:
    """The chosen serif is installed in every style the text uses and has every letter."""
    font_coverage()


def _font_file(style: str) -> str:
    """The file fontconfig gives for the serif in `style`, as Pango would pick it."""
    program = shutil.which("fc-match")
    if program is None:
        raise FontError(missing_font_message(tr("fontconfig's fc-match is not installed")))
    answer = subprocess.run(
        [program, "--format", "%{family[0]}\n%{file}\n", f"{FONT_FAMILY}:style={style}"],
        capture_output=True, text=True, check=False, timeout=60,
    )
    lines = answer.stdout.splitlines()
    if answer.returncode != 0 or len(lines) < 2:
        raise FontError(missing_font_message(tr("no font is installed at all")))
    family, path = lines[0], lines[1]
    font = TTFont(path, lazy=True)
    if (family, font["name"].getDebugName(2)) != (FONT_FAMILY, style):
        raise FontError(missing_font_message(
            tr("{font} {style} not found, fontconfig offers {family}",
               font=FONT_FAMILY, style=style, family=family)))
    return path
