"""The published JSON Schemas: generated from the input models, and the sample meets them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.load.json_schema import FILES
from generator.load.registry import builtin_issuers

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture"


def as_json(value: Any) -> Any:
    """YAML values as an editor's schema check sees them: dates are strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schemas(tmp_path_factory) -> dict[str, dict[str, Any]]:
    """The schemas as `legalgen schema` writes them, by kind of file."""
    out = tmp_path_factory.mktemp("schemas")
    result = CliRunner().invoke(main, ["schema", "--root", str(ROOT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {kind: json.loads((out / name).read_text(encoding="utf-8"))
            for kind, (name, _) in FILES.items()}


def files_of(root: Path) -> list[tuple[str, Path]]:
    """Every file of a project with the kind of schema it answers to."""
    found = [("amendment", path) for path in sorted((root / "amendments").glob("*.yaml"))]
    for manifest in sorted((root / "content").glob("*/manifest.yaml")):
        found.append(("manifest", manifest))
        listed = yaml.safe_load(manifest.read_text(encoding="utf-8"))["files"]
        found += [("content", manifest.parent / name) for name in listed]
    return found


@pytest.mark.parametrize("root", [ROOT, FIXTURE], ids=["sample", "fixture"])
def test_the_content_and_records_validate_against_the_schemas(schemas, root):
    checked = 0
    for kind, path in files_of(root):
        data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
        jsonschema.validate(data, schemas[kind], cls=jsonschema.Draft202012Validator)
        checked += 1
    assert checked >= 10


def test_the_schemas_are_valid_and_name_every_issuer(schemas):
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    issuer = schemas["amendment"]["$defs"]["ActIn"]["properties"]["issuer"]
    assert set(issuer["enum"]) == set(builtin_issuers().forms)


@pytest.mark.parametrize(("kind", "edit", "complaint"), [
    ("amendment", lambda r: r["act"].update(issuer="ministry_of_magic"), "ministry_of_magic"),
    ("amendment", lambda r: r["changes"][0].update(action="rewrite"), "rewrite"),
    ("amendment", lambda r: r["changes"][0].update(colour="red"), "colour"),
    ("manifest", lambda r: r["document"].pop("date"), "date"),
    ("content", lambda r: r["units"][0].update(kind="chapterette"), "chapterette"),
])
def test_the_schemas_reject_what_the_loader_rejects(schemas, kind, edit, complaint):
    path = next(path for file_kind, path in files_of(ROOT) if file_kind == kind)
    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    edit(data)
    with pytest.raises(jsonschema.ValidationError, match=complaint):
        jsonschema.validate(data, schemas[kind], cls=jsonschema.Draft202012Validator)


def test_a_nested_unit_is_checked_too(schemas):
    data = {"units": [{"kind": "section", "children": [{"kind": "point", "labell": "1."}]}]}
    with pytest.raises(jsonschema.ValidationError, match="labell"):
        jsonschema.validate(data, schemas["content"], cls=jsonschema.Draft202012Validator)


def undescribed(node: Any, where: str) -> list[str]:
    """Every property of a schema (its own and its definitions', nested at any depth) whose
    schema has no description, by its path in the schema."""
    found = []
    if isinstance(node, dict):
        for name, value in (node.get("properties") or {}).items():
            if not (isinstance(value, dict) and str(value.get("description", "")).strip()):
                found.append(f"{where}/properties/{name}")
        for key, value in node.items():
            found += undescribed(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += undescribed(item, f"{where}/{index}")
    return found


def test_every_property_of_every_schema_has_a_description(schemas):
    """Editors show a property's description on hover: none is left without one, the
    per-language values' languages included."""
    assert set(schemas) == set(FILES)
    counted = [path for kind, schema in schemas.items()
               for path in _properties(schema, kind)]
    assert len(counted) > 60  # the walk reaches the definitions, not only the top level
    assert [path for kind, schema in schemas.items() for path in undescribed(schema, kind)] == []


def _properties(node: Any, where: str) -> list[str]:
    if isinstance(node, dict):
        own = [f"{where}/{name}" for name in node.get("properties") or {}]
        return own + [path for key, value in node.items() for path in _properties(value, key)]
    if isinstance(node, list):
        return [path for item in node for path in _properties(item, where)]
    return []
