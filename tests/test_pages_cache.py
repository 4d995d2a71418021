"""The pages of a laid-out version, kept between commands (`writers/shared/pages.py`): the DOCX
of a version is laid out once, or not at all after its PDF, and never prints stale numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.lang import language
from generator.load import load_project
from generator.user_cache import user_cache
from generator.writers.docx.version import render_docx
from generator.writers.pdf import render_pdf
from generator.writers.shared import pdf
from generator.writers.shared.pages import FOLDER, keep_pages, kept_pages
from generator.writers.shared.templates import TEMPLATES, Templates
from tests.fixtureutil import FIXTURE, copy_fixture

LATEST = dt.date(2018, 1, 1)


@pytest.fixture
def layouts(monkeypatch, own_user_cache) -> list[str]:
    """The layouts made from here on (by the HTML's first words), in a cache of this test's."""
    made: list[str] = []
    layout = pdf._layout

    def counted(html_text, *args, **kwargs):
        made.append(html_text[:40])
        return layout(html_text, *args, **kwargs)

    monkeypatch.setattr(pdf, "_layout", counted)
    return made


# A small page of headings and paragraphs, quick to lay out: what the stylesheet tests lay out.
PAGE = "".join(f'<h2 id="h{number}">{number}</h2><p>{"сөз " * 60}</p>' for number in range(12))
HTML = f'<html lang="kk"><body>{PAGE}</body></html>'


def _pages(root: Path) -> dict[str, int]:
    return pdf.anchor_pages(HTML, Templates(root / "templates"), language("kk"))


def test_a_version_is_laid_out_once_for_every_docx_of_it(layouts):
    project = load_project(FIXTURE)
    annotated = annotate(consolidate(project, "ru", LATEST), project)
    first = render_docx(annotated)
    assert render_docx(annotated) == first
    assert len(layouts) == 1
    assert len(list(user_cache(FOLDER).glob("*.json"))) == 1


def test_the_docx_after_the_pdf_takes_the_pdf_s_pages(layouts):
    project = load_project(FIXTURE)
    annotated = annotate(consolidate(project, "kk", LATEST), project)
    render_pdf(annotated)
    cached = render_docx(annotated)
    assert len(layouts) == 1
    for entry in user_cache(FOLDER).glob("*.json"):
        entry.unlink()
    assert render_docx(annotated) == cached  # laid out again, to the same pages
    assert len(layouts) == 2


def test_an_edited_stylesheet_of_the_project_lays_the_version_out_again(layouts, tmp_path):
    root = copy_fixture(tmp_path)
    (root / "templates").mkdir()
    stylesheet = root / "templates" / "print.css"
    stylesheet.write_bytes((TEMPLATES / "print.css").read_bytes())
    before = _pages(root)
    assert _pages(root) == before and len(layouts) == 1
    with stylesheet.open("a", encoding="utf-8") as handle:
        handle.write("\nbody { font-size: 30pt; }\n")
    after = _pages(root)
    assert len(layouts) == 2
    assert max(after.values()) > max(before.values())


def test_a_damaged_entry_is_laid_out_again(layouts):
    pages = _pages(FIXTURE)
    (entry,) = user_cache(FOLDER).glob("*.json")
    entry.write_bytes(b'{"read": {}, "pages": {"x": "1"}}')
    assert _pages(FIXTURE) == pages
    assert len(layouts) == 2


DAMAGES = {"empty": b"", "cut short": b"{", "nested deep": b"[" * 100_000,
           "a page not a number": b'{"read": {}, "pages": {"x": "1"}}',
           "a key more": b'{"read": {}, "pages": {}, "x": 1}',
           "a file no longer there": b'{"read": {"file:///nowhere/print.css": "0"}, "pages": {}}',
           "a file changed": b'{"read": {"file:///f": "0"}, "pages": {"x": 1}}'}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_no_damaged_entry_is_served(own_user_cache, damage):
    keep_pages("k", {"file:///f": b"body"}, {"x": 1})
    assert kept_pages("k", {"file:///f": b"body"}.get) == {"x": 1}
    (user_cache(FOLDER) / "k.json").write_bytes(damage)
    assert kept_pages("k", {"file:///f": b"body"}.get) is None
