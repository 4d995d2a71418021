"""What a mirror of the official database keeps beside a document's text, in `meta.yaml`.

Reads the `meta.yaml` next to an input file, if there is one: the adopting act's requisites
(`requisite`: the act word, issuer, date in words and number, in Russian),
the titles in each language, and the last amending act (`caused_by`) with its titles. Writes a
`Meta`. The mirror writes the requisites in one language, whose forms read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..lang import PUBLISHED
from ..model.published import Adoption, PublishedForms

META = "meta.yaml"


@dataclass(frozen=True, slots=True)
class Meta:
    adoption: Adoption | None = None
    requisites: str | None = None  # the language of the requisites
    titles: dict[str, str] = field(default_factory=dict)
    last_act: Adoption | None = None
    last_titles: dict[str, str] = field(default_factory=dict)


def read_meta(source: Path) -> Meta:
    """The `meta.yaml` beside `source`; an empty `Meta` when there is none or it is unreadable
    (it only helps: the text itself is what is imported)."""
    path = source.with_name(META)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return Meta()
    if not isinstance(raw, dict):
        return Meta()
    forms = next((forms for forms in PUBLISHED.values() if forms.mirror_requisites), None)
    caused = raw.get("caused_by")
    if not isinstance(caused, dict):
        caused = {}
    return Meta(
        adoption=_adoption(raw.get("requisite"), forms),
        requisites=forms.code if forms is not None else None,
        titles=_titles(raw.get("title")),
        last_act=_adoption(caused.get("requisite"), forms),
        last_titles=_titles(caused.get("title")),
    )


def _adoption(requisite: Any, forms: PublishedForms | None) -> Adoption | None:
    if not isinstance(requisite, str) or forms is None:
        return None
    return forms.adoption(requisite)


def _titles(raw: Any) -> dict[str, str]:
    """The mirror's titles by the codes of the languages they are in."""
    if not isinstance(raw, dict):
        return {}
    codes = {forms.mirror_name: code for code, forms in PUBLISHED.items()}
    return {codes[key]: " ".join(value.split()) for key, value in raw.items()
            if key in codes and isinstance(value, str) and value.strip()}
