"""JSON Schemas of what a drafter writes, generated from the input models of `schema`.

Reads nothing; writes nothing. `json_schemas` gives one schema per kind of file — content files,
manifests, amendment records and legalgen.yaml — for editors (through a `yaml-language-server`
modeline) and for checking the files outside legalgen. The loader's checks stay the reference:
the schemas describe the fields, the loader also checks ids, targets and parity.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from ..input.units import KIND_DESCRIPTION, UnitIn
from ..model import kind_names
from ..model.checks import PER_LANGUAGE_SCHEMA
from .schema import AmendmentIn, ConfigIn, ContentFileIn, ManifestIn

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Each kind of file: its schema file name and the model it is generated from.
FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "content": ("content.schema.json", ContentFileIn),
    "manifest": ("manifest.schema.json", ManifestIn),
    "amendment": ("amendment.schema.json", AmendmentIn),
    "config": ("legalgen.schema.json", ConfigIn),
}
UNIT_REF = {"$ref": "#/$defs/UnitIn"}


def json_schemas(issuers: list[str], langs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """File name → schema; `issuers` are the keys an act or document may name, `langs` the
    languages every per-language value gives."""
    schemas = {}
    for kind, (name, model) in FILES.items():
        schema = model.model_json_schema()
        if kind in ("content", "amendment"):
            _with_units(schema)
        if kind == "amendment":
            _with_grouped_changes(schema)
        _with_languages(schema, langs)
        _with_issuers(schema, issuers)
        schemas[name] = {"$schema": DIALECT, "$id": name, **schema}
    return schemas


def _with_grouped_changes(schema: dict[str, Any]) -> None:
    """A record of a workspace's act may give its changes per document (`documents`) instead
    of `changes` (`workspace.share_of` reads it): one of the two, never both."""
    properties = schema["properties"]
    changes = properties["changes"]
    properties["documents"] = {
        "type": "object", "minProperties": 1, "title": "Documents",
        "description": "In a workspace: the changes of the act to each document it amends, "
                       "by the document's id.",
        "additionalProperties": {"type": "object", "properties": {"changes": changes},
                                 "required": ["changes"], "additionalProperties": False}}
    schema["required"] = [name for name in schema.get("required", []) if name != "changes"]
    schema["oneOf"] = [{"required": ["changes"]}, {"required": ["documents"]}]


def _with_units(schema: dict[str, Any]) -> None:
    """Units are checked one by one by the loader (so each error names its unit), which leaves
    them untyped in the models: give the schema the unit's fields, its children as units."""
    defs = schema.setdefault("$defs", {})
    unit_schema = UnitIn.model_json_schema()
    defs.update(unit_schema.pop("$defs", {}))
    # The kind is checked against the kind table when a unit is read: the schema lists it.
    unit_schema["properties"]["kind"] = {"enum": list(kind_names()), "title": "Kind",
                                         "type": "string", "description": KIND_DESCRIPTION}
    unit_schema["properties"]["children"]["items"] = UNIT_REF
    defs["UnitIn"] = unit_schema
    if "units" in schema.get("properties", {}):
        schema["properties"]["units"]["items"] = UNIT_REF
    content = schema.get("$defs", {}).get("ChangeIn", {}).get("properties", {}).get("content")
    for option in (content or {}).get("anyOf", []):
        if option.get(PER_LANGUAGE_SCHEMA):
            option["additionalProperties"] = {
                "anyOf": [UNIT_REF, {"type": "array", "items": UNIT_REF}]}


def _with_languages(node: Any, langs: tuple[str, ...], described: str = "") -> None:
    """Every per-language value (marked by the model) as an object with one required property
    per language and no other, each described as the value (`described`, the nearest
    description above it) in its language."""
    if isinstance(node, list):
        for item in node:
            _with_languages(item, langs, described)
        return
    if not isinstance(node, dict):
        return
    described = node.get("description", described)
    for value in node.values():
        _with_languages(value, langs, described)
    if node.pop(PER_LANGUAGE_SCHEMA, False):
        value_schema = node.pop("additionalProperties", {})
        node["properties"] = {code: {**copy.deepcopy(value_schema),
                                     "description": f"{code}: {described}".strip()}
                              for code in langs}
        node["required"] = list(langs)
        node["additionalProperties"] = False


def _with_issuers(schema: dict[str, Any], issuers: list[str]) -> None:
    for model in ("ActIn", "DocumentIn"):
        definition = schema.get("$defs", {}).get(model)
        if definition is not None:
            definition["properties"]["issuer"]["enum"] = sorted(issuers)
