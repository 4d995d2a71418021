"""Load stage: `content/<lang>/` and `amendments/*.yaml` → `Project`.

Reads: the manifest and content files of each language, every amendment record.
Writes: a `Project` — one `Document` (unit tree with full ids and source positions) per language
and the list of `Act`s with their `Change`s. Every problem found is collected; the stage fails
with `InputError` only after reading everything it can.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostics, InputError, SourcePos, relative
from .memory import collector_paused
from .model import (
    ID_PREFIX,
    KIND_FIELDS,
    LABEL_REQUIRED,
    LANGS,
    REQUIRED_FIELDS,
    TABLE_ROW_KINDS,
    ActIn,
    AmendmentIn,
    ChangeIn,
    ContentFileIn,
    Document,
    EditIn,
    InForceAfterDays,
    InForceDate,
    InForceRule,
    ManifestIn,
    Unit,
    UnitIn,
    label_number,
)
from .source import PosDict, PosList, pos_of, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Act:
    """An amending (or repealing) act, read from one amendment record."""

    key: str
    type: str
    issuer: str
    number: str
    date: dt.date
    published: dt.date | None
    in_force: InForceRule
    title: dict[str, str]
    path: str
    order: int


@dataclass(slots=True)
class Change:
    """One change of an act, as written in its record."""

    act: Act
    index: int
    target: str
    action: str
    in_force: InForceRule
    effective: dt.date | None
    pos: SourcePos
    content: dict[str, Any] = field(default_factory=dict)
    edits: list[EditIn] = field(default_factory=list)
    after: str | None = None
    before: str | None = None
    note_on: str | None = None
    provenance: str = "official"
    reason: str | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.effective or dt.date.max, self.act.date, self.act.order, self.index)

    @property
    def where(self) -> str:
        return f"change {self.index + 1} of act No {self.act.number} (target {self.target})"


@dataclass(slots=True)
class Project:
    root: Path
    documents: dict[str, Document]
    acts: list[Act]
    changes: list[Change]
    diagnostics: Diagnostics

    @property
    def doc_id(self) -> str:
        return next(iter(self.documents.values())).id

    @property
    def adoption_date(self) -> dt.date:
        return next(iter(self.documents.values())).date


def effective_date(act: Act | ActIn, rule: InForceRule) -> dt.date | None:
    """The first day a change is in force; None when the rule needs an unknown publication."""
    if rule == "on_signing":
        return act.date
    if rule == "on_publication":
        return act.published
    if isinstance(rule, InForceDate):
        return rule.date
    if isinstance(rule, InForceAfterDays):
        if act.published is None:
            return None
        # N days after the publication day run out at the end of day N; the act applies next day.
        return act.published + dt.timedelta(days=rule.after_publication_days + 1)
    raise ValueError(f"unknown in-force rule {rule!r}")


def validate_model(
    model: type[ModelT], raw: Any, diagnostics: Diagnostics, fallback: SourcePos, context: str = ""
) -> ModelT | None:
    """Validate `raw` against `model`; report each problem at the position of its field."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            pos, loc = _locate(raw, error["loc"], fallback)
            diagnostics.error(pos, _describe(error, loc, context))
        return None


def _locate(raw: Any, loc: tuple, fallback: SourcePos) -> tuple[SourcePos, list[str]]:
    pos = pos_of(raw, None, fallback) or fallback
    path: list[str] = []
    node = raw
    for part in loc:
        if isinstance(node, PosDict) and isinstance(part, str) and part in node:
            pos = node.pos_of(part)
            node = node[part]
            path.append(part)
        elif isinstance(node, PosList) and isinstance(part, int) and part < len(node):
            pos = node.item_pos[part]
            node = node[part]
            path.append(str(part))
        elif isinstance(part, str) and isinstance(node, dict) and part not in node:
            path.append(part)
            break
    return pos, path


