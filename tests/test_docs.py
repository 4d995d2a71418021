"""The documentation speaks of what exists: files it names, issuers it lists, commands it shows."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.registry import builtin_issuers

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# A path of the repository in backticks: a folder and a file with an extension.
REPO_PATH = re.compile(r"`((?:generator|docs|tests|bench|scripts|sources|content|amendments)"
                       r"/[\w./-]*\.(?:md|py|yaml|j2|css|sh|txt))`")


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_file_the_docs_name_exists(doc: Path):
    named = REPO_PATH.findall(doc.read_text(encoding="utf-8"))
    missing = [path for path in named if not (ROOT / path).exists()]
    assert not missing


def test_the_readme_names_no_file_outside_the_repository():
    assert "SPEC.md" not in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_issuer_list_has_every_built_in_issuer():
    text = (ROOT / "docs" / "issuers.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(\w+)` \|", text, flags=re.MULTILINE))
    places = {key.split("_", 1)[1] for key in builtin_issuers().forms
              if key.startswith(("akimat_", "akim_", "maslikhat_"))}
    others = {key for key in builtin_issuers().forms
              if not key.startswith(("akimat_", "akim_", "maslikhat_"))}
    assert listed == others | places


def test_the_readme_lists_every_command():
    commands = (ROOT / "README.md").read_text(encoding="utf-8")
    names = main.list_commands(click.Context(main))
    assert "site" in names and "build" in names
    for name in names:
        assert f"`legalgen {name}" in commands, name


# --- `legalgen docs`: the pages at hand wherever legalgen is installed ------------------------


def test_docs_lists_every_page_with_its_title():
    result = CliRunner().invoke(main, ["docs"])
    assert result.exit_code == 0, result.output
    listed = dict(line.split(None, 1) for line in result.stdout.splitlines())
    pages = sorted((ROOT / "docs").glob("*.md"))
    assert list(listed) == [page.stem for page in pages]
    assert listed["record-format"] == "Amendment records"
    assert {"record-format", "issuers", "templates", "content-format"} <= set(listed)


@pytest.mark.parametrize("topic", ["record-format", "issuers.md"])
def test_docs_prints_a_page_as_written(topic: str):
    result = CliRunner().invoke(main, ["docs", topic])
    assert result.exit_code == 0, result.output
    page = ROOT / "docs" / topic.removesuffix(".md")
    assert result.stdout == page.with_suffix(".md").read_text(encoding="utf-8")


def test_docs_refuses_an_unknown_topic_and_names_the_topics():
    result = CliRunner().invoke(main, ["docs", "record"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no topic 'record'; the topics are: ")
    assert "record-format" in result.stderr and result.stdout == ""


def test_the_scaffold_points_to_legalgen_docs(tmp_path: Path):
    """A new programme's files send the drafter to pages they have (`legalgen docs TOPIC`),
    not to `docs/` files of a checkout they never saw."""
    made = CliRunner().invoke(main, ["init", str(tmp_path / "p"), "--title-kk", "Бағдарлама",
                                     "--title-ru", "Программа", "--date", "2020-01-10"])
    assert made.exit_code == 0, made.output
    texts = {path.relative_to(tmp_path).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted((tmp_path / "p").rglob("*")) if path.is_file()}
    assert [name for name, text in texts.items() if re.search(r"\bdocs/", text)] == []
    named = {topic for text in texts.values()
             for topic in re.findall(r"legalgen docs\s+([\w-]+)", text)}
    assert {"record-format", "issuers"} <= named
    assert named <= {page.stem for page in (ROOT / "docs").glob("*.md")}
