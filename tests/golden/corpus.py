"""The published corpus the golden tests read: where it is, its documents and their notes.

Reads `../shared/corpus/` beside the repository (for a git worktree, beside its main checkout;
`LEGALGEN_CORPUS` names another folder): `index.yaml` and each document's `kaz.md` and `rus.md`.
Writes nothing. A note is every line the publisher writes about the text's history that
legalgen writes too: the notes ("Ескерту. …", "Сноска. …") and the lines standing in an excluded
or repealed unit's place ("3. Исключен …"); the publisher's notices of changes not yet in force
and its remarks ("Примечание РЦПИ!") are listed apart, as legalgen writes its own notice.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model import ActId

REPOSITORY = Path(__file__).resolve().parents[2]
FILES = {"kk": "kaz.md", "ru": "rus.md"}
NOTE_WORDS = {"kk": "Ескерту.", "ru": "Сноска."}
LABEL = r"\d+(?:-\d+)*[.)]"
IN_PLACE = {
    "kk": re.compile(rf"^{LABEL} (?:[Аа]лынып тасталды|[Аа]лып тасталды|[Кк]үші жойылды) [-–] "),
    "ru": re.compile(rf"^{LABEL} (?:[Ии]сключен[аоы]?|[Уу]тратил[аои]? силу) "),
}
# The publisher's own notices and remarks, which legalgen does not write.
NOTICES = re.compile(r"предусмотрено дополнить|толықтыру көзделген|^Примечание РЦПИ!|"
                     r"^РҚАО-ның ескертпесі!|^Порядок введения в действие|"
                     r"^Осы бұйрықтың қолданысқа енгізілу тәртібін")
# The document types of the index, and the issuer of a document of that type.
ISSUERS = {"resolution": "government", "order": "government"}


@dataclass(frozen=True, slots=True)
class PublishedNote:
    """A note as published: `id` is `<document>/<lang>/<line>`."""

    id: str
    document: str
    lang: str
    line: int
    text: str
    in_place: bool


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    folder: Path
    act: ActId


def corpus_folder() -> Path | None:
    """The corpus, or None when this checkout has none beside it."""
    given = os.environ.get("LEGALGEN_CORPUS")
    if given:
        return Path(given) if (Path(given) / "index.yaml").exists() else None
    for root in (REPOSITORY, _main_checkout(REPOSITORY)):
        if root is not None and (root.parent / "shared" / "corpus" / "index.yaml").exists():
            return root.parent / "shared" / "corpus"
    return None


def _main_checkout(root: Path) -> Path | None:
    """The main checkout of a git worktree (whose `.git` is a file naming
    `<main>/.git/worktrees/<name>`)."""
    marker = root / ".git"
    if not marker.is_file():
        return None
    found = re.match(r"gitdir: (.+)", marker.read_text(encoding="utf-8").strip())
    if found is None:
        return None
    gitdir = Path(found.group(1))
    return gitdir.parents[2] if gitdir.parent.name == "worktrees" else None


@functools.cache
def documents(folder: Path) -> tuple[Document, ...]:
    index = yaml.safe_load((folder / "index.yaml").read_text(encoding="utf-8"))
    found = []
    for entry in index["documents"]:
        source = entry["source_repository"].rsplit("/", 1)[-1]
        kind = entry["kind"]
        act = ActId(ISSUERS.get(kind, "government"), kind,
                    dt.date.fromisoformat(str(entry["adopted"])), str(entry["id"]))
        found.append(Document(str(entry["id"]), folder / source / str(entry["id"]), act))
    return tuple(found)


def unwrapped(line: str) -> str:
    """A line without its Markdown: the quote mark, the italics, the escapes, the indent."""
    text = line.strip()
    if text.startswith(">"):
        text = text[1:].strip()
    if len(text) > 1 and text.startswith("*") and text.endswith("*"):
        text = text[1:-1].strip()
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", text)


def normalised(text: str) -> str:
    """The comparison's whitespace: runs of it as one space, none at the ends."""
    return " ".join(text.split())


def notes_of(document: Document, lang: str) -> tuple[list[PublishedNote], list[PublishedNote]]:
    """The notes of a document in one language, and apart the publisher's notices."""
    notes, notices = [], []
    lines = (document.folder / FILES[lang]).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        text = normalised(unwrapped(line))
        note_id = f"{document.id}/{lang}/{number}"
        if NOTE_WORDS[lang] in text:
            notes.append(PublishedNote(note_id, document.id, lang, number, text, False))
        elif IN_PLACE[lang].match(text):
            notes.append(PublishedNote(note_id, document.id, lang, number, text, True))
        elif NOTICES.search(text):
            notices.append(PublishedNote(note_id, document.id, lang, number, text, False))
    return notes, notices
