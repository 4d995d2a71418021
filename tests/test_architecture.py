"""The structure of the codebase: the import contracts, the writer registry, every unit family
handled.

The import layers are `import-linter` contracts in pyproject.toml (`make lint` runs
`lint-imports`); the tests here check them on the import graph of `generator/` and show that a
deliberate violation of each one breaks it.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest
from importlinter import api
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract
from importlinter.domain.contract import Contract

from generator.model import FAMILIES, KINDS, FamilyVisitor, SourcePos, Unit
from generator.writers import WRITERS, formats
from generator.writers.shared.templates import PAGE_LAYOUTS, TEMPLATES, PageLayout

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_TYPES: dict[str, type[Contract]] = {
    "layers": LayersContract, "forbidden": ForbiddenContract,
    "acyclic_siblings": AcyclicSiblingsContract,
}
STAGES = {"importer", "site", "record", "draft", "validate", "load", "diff", "writers",
          "annotate", "consolidate"}


def configuration() -> dict:
    return api.read_configuration(str(ROOT / "pyproject.toml"))


def contracts() -> dict[str, Contract]:
    config = configuration()
    found = {}
    for options in config["contracts_options"]:
        fields = {key: value for key, value in options.items()
                  if key not in ("id", "name", "type")}
        found[options["id"]] = CONTRACT_TYPES[options["type"]](
            options["name"], config["session_options"], fields)
    return found


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    """The import graph `lint-imports` checks, imports under TYPE_CHECKING included."""
    session = configuration()["session_options"]
    return grimp.build_graph(*session["root_packages"], include_external_packages=session[
        "include_external_packages"] == "True", exclude_type_checking_imports=False)


def broken(graph: grimp.ImportGraph) -> list[str]:
    return [name for name, contract in contracts().items()
            if not contract.check(graph, verbose=False).kept]


def test_every_import_contract_holds(graph) -> None:
    assert broken(graph) == []


def test_the_layers_run_from_the_command_line_through_the_engine_to_the_model() -> None:
    options = {item["id"]: item for item in configuration()["contracts_options"]}
    layers = [{part.strip() for part in layer.split("|")} for layer in options["layers"]["layers"]]
    assert layers[:3] == [{"__main__"}, {"cli"}, {"build"}]
    assert set().union(*layers[3:-3]) == STAGES
    # The messages in the user's language are the lowest layer: every other one speaks.
    assert layers[-3:] == [{"input", "lang"},
                           {"model", "memory", "version", "regular_files", "user_cache"},
                           {"i18n"}]
    assert options["layers"]["exhaustive"] == "True"  # a new package must take its place
    assert "generator.build" in options["no-cli-libraries"]["source_modules"]
    assert options["no-cli-libraries"]["forbidden_modules"] == ["click", "rich"]
    assert options["consolidate-without-load"]["forbidden_modules"] == ["generator.load"]


@pytest.mark.parametrize(("importer", "imported", "contract"), [
    ("generator.model.document", "generator.lang.kk", "layers"),
    ("generator.build.engine", "generator.cli.common", "layers"),
    ("generator.consolidate.apply", "generator.diff.compare", "layers"),
    ("generator.build.engine", "click", "no-cli-libraries"),
    ("generator.build.store", "rich", "no-cli-libraries"),
    ("generator.consolidate.apply", "generator.load.project", "consolidate-without-load"),
    ("generator.writers.html", "generator.consolidate", "writers-read-the-model"),
    ("generator.writers.pdf", "generator.writers.html", "writers-apart"),
    ("generator.writers.docx.version", "generator.writers", "writers-without-registry"),
    ("generator.model.document", "generator.model.acts", "no-cycles"),
    ("generator.cli.common", "generator.cli.build_cmd", "no-cycles"),
], ids=lambda value: value if "." not in value else None)
def test_a_deliberate_violation_breaks_its_contract(graph, importer, imported, contract) -> None:
    violated = copy.deepcopy(graph)
    violated.add_import(importer=importer, imported=imported, line_number=1,
                        line_contents=f"import {imported}")
    assert contract in broken(violated)


@pytest.fixture
def probe_package(tmp_path: Path) -> Iterator[str]:
    """A package of two modules, each importing the other, one of them under TYPE_CHECKING."""
    package = tmp_path / "legalgen_probe"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "a.py").write_text("from typing import TYPE_CHECKING\n"
                                  "if TYPE_CHECKING:\n    from . import b\n")
    (package / "b.py").write_text("from . import a\n")
    sys.path.insert(0, str(tmp_path))
    try:
        yield package.name
    finally:
        sys.path.remove(str(tmp_path))


def test_an_import_under_type_checking_counts_like_any_other(probe_package) -> None:
    session = configuration()["session_options"]
    assert "exclude_type_checking_imports" not in session
    probe = grimp.build_graph(probe_package, exclude_type_checking_imports=False, cache_dir=None)
    cycles = AcyclicSiblingsContract("cycles", {}, {"ancestors": [probe_package]})
    assert not cycles.check(probe, verbose=False).kept


def test_every_registered_writer_loads_and_formats_are_unique() -> None:
    for subject in ("version", "diff"):
        assert len(formats(subject)) == len(set(formats(subject)))  # type: ignore[arg-type]
    for writer in WRITERS:
        assert callable(writer._attribute(writer.function)), writer
        if writer.preflight:
            assert callable(writer._attribute(writer.preflight)), writer


def test_a_visitor_that_forgets_a_family_fails_when_defined() -> None:
    with pytest.raises(TypeError, match="handles no unit of the family .*stamped"):
        class Partial(FamilyVisitor[str]):
            def visit_division(self, unit: Unit) -> str:
                return "division"


def test_a_visitor_that_names_an_unknown_kind_fails_when_defined() -> None:
    handlers = {f"visit_{family}": lambda self, unit, family=family: family
                for family in FAMILIES}
    with pytest.raises(TypeError, match="unknown kind chapterette"):
        type("Typo", (FamilyVisitor,), {**handlers, "visit_kind_chapterette": handlers[
            "visit_division"]})


def test_a_visitor_dispatches_on_the_family_unless_a_kind_differs() -> None:
    handlers = {f"visit_{family}": lambda self, unit, family=family: family
                for family in FAMILIES}
    visitor = type("Both", (FamilyVisitor,), {
        **handlers, "visit_kind_preamble": lambda self, unit: "own"})()
    given = {kind: visitor.visit(Unit(kind, "x", SourcePos("t"))) for kind in KINDS}
    assert given == {kind: "own" if kind == "preamble" else spec.family
                     for kind, spec in KINDS.items()}


def test_every_layout_of_the_page_has_its_block_in_the_template() -> None:
    template = (TEMPLATES / "document.html.j2").read_text(encoding="utf-8")
    layout = PageLayout()
    given = {layout.visit(Unit(kind, "x", SourcePos("t"))) for kind in KINDS}
    assert given == set(PAGE_LAYOUTS)
    for name in given:
        assert re.search(rf'layout == "{name}"', template), name
    # The families the template asks a unit's kind about are families of the table.
    asked = re.findall(r'\.family == "(\w+)"', template)
    assert asked and set(asked) <= set(FAMILIES)
