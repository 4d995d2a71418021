"""Project templates that fail: the error names the same template and line however deep the
stack was when rendering began (a template loop's innermost frame would not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import InputError
from generator.writers.shared.templates import Templates


def _render_at_depth(templates: Templates, depth: int) -> str:
    if depth:
        return _render_at_depth(templates, depth - 1)
    try:
        templates.render("a.html.j2")
    except InputError as exc:
        return str(exc)
    raise AssertionError("a template loop rendered")


def test_a_loop_of_two_templates_is_told_where_it_is_entered(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "a.html.j2").write_text('<p>\n{% include "b.html.j2" %}\n')
    (folder / "b.html.j2").write_text('{% include "a.html.j2" %}\n')
    templates = Templates(folder)
    told = {_render_at_depth(templates, depth) for depth in range(4)}
    assert len(told) == 1, told
    assert "templates/a.html.j2:2:1: error: template: it extends or includes itself" in told.pop()


def test_a_macro_calling_itself_is_told_at_its_call(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "a.html.j2").write_text('{% include "m.html.j2" %}\n')
    (folder / "m.html.j2").write_text(
        "{% macro again(n) %}\n{{ again(n) }}\n{% endmacro %}\n{{ again(1) }}\n")
    with pytest.raises(InputError, match=r"templates/m\.html\.j2:2:1: error: .*itself"):
        Templates(folder).render("a.html.j2")
