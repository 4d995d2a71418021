"""Import stage: a published consolidated text (kk, ru, or one of them) → a project.

Reads each language's published text in the form a person obtains it — Markdown with HTML tables
as the mirrors publish it, a saved HTML page, a DOCX, a plain-text copy — with the `meta.yaml` a
mirror keeps beside it, and, when a project is there already, its content and records. Writes
nothing: it returns the bytes of every file of the project (`ImportResult.files`), which the
command line checks (`check.checked_import`) and moves into place all at once.

The pipeline: a reader per form → blocks (`blocks`) → segmentation into a unit tree per language
(`segment`, `tables`) → ids (`ids`) → kk ↔ ru alignment (`align`) → the notes read and placed
(`notes`) → the history: acts and changes (`history`) → the text as adopted and the records
(`records`) → files (`write`). Every problem is a diagnostic at its place in the input; with any
error the result holds no files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import tr
from ..lang import PUBLISHED, codes, language
from ..load.folders import record_path
from ..load.registry import project_issuers
from ..load.schema import DocumentIn
from ..model import ActId, Diagnostics, InForceDate, Signatory, SourcePos
from ..model.published import Adoption, PublishedForms
from .align import align, number_differences
from .blocks import Block
from .earlier import gather_earlier_wordings
from .existing import Stored, stored_project
from .history import ActFacts, Adopted, collect, order_changes
from .ids import assign_ids
from .meta import Meta, read_meta
from .notes import IssuerIndex, NotePlacer, Placed, UnknownIssuer
from .records import Imported, build_records
from .segment import Rules, segment
from .sources import read_blocks, vocabulary
from .tree import ImportedText, Node, Todo
from .write import content_files, dump, manifest, record_file

ID_UNSAFE = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True, slots=True)
class DocumentOptions:
    """What the command line says of the document where the text does not: its id, and its
    adopting act's type, issuer, number and date."""

    id: str | None = None
    type: str | None = None
    issuer: str | None = None
    number: str | None = None
    date: dt.date | None = None


@dataclass(slots=True)
class Summary:
    units: dict[str, Counter[str]] = field(default_factory=dict)
    acts: list[str] = field(default_factory=list)
    changes: Counter[str] = field(default_factory=Counter)
    todos: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class ImportResult:
    files: dict[str, bytes]
    summary: Summary
    diagnostics: Diagnostics


