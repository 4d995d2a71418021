"""Raw unit mappings → `Unit` trees with full ids, each unit's fields checked for its kind.

Reads: raw YAML values (with positions) of content files and of amendment records' content.
Writes: `Unit`s, and a diagnostic for every problem. `UnitIn` is what a drafter may write for a
unit. The load stage builds the documents with it, and the consolidate stage the units of a
change, since an inserted unit's id depends on where it goes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, cast

from pydantic import Field, PlainValidator
from pydantic_core import PydanticCustomError

from ..model import (
    KINDS,
    AnnexName,
    Cell,
    Diagnostics,
    SourcePos,
    Strict,
    Unit,
    UnitKind,
    kind_names,
    kind_spec,
    label_number,
)
from .positions import pos_of
from .validation import validate_model


def _known_kind(value: Any) -> UnitKind:
    """A kind of the kind table as it is when the unit is read (a kind added at run time too),
    refused as pydantic refuses a value outside a Literal."""
    names = kind_names()
    if isinstance(value, str) and value in names:
        return cast(UnitKind, value)
    quoted = [repr(name) for name in names]
    expected = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]
    raise PydanticCustomError("literal_error", "Input should be {expected}",
                              {"expected": expected})


KindName = Annotated[UnitKind, PlainValidator(_known_kind, json_schema_input_type=str)]


class UnitIn(Strict):
    kind: KindName
    id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9]*(_[0-9a-z-]+)*$")
    label: str | None = None
    heading: str | None = None
    text: str | None = None
    stamp: list[str] | None = None
    position: str | None = None
    name: str | None = None
    role: Literal["passport", "action_plan", "towns", "plain"] | None = None
    widths: list[float] | None = None
    header: list[list[Cell]] | None = None
    cells: list[Cell] | None = None
    note_name: AnnexName | None = None
    # Children are checked one by one by the loader, so each error can name its unit's id.
    children: list[Any] = Field(default_factory=list)


def own_id(kind: str, label: str | None, given: str | None, counters: dict[str, int]) -> str:
    """A unit's own id: the one given, else its kind's prefix and its label's number, else the
    prefix and its place among the unlabelled siblings of its kind (`counters`, updated)."""
    if given is not None:
        return given
    known = KINDS.get(kind)
    prefix = known.prefix if known is not None else kind
    if label is not None and label_number(label):
        return f"{prefix}_{label_number(label)}"
    counters[kind] = counters.get(kind, 0) + 1
    return f"{prefix}_{counters[kind]}"


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
        # A kind that is not a word (a list, say) is the schema's error to report below.
        own = self._own_id(raw, kind if isinstance(kind, str) else "unit", counters)
        uid = f"{parent_uid}__{own}" if parent_uid else own
        spec = validate_model(UnitIn, raw, self.diagnostics, pos, f"unit {uid}")
        if spec is None:
            return None
        self._check_fields(spec, raw, uid, pos)
        unit = Unit(
            kind=spec.kind, uid=uid, pos=pos, label=spec.label, heading=spec.heading,
            text=spec.text, stamp=spec.stamp, position=spec.position, name=spec.name,
            role=spec.role, widths=spec.widths, header=spec.header, cells=spec.cells,
            note_name=spec.note_name,
        )
        unit.children = self.build_children(raw.get("children"), uid, pos)
        return unit

    @staticmethod
    def _own_id(raw: dict[str, Any], kind: str, counters: dict[str, int]) -> str:
        given = raw.get("id")
        label = raw.get("label")
        return own_id(kind, label if isinstance(label, str) else None,
                      given if isinstance(given, str) else None, counters)

    def _check_fields(self, spec: UnitIn, raw: dict[str, Any], uid: str, pos: SourcePos) -> None:
        given = {name for name in spec.model_fields_set if getattr(spec, name) is not None}
        kind = kind_spec(spec.kind)
        allowed = {*kind.fields, "kind", "id", "label", "children"}
        for name in sorted(given - allowed):
            self.diagnostics.error(
                pos_of(raw, name, pos), f"unit {uid}: field '{name}' is not used by a {spec.kind}"
            )
        for name in ("text", "heading", "label", "name", "position"):
            value = getattr(spec, name)
            if isinstance(value, str) and not value.strip():
                self.diagnostics.error(pos_of(raw, name, pos), f"unit {uid}: '{name}' is blank")
        for name in sorted(set(kind.required) - given):
            self.diagnostics.error(pos, f"unit {uid}: a {spec.kind} needs '{name}'")
        if kind.label_required and not spec.label:
            self.diagnostics.error(pos, f"unit {uid}: a {spec.kind} needs a 'label'")
        if kind.family == "tabular":
            self._check_rows(spec, pos, uid)

    def _check_rows(self, spec: UnitIn, pos: SourcePos, uid: str) -> None:
        rows = [name for name in kind_names() if kind_spec(name).in_table]
        for child in spec.children:
            kind = child.get("kind") if isinstance(child, dict) else None
            # A kind that is not a word is reported by the child's own check.
            if isinstance(kind, str) and kind not in rows:
                self.diagnostics.error(
                    pos_of(child, "kind", pos),
                    f"unit {uid}: a {spec.kind} holds only {', '.join(rows[:-1])} and "
                    f"{rows[-1]} units",
                )


