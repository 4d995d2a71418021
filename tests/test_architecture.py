"""The structure of the codebase: import layers, the writer registry, every unit family handled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.devtools import deps
from generator.model import FAMILIES, KINDS, FamilyVisitor, SourcePos, Unit
from generator.writers import WRITERS, formats
from generator.writers.shared.templates import PAGE_LAYOUTS, TEMPLATES, PageLayout

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_graph_follows_the_pipeline() -> None:
    result = subprocess.run([sys.executable, "-m", "generator.devtools.deps"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
    assert "writers      → lang, model" in result.stdout
    assert "model" not in {line.split()[0] for line in result.stdout.splitlines()
                           if line.startswith("model ")}


def _tree(root: Path, files: dict[str, str]) -> Path:
    package = root / "generator"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in [package, *(p for p in package.rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return package


def test_an_upward_import_is_reported(tmp_path: Path) -> None:
    package = _tree(tmp_path, {"model/document.py": "from ..lang import kk\n",
                               "lang/kk.py": "X = 1\n"})
    report = deps.check(package)
    assert report.violations == [
        "generator.model.document imports generator.lang.kk: model may not import lang"]


def test_a_sideways_import_between_writers_is_reported(tmp_path: Path) -> None:
    package = _tree(tmp_path, {"writers/pdf.py": "from .html import render_html\n",
                               "writers/html.py": "from .shared.templates import page\n",
                               "writers/shared/templates.py": "page = 1\n"})
    report = deps.check(package)
    assert report.violations == [
        "generator.writers.pdf imports generator.writers.html: writers may share only "
        "writers.shared, never each other"]


def test_a_cycle_under_type_checking_is_reported(tmp_path: Path) -> None:
    package = _tree(tmp_path, {
        "model/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n",
        "model/b.py": "from .a import A\n",
    })
    report = deps.check(package)
    assert report.cycles == [["generator.model.a", "generator.model.b"]]
    assert not report.ok


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
