"""The documentation speaks of what exists: files it names, issuers it lists, commands it shows."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

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
