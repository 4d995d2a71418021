"""The registry of issuers: the built-in ones (`issuers.yaml`) and the project's additions.

Reads: `generator/load/issuers.yaml` (shipped with the package) and the project's optional
`legalgen.yaml`. Writes: `Issuers`, which gives the names an act's issuer signs it with, in
every language it has names in — the minister for an order, the Republic for a law.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from ..i18n import tr
from ..input import pos_of, validate_model
from ..model import (
    NAMED_BY_REPUBLIC,
    REPUBLIC,
    SIGNED_BY_HEAD,
    ActDefaults,
    Diagnostics,
    IssuerName,
    SourcePos,
    relative,
)
from .schema import ConfigIn, IssuerFormsIn, IssuerIn
from .yaml_source import read_yaml

BUILTIN_ISSUERS = Path(__file__).with_name("issuers.yaml")
CONFIG_FILE = "legalgen.yaml"
# The lists of the built-in file written once and expanded by a pattern, with the patterns.
EXPANDED = {"ministries": ("ministry",), "agencies": ("agency",),
            "places": ("akimat", "akim", "maslikhat")}


@dataclass(frozen=True, slots=True)
class Issuers:
    """Every issuer an act may name, by key, with its forms in the languages it has them in."""

    forms: dict[str, dict[str, IssuerFormsIn]]  # key → language → forms

    def __contains__(self, key: str) -> bool:
        return key in self.forms

    def issuer_keys(self) -> Iterable[str]:
        return self.forms.keys()

    def names(self, key: str, act_type: str) -> dict[str, IssuerName]:
        """How issuer `key` signs an act of `act_type`, by language."""
        if act_type in NAMED_BY_REPUBLIC:
            key = REPUBLIC
        return {code: _name(forms, act_type) for code, forms in self.forms[key].items()}

    def lacking(self, key: str, act_type: str, langs: tuple[str, ...]) -> str | None:
        """Why issuer `key` cannot name an act of `act_type` in every one of `langs`, if it
        cannot: the languages it has no names in."""
        missing = [code for code in langs if code not in self.names(key, act_type)]
        if not missing:
            return None
        named = REPUBLIC if act_type in NAMED_BY_REPUBLIC else key
        return tr("the issuer '{issuer}' has no names in {langs}: give them under 'issuers' in "
                  "{config} (legalgen docs issuers)",
                  issuer=named, langs=", ".join(missing), config=CONFIG_FILE)

    def with_additions(self, additions: dict[str, dict[str, IssuerFormsIn]]) -> Issuers:

        return Issuers({**self.forms, **additions})


def _name(forms: IssuerFormsIn, act_type: str) -> IssuerName:
    long = forms.long or forms.short
    if act_type in SIGNED_BY_HEAD and forms.head_short:
        return IssuerName(forms.head_short, forms.head_long or forms.head_short)
    return IssuerName(forms.short, long)


@functools.cache
def builtin_issuers() -> Issuers:
    """The issuers every project knows: the file's own entries and its expanded lists."""
    # libyaml's parser when installed: the pure-Python one costs every command a tenth of a second.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(BUILTIN_ISSUERS.read_text(encoding="utf-8"), Loader=loader)
    raw: dict[str, Any] = dict(data["issuers"])
    for list_name, pattern_names in EXPANDED.items():
        for entry_key, entry in data[list_name].items():
            for pattern_name in pattern_names:
                pattern = data["patterns"][pattern_name]
                raw[f"{pattern_name}_{entry_key}"] = {
                    code: {form: text.format(name=entry[code]) for form, text in forms.items()}
                    for code, forms in pattern.items() if code in entry}
    adapter: TypeAdapter[dict[str, dict[str, IssuerFormsIn]]] = TypeAdapter(dict[str, IssuerIn])
    return Issuers(adapter.validate_python(raw))


def project_config(root: Path, diagnostics: Diagnostics,
                   langs: tuple[str, ...]) -> ConfigIn | None:
    """The project's legalgen.yaml, checked for every one of `langs`; None when it has none or
    it cannot be read (a diagnostic says why)."""
    path = root / CONFIG_FILE
    if not path.exists():
        return None
    shown = relative(path, root)
    raw = read_yaml(path, shown, diagnostics)
    if raw is None:
        return None
    return validate_model(ConfigIn, raw, diagnostics, pos_of(raw, None, SourcePos(shown, 1, 1)),
                          CONFIG_FILE, langs)


def issuers_of(config: ConfigIn | None) -> Issuers:
    """The built-in issuers and those a project's settings add."""
    if config is None:
        return builtin_issuers()
    return builtin_issuers().with_additions(config.issuers)


def project_issuers(root: Path, diagnostics: Diagnostics, langs: tuple[str, ...]) -> Issuers:
    """The built-in issuers and those the project's legalgen.yaml adds, each in every one of
    `langs`."""
    return issuers_of(project_config(root, diagnostics, langs))


def act_defaults(root: Path, config: ConfigIn | None, issuers: Issuers,
                 diagnostics: Diagnostics) -> ActDefaults:
    """The defaults of the project's amending acts; a default issuer no registry knows is an
    error at its line."""
    if config is None:
        return ActDefaults()
    given = config.defaults
    if given.issuer is not None and given.issuer not in issuers:
        path = root / CONFIG_FILE
        shown = relative(path, root)
        raw = read_yaml(path, shown, Diagnostics())
        top = pos_of(raw, None, SourcePos(shown, 1, 1))
        defaults = raw.get("defaults") if isinstance(raw, dict) else None
        diagnostics.error(pos_of(defaults, "issuer", top), unknown_issuer(given.issuer))
    return ActDefaults(given.type, given.issuer, given.signatory)


def unknown_issuer(key: str) -> str:
    return tr("unknown issuer '{issuer}': use a key of the registry (legalgen docs issuers) or "
              "add it under 'issuers' in {config}", issuer=key, config=CONFIG_FILE)
