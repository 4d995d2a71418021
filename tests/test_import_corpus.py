"""Every base document of the published corpus (`../shared/corpus/`, read in place) imported,
validated and built: the latest version's words are the published text's, and every note the
grammar writes again word for word stands in it.

The corpus's `kaz.md` and `rus.md` of five documents come from different versions of the mirror:
those are imported one language at a time, each into a project of its own. The documents whose
latest version differs from the published text are the ones `docs/known-differences.md` lists,
with the reason; at least 90 % must not differ.

`make check` imports the four documents of FAST (a resolution with notes on its title, points and
appendices, an order whose two languages come from different versions, an order with tables and
an editorial remark, a resolution with a table and eleven notes); `make test` imports them all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.consolidate import timeline
from generator.load import load_project
from tests.conftest import REPO
from tests.importutil import (
    CORPUS,
    known_notes,
    needs_corpus,
    published_words,
    run_import,
    text_differences,
    version_text,
)

pytestmark = needs_corpus
# The mirror's file of each language.
FILES = {"kk": "kaz.md", "ru": "rus.md"}
KNOWN = REPO / "docs" / "known-differences.md"


# The documents the fast tier imports: each form the reader meets, in a few seconds.
FAST = {"106097", "29604", "83441", "44222"}


def documents() -> list[str]:
    if CORPUS is None:
        return []
    index = yaml.safe_load((CORPUS / "index.yaml").read_text(encoding="utf-8"))
    return [str(item["id"]) for item in index["documents"]]


def tiered() -> list[object]:
    """Every document, those outside FAST in the full tier."""
    return [document if document in FAST else pytest.param(document, marks=pytest.mark.full)
            for document in documents()]


def folder(document: str) -> Path:
    assert CORPUS is not None
    return next(CORPUS.glob(f"*/{document}"))


# Different commits whose structures differ too (the others differ only in words and notes).
MISMATCHED = {"44279", "120245", "29604", "113484"}
# Same commit, but the publisher numbered one appendix differently in each language: the
# structure-mismatch error (tests/test_import_errors.py); here one language at a time.
PUBLISHER_SLIP = {"123851"}


def listed_differences() -> set[str]:
    """The documents docs/known-differences.md lists in its section on the import."""
    text = KNOWN.read_text(encoding="utf-8")
    section = text.split("## Documents imported from the corpus", 1)[-1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(?:government|ministerial)/(\d+)`", section, re.M))


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Each document's projects, imported and built (the latest version, HTML and DOCX) lazily."""
    return {}


def projects(document: str, cache: dict[str, dict[str, Path]], base: Path) -> dict[str, Path]:
    """The project of each language: one for both, or one each."""
    if document in cache:
        return cache[document]
    source = folder(document)
    if document in MISMATCHED | PUBLISHER_SLIP:
        runs = {code: {code: source / name} for code, name in FILES.items()}
    else:
        runs = {"both": {code: source / name for code, name in FILES.items()}}
    found: dict[str, Path] = {}
    for key, texts in runs.items():
        into = base / f"{document}-{key}"
        code, output = run_import(into, **texts)
        assert code == 0, output
        built = CliRunner().invoke(main, ["build", "--root", str(into), "--format", "html,docx",
                                          "--jobs", "1"])
        assert built.exit_code == 0, built.output
        for lang in texts:
            found[lang] = into
    cache[document] = found
    return found


def latest_page(project: Path, lang: str) -> Path:
    loaded = load_project(project)
    date = max(day for day, _ in timeline(loaded))
    return project / "build" / lang / date.isoformat() / f"{loaded.doc_id}.html"


@pytest.mark.parametrize("document", tiered())
def test_document_imports_validates_and_builds(document, imported, tmp_path_factory):
    for project in set(projects(document, imported, tmp_path_factory.getbasetemp()).values()):
        result = CliRunner().invoke(main, ["validate", "--root", str(project)])
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("document", tiered())
def test_latest_version_is_the_published_text(document, imported, tmp_path_factory):
    """Whitespace and markup aside, the latest version's words are the published ones, and
    every note the grammar knows stands in it as published."""
    if document in listed_differences():
        pytest.skip("listed in docs/known-differences.md")
    built = projects(document, imported, tmp_path_factory.getbasetemp())
    for lang, project in built.items():
        source = folder(document) / FILES[lang]
        page = latest_page(project, lang)
        words, notes, excluded = version_text(page)
        assert text_differences(published_words(source, lang), words) == [], (lang, page)
        document_type = load_project(project).documents[lang].type
        shown = notes + excluded
        for note in known_notes(source, lang, document_type):
            assert note in shown, (lang, note)
            shown.remove(note)


def test_nine_in_ten_documents_come_out_as_published():
    listed = listed_differences()
    every = documents()
    assert listed <= set(every)
    assert FAST.issubset(every) and FAST.isdisjoint(listed)
    assert (len(every) - len(listed)) / len(every) >= 0.9, listed


@pytest.mark.full
def test_the_listed_documents_still_differ(imported, tmp_path_factory):
    """A document docs/known-differences.md lists differs indeed: a fixed one leaves the list."""
    for document in sorted(listed_differences()):
        built = projects(document, imported, tmp_path_factory.getbasetemp())
        differs = False
        for lang, project in built.items():
            source = folder(document) / FILES[lang]
            words, notes, excluded = version_text(latest_page(project, lang))
            document_type = load_project(project).documents[lang].type
            missing = [note for note in known_notes(source, lang, document_type)
                       if note not in notes + excluded]
            differs = differs or bool(text_differences(published_words(source, lang), words)
                                      or missing)
        assert differs, document