def _describe(error: dict, loc: list[str], context: str) -> str:
    where = ".".join(loc)
    prefix = f"{context}: " if context else ""
    if error["type"] == "extra_forbidden":
        return f"{prefix}unknown field '{loc[-1] if loc else where}'"
    if error["type"] == "missing":
        return f"{prefix}missing field '{where}'"
    field_part = f"'{where}': " if where else ""
    return f"{prefix}{field_part}{error['msg']}"


class UnitBuilder:
    """Turns raw unit mappings into `Unit` trees with full ids, checking each unit's fields."""

    def __init__(self, diagnostics: Diagnostics):
        self.diagnostics = diagnostics

    def build_children(
        self, raws: Any, parent_uid: str, file_pos: SourcePos, existing: list[Unit] | None = None
    ) -> list[Unit]:
        """Build sibling units; positional numbers continue after `existing` siblings."""
        siblings = list(existing or [])
        counters: dict[str, int] = {}
        for sibling in siblings:
            if sibling.label is None:
                counters[sibling.kind] = counters.get(sibling.kind, 0) + 1
        built: list[Unit] = []
        seen = {s.own_id for s in siblings}
        for index, raw in enumerate(raws or []):
            item_pos = pos_of(raws, index, file_pos) or file_pos
            unit = self.build(raw, parent_uid, item_pos, counters)
            if unit is None:
                continue
            if unit.own_id in seen:
                self.diagnostics.error(unit.pos, f"unit {unit.uid}: duplicate id")
            seen.add(unit.own_id)
            built.append(unit)
        return built

    def build(
        self, raw: Any, parent_uid: str, fallback: SourcePos, counters: dict[str, int]
    ) -> Unit | None:
        pos = pos_of(raw, None, fallback) or fallback
        if not isinstance(raw, dict):
            self.diagnostics.error(pos, f"a unit must be a mapping (under {parent_uid or 'root'})")
            return None
        kind = raw.get("kind")
        own = self._own_id(raw, kind, counters)
        uid = f"{parent_uid}__{own}" if parent_uid else own
        spec = validate_model(UnitIn, raw, self.diagnostics, pos, f"unit {uid}")
        if spec is None:
            return None
        self._check_fields(spec, raw, uid, pos)
        unit = Unit(
            kind=spec.kind, uid=uid, pos=pos, label=spec.label, heading=spec.heading,
            text=spec.text, stamp=spec.stamp, position=spec.position, name=spec.name,
            role=spec.role, widths=spec.widths, header=spec.header, cells=spec.cells,
        )
        unit.children = self.build_children(raw.get("children"), uid, pos)
        return unit

    @staticmethod
    def _own_id(raw: dict, kind: Any, counters: dict[str, int]) -> str:
        if isinstance(raw.get("id"), str):
            return raw["id"]
        prefix = ID_PREFIX.get(kind, str(kind))
        label = raw.get("label")
        if isinstance(label, str) and label_number(label):
            return f"{prefix}_{label_number(label)}"
        counters[kind] = counters.get(kind, 0) + 1
        return f"{prefix}_{counters[kind]}"

    def _check_fields(self, spec: UnitIn, raw: PosDict, uid: str, pos: SourcePos) -> None:
        given = {name for name in spec.model_fields_set if getattr(spec, name) is not None}
        allowed = KIND_FIELDS[spec.kind] | {"kind", "id", "label", "children"}
        for name in sorted(given - allowed):
            self.diagnostics.error(
                pos_of(raw, name, pos), f"unit {uid}: field '{name}' is not used by a {spec.kind}"
            )
        for name in sorted(REQUIRED_FIELDS.get(spec.kind, set()) - given):
            self.diagnostics.error(pos, f"unit {uid}: a {spec.kind} needs '{name}'")
        if spec.kind in LABEL_REQUIRED and not spec.label:
            self.diagnostics.error(pos, f"unit {uid}: a {spec.kind} needs a 'label'")
        if spec.kind == "table":
            for child in spec.children:
                if isinstance(child, dict) and child.get("kind") not in TABLE_ROW_KINDS:
                    self.diagnostics.error(
                        pos_of(child, "kind", pos),
                        f"unit {uid}: a table holds only group, row and total units",
                    )