def import_texts(sources: dict[str, Path], into: Path, options: DocumentOptions,
                 shown: dict[str, str] | None = None) -> ImportResult:
    """Read the published texts of `sources` (language → file; `shown` names each file in
    messages) into the project at `into`."""
    diagnostics = Diagnostics()
    summary = Summary()
    empty = ImportResult({}, summary, diagnostics)
    stored = stored_project(into, diagnostics)
    if diagnostics.errors:
        return empty
    if stored is None and into.is_dir() and any(not entry.name.startswith(".")
                                                for entry in into.iterdir()):
        diagnostics.error(SourcePos(str(into)), tr("the folder holds files but no project: give "
                                                   "a new or empty folder with `--into DIR`, or "
                                                   "a project that has the other language"))
        return empty
    for code in sources:
        if code in PUBLISHED and stored is not None and code in stored.texts:
            diagnostics.error(SourcePos(str(into)), tr("the {code} text is in this project "
                                                       "already: import it into a new folder",
                                                       code=code))
    issuers = project_issuers(into, diagnostics, codes())
    index = IssuerIndex(issuers)
    texts: dict[str, ImportedText] = {}
    metas: dict[str, Meta] = {}
    for code in [code for code in codes() if code in sources]:
        path = sources[code]
        name = (shown or {}).get(code, str(path))
        reader = PUBLISHED.get(code)
        if reader is None:
            diagnostics.error(SourcePos(name), tr("published texts in {code} cannot be read",
                                                  code=code))
            continue
        texts[code] = read_text(path, name, code, reader, diagnostics)
        metas[code] = read_meta(path)
    if diagnostics.errors:
        return empty
    every = {**(stored.texts if stored is not None else {}), **texts}
    every = {code: every[code] for code in codes() if code in every}
    if not _aligned(every, diagnostics):
        return empty
    meta = next((item for item in metas.values() if item.adoption is not None), Meta())
    document = _document(every, stored, meta, options, index, diagnostics)
    if document is None or diagnostics.errors:
        return empty
    forms = {code: PUBLISHED[code] for code in every}
    placed: dict[str, list[Placed]] = {}
    todos: dict[str, list[Todo]] = {code: list(text.todos) for code, text in every.items()}
    for code, text in texts.items():
        placer = NotePlacer(text, forms[code], index, document.type, diagnostics)
        placed[code], unread = placer.run()
        todos[code].extend(unread)
        summary.notes[code] = len(text.notes) + sum(1 for node in text.walk() if node.exclusion)
    if stored is not None:
        for code, kept in stored.todos.items():
            todos[code].extend(kept)
    if diagnostics.errors:
        return empty
    acts, in_force, lost = collect(placed, diagnostics, document.date)
    if stored is not None:
        stored.merge_into(acts)
    first = next(iter(todos))
    todos[first].extend(lost)
    todos[first].extend(_in_force_notes(acts, in_force))
    changes = order_changes(acts)
    adopted = Adopted(changes)
    imported = Imported(every, adopted, forms, issuers, document.id, meta,
                        stored.titles if stored is not None else {})
    try:
        records = build_records(acts, imported)
    except UnknownIssuer as exc:  # pragma: no cover - names come from the registry
        diagnostics.error(SourcePos(str(into)), tr("unknown issuer {exc}", exc=exc))
        return empty
    files: dict[str, bytes] = {}
    reference, *others = every.values()
    as_published = sorted({uid for other in others
                           for uid in number_differences(reference, other)} - set(adopted.deleted))
    signatories = {code: _signatory(text, todos[code]) for code, text in every.items()}
    for code, text in every.items():
        original = adopted.original(text.units, forms[code].placeholder)
        names = []
        for name, units in content_files(original):
            files[f"content/{code}/{name}"] = dump({"units": units})
            names.append(name)
        head = document.model_copy(update={"title": text.title,
                                           "signatory": signatories[code]})
        files[f"content/{code}/manifest.yaml"] = manifest(head, names, todos[code],
                                                          as_published)
        summary.units[code] = Counter(node.kind for node in text.walk())
        summary.todos.update(todo.kind for todo in todos[code])
    for record in records:
        # The name the project's folder gives the act's record (its record's, if it has one).
        name = record_path(into / "amendments", record.act.id).name
        files[f"amendments/{name}"] = record_file(record)
        summary.acts.append(record.act.id.key)
        summary.changes.update(change.action for change in record.changes)
        summary.todos.update(item.kind if not isinstance(item, str) else "record"
                             for item in record.todo)
    if stored is None:
        files[".gitignore"] = b"build/\n"
    return ImportResult(files, summary, diagnostics)


def read_text(path: Path, shown: str, code: str, forms: PublishedForms,
              diagnostics: Diagnostics) -> ImportedText:
    """One language's published text, read into its unit tree."""
    errors = len(diagnostics.errors)
    blocks = read_blocks(path, shown, diagnostics, forms)
    text = ImportedText(code, shown)
    if len(diagnostics.errors) > errors and not blocks:
        return text  # not read at all: nothing more to say of it
    segment(blocks, text, forms, diagnostics, _rules(blocks, forms), vocabulary(blocks))
    gather_earlier_wordings(text, forms)
    if not text.title:
        diagnostics.error(SourcePos(shown, 1, 1), tr("the text has no title"))
    return text


def _rules(blocks: list[Block], forms: PublishedForms) -> Rules:
    """A bare numbered heading is what the notes call such headings: a section or a chapter."""
    named: Counter[str] = Counter()
    for block in blocks:
        match = forms.note_word.match(forms.fold(block.text))
        if match is None:
            continue
        try:
            note = forms.read_note(forms.fold(block.text)[match.end():])
        except ValueError:
            continue
        for unit in (note.subject, *(operation.added for operation in note.operations)):
            if unit is not None and unit.kind in ("section", "chapter"):
                named[unit.kind] += 1
    return Rules("section" if named["section"] > named["chapter"] else "chapter")


