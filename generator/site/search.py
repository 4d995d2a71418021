"""The site's search index: the unit texts of the latest version, one script per language.

Reads: an annotated version. Writes: the text of `assets/search-<lang>.js`, which sets
`LEGALGEN_SEARCH` for the search page (a script, so that it loads from `file://` as well).
"""

from __future__ import annotations

import json

from ..lang.cells import cell_lines
from ..model import Annotated, Language, Unit
from ..model.inline import plain


def entries(annotated: Annotated) -> list[list[str]]:
    """[id, name, text] of every unit with words of its own; excluded units, which show only
    their exclusion text, are left out with all they hold."""
    result: list[list[str]] = []
    _add(annotated.version.units, annotated, result)
    return result


def _add(units: list[Unit], annotated: Annotated, result: list[list[str]]) -> None:
    lang = annotated.lang
    for unit in units:
        if unit.uid in annotated.exclusions:
            continue
        text = " ".join(_words(unit, annotated).split())
        if text:
            result.append([unit.uid, _name(unit, lang), text])
        _add(unit.children, annotated, result)


def _name(unit: Unit, lang: Language) -> str:
    """What a result is called: the unit's name ("point 6"), its heading after it."""
    heading = plain(unit.heading)
    return f"{lang.unit_name(unit)}. {heading}" if heading else lang.unit_name(unit)


def _words(unit: Unit, annotated: Annotated) -> str:
    cells = [line for cell in unit.cells or [] for line in cell_lines(cell, annotated.lang)]
    parts = [unit.label, plain(unit.heading), plain(unit.text), *map(plain, cells)]
    return " ".join(part for part in parts if part)


def index_script(annotated: Annotated, page: str) -> str:
    """The index as a script: the page the units are on, then the units."""
    data = {"page": page, "units": entries(annotated)}
    return f"window.LEGALGEN_SEARCH = {json.dumps(data, ensure_ascii=False)};\n"
