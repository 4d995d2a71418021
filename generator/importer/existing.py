"""A project imported before in another language, as the import of the next language needs it.

Reads the project at the import's folder, if it has content: its latest version in each
language it has (the text as published, which the new language is aligned against), its
document, its acts with their changes, titles and named forms of notes (`note_style`), and the
placeholders its manifests list.
Writes a `Stored`; nothing on disk.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..consolidate import consolidate, timeline
from ..i18n import tr
from ..input import own_id
from ..load import load_project
from ..load.schema import DocumentIn, ManifestIn
from ..load.yaml_source import read_yaml
from ..model import ActId, Diagnostics, InputError, Project, Unit
from .history import ACTIONS, ActFacts, Change
from .tree import ImportedText, Node, Todo


@dataclass(slots=True)
class Stored:
    project: Project
    document: DocumentIn
    texts: dict[str, ImportedText]
    changes: list[Change] = field(default_factory=list)
    titles: dict[ActId, dict[str, str]] = field(default_factory=dict)
    styles: dict[ActId, dict[str, str]] = field(default_factory=dict)  # acts' `note_style`
    todos: dict[str, list[Todo]] = field(default_factory=dict)

    def merge_into(self, acts: dict[ActId, ActFacts]) -> None:
        """The changes the records state join those the new language's notes state."""
        for change in self.changes:
            facts = acts.setdefault(change.act, ActFacts(change.act))
            if change.act in self.styles:
                # The forms of the other language's notes, which are not read again.
                for form, value in self.styles.pop(change.act).items():
                    facts.styles.setdefault(form, Counter())[value] += 1
            same = next((mine for mine in facts.changes if (mine.action, mine.target) == (
                change.action, change.target)), None)
            if same is None:
                facts.changes.append(change)
                continue
            same.langs |= change.langs
            same.texts.update(change.texts)
            same.pos.update(change.pos)
            same.contents.update(change.contents)
            same.reasons.update(change.reasons)


def stored_project(root: Path, diagnostics: Diagnostics) -> Stored | None:
    """The project at `root` as the import of another language needs it; None when it has no
    content yet (an error in `diagnostics` when it does not load, or cannot be completed)."""
    if not (root / "content").is_dir():
        return None
    try:
        project = load_project(root)
    except InputError as exc:
        diagnostics.extend(exc.diagnostics)
        return None
    langs = tuple(project.documents)
    latest = max((date for date, _ in timeline(project)), default=project.adoption_date)
    texts = {}
    for code in langs:
        version = consolidate(project, code, latest)
        text = ImportedText(code, f"content/{code}")
        text.title = project.documents[code].title
        text.title_pos = project.documents[code].pos
        text.units = [_node(unit) for unit in version.units]
        texts[code] = text
    first = project.documents[langs[0]]
    document = DocumentIn(id=first.id, type=first.type, issuer=first.issuer,  # type: ignore[arg-type]
                          number=first.number, date=first.date, title=first.title,
                          signatory=first.signatory, registration=first.registration,
                          publication=first.publication, in_force=first.in_force)
    stored = Stored(project, document, texts)
    for change in project.changes:
        if change.edits:
            diagnostics.error(change.pos, tr("{where}: its edits are written in {langs} only, "
                                             "which the import of another language cannot "
                                             "complete: write them in that language too, or "
                                             "import it first",
                                             where=change.where, langs=', '.join(langs)))
            continue
        act = change.act
        act_id = act.id
        stored.titles.setdefault(act_id, dict(act.title))
        stored.styles.setdefault(act_id, act.note_style.given())
        action = "repeal" if change.action == "repeal" else ACTIONS.get(
            "exclude" if change.action == "delete" else change.action, "amend")
        target = None if change.target == first.id else change.target
        if change.action == "insert":
            target = _inserted(change.content, langs[0], change.target, first.id)
        stored.changes.append(Change(act_id, action, target, change.in_force,
                                     dict(change.in_force_text or {}), set(langs),
                                     {code: change.pos for code in langs},
                                     contents=dict(change.content),
                                     reasons=dict(change.reason or {})))
    for code in langs:
        stored.todos[code] = _manifest_todos(root, code)
    return stored


def _inserted(content: dict[str, object], lang: str, parent: str, doc_id: str) -> str:
    """The id of the unit an insert added: its parent's id (none at the top) and its own,
    which the import writes whenever the label does not give it."""
    raw = content.get(lang)
    unit = raw[0] if isinstance(raw, list) else raw
    if not isinstance(unit, dict):
        return parent
    given = unit.get("id")
    label = unit.get("label")
    own = own_id(str(unit.get("kind")), label if isinstance(label, str) else None,
                 given if isinstance(given, str) else None, {})
    return own if parent == doc_id else f"{parent}__{own}"


def _node(unit: Unit) -> Node:
    node = Node(unit.kind, unit.pos, unit.label, unit.heading, unit.text,
                list(unit.stamp) if unit.stamp else None, unit.position, unit.name, unit.role,
                unit.widths, [[str(cell) for cell in row] for row in unit.header]
                if unit.header else None,
                [str(cell) for cell in unit.cells] if unit.cells is not None else None,
                [_node(child) for child in unit.children])
    node.uid = unit.uid
    node.own = unit.own_id
    return node


def _manifest_todos(root: Path, code: str) -> list[Todo]:
    path = root / "content" / code / "manifest.yaml"
    raw = read_yaml(path, str(path), Diagnostics())
    try:
        manifest = ManifestIn.model_validate(raw)
    except ValueError:
        return []
    return [Todo(item.kind, item.source or "", item.text or "", item.target, item.act)
            for item in manifest.todo if item.kind not in ("earlier-wording", "edits")]