def _aligned(texts: dict[str, ImportedText], diagnostics: Diagnostics) -> bool:
    names = {code: language(code).phrase("language_name") for code in texts}
    reference, *others = texts.values()
    if not others:
        assign_ids(reference.units)
        return True
    return all(align(reference, other, diagnostics, names) for other in others)


def _document(texts: dict[str, ImportedText], stored: Stored | None, meta: Meta,
              options: DocumentOptions, index: IssuerIndex,
              diagnostics: Diagnostics) -> DocumentIn | None:
    """The adopting act: the command line's options, else the text's head line, the mirror's
    `meta.yaml`, the first approval stamp."""
    if stored is not None:
        return stored.document
    first = next(iter(texts.values()))
    candidates = [*(text.adoption for text in texts.values()), meta.adoption,
                  *(_stamp_adoption(text) for text in texts.values())]
    found = [item for item in candidates if item is not None]
    act_type = options.type or next((item.type for item in found if item.type), None)
    number = options.number or next((item.number for item in found if item.number), None)
    date = options.date or next((item.date for item in found if item.date), None)
    issuer = options.issuer
    if issuer is None and act_type is not None:
        for code, text in texts.items():
            words = next((item.issuer for item in [text.adoption, _stamp_adoption(text)]
                          if item is not None and item.issuer), None)
            issuer = _issuer(index, code, act_type, words)
            if issuer:
                break
        if issuer is None and meta.adoption is not None and meta.requisites is not None:
            issuer = _issuer(index, meta.requisites, act_type, meta.adoption.issuer)
    missing = [name for name, value in (("--type", act_type), ("--issuer", issuer),
                                        ("--number", number), ("--date", date)) if not value]
    if missing:
        diagnostics.error(first.title_pos or SourcePos(first.source, 1, 1),
                          tr("the text does not name its adopting act in full: give {fields}",
                             fields=', '.join(missing)))
        return None
    assert act_type and issuer and number and date
    doc_id = options.id or ID_UNSAFE.sub("-", f"{act_type}-{date.isoformat()}-{number}".lower())
    return DocumentIn(id=doc_id.strip("-"), type=act_type, issuer=issuer,  # type: ignore[arg-type]
                      number=number, date=date, title=first.title,
                      signatory=Signatory(position="", name=""))


def _issuer(index: IssuerIndex, code: str, act_type: str, words: str | None) -> str | None:
    if not words:
        return None
    try:
        return index.key(code, act_type, words)
    except UnknownIssuer:
        return None


def _stamp_adoption(text: ImportedText) -> Adoption | None:
    """The adopting act as the first approval stamp names it."""
    forms = PUBLISHED[text.lang]
    for node in text.units:
        if node.kind == "attachment" and node.stamp:
            return forms.adoption(" ".join(node.stamp))
    return None


def _signatory(text: ImportedText, todos: list[Todo]) -> Signatory:
    """The document's signatory from its signature; without a name, its last line stands in
    as the name and a todo says so."""
    signature = next((unit for unit in text.units if unit.kind == "signature"), None)
    if signature is None:
        return Signatory(position="", name="")
    if signature.name is None:
        lines = (signature.position or "").split(" ")
        signature.name = signature.position or ""
        signature.position = None
        todos.append(Todo("signatory", str(signature.pos), " ".join(lines), signature.uid))
    return Signatory(position=signature.position or "", name=signature.name)


def _in_force_notes(acts: dict[ActId, ActFacts],
                    in_force: list[tuple[str | None, ActId, dt.date, Placed]]) -> list[Todo]:
    """A note that a unit takes effect on a day of its own sets that day on the change its act
    made to the unit; a note with no such change stays a todo."""
    todos = []
    for target, act_id, date, placed in in_force:
        facts = acts.get(act_id)
        change = next((change for change in (facts.changes if facts else [])
                       if change.target == target), None)
        if change is None or date < act_id.date:
            todos.append(Todo("note-target", str(placed.pos), placed.words, target, act_id.key))
            continue
        change.rule = InForceDate(date=date)
    return todos


__all__ = ["DocumentOptions", "ImportResult", "Node", "Summary", "import_texts", "read_text"]