def load_project(root: Path) -> Project:
    """Read everything under `root`; raise `InputError` listing every problem found."""
    with collector_paused():
        project = _load_project(root)
    # The project lives, unchanged, as long as the command: keep later collections from
    # rescanning its hundreds of thousands of objects (they are still freed when dropped).
    gc.freeze()
    return project


def _load_project(root: Path) -> Project:
    diagnostics = Diagnostics()
    documents: dict[str, Document] = {}
    for lang in LANGS:
        document = _load_document(root, lang, diagnostics)
        if document is not None:
            documents[lang] = document
    acts, changes = _load_amendments(root, diagnostics)
    diagnostics.raise_if_errors()
    return Project(root, documents, acts, changes, diagnostics)


def _load_document(root: Path, lang: str, diagnostics: Diagnostics) -> Document | None:
    folder = root / "content" / lang
    manifest_path = folder / "manifest.yaml"
    shown = relative(manifest_path, root)
    raw = read_yaml(manifest_path, shown, diagnostics)
    if raw is None:
        return None
    manifest = validate_model(ManifestIn, raw, diagnostics, SourcePos(shown, 1, 1), "manifest")
    if manifest is None:
        return None
    builder = UnitBuilder(diagnostics)
    top: list[Unit] = []
    by_uid: dict[str, Unit] = {}
    for index, name in enumerate(manifest.files):
        file_shown = relative(folder / name, root)
        raw_file = read_yaml(folder / name, file_shown, diagnostics)
        if raw_file is None:
            if not (folder / name).exists():
                diagnostics.items[-1] = diagnostics.items[-1].__class__(
                    pos_of(raw["files"], index, SourcePos(shown)),
                    f"file '{name}' listed in the manifest does not exist",
                )
            continue
        file_pos = pos_of(raw_file, None, SourcePos(file_shown, 1, 1))
        content = validate_model(ContentFileIn, raw_file, diagnostics, file_pos, file_shown)
        if content is None:
            continue
        if content.parent:
            parent = by_uid.get(content.parent)
            if parent is None:
                diagnostics.error(
                    pos_of(raw_file, "parent", file_pos),
                    f"parent unit {content.parent} is not defined in an earlier file",
                )
                continue
            added = builder.build_children(
                raw_file["units"], parent.uid, file_pos, existing=parent.children
            )
            parent.children.extend(added)
        else:
            added = builder.build_children(raw_file["units"], "", file_pos, existing=top)
            top.extend(added)
        for unit in added:
            for node in unit.walk():
                by_uid[node.uid] = node
    doc = manifest.document
    return Document(
        lang=lang, id=doc.id, type=doc.type, issuer=doc.issuer, number=doc.number,
        date=doc.date, title=doc.title, signatory=doc.signatory, units=top,
        pos=SourcePos(shown, 1, 1),
    )


