"""The registry of issuers: the built-in ones (`issuers.yaml`) and the project's additions.

Reads: `generator/load/issuers.yaml` and `generator/load/blanks.yaml` (shipped with the package)
and the project's optional `legalgen.yaml`. Writes: `Issuers`, which gives the names an act's
issuer signs it with, in every language it has names in — the minister for an order, the
Republic for a law —, and the official blank of an issuer's acts of a type (`Blank`: heading
lines, date line, place, signatory's position, registration line) on the act's day.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import TypeAdapter

from ..i18n import tr
from ..input import pos_of, validate_model
from ..model import (
    NAMED_BY_REPUBLIC,
    REPUBLIC,
    SIGNED_BY_HEAD,
    ActDefaults,
    ActType,
    Blank,
    Diagnostics,
    IssuerName,
    SourcePos,
    relative,
)
from .names import CONFIG_FILE as CONFIG_FILE
from .schema import BlankIn, ConfigIn, IssuerFormsIn, IssuerIn
from .yaml_source import read_yaml

BUILTIN_ISSUERS = Path(__file__).with_name("issuers.yaml")
BUILTIN_BLANKS = Path(__file__).with_name("blanks.yaml")
# The lists of the built-in file written once and expanded by a pattern, with the patterns.
EXPANDED = {"ministries": ("ministry",), "agencies": ("agency",),
            "places": ("akimat", "akim", "maslikhat")}


class _Kept(dict[str, str]):
    """Values for `str.format_map` that keep every field they do not give ("{date}") for a
    later stage to fill."""

    def __missing__(self, key: str) -> str:
        return f"{{{key}}}"


@dataclass(frozen=True, slots=True)
class Blanks:
    """The official blanks by "<issuer>/<type>" (an issuer key or a pattern's prefix), and what
    their fields name: each expanded issuer's pattern and entry, the capital's name from each
    day on, the seats of the regions and cities."""

    entries: dict[str, BlankIn]
    # An expanded issuer key → (the pattern's prefix, the entry's key, its name by language).
    expanded: dict[str, tuple[str, str, dict[str, str]]] = field(default_factory=dict)
    capital: tuple[tuple[dt.date, dict[str, str]], ...] = ()
    seats: dict[str, dict[str, str]] = field(default_factory=dict)

    def find(self, issuer: str, act_type: str) -> tuple[BlankIn, dict[str, dict[str, str]]] | None:
        """The blank of `issuer`'s acts of `act_type` and the values its fields name, by
        language; None when there is none."""
        owner = REPUBLIC if act_type in NAMED_BY_REPUBLIC else issuer
        entry = self.entries.get(f"{owner}/{act_type}")
        if entry is not None:
            return entry, {}
        if owner not in self.expanded:
            return None
        prefix, key, names = self.expanded[owner]
        entry = self.entries.get(f"{prefix}/{act_type}")
        if entry is None:
            return None
        values = {code: {"name": name, "NAME": name.upper()} for code, name in names.items()}
        for code, seat in self.seats.get(key, {}).items():
            values.setdefault(code, {})["seat"] = seat
        return entry, values

    def blank(self, issuer: str, act_type: str, date: dt.date) -> dict[str, Blank] | None:
        """The blank of an act by language, its fields filled but for the date and number."""
        found = self.find(issuer, act_type)
        if found is None:
            return None
        entry, values = found
        capital = {code: name for since, names in self.capital if since <= date
                   for code, name in names.items()}
        blanks = {}
        for code, forms in entry.forms.items():
            known = _Kept(values.get(code, {}))
            if code in capital:
                known["capital"] = capital[code]
            if "seat" in known:
                known["seat"] = known["seat"].format_map(known)

            def fill(text: str, known: _Kept = known) -> str:
                return text.format_map(known)

            blanks[code] = Blank(
                heading=tuple(fill(line) for line in forms.heading),
                date_line=fill(forms.date_line), place=fill(forms.place),
                position=fill(forms.position), dated=entry.dated,
                registration=fill(forms.registration) if forms.registration else None)
        return blanks

    def with_additions(self, additions: dict[str, BlankIn]) -> Blanks:
        return Blanks({**self.entries, **additions}, self.expanded, self.capital, self.seats)


@dataclass(frozen=True, slots=True)
class Issuers:
    """Every issuer an act may name, by key, with its forms in the languages it has them in,
    and the blanks of their acts."""

    forms: dict[str, dict[str, IssuerFormsIn]]  # key → language → forms
    blanks: Blanks = field(default_factory=lambda: Blanks({}))

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

    def blank(self, key: str, act_type: str, date: dt.date) -> dict[str, Blank] | None:
        """The official blank of issuer `key`'s act of `act_type` signed on `date`, by
        language; None when the registry has none."""
        return self.blanks.blank(key, act_type, date)

    def with_additions(self, additions: dict[str, dict[str, IssuerFormsIn]],
                       blanks: dict[str, BlankIn] | None = None) -> Issuers:
        return Issuers({**self.forms, **additions}, self.blanks.with_additions(blanks or {}))


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
    expanded: dict[str, tuple[str, str, dict[str, str]]] = {}
    for list_name, pattern_names in EXPANDED.items():
        for entry_key, entry in data[list_name].items():
            for pattern_name in pattern_names:
                pattern = data["patterns"][pattern_name]
                raw[f"{pattern_name}_{entry_key}"] = {
                    code: {form: text.format(name=entry[code]) for form, text in forms.items()}
                    for code, forms in pattern.items() if code in entry}
                expanded[f"{pattern_name}_{entry_key}"] = (pattern_name, entry_key, dict(entry))
    adapter: TypeAdapter[dict[str, dict[str, IssuerFormsIn]]] = TypeAdapter(dict[str, IssuerIn])
    return Issuers(adapter.validate_python(raw), _builtin_blanks(expanded))


def _builtin_blanks(expanded: dict[str, tuple[str, str, dict[str, str]]]) -> Blanks:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(BUILTIN_BLANKS.read_text(encoding="utf-8"), Loader=loader)
    entries = TypeAdapter(dict[str, BlankIn]).validate_python(data["blanks"])
    capital = tuple(sorted((item.pop("since"), item) for item in data["capital"]))
    return Blanks(entries, expanded, capital, data["seats"])


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
    config = validate_model(ConfigIn, raw, diagnostics, pos_of(raw, None, SourcePos(shown, 1, 1)),
                            CONFIG_FILE, langs)
    if config is not None:
        _check_blank_keys(config, raw, shown, diagnostics)
    return config


def issuers_of(config: ConfigIn | None) -> Issuers:
    """The built-in issuers and blanks and those a project's settings add."""
    if config is None:
        return builtin_issuers()
    return builtin_issuers().with_additions(config.issuers, config.blanks)


def _check_blank_keys(config: ConfigIn, raw: Any, shown: str, diagnostics: Diagnostics) -> None:
    """Each key of `blanks` names an issuer (or a pattern's prefix) and an act type."""
    known_types = get_args(ActType)
    blanks_pos = pos_of(raw, "blanks", SourcePos(shown, 1, 1))
    for key in config.blanks:
        _, _, act_type = key.partition("/")
        if act_type not in known_types:
            diagnostics.error(pos_of(raw.get("blanks"), key, blanks_pos),
                              tr("blank '{key}': expected '<issuer>/<type>' with a type of "
                                 "{types}", key=key, types=", ".join(known_types)))


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
