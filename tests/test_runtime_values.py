"""The runtime values are plain dataclasses: the stages and a command that takes its project from
the cache never load pydantic, the YAML reader or the input models, which only the input side
(the loader, the records, the import) validates with."""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import subprocess
import sys
from typing import Any

import pydantic
import pytest

from generator.load import load_project
from generator.load.schema import ChangeIn
from generator.model import EditIn, InForceAfterDays, NoteStyle, Registration
from tests.fixtureutil import FIXTURE

# What a value read back from the cache must not need.
INPUT_SIDE = {"pydantic", "pydantic_core", "annotated_types", "yaml", "generator.load.schema",
              "generator.load.registry", "generator.load.json_schema", "generator.load.project",
              "generator.input.units", "generator.input.validation"}


def _imported(*code: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules imported by a Python that runs the lines of `code`."""
    script = "\n".join([*code, "import sys", "print(' '.join(sorted(sys.modules)))"])
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())


def test_the_stages_import_no_input_side():
    imported = _imported("import generator.model, generator.consolidate, generator.annotate")
    assert "generator.annotate" in imported
    assert not INPUT_SIDE & imported


def test_a_warm_versions_imports_no_input_side(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    run = ("from generator.cli import main",
           "try:", f"    main(['versions', '--root', {str(FIXTURE)!r}])",
           "except SystemExit as exc:", "    assert not exc.code, exc.code")
    assert "pydantic" in _imported(*run, env=env), "the first run reads and checks the files"
    warm = _imported(*run, env=env)
    assert "generator.cli.versions_cmd" in warm
    assert not INPUT_SIDE & warm


class _Classes(pickle.Unpickler):
    """Reads a pickle back, noting every class it names."""

    def __init__(self, body: bytes) -> None:
        super().__init__(io.BytesIO(body))
        self.found: set[Any] = set()

    def find_class(self, module: str, name: str) -> Any:
        found = super().find_class(module, name)
        self.found.add(found)
        return found


def test_the_cached_project_holds_no_value_of_the_input_side():
    """Every class of the project's pickle is of the model or of the raw values' positions, and
    none is a pydantic model."""
    reader = _Classes(pickle.dumps(load_project(FIXTURE), protocol=pickle.HIGHEST_PROTOCOL))
    reader.load()
    ours = {kind.__module__ for kind in reader.found if kind.__module__.startswith("generator")}
    assert ours and all(module.startswith("generator.model.")
                        or module == "generator.input.positions" for module in ours), ours
    assert not [kind for kind in reader.found
                if isinstance(kind, type) and issubclass(kind, pydantic.BaseModel)]


def test_the_input_side_validates_the_runtime_values():
    change = ChangeIn.model_validate(
        {"target": "p1", "action": "amend", "in_force": {"after_publication_days": 10},
         "edits": [{"find": {"kk": "а", "ru": "б"}, "replace": {"kk": "в", "ru": "г"}}]})
    assert change.in_force == InForceAfterDays(10)
    assert change.edits == [EditIn({"kk": "а", "ru": "б"}, {"kk": "в", "ru": "г"})]
    with pytest.raises(ValueError, match="an edit needs the words it finds"):
        EditIn({"kk": ""}, {"kk": ""})


def test_a_note_style_over_defaults_keeps_its_own_forms():
    style = NoteStyle(dash="hyphen").over(NoteStyle(dash="en_dash", number_sign="numero"))
    assert style == NoteStyle(dash="hyphen", number_sign="numero")
    assert style.given() == {"dash": "hyphen", "number_sign": "numero"}


def test_a_value_of_the_schema_is_frozen_and_pickles():
    registration = Registration("1", dt.date(2020, 1, 1))
    assert pickle.loads(pickle.dumps(registration)) == registration
    with pytest.raises(AttributeError):
        registration.number = "2"  # type: ignore[misc]