def _load_amendments(root: Path, diagnostics: Diagnostics) -> tuple[list[Act], list[Change]]:
    acts: list[Act] = []
    changes: list[Change] = []
    for order, path in enumerate(sorted((root / "amendments").glob("*.yaml"))):
        shown = relative(path, root)
        raw = read_yaml(path, shown, diagnostics)
        if raw is None:
            continue
        file_pos = pos_of(raw, None, SourcePos(shown, 1, 1))
        if not isinstance(raw, dict) or "act" not in raw or "changes" not in raw:
            validate_model(AmendmentIn, raw, diagnostics, file_pos, "amendment record")
            continue
        act_in = validate_model(ActIn, raw["act"], diagnostics, raw.pos_of("act"), "act")
        raw_changes = raw["changes"]
        if not isinstance(raw_changes, list) or not raw_changes:
            diagnostics.error(raw.pos_of("changes"), "'changes' must be a non-empty list")
            continue
        if act_in is None:
            continue
        act = Act(
            key=f"{act_in.issuer}/{act_in.type}/{act_in.date.isoformat()}/{act_in.number}",
            type=act_in.type, issuer=act_in.issuer, number=act_in.number, date=act_in.date,
            published=act_in.published, in_force=act_in.in_force,
            title={"kk": act_in.title.kk, "ru": act_in.title.ru}, path=shown, order=order,
        )
        acts.append(act)
        for index, raw_change in enumerate(raw_changes):
            change = _load_change(act, index, raw_change, pos_of(raw_changes, index), diagnostics)
            if change is not None:
                changes.append(change)
    _check_duplicate_acts(acts, diagnostics)
    return acts, changes


def _load_change(
    act: Act, index: int, raw: Any, pos: SourcePos, diagnostics: Diagnostics
) -> Change | None:
    target = raw.get("target", "?") if isinstance(raw, dict) else "?"
    context = f"change {index + 1} (target {target})"
    spec = validate_model(ChangeIn, raw, diagnostics, pos, context)
    if spec is None:
        return None
    rule = spec.in_force or act.in_force
    effective = effective_date(act, rule)
    if effective is None:
        diagnostics.error(
            pos_of(raw, "in_force", pos),
            f"{context}: the in-force rule needs the act's 'published' date",
        )
    elif effective < act.date:
        diagnostics.error(pos, f"{context}: takes effect before the act is signed")
    _check_change_shape(spec, raw, pos, context, diagnostics)
    content = {}
    if spec.content is not None:
        content = {"kk": raw["content"]["kk"], "ru": raw["content"]["ru"]}
    return Change(
        act=act, index=index, target=spec.target, action=spec.action, in_force=rule,
        effective=effective, pos=pos, content=content, edits=list(spec.edits or []),
        after=spec.after, before=spec.before, note_on=spec.note_on,
        provenance=spec.provenance, reason=spec.reason,
    )


def _check_change_shape(
    spec: ChangeIn, raw: PosDict, pos: SourcePos, context: str, diagnostics: Diagnostics
) -> None:
    needs_content = spec.action in ("replace", "insert")
    if needs_content and spec.content is None:
        diagnostics.error(pos, f"{context}: '{spec.action}' needs 'content' in kk and ru")
    if not needs_content and spec.content is not None:
        diagnostics.error(
            pos_of(raw, "content", pos), f"{context}: '{spec.action}' takes no 'content'"
        )
    if spec.action == "amend" and not spec.edits:
        diagnostics.error(pos, f"{context}: 'amend' needs 'edits'")
    if spec.action != "amend" and spec.edits:
        diagnostics.error(pos_of(raw, "edits", pos), f"{context}: only 'amend' takes 'edits'")
    if spec.action != "insert" and (spec.after or spec.before):
        diagnostics.error(pos, f"{context}: only 'insert' takes 'after' or 'before'")
    if spec.after and spec.before:
        diagnostics.error(pos, f"{context}: give 'after' or 'before', not both")
    if spec.provenance == "reconstructed" and not spec.reason:
        diagnostics.error(
            pos_of(raw, "provenance", pos), f"{context}: a reconstructed change needs a 'reason'"
        )


def _check_duplicate_acts(acts: list[Act], diagnostics: Diagnostics) -> None:
    seen: dict[str, Act] = {}
    for act in acts:
        if act.key in seen:
            diagnostics.error(
                SourcePos(act.path, 1, 1),
                f"act No {act.number} of {act.date} is also recorded in {seen[act.key].path}",
            )
        seen[act.key] = act


__all__ = ["Act", "Change", "Project", "InputError", "load_project", "effective_date"]
