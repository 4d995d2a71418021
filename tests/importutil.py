"""What the tests of `legalgen import` share: where the published corpus and the seed are, an
import into a folder, and a published Markdown text and a built version compared as a reader
sees them (words, notes)."""

from __future__ import annotations

import difflib
import html
import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.importer import read_text
from generator.importer.ids import assign_ids
from generator.importer.notes import IssuerIndex, NotePlacer, Placed
from generator.lang import language, published_forms
from generator.load.registry import builtin_issuers
from generator.model import Diagnostics, NoteFacts, UnitRef
from generator.model.notes import plain_text
from tests.conftest import REPO

WORD = re.compile(r"\w+")
MD_HEADING = re.compile(r"^#{1,6}\s+")
LABELLED = re.compile(r"^(\d+(?:-\d+)*\s?[.)])\s*(.*)$")
# The parts of a built version that are not words of the published text: the contents, the
# version line, the adoption and status lines (a mirror keeps them apart), the notes and the
# words standing for excluded units (compared on their own), the marks of reconstructed texts.
NOT_PUBLISHED = ("//head | //nav | //aside | //*[contains(@class,'version-line')]"
                 " | //*[@class='adoption'] | //*[@class='status'] | //*[@class='repeal-line']"
                 " | //*[contains(concat(' ',@class,' '),' note ')]"
                 " | //*[contains(concat(' ',@class,' '),' excluded ')]"
                 " | //*[contains(@class,'provenance')]")
NOTE = "//*[contains(concat(' ',@class,' '),' note ')]"
EXCLUDED = "//*[contains(concat(' ',@class,' '),' excluded ')]"


def shared_folder(name: str) -> Path | None:
    """`../shared/<name>` beside the repository — or beside its main checkout, when the
    repository is a git worktree of it; None when there is none."""
    for root in (REPO, _main_checkout(REPO)):
        if root is not None and (root.parent / "shared" / name).exists():
            return root.parent / "shared" / name
    return None


def _main_checkout(root: Path) -> Path | None:
    marker = root / ".git"
    if not marker.is_file():
        return None
    found = re.match(r"gitdir: (.+)", marker.read_text(encoding="utf-8").strip())
    gitdir = Path(found.group(1)) if found else None
    return gitdir.parents[2] if gitdir is not None and gitdir.parent.name == "worktrees" else None


CORPUS = shared_folder("corpus")
SEED = shared_folder("seed")
needs_corpus = pytest.mark.skipif(
    CORPUS is None, reason="no published corpus beside the repository (../shared/corpus/)")
needs_seed = pytest.mark.skipif(
    SEED is None, reason="no seed text beside the repository (../shared/seed/)")


def run_import(into: Path, **texts: Path | str) -> tuple[int, str]:
    """`legalgen import --<code> FILE … --into INTO`: its exit code and output."""
    args = ["import", "--into", str(into)]
    for code, path in texts.items():
        args += [f"--{code}", str(path)]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


def published_words(path: Path, code: str) -> list[str]:
    """A published Markdown text's words as a reader reads them: markup, notes, the lines of
    excluded units and the publisher's editorial remarks left out, look-alike letters folded.
    A line of an excluded unit the import keeps as printed (a unit that lost force) counts."""
    forms = published_forms(code)
    kept: list[str] = []
    title = None
    remark = False
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = MD_HEADING.sub("", re.sub(r"^\s*(>\s?)+", "", raw.strip()))
        line = html.unescape(re.sub(r"<[^>]+>", " ", line).replace("\\", "")).strip()
        line = forms.fold(line.strip("*").strip())
        if not line:
            continue
        if remark:
            remark = False
            continue
        if forms.editorial.match(line):
            remark = True
            continue
        labelled = LABELLED.match(line)
        if forms.note_word.match(line) or (labelled and forms.exclusion.match(labelled.group(2))
                                           and not forms.status.match(line)):
            kept.append(f"\0{' '.join(line.split())}")
            continue
        if title is None:
            title = line
        elif line == title:
            continue  # the title printed again after an editorial remark
        kept.append(line)
    return kept


def version_text(page: Path) -> tuple[str, list[str], list[str]]:
    """A built version's words (without what `NOT_PUBLISHED` names), its notes and the words
    of its excluded units."""
    tree = lxml.html.fromstring(page.read_bytes())
    notes = [" ".join(node.text_content().split()) for node in tree.xpath(NOTE)]
    excluded = [" ".join(node.text_content().split()) for node in tree.xpath(EXCLUDED)]
    for node in tree.xpath(NOT_PUBLISHED):
        node.drop_tree()
    for node in tree.iter("p", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr"):
        node.tail = "\n" + (node.tail or "")
    return str(tree.text_content()), notes, excluded


def words_of(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def text_differences(published: list[str], built: str) -> list[str]:
    """Where a built version's words differ from the published text's (its notes and excluded
    lines left out, unless the version prints such a line as text)."""
    flat = " ".join(built.split())
    lines = [line[1:] if line.startswith("\0") and line[1:] in flat else line
             for line in published]
    mine = words_of(" ".join(line for line in lines if not line.startswith("\0")))
    theirs = words_of(built)
    if mine == theirs:
        return []
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    return [f"{tag}: {' '.join(mine[i1:i2])[:120]!r} -> {' '.join(theirs[j1:j2])[:120]!r}"
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"][:10]


def known_notes(path: Path, code: str, document_type: str) -> list[str]:
    """The published notes and excluded lines the note grammar writes again word for word:
    each read and placed as the import does, then worded from its facts with the unit it
    names."""
    forms = published_forms(code)
    lang = language(code)
    diagnostics = Diagnostics()
    text = read_text(path, str(path), code, forms, diagnostics)
    assign_ids(text.units)
    nodes = {node.uid: node for node in text.walk()}
    placer = NotePlacer(text, forms, IssuerIndex(builtin_issuers()), document_type, diagnostics)
    placed, _ = placer.run()
    by_note: dict[tuple[str, int], list[Placed]] = {}
    for item in placed:
        by_note.setdefault((item.words, item.pos.line), []).append(item)
    known = []
    for (words, _), items in by_note.items():
        if len(items) != 1 or items[0].target not in nodes:
            continue
        item = items[0]
        node = nodes[item.target]
        step = item.step
        operation = "exclude" if node.exclusion is not None else step.operation
        if operation not in ("replace", "amend", "insert", "exclude") or step.only:
            continue
        unit = UnitRef(node.kind, node.label)
        facts_units = (unit,)
        added = None
        if operation == "insert":
            parent = next((other for other in nodes.values()
                           if node in other.children), None)
            facts_units = (UnitRef(parent.kind, parent.label),) if parent else ()
            added = unit
        facts = NoteFacts(operation, facts_units, step.acts, document_type, added)
        said = plain_text(lang.note_words(facts, with_label=node.kind != "row"))
        printed = " ".join(words.split())
        if operation == "exclude":
            printed = f"{node.label} {printed}" if node.label and node.kind != "row" else printed
        else:
            printed = f"{lang.note_word} {printed}"
        if said == printed:
            known.append(said)
    return known

