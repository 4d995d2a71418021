"""A fuzzer: valid records and content files of the fixture, mutated (types, keys, dates, unicode,
raw bytes), loaded and validated. Every outcome is clean: the project loads and validates, or
every problem is a diagnostic at a place; an accepted project renders. Nothing raises otherwise.

Two tests, one mutating the content files and one the records, so that the two halves run at
once on two cores. `LEGALGEN_FUZZ=long` runs 100 000 examples each instead of the 400 of the
default profile, and renders the HTML and DOCX of every project that validates;
`LEGALGEN_FUZZ=quick` (what `make check` sets) runs 50 each.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from generator.annotate import annotate
from generator.consolidate import consolidate, timeline
from generator.load import load_project
from generator.load.yaml_source import read_yaml
from generator.model import InputError
from generator.validate import validate
from generator.writers import charsets, writer
from tests.fixtureutil import FIXTURE

# The default and the quick profiles are derandomized (no example database) and untimed: the
# same examples on every run and no limit a busy machine could break, so CI never fails by
# chance; the long profile explores at random, each example within 3 s.
settings.register_profile("ci", max_examples=400, deadline=None,
                          derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", settings.get_profile("ci"), max_examples=50)
settings.register_profile("long", max_examples=100_000, deadline=dt.timedelta(seconds=3),
                          derandomize=False, database=DirectoryBasedExampleDatabase(
                              ".hypothesis/examples"),
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile(os.environ.get("LEGALGEN_FUZZ", "ci"))
# Rendering takes a second an example: only the long runs render what validates.
RENDER = os.environ.get("LEGALGEN_FUZZ") == "long"

FILES = sorted(str(path.relative_to(FIXTURE)) for path in FIXTURE.rglob("*.yaml"))
CONTENT = [name for name in FILES if name.startswith("content/")]
RECORDS = [name for name in FILES if name.startswith("amendments/")]
ORIGINAL = {name: yaml.safe_load((FIXTURE / name).read_text(encoding="utf-8")) for name in FILES}
# Errors name a line and column; warnings a line (SPEC's "Errors"); information (an act whose
# in-force day is not known yet) is placed like an error.
PLACE = re.compile(r"^(content|amendments)/[^:]+(:\d+(:\d+)?)?: (error|warning|info): .+", re.S)
WORK = Path(os.environ.get("TMPDIR", "/tmp")) / f"legalgen-fuzz-{os.getpid()}"

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=40), st.text(st.characters(codec="utf-8"), max_size=10),
    st.dates(), st.sampled_from(["", " ", "\x0b", "\x00", "ب", "replace", "para_1", "ref:x",
                                 "[a](ref:att_9)", "2015-01-01", "9999-12-31", "1169"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)


def _places(node: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


def _mutated(data: Any, place: tuple, how: str, value: Any) -> Any:
    if not place:
        return value if how == "set" else data
    *parents, last = place
    node = data
    for key in parents:
        node = node[key]
    if how == "set":
        node[last] = value
    elif how == "delete":
        del node[last]
    elif how == "add-key" and isinstance(node[last], dict):
        node[last][str(value)[:12] or "x"] = value
    elif how == "duplicate" and isinstance(node, list):
        node.insert(last, node[last])
    return data


@st.composite
def mutations(draw: st.DrawFn, files: list[str]) -> tuple[str, bytes]:
    name = draw(st.sampled_from(files))
    data = yaml.safe_load(yaml.safe_dump(ORIGINAL[name]))
    for _ in range(draw(st.integers(1, 3))):
        places = _places(data)
        place = draw(st.sampled_from(places))
        how = draw(st.sampled_from(["set", "set", "delete", "add-key", "duplicate"]))
        data = _mutated(data, place, how, draw(values))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    if draw(st.booleans()) and text:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.binary(max_size=4)) + text[at:]
    return name, text


def _setup() -> Path:
    if not WORK.exists():
        shutil.copytree(FIXTURE, WORK)
    return WORK


_PARSED: dict[tuple[str, bytes], tuple[Any, list]] = {}


def _parsed_once(path: Path, shown: str, diagnostics) -> Any:
    """`read_yaml`, remembering the files no example changed: only the mutated file is parsed
    again, which keeps an example's time to loading and validating."""
    data = path.read_bytes() if path.is_file() else b""
    key = (shown, data)
    if key not in _PARSED:
        local = type(diagnostics)()
        _PARSED[key] = (read_yaml(path, shown, local), local.items)
        if len(_PARSED) > 64:
            _PARSED.pop(next(iter(_PARSED)))
    result, items = _PARSED[key]
    diagnostics.items.extend(items)
    return result  # no stage changes what it reads


@PROFILE
@given(mutations(CONTENT))
def test_a_mutated_content_file_gives_only_clean_outcomes(mutation: tuple[str, bytes]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check_outcome(mutation, monkeypatch)


@PROFILE
@given(mutations(RECORDS))
def test_a_mutated_record_gives_only_clean_outcomes(mutation: tuple[str, bytes]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check_outcome(mutation, monkeypatch)


def test_both_halves_mutate_every_file() -> None:
    assert sorted(CONTENT + RECORDS) == FILES and CONTENT and RECORDS


def test_a_pending_act_without_its_publication_day_is_a_clean_outcome() -> None:
    """The mutation that once failed the fuzzer at random: an act whose rule needs a publication
    day it does not give is valid, and `validate` tells it as placed information."""
    name = "amendments/no-30.yaml"
    record = yaml.safe_load(yaml.safe_dump(ORIGINAL[name]))
    del record["act"]["published"]
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode("utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check_outcome((name, text), monkeypatch)


def _check_outcome(mutation: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    name, text = mutation
    root = _setup()
    try:
        monkeypatch.setattr("generator.load.project.read_yaml", _parsed_once)
        (root / name).write_bytes(text)
        try:
            project = load_project(root)
        except InputError as exc:
            assert exc.diagnostics.errors
            assert all(PLACE.match(str(item)) for item in exc.diagnostics.items), exc
            return
        diagnostics = validate(project, charsets())
        assert all(PLACE.match(str(item)) for item in diagnostics.items), diagnostics.items
        if RENDER and not diagnostics.errors:
            _render_latest(project)
    finally:
        shutil.copy(FIXTURE / name, root / name)


def _render_latest(project) -> None:
    """What validates renders: HTML and DOCX of the latest version (the PDF's own font is
    checked against validate by tests/test_faults.py)."""
    date = timeline(project)[-1][0]
    for lang in project.documents:
        annotated = annotate(consolidate(project, lang, date), project)
        for fmt in ("html", "docx"):
            assert writer("version", fmt).render(annotated)


def teardown_module() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
